import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { toCurrentUser, verifiedClaimsSchema, type CurrentUser } from './claims';
import { safeReturnPath } from './return-path';

/**
 * The signed-in user of this request, from an access token whose signature was
 * verified against the auth server's JWKS (cached in memory; no network call per
 * request). The token is the session cookie's, or an `Authorization: Bearer`
 * header for API clients. Null when signed out or when the token does not verify.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const supabase = await createSupabaseServerClient();
  const bearer = /^Bearer\s+(\S+)$/i.exec((await headers()).get('authorization') ?? '')?.[1];
  const { data, error } = await supabase.auth.getClaims(bearer);
  if (error || !data) return null;
  const parsed = verifiedClaimsSchema.safeParse(data.claims);
  return parsed.success ? toCurrentUser(parsed.data) : null;
});

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return user;
}
