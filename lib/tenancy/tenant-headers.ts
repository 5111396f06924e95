import { AppError } from '@/lib/errors';

/**
 * The tenant middleware.ts resolved from the Host, passed to routes in request
 * headers. middleware.ts always deletes these headers from incoming requests
 * before setting them, so a client cannot choose its tenant.
 */
export const TENANT_ID_HEADER = 'x-tenant-id';
export const TENANT_SLUG_HEADER = 'x-tenant-slug';
export const TENANT_NAME_HEADER = 'x-tenant-name';

export interface RequestTenant {
  id: string;
  slug: string;
  name: string;
}

export function tenantFromHeaders(headers: Headers): RequestTenant {
  const tenant = optionalTenantFromHeaders(headers);
  if (!tenant) throw new AppError('not_found', 'Organization not found.');
  return tenant;
}

export function optionalTenantFromHeaders(headers: Headers): RequestTenant | null {
  const id = headers.get(TENANT_ID_HEADER);
  const slug = headers.get(TENANT_SLUG_HEADER);
  if (!id || !slug) return null;
  return { id, slug, name: decodeURIComponent(headers.get(TENANT_NAME_HEADER) ?? slug) };
}
