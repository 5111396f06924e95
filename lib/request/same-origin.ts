import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { hostOrigin } from '@/lib/tenancy/host';
import { requestHost } from '@/lib/request/request-host';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF guard for mutations: a request whose Origin (or, without one, whose
 * Sec-Fetch-Site) says it comes from another site is refused. Clients that send
 * neither (curl, server-to-server with a bearer token) are not browsers and pass,
 * unless `requireOrigin` is set: server actions come only from this app's pages
 * in a browser, which sends Origin with every POST, so there a missing Origin is
 * refused too (Next.js compares Origin with Host only when Origin is present).
 */
export function assertSameOrigin(request: Request, options: { requireOrigin?: boolean } = {}): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = requestHost(request.headers);
  if (origin === null && options.requireOrigin) {
    throw new AppError('forbidden', 'Cross-origin requests are not allowed.');
  }
  if (origin !== null) {
    let sent: string | null = null;
    try {
      sent = new URL(origin).origin;
    } catch {
      sent = null;
    }
    // Scheme and host must both match this host's origin (http only on local roots).
    if (sent !== hostOrigin(host, env().NEXT_PUBLIC_ROOT_DOMAIN)) {
      throw new AppError('forbidden', 'Cross-origin requests are not allowed.');
    }
    return;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new AppError('forbidden', 'Cross-origin requests are not allowed.');
  }
}

/** A POST (or other unsafe method) to a page rather than an API route: a server action. */
export function isPageMutation(request: Request, pathname: string): boolean {
  return !SAFE_METHODS.has(request.method) && pathname !== '/api' && !pathname.startsWith('/api/');
}
