import { AppError } from '@/lib/errors';
import { createSupabaseAdminClient } from '@/lib/supabase/admin';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { consumeHandoffCode } from '@/lib/handoff/service';

/**
 * Redeems a handoff code on this host and starts a new, independent session for
 * its user here (host-only cookies): the auth admin API issues a one-time
 * sign-in token that is verified at once on this host's server. No token ever
 * travels through the browser; the code alone is useless elsewhere.
 */
export async function startSessionFromHandoff(code: string, host: string): Promise<void> {
  const { userId } = await consumeHandoffCode({ code, host });
  const admin = createSupabaseAdminClient();
  const { data: found, error: findError } = await admin.auth.admin.getUserById(userId);
  const email = found?.user?.email;
  if (findError || !email) throw new AppError('unauthorized', 'This sign-in link is not valid any more. Sign in again.');
  const { data: link, error: linkError } = await admin.auth.admin.generateLink({ type: 'magiclink', email });
  if (linkError || !link.properties?.hashed_token) throw linkError ?? new Error('generate_link returned no token');
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.verifyOtp({ type: 'magiclink', token_hash: link.properties.hashed_token });
  if (error) throw error;
}
