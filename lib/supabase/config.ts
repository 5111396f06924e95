import { env } from '@/lib/env';
import { isLocalRootDomain } from '@/lib/tenancy/host';

/**
 * Supabase connection settings, read at run time on the server (through the
 * parsed env, never as `process.env.NEXT_PUBLIC_*` literals, which Next.js would
 * freeze at build time). The browser never talks to Supabase Auth directly.
 */
export function publicSupabaseConfig() {
  const values = env();
  return { url: values.NEXT_PUBLIC_SUPABASE_URL, publishableKey: values.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY };
}

/**
 * Auth cookies: host-only (no Domain attribute, so the apex and each tenant host
 * have their own session), HttpOnly (only the server reads the session),
 * SameSite=Lax, Secure except on local (http) roots.
 */
export function authCookieOptions() {
  return { path: '/', sameSite: 'lax' as const, httpOnly: true, secure: !isLocalRootDomain(env().NEXT_PUBLIC_ROOT_DOMAIN) };
}
