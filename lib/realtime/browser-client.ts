import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createRealtimeTokenSource } from './token-source';

/**
 * A supabase-js client for Realtime in the browser. It never touches Supabase Auth (the
 * session lives in HttpOnly cookies on the server): realtime-js gets the access token through
 * the `accessToken` option from the same-origin token route. `url` and `publishableKey` come
 * from the server (publicSupabaseConfig()), so they follow the runtime environment.
 */
export function createBrowserRealtimeClient(config: { url: string; publishableKey: string }): SupabaseClient {
  return createClient(config.url, config.publishableKey, {
    accessToken: createRealtimeTokenSource(),
  });
}
