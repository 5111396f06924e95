import { verifiedClaimsSchema } from '@/lib/auth/claims';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import type { RealtimeToken } from './schemas';

/**
 * The signed-in user's current access token for Realtime, read from the session cookies
 * (refreshed by @supabase/ssr when close to expiry) and verified against the JWKS before it
 * is handed out. Null when signed out or when the token does not verify.
 */
export async function currentRealtimeToken(): Promise<RealtimeToken | null> {
  const supabase = await createSupabaseServerClient();
  const { data: sessionData } = await supabase.auth.getSession();
  const token = sessionData.session?.access_token;
  if (!token) return null;
  const { data, error } = await supabase.auth.getClaims(token);
  if (error || !data) return null;
  const claims = verifiedClaimsSchema.safeParse(data.claims);
  if (!claims.success) return null;
  return { access_token: token, expires_at: claims.data.exp };
}
