import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Proof that this process's socket hook (forwarded-headers-hook.ts) resolved a
 * request's X-Forwarded-* headers: a random value, made once per process and
 * kept on globalThis (instrumentation, middleware and route bundles are separate
 * module graphs in one process), that the hook writes into every request it sees.
 * Clients cannot know it, so a request carrying it was resolved here; Next.js
 * copies request headers onto the internal request it makes to render a server
 * action's redirect, which therefore keeps its resolved values.
 */
export const STAMP_HEADER = 'x-tenantforge-forwarded';

const KEY = Symbol.for('tenantforge.forwarded-stamp');
type Holder = { [KEY]?: string };

/** This process's stamp (created on first use). */
export function forwardedStamp(): string {
  const holder = globalThis as Holder;
  holder[KEY] ??= randomBytes(24).toString('base64url');
  return holder[KEY];
}

/** True when `value` is this process's stamp (and the hook has been installed here). */
export function isForwardedStamp(value: string | null | undefined): boolean {
  const stamp = (globalThis as Holder)[KEY];
  if (!stamp || !value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(stamp);
  return a.length === b.length && timingSafeEqual(a, b);
}
