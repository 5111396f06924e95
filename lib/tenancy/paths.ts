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
