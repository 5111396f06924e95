import { z } from 'zod';

/**
 * Supabase connection settings shared by the server and the browser. Only the
 * NEXT_PUBLIC_* values are allowed here (they are inlined into client bundles).
 */
const publicSupabaseSchema = z.object({
  url: z.string().url('NEXT_PUBLIC_SUPABASE_URL must be a URL like http://127.0.0.1:54321'),
  publishableKey: z.string().min(10, 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is missing'),
});

export function publicSupabaseConfig() {
  const parsed = publicSupabaseSchema.safeParse({
    url: process.env.NEXT_PUBLIC_SUPABASE_URL,
    publishableKey: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

/**
 * Auth cookies: host-only (no Domain attribute, so the apex and each tenant host
 * have their own session), HttpOnly (only the server reads the session),
 * SameSite=Lax, Secure in production.
 */
export const authCookieOptions = {
  path: '/',
  sameSite: 'lax' as const,
  httpOnly: true,
  secure: process.env.NODE_ENV === 'production',
};
