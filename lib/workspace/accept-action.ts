'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { FormState } from '@/lib/auth/schemas';
import { isAppError } from '@/lib/errors';
import { optionalTenantFromHeaders } from '@/lib/http/tenant-headers';
import { requestContextFrom } from '@/lib/http/request-context';
import { acceptInvitation } from '@/lib/invitations/actions';
import { log } from '@/lib/log';

/** The signed-in invitee joins; the invitation must belong to this host's organization. */
export async function acceptInvitationAction(_: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get('token') ?? '');
  const h = await headers();
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`);
  const tenant = optionalTenantFromHeaders(h);
  const context = requestContextFrom(h);
  try {
    const accepted = await acceptInvitation({ token, userId: user.id, email: user.email }, context);
    if (tenant && accepted.organization.id !== tenant.id) return { message: 'This invitation is for another organization.' };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    log.error('accept invitation failed', { requestId: context.requestId, error });
    return { message: 'Something went wrong on our side. Please try again.' };
  }
  redirect('/?notice=joined');
}
