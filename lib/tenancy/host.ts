/**
 * What a request's Host names: the apex (marketing, sign-up), a tenant subdomain,
 * or something else (left for custom domains; treated as unknown for now).
 */
export type HostKind = { kind: 'apex' } | { kind: 'tenant'; slug: string } | { kind: 'unknown' };

export function classifyHost(rawHost: string | null, rootDomain: string): HostKind {
  const host = (rawHost ?? '').trim().toLowerCase();
  const root = rootDomain.toLowerCase();
  if (host === root || host === `www.${root}`) return { kind: 'apex' };
  // 127.0.0.1:<port> reaches the apex locally (health checks, benchmarks).
  const port = root.includes(':') ? root.slice(root.indexOf(':')) : '';
  if (port && host === `127.0.0.1${port}`) return { kind: 'apex' };
  if (!host.endsWith(`.${root}`)) return { kind: 'unknown' };
  const sub = host.slice(0, -root.length - 1);
  if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(sub)) return { kind: 'unknown' };
  return { kind: 'tenant', slug: sub };
}

/**
 * Local roots (`localhost:3000`, `*.localhost`) are served over plain http, even
 * by a production build; every other root over https.
 */
export function isLocalRootDomain(rootDomain: string): boolean {
  const host = rootDomain.replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost');
}

const scheme = (rootDomain: string) => (isLocalRootDomain(rootDomain) ? 'http' : 'https');

/** The URL origin of a tenant's host, e.g. http://acme.localhost:3000. */
export function tenantOrigin(slug: string, rootDomain: string): string {
  return `${scheme(rootDomain)}://${slug}.${rootDomain}`;
}

/** The apex origin, e.g. http://localhost:3000. */
export function apexOrigin(rootDomain: string): string {
  return `${scheme(rootDomain)}://${rootDomain}`;
}

/** The origin of a host under the root domain (apex or tenant). */
export function hostOrigin(host: string, rootDomain: string): string {
  return `${scheme(rootDomain)}://${host}`;
}
