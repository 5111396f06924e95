import 'server-only';
import { createClient } from '@supabase/supabase-js';
import { env } from '@/lib/env';

/**
 * Auth admin client with the secret key: server-side only, for service work
 * (handoff sessions, looking up a user). Never reachable from a browser.
 */
export function createSupabaseAdminClient() {
  const values = env();
  return createClient(values.NEXT_PUBLIC_SUPABASE_URL, values.SUPABASE_SECRET_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}
