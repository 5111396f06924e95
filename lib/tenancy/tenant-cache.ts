/**
 * A short-lived in-process cache of slug → tenant for middleware, so routing does
 * not query Postgres on every request. Entries live TTL_MS; a slug change or an
 * organization deletion calls `forgetTenant` in the instance (process) that made it,
 * and other instances converge within TTL_MS (docs/decisions/0009).
 */
export interface CachedTenant {
  id: string;
  name: string;
  slug: string;
}

const TTL_MS = 10_000;
const MAX_ENTRIES = 5_000;
type Entry = { value: CachedTenant | null; expires: number };
// One map per process, shared through globalThis: middleware and server actions
// are separate bundles, and a rename in an action must reach middleware's cache.
const shared = globalThis as unknown as { __tenantforgeTenantCache?: Map<string, Entry> };
const entries = (shared.__tenantforgeTenantCache ??= new Map<string, Entry>());

export async function cachedTenant(
  slug: string,
  load: (slug: string) => Promise<CachedTenant | null>,
  now = Date.now(),
): Promise<CachedTenant | null> {
  const hit = entries.get(slug);
  if (hit && hit.expires > now) return hit.value;
  const value = await load(slug);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(slug, { value, expires: now + TTL_MS });
  return value;
}

/** Drops a slug (old and new after a rename; the slug of a deleted organization). */
export function forgetTenant(...slugs: string[]): void {
  for (const slug of slugs) entries.delete(slug.toLowerCase());
}
