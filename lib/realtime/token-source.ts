import { REALTIME_TOKEN_PATH, realtimeTokenSchema } from './schemas';

/** Fetch a new token when the cached one has less than this left (realtime-js asks every 25 s). */
export const REFRESH_MARGIN_SECONDS = 60;

/**
 * The `accessToken` callback for supabase-js in the browser: the current access token from the
 * same-origin token route, cached until it is within REFRESH_MARGIN_SECONDS of expiry.
 * realtime-js calls it on connect and on every heartbeat, so the token it holds is replaced
 * before it expires (it then sends `access_token` to each joined channel). Signed out: null,
 * and supabase-js falls back to the publishable key (anon). Concurrent calls share one request.
 */
export function createRealtimeTokenSource(opts: { url?: string; now?: () => number } = {}): () => Promise<string | null> {
  const url = opts.url ?? REALTIME_TOKEN_PATH;
  const now = opts.now ?? (() => Date.now() / 1000);
  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string | null> | null = null;

  const load = async (): Promise<string | null> => {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status === 401) {
      cached = null;
      return null;
    }
    // Any other failure (network, 5xx): keep what we have; the next heartbeat asks again.
    if (!response.ok) return cached?.token ?? null;
    const body = realtimeTokenSchema.parse(await response.json());
    cached = { token: body.access_token, expiresAt: body.expires_at };
    return body.access_token;
  };

  return async () => {
    if (cached && cached.expiresAt - now() > REFRESH_MARGIN_SECONDS) return cached.token;
    inflight ??= load()
      .catch(() => cached?.token ?? null)
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };
}
