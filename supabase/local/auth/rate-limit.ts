import { tooManyRequests } from './errors.ts';
import type { AuthConfig, RateLimitedEndpoint, RateLimitRule } from './options.ts';

/**
 * Fixed-window counters, kept in memory: this server is one process and the
 * limits only guard a local stack, so they reset on restart (documented in the
 * README). Keys are `<endpoint>:ip:<ip>` and `<endpoint>:email:<address>`; the
 * IP is the socket's, or the forwarded end user's (http.ts clientIp).
 */
export interface RateLimiter {
  /** Counts a request from this IP; throws 429 over_request_rate_limit past the limit. */
  hitIp(endpoint: RateLimitedEndpoint, ip: string): void;
  /**
   * Counts a request for this email address, whether or not a user has it (so the
   * answer never reveals that). Past the limit: 429 over_email_send_rate_limit,
   * or over_request_rate_limit for sign-in attempts.
   */
  hitEmail(endpoint: RateLimitedEndpoint, email: string): void;
  stop(): void;
}

interface Window {
  startedAt: number;
  count: number;
  expiresAt: number;
}

export function createRateLimiter(config: AuthConfig, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, Window>();
  const sweeper = setInterval(() => {
    const t = now();
    for (const [key, window] of windows) if (window.expiresAt <= t) windows.delete(key);
  }, 60_000);
  sweeper.unref();

  /** Returns the seconds to wait when over the limit, or 0. */
  function hit(key: string, rule: RateLimitRule): number {
    const t = now();
    const windowMs = rule.windowSeconds * 1000;
    let window = windows.get(key);
    if (!window || window.expiresAt <= t) {
      window = { startedAt: t, count: 0, expiresAt: t + windowMs };
      windows.set(key, window);
    }
    window.count += 1;
    return window.count > rule.max ? Math.max(1, Math.ceil((window.expiresAt - t) / 1000)) : 0;
  }

  return {
    hitIp(endpoint, ip) {
      const rule = config.rateLimits[endpoint].perIp;
      if (rule && hit(`${endpoint}:ip:${ip}`, rule) > 0) {
        throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
      }
    },
    hitEmail(endpoint, email) {
      const rule = config.rateLimits[endpoint].perEmail;
      if (!rule) return;
      const wait = hit(`${endpoint}:email:${email.toLowerCase()}`, rule);
      if (wait === 0) return;
      if (endpoint === 'token') throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
      throw tooManyRequests('over_email_send_rate_limit', `For security purposes, you can only request this after ${wait} seconds.`);
    },
    stop() {
      clearInterval(sweeper);
      windows.clear();
    },
  };
}
