import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { toCurrentUser, type CurrentUser } from './claims';
import { safeReturnPath } from './return-path';
import { hasSessionCookie, verifyAccessToken } from './verifier';

/**
 * The signed-in user of this request, from an access token verified against the
 * auth server's JWKS by the process-wide verifier (no network call per request).
 * The token is an `Authorization: Bearer` header for API clients (no Supabase
 * client is built), else the session cookie's (middleware.ts refreshed it). Null
 * when signed out or when the token does not verify.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const bearer = /^Bearer\s+(\S+)$/i.exec((await headers()).get('authorization') ?? '')?.[1];
  const token = bearer ?? (await sessionAccessToken());
  if (!token) return null;
  const claims = await verifyAccessToken(token);
  return claims ? toCurrentUser(claims) : null;
});

async function sessionAccessToken(): Promise<string | null> {
  const store = await cookies();
  if (!hasSessionCookie(store.getAll().map((c) => c.name))) return null;
  const supabase = await createSupabaseServerClient();
  const { data } = await supabase.auth.getSession();
  return data.session?.access_token ?? null;
}

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return user;
}
