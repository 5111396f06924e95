/**
 * Which paths live where. Tenant hosts rewrite everything into app/(tenant) under
 * TENANT_PREFIX except the shared paths (auth pages, API, health), which every
 * host serves itself.
 */
export const TENANT_PREFIX = '/w';

const SHARED_PREFIXES = [
  '/api/',
  '/auth/',
  '/sign-in',
  '/sign-up',
  '/check-email',
  '/forgot-password',
  '/reset-password',
  '/account',
  '/workspace-not-found',
  '/invite/',
];

/** Benchmark routes (app/api/bench): only in a server started by bench/request-path.ts. */
const BENCH_PREFIX = '/api/bench/';

/**
 * Paths that answer 404 like an unknown path on every host: the internal tenant
 * tree (reached only through the tenant rewrite), and the benchmark routes unless
 * the server was started for benchmarking.
 */
export function isHiddenPath(pathname: string, benchRoutes: boolean): boolean {
  if (pathname === TENANT_PREFIX || pathname.startsWith(`${TENANT_PREFIX}/`)) return true;
  return !benchRoutes && (pathname === BENCH_PREFIX.slice(0, -1) || pathname.startsWith(BENCH_PREFIX));
}

/** Paths served by the (tenant) tree only on tenant hosts; on the apex they 404. */
const TENANT_ONLY_PREFIXES = ['/api/admin/', '/api/audit', '/invite/'];

export function isSharedPath(pathname: string): boolean {
  return SHARED_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix));
}

export function isTenantOnlyPath(pathname: string): boolean {
  return TENANT_ONLY_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix));
}

/** Pages that need a signed-in user; API routes answer 401 themselves. */
export function requiresSession(pathname: string, host: 'apex' | 'tenant'): boolean {
  if (pathname.startsWith('/api/')) return false;
  if (pathname === '/account' || pathname === '/reset-password' || pathname.startsWith('/new-organization')) return true;
  if (host === 'tenant') return !isSharedPath(pathname);
  return false;
}
