import 'server-only';
import { env } from '@/lib/env';
import { createSafeFetch, type SafeFetch } from '@/lib/outbound/safe-fetch';
import { checkOutboundUrl, parseAllowedHosts } from '@/lib/outbound/url-policy';
import { AppError } from '@/lib/errors';

/** OUTBOUND_ALLOWED_HOSTS (dev and tests: the local receiver). */
export const allowedHosts = () => parseAllowedHosts(env().OUTBOUND_ALLOWED_HOSTS);

let cached: SafeFetch | undefined;
/** The app's SSRF-safe fetcher for channel deliveries. */
export function outboundFetch(): SafeFetch {
  cached ??= createSafeFetch({ allowedHosts: allowedHosts(), timeoutMs: 5000, maxResponseBytes: 16 * 1024 });
  return cached;
}

/** Refuses a channel URL the fetcher would refuse anyway, at save time, with a clear message (422). */
export function assertChannelUrl(url: string, field: string): string {
  const verdict = checkOutboundUrl(url, allowedHosts());
  if (!verdict.ok) throw new AppError('validation_failed', `That URL cannot be used: ${verdict.reason}.`, { field });
  return verdict.url.toString();
}
