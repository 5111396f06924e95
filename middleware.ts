import { NextResponse, type NextRequest } from 'next/server';

/**
 * Runs before every page and API request. Gives each request an id (echoed in
 * `x-request-id`, used by logs and audit entries). Tenant resolution and session
 * refresh hang here too (see docs/decisions/0001-next16-middleware.md).
 */
export function middleware(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  runtime: 'nodejs',
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
