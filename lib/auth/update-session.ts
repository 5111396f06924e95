import { createServerClient } from '@supabase/ssr';
import { NextResponse, type NextRequest } from 'next/server';
import type { VerifiedClaims } from '@/lib/auth/claims';
import { hasSessionCookie, verifyAccessToken } from '@/lib/auth/verifier';
import { authCookieOptions, serverClientConfig } from '@/lib/supabase/config';

/**
 * Refreshes the Supabase session cookies for this request (rotating the refresh
 * token when the access token is near expiry) and returns the verified claims.
 * `response` carries the refreshed cookies and must be the one returned.
 * Requests without a session cookie (Bearer API calls, visitors) build no client.
 */
export async function updateSession(
  request: NextRequest,
  requestHeaders: Headers,
): Promise<{ response: NextResponse; claims: VerifiedClaims | null }> {
  let response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!hasSessionCookie(request.cookies.getAll().map((c) => c.name))) return { response, claims: null };
  const { url, key, headers: forwarded } = serverClientConfig(request.headers);
  const supabase = createServerClient(url, key, {
    cookieOptions: authCookieOptions(),
    global: { headers: forwarded },
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll: (list) => {
        for (const { name, value } of list) request.cookies.set(name, value);
        // Server components of this same request must see the refreshed session.
        requestHeaders.set('cookie', request.cookies.toString());
        response = NextResponse.next({ request: { headers: requestHeaders } });
        for (const { name, value, options } of list) response.cookies.set(name, value, { ...options, ...authCookieOptions() });
      },
    },
  });
  const { data } = await supabase.auth.getSession();
  const claims = data.session ? await verifyAccessToken(data.session.access_token) : null;
  return { response, claims };
}
