/**
 * Which paths live where. Tenant hosts rewrite everything into app/(tenant) under
 * TENANT_PREFIX except the shared paths (auth pages, API, health), which every
 * host serves itself. Every entry is a whole path: it matches itself and the
 * paths below it (`/account`, `/account/x`), never a longer name (`/accounting`).
 */
export const TENANT_PREFIX = '/w';

const SHARED_PATHS = [
  '/api',
  '/auth',
  '/sign-in',
  '/sign-up',
  '/check-email',
  '/forgot-password',
  '/reset-password',
  '/account',
  '/workspaces',
  '/workspace-not-found',
  '/invite',
  '/approval-link',
];

/** Benchmark routes (app/api/bench): only in a server started by bench/request-path.ts. */
const BENCH_PATH = '/api/bench';

/**
 * Paths that answer 404 like an unknown path on every host: the internal tenant
 * tree (reached only through the tenant rewrite), and the benchmark routes unless
 * the server was started for benchmarking.
 */
export function isHiddenPath(pathname: string, benchRoutes: boolean): boolean {
  if (isWithin(pathname, TENANT_PREFIX)) return true;
  return !benchRoutes && isWithin(pathname, BENCH_PATH);
}

/** Paths served by the (tenant) tree only on tenant hosts; on the apex they 404. */
const TENANT_ONLY_PATHS = ['/api/admin', '/api/audit', '/invite', '/api/approvals', '/approval-link', '/api/tasks', '/api/notifications'];

/** Paths that need a signed-in user on every host. */
const SIGNED_IN_PATHS = ['/account', '/workspaces', '/reset-password', '/new-organization'];

/** `pathname` is `base` or lies below it (segment boundary). */
export function isWithin(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}

const withinAny = (pathname: string, bases: readonly string[]) => bases.some((base) => isWithin(pathname, base));

export function isSharedPath(pathname: string): boolean {
  return withinAny(pathname, SHARED_PATHS);
}

export function isTenantOnlyPath(pathname: string): boolean {
  return withinAny(pathname, TENANT_ONLY_PATHS);
}

/** Pages that need a signed-in user; API routes answer 401 themselves. */
export function requiresSession(pathname: string, host: 'apex' | 'tenant'): boolean {
  if (isWithin(pathname, '/api')) return false;
  if (withinAny(pathname, SIGNED_IN_PATHS)) return true;
  if (host === 'tenant') return !isSharedPath(pathname);
  return false;
}
