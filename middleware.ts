import { NextResponse, type NextRequest } from 'next/server';
import { safeReturnPath } from '@/lib/auth/return-path';
import { contentSecurityPolicy, CSP_HEADER, newNonce } from '@/lib/request/content-security-policy';
import { originOf } from '@/lib/request/origin';
import { requestHost } from '@/lib/request/request-host';
import { log } from '@/lib/log';
import { env } from '@/lib/env';
import { benchRoutesEnabled } from '@/lib/bench/routes';
import { AppError, isAppError, toErrorBody } from '@/lib/errors';
import { assertSameOrigin, isPageMutation } from '@/lib/request/same-origin';
import { TENANT_ID_HEADER, TENANT_NAME_HEADER, TENANT_SLUG_HEADER } from '@/lib/tenancy/tenant-headers';
import { resolveOrganizationBySlug } from '@/lib/orgs/queries';
import { updateSession } from '@/lib/auth/update-session';
import { classifyHost } from '@/lib/tenancy/host';
import { cachedTenant } from '@/lib/tenancy/tenant-cache';
import { isHiddenPath, isSharedPath, isTenantOnlyPath, requiresSession, TENANT_PREFIX } from '@/lib/tenancy/paths';

/**
 * Every page and API request: request id and CSP nonce → server actions only
 * from this host's pages → Host to tenant → session refresh → rewrite tenant
 * hosts into app/(tenant) → sign-in redirect for protected pages.
 * Node.js runtime, so it can reach Postgres (docs/decisions/0001).
 */
export async function middleware(request: NextRequest) {
  // The request id is always the server's; a client's own id is only logged beside it.
  const requestId = crypto.randomUUID();
  const clientRequestId = request.headers.get('x-request-id');
  if (clientRequestId) log.info('client request id', { requestId, client_request_id: clientRequestId.slice(0, 128) });
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  for (const name of [TENANT_ID_HEADER, TENANT_SLUG_HEADER, TENANT_NAME_HEADER]) headers.delete(name);
  // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  const csp = contentSecurityPolicy(newNonce(), env().NEXT_PUBLIC_SUPABASE_URL);
  headers.set(CSP_HEADER, csp);

  const { pathname, search } = request.nextUrl;
  const host = classifyHost(requestHost(request.headers), env().NEXT_PUBLIC_ROOT_DOMAIN);
  const finish = (response: NextResponse) => {
    response.headers.set('x-request-id', requestId);
    response.headers.set(CSP_HEADER, csp);
    return response;
  };
  // Health answers on any Host (load balancers probe by IP).
  if (pathname === '/api/health') return finish(NextResponse.next({ request: { headers } }));
  // Server actions: refused without this host's Origin (API routes check it themselves).
  if (isPageMutation(request, pathname)) {
    const refused = crossOriginRefusal(request);
    if (refused) return finish(refused);
  }

  // The internal tenant tree is reachable only through a tenant host; benchmark routes only in a benchmark start.
  if (isHiddenPath(pathname, benchRoutesEnabled())) {
    return finish(notFound(request, headers));
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
    return finish(notFound(request, headers));
  }

  const { response, claims } = await updateSession(request, headers);
  if (!claims && requiresSession(pathname, host.kind)) {
    // On the host the browser asked for (request.url may carry the server's own address).
    const signIn = new URL('/sign-in', originOf(request.headers));
    signIn.searchParams.set('next', safeReturnPath(`${pathname}${search}`, '/'));
    return finish(withCookies(NextResponse.redirect(signIn), response));
  }
  if (tenantSlug && !isSharedPath(pathname)) {
    const target = new URL(`${TENANT_PREFIX}/${tenantSlug}${pathname === '/' ? '' : pathname}${search}`, request.url);
    return finish(withCookies(NextResponse.rewrite(target, { request: { headers } }), response));
  }
  return finish(response);
}

/** No organization at this host: the branded page (404), or for tenant API paths a JSON 404 like any unknown id. */
function workspaceNotFound(request: NextRequest, headers: Headers): NextResponse {
  if (request.nextUrl.pathname.startsWith('/api/') && isTenantOnlyPath(request.nextUrl.pathname)) {
    const { status, body } = toErrorBody(new AppError('not_found', 'Organization not found.'));
    return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  }
  return NextResponse.rewrite(new URL('/workspace-not-found', request.url), { status: 404, request: { headers } });
}

/** The app's 404 page (the rewrite target does not exist, so Next.js renders app/not-found.tsx). */
function notFound(request: NextRequest, headers: Headers): NextResponse {
  return NextResponse.rewrite(new URL('/not-found-page', request.url), { status: 404, request: { headers } });
}

/** A JSON 403 for a server action without this host's Origin, or null when it may run. */
function crossOriginRefusal(request: NextRequest): NextResponse | null {
  try {
    assertSameOrigin(request, { requireOrigin: true });
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { status, body } = toErrorBody(error);
    return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  }
}

/** Carries refreshed session cookies over to a redirect or rewrite response. */
function withCookies(target: NextResponse, source: NextResponse): NextResponse {
  for (const cookie of source.cookies.getAll()) target.cookies.set(cookie);
  return target;
}

export const config = {
  runtime: 'nodejs',
  // Static files and the app icons (app/icon.tsx, apple-icon.tsx, favicon.ico,
  // manifest.ts) skip middleware: every host serves them as they are, with no
  // tenant lookup or session refresh (a tenant host would otherwise rewrite them into /w).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|icon$|apple-icon$|manifest\\.webmanifest$).*)'],
};
