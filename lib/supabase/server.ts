import { createServerClient } from '@supabase/ssr';
import { cookies, headers } from 'next/headers';
import { authCookieOptions, serverClientConfig } from './config';

/**
 * Supabase client for server components, server actions and route handlers,
 * reading and writing the session cookies of the current request, with the
 * client's IP forwarded to Supabase Auth (serverClientConfig). In server
 * components cookies are read-only: middleware.ts refreshes them instead.
 */
export async function createSupabaseServerClient() {
  const store = await cookies(); // first: marks the route dynamic before any config is read
  const { url, key, headers: forwarded } = serverClientConfig(await headers());
  return createServerClient(url, key, {
    cookieOptions: authCookieOptions(),
    global: { headers: forwarded },
    // Email links carry their PKCE flow id (`sb_flow_id`), so /auth/confirm uses
    // that flow's verifier: a later flow in the same browser (a resend, a magic
    // link, a failed request) no longer breaks an earlier email's link. Redirect
    // allow lists must then use wildcards (`http://localhost:3000/**`).
    auth: { experimental: { appendPkceFlowIdToRedirects: true } },
    cookies: {
      getAll: () => store.getAll(),
      setAll: (list) => {
        try {
          for (const { name, value, options } of list) store.set(name, value, { ...options, ...authCookieOptions() });
        } catch {
          // Called from a server component: middleware.ts keeps the cookies fresh.
        }
      },
    },
  });
}
