'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/return-path';
import type { FormState } from '@/lib/forms/form-state';
import { isAppError } from '@/lib/errors';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';
import { requestContextFrom } from '@/lib/request/request-context';
import { acceptInvitation } from '@/lib/invitations/service';
import { log } from '@/lib/log';

/**
 * The signed-in invitee joins. Only on the host of the invitation's own
 * organization: acceptInvitation checks that inside its transaction, before
 * anything is written.
 */
export async function acceptInvitationAction(_: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get('token') ?? '');
  const h = await headers();
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeReturnPath(`/invite/${encodeURIComponent(token)}`, '/'))}`);
  const tenant = optionalTenantFromHeaders(h);
  const context = requestContextFrom(h);
  if (!tenant) return { message: 'This invitation link is not valid.' };
  try {
    await acceptInvitation({ token, userId: user.id, email: user.email, orgId: tenant.id }, context);
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    log.error('accept invitation failed', { requestId: context.requestId, error });
    return { message: 'Something went wrong on our side. Please try again.' };
  }
  redirect('/?notice=joined');
}
