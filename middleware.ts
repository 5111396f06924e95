import { NextResponse, type NextRequest } from 'next/server';
import { originOf } from '@/lib/http/origin';
import { requestHost } from '@/lib/http/request-host';
import { env } from '@/lib/env';
import { contentSecurityPolicy } from '@/lib/content-security-policy';
import { AppError, toErrorBody } from '@/lib/errors';
import { TENANT_ID_HEADER, TENANT_NAME_HEADER, TENANT_SLUG_HEADER } from '@/lib/http/tenant-headers';
import { resolveOrganizationBySlug } from '@/lib/orgs/queries';
import { updateSession } from '@/lib/supabase/middleware';
import { classifyHost } from '@/lib/tenancy/host';
import { cachedTenant } from '@/lib/tenancy/tenant-cache';
import { isSharedPath, isTenantOnlyPath, requiresSession, TENANT_PREFIX } from '@/lib/tenancy/paths';

/**
 * Every page and API request: request id → Host to tenant → session refresh →
 * rewrite tenant hosts into app/(tenant) → sign-in redirect for protected pages.
 * Node.js runtime, so it can reach Postgres (docs/decisions/0001).
 */
export async function middleware(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  for (const name of [TENANT_ID_HEADER, TENANT_SLUG_HEADER, TENANT_NAME_HEADER]) headers.delete(name);

  const { pathname, search } = request.nextUrl;
  const host = classifyHost(requestHost(request.headers), env().NEXT_PUBLIC_ROOT_DOMAIN);
  const finish = (response: NextResponse) => {
    response.headers.set('x-request-id', requestId);
    const dev = process.env.NODE_ENV !== 'production';
    response.headers.set('Content-Security-Policy', contentSecurityPolicy({ supabaseUrl: env().NEXT_PUBLIC_SUPABASE_URL, dev }));
    return response;
  };
  // Health answers on any Host (load balancers probe by IP).
  if (pathname === '/api/health') return finish(NextResponse.next({ request: { headers } }));

  // The internal tenant tree is reachable only through a tenant host.
  if (pathname === TENANT_PREFIX || pathname.startsWith(`${TENANT_PREFIX}/`)) {
    return finish(NextResponse.rewrite(new URL('/not-found-page', request.url), { status: 404 }));
  }
  if (host.kind === 'unknown') return finish(workspaceNotFound(request, headers));

  let tenantSlug: string | null = null;
  if (host.kind === 'tenant') {
    const tenant = await cachedTenant(host.slug, resolveOrganizationBySlug);
    if (!tenant) return finish(workspaceNotFound(request, headers));
    tenantSlug = tenant.slug;
    headers.set(TENANT_ID_HEADER, tenant.id);
    headers.set(TENANT_SLUG_HEADER, tenant.slug);
    headers.set(TENANT_NAME_HEADER, encodeURIComponent(tenant.name));
  } else if (isTenantOnlyPath(pathname)) {
    return finish(NextResponse.rewrite(new URL('/not-found-page', request.url), { status: 404 }));
  }

  const { response, claims } = await updateSession(request, headers);
  if (!claims && requiresSession(pathname, host.kind)) {
    // On the host the browser asked for (request.url may carry the server's own address).
    const signIn = new URL('/sign-in', originOf(request.headers));
    signIn.searchParams.set('next', `${pathname}${search}`);
    return finish(withCookies(NextResponse.redirect(signIn), response));
  }
  if (tenantSlug && !isSharedPath(pathname)) {
    const target = new URL(`${TENANT_PREFIX}/${tenantSlug}${pathname === '/' ? '' : pathname}${search}`, request.url);
    return finish(withCookies(NextResponse.rewrite(target, { request: { headers } }), response));
  }
  return finish(response);
}

/** No organization at this host: the branded page, or for tenant API paths a JSON 404 like any unknown id. */
function workspaceNotFound(request: NextRequest, headers: Headers): NextResponse {
  if (request.nextUrl.pathname.startsWith('/api/') && isTenantOnlyPath(request.nextUrl.pathname)) {
    const { status, body } = toErrorBody(new AppError('not_found', 'Organization not found.'));
    return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  }
  return NextResponse.rewrite(new URL('/workspace-not-found', request.url), { request: { headers } });
}

/** Carries refreshed session cookies over to a redirect or rewrite response. */
function withCookies(target: NextResponse, source: NextResponse): NextResponse {
  for (const cookie of source.cookies.getAll()) target.cookies.set(cookie);
  return target;
}

export const config = {
  runtime: 'nodejs',
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
