import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { hostOrigin } from '@/lib/tenancy/host';
import { requestHost } from './request-host';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF guard for mutations: a request whose Origin (or, without one, whose
 * Sec-Fetch-Site) says it comes from another site is refused. Clients that send
 * neither (curl, server-to-server with a bearer token) are not browsers and pass.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = requestHost(request.headers);
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
