import type { RequestContext } from '@/lib/db';
import { clientAddress } from '@/lib/request/client-address';

/**
 * Who is asking, for audit entries: the request id middleware.ts assigned (never
 * one a client chose), the client IP from the trusted proxy chain (see
 * client-address.ts; null when unknown), the user agent.
 */
export function requestContextFrom(headers: Headers): RequestContext {
  return {
    requestId: headers.get('x-request-id') ?? crypto.randomUUID(),
    ip: clientAddress(headers).ip,
    userAgent: headers.get('user-agent'),
  };
}
