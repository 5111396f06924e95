import type { RequestContext } from '@/lib/db';

/**
 * Who is asking, for audit entries: the request id middleware.ts assigned, the
 * client ip (first x-forwarded-for hop, as set by the platform's proxy), the user agent.
 */
export function requestContextFrom(headers: Headers): RequestContext {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    requestId: headers.get('x-request-id') ?? crypto.randomUUID(),
    ip: forwarded || headers.get('x-real-ip') || null,
    userAgent: headers.get('user-agent'),
  };
}
