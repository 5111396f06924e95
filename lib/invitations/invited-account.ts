import 'server-only';
import type { AuthError } from '@supabase/supabase-js';
import { createSupabaseAdminClient } from '@/lib/supabase/admin';
import { previewInvitation } from './queries';

export interface InvitedAccountInput {
  /** The token of the invitation link the person followed. */
  token: string;
  /** The organization of the host the sign-up happens on: the invitation must be its own. */
  orgSlug: string;
  email: string;
  password: string;
  name?: string;
}

export type InvitedAccount = { created: true; userId: string } | { created: false; error?: AuthError };

/**
 * Sign-up through an invitation link: the token was emailed to the invited
 * address, so holding it proves that address, as a confirmation link would
 * (docs/decisions/0023). When the invitation is pending, unexpired, of this
 * host's organization and for exactly this email, the account is created
 * already confirmed through the auth admin API (secret key, server only); no
 * confirmation email is sent. Otherwise nothing is created (`created: false`)
 * and the normal sign-up with its confirmation email applies, as it does when
 * the address already has an account (whose password is left alone).
 * A password the auth server refuses comes back as `error`.
 */
export async function createInvitedAccount(input: InvitedAccountInput): Promise<InvitedAccount> {
  const email = input.email.trim().toLowerCase();
  const invitation = await previewInvitation(input.token);
  if (!invitation || invitation.status !== 'pending') return { created: false };
  if (invitation.organization.slug !== input.orgSlug || invitation.email !== email) return { created: false };
  const { data, error } = await createSupabaseAdminClient().auth.admin.createUser({
    email,
    password: input.password,
    email_confirm: true,
    user_metadata: input.name ? { full_name: input.name } : {},
  });
  if (error?.code === 'email_exists' || error?.code === 'user_already_exists') return { created: false };
  if (error || !data.user) return { created: false, error: error ?? undefined };
  return { created: true, userId: data.user.id };
}
