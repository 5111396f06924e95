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

/** The URL origin of a tenant's host, e.g. http://acme.localhost:3000. */
export function tenantOrigin(slug: string, rootDomain: string, secure: boolean): string {
  return `${secure ? 'https' : 'http'}://${slug}.${rootDomain}`;
}

/** The apex origin, e.g. http://localhost:3000. */
export function apexOrigin(rootDomain: string, secure: boolean): string {
  return `${secure ? 'https' : 'http'}://${rootDomain}`;
}
