import { env } from '@/lib/env';
import { clientAddress } from '@/lib/request/client-address';
import { isLocalRootDomain } from '@/lib/tenancy/host';

/**
 * The server's Supabase client acting for the person behind `requestHeaders`:
 * every Auth call comes from this server's address, so Supabase would count its
 * per-IP limits (sign-in, refresh, verify, emails) for all users at once. With
 * Supabase's IP address forwarding, Auth counts the end user's IP from the
 * `Sb-Forwarded-For` header instead; it honours the header only on requests made
 * with a secret API key (`sb_secret_…`), and only once the project enables it
 * (Authentication → Rate Limits → IP Address Forwarding; the local stack's auth
 * server has it on). The IP is the client's from the trusted proxy chain; when it
 * is unknown no header is sent. Settings are read at run time from the parsed env
 * (never as `process.env.NEXT_PUBLIC_*` literals, which Next.js would freeze at
 * build time). The browser never talks to Supabase Auth; the key stays on the server.
 */
export function serverClientConfig(requestHeaders: Headers) {
  const values = env();
  const ip = clientAddress(requestHeaders).ip;
  return {
    url: values.NEXT_PUBLIC_SUPABASE_URL,
    key: values.SUPABASE_SECRET_KEY,
    headers: ip ? { 'sb-forwarded-for': ip } : ({} as Record<string, string>),
  };
}

/**
 * Auth cookies: host-only (no Domain attribute, so the apex and each tenant host
 * have their own session), HttpOnly (only the server reads the session),
 * SameSite=Lax, Secure except on local (http) roots.
 */
export function authCookieOptions() {
  return { path: '/', sameSite: 'lax' as const, httpOnly: true, secure: !isLocalRootDomain(env().NEXT_PUBLIC_ROOT_DOMAIN) };
}

/**
 * What the browser may know about the Supabase project (URL and publishable key), read at
 * run time for client components such as the RealtimeProvider.
 */
export function publicSupabaseConfig(): { url: string; publishableKey: string } {
  const values = env();
  return { url: values.NEXT_PUBLIC_SUPABASE_URL, publishableKey: values.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY };
}
