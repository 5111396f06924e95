import type { IncomingMessage } from 'node:http';
import { AuthorizationError, emptyPolicies, writePolicies } from './authorization.ts';
import type { RealtimeServices } from './options.ts';
import { topicKey } from './pubsub.ts';
import { parseJsonBody, readRawBody, RestError } from './rest-http.ts';
import type { RealtimeClaims } from './tokens.ts';

/**
 * POST /api/broadcast/:topic/events/:event[?private=true] (Realtime.Tenants.SingleBroadcast;
 * realtime-js `httpSend`): the body is the payload, JSON or `application/octet-stream`.
 * 202 when sent; 403 `{"message":"Unauthorized"}` for a private topic the caller may not
 * write to; 415 for other content types; 422 when the payload is over the limit.
 */
const UNSUPPORTED = 'Unsupported Media Type. Use application/json or application/octet-stream';

function contentKind(req: IncomingMessage): 'json' | 'binary' {
  const header = req.headers['content-type'];
  if (header === undefined || header === '') return 'json';
  const type = header.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/octet-stream') return 'binary';
  throw new RestError(415, { error: UNSUPPORTED });
}

export async function singleBroadcast(
  services: RealtimeServices,
  claims: RealtimeClaims,
  req: IncomingMessage,
  route: { topic: string; event: string; isPrivate: boolean },
): Promise<void> {
  const kind = contentKind(req);
  const raw = await readRawBody(req, services.limits.maxFrameBytes);
  const body = kind === 'json' ? Buffer.from(JSON.stringify(parseJsonBody(raw)), 'utf8') : raw;
  if (body.length > services.limits.maxPayloadBytes) throw new RestError(422, { errors: { payload: ['Payload size exceeds tenant limit'] } });

  if (route.isPrivate) {
    let allowed: boolean;
    try {
      const policies = await writePolicies(services.sql, { topic: route.topic, claims }, emptyPolicies(), ['broadcast', 'presence']);
      allowed = policies.broadcast.write === true;
    } catch (error) {
      const unavailable = error instanceof AuthorizationError && error.kind === 'database_unavailable';
      services.log(`realtime: REST broadcast authorization failed for ${route.topic}: ${(error as Error).message}`);
      throw new RestError(422, { message: unavailable ? 'Tenant database unavailable' : 'RLS policy error' });
    }
    if (!allowed) throw new RestError(403, { message: 'Unauthorized' });
  }
  services.pubsub.publish(topicKey(route.topic, route.isPrivate), {
    kind: 'user',
    event: route.event,
    encoding: kind,
    body,
    meta: null,
  });
}
