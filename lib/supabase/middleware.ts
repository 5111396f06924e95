import { createServerClient } from '@supabase/ssr';
import { NextResponse, type NextRequest } from 'next/server';
import { verifiedClaimsSchema, type VerifiedClaims } from '@/lib/auth/claims';
import { authCookieOptions, serverClientConfig } from './config';

/**
 * Refreshes the Supabase session cookies for this request (rotating the refresh
 * token when the access token is near expiry) and returns the verified claims.
 * `response` carries the refreshed cookies and must be the one returned.
 */
export async function updateSession(
  request: NextRequest,
  requestHeaders: Headers,
): Promise<{ response: NextResponse; claims: VerifiedClaims | null }> {
  const { url, key, headers: forwarded } = serverClientConfig(request.headers);
  let response = NextResponse.next({ request: { headers: requestHeaders } });
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
  const { data, error } = await supabase.auth.getClaims();
  const parsed = !error && data ? verifiedClaimsSchema.safeParse(data.claims) : null;
  return { response, claims: parsed?.success ? parsed.data : null };
}
