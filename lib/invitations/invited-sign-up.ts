import 'server-only';
import type { AuthError } from '@supabase/supabase-js';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { requestContextFrom } from '@/lib/request/request-context';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';
import { acceptInvitation } from './accept-invitation';
import { createInvitedAccount } from './invited-account';
import { invitationPath, invitationTokenFromPath } from './invitation-path';

/**
 * The sign-up action's invitation path. Applies when the sign-up happens on a
 * tenant host with `next` = that organization's invitation link and the email
 * is the invited one (createInvitedAccount decides): the account is created
 * confirmed, signed in on this host, and joins at once, then the browser goes
 * to the workspace; if the invitation stopped being valid in the meantime, to
 * the invitation page, which says why. Returns null when it does not apply
 * (the normal sign-up with a confirmation email follows), or the auth server's
 * refusal of the password for the form to show.
 */
export async function signUpThroughInvitation(
  fields: { email: string; password: string; name?: string },
  next: string,
): Promise<AuthError | null> {
  const requestHeaders = await headers();
  const tenant = optionalTenantFromHeaders(requestHeaders);
  const token = invitationTokenFromPath(next);
  if (!tenant || !token) return null;
  const account = await createInvitedAccount({ ...fields, token, orgSlug: tenant.slug });
  if (!account.created) return account.error ?? null;

  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.signInWithPassword({ email: fields.email, password: fields.password });
  if (error) {
    // The account exists and is confirmed: signing in by hand finishes the journey.
    log.error('invited sign-up: new account could not sign in', { code: error.code, status: error.status });
    redirect(`/sign-in?next=${encodeURIComponent(invitationPath(token))}`);
  }
  const context = requestContextFrom(requestHeaders);
  let joined = false;
  try {
    await acceptInvitation({ token, userId: account.userId, email: fields.email, orgId: tenant.id }, context);
    joined = true;
  } catch (acceptError) {
    if (!isAppError(acceptError)) log.error('invited sign-up: accept failed', { requestId: context.requestId, error: acceptError });
  }
  redirect(joined ? '/?notice=joined' : invitationPath(token));
}
