import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RealtimeServices } from './options.ts';
import { restCaller } from './rest-auth.ts';
import { batchBroadcast } from './rest-batch.ts';
import { parseJsonBody, readRawBody, RestError, send } from './rest-http.ts';
import { singleBroadcast } from './rest-single.ts';

export const REALTIME_PREFIX = '/realtime/v1';

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RestError(400, { message: 'Malformed percent-encoding in the URL' });
  }
}

/** The REST side of Realtime under /realtime/v1: the two broadcast endpoints. */
export async function handleRest(services: RealtimeServices, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname.slice(REALTIME_PREFIX.length);
  try {
    if (method === 'OPTIONS') return send(res, req, 204);
    const single = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)\/?$/.exec(path);
    const isBatch = /^\/api\/broadcast\/?$/.test(path);
    if (!single && !isBatch) {
      const hint = path === '/websocket' ? ' (open it as a WebSocket)' : '';
      throw new RestError(404, { message: `No route for ${method} ${url.pathname}${hint}` });
    }
    if (method !== 'POST') throw new RestError(405, { message: `${method} is not allowed on ${url.pathname}` });
    const claims = await restCaller(services, req, url);
    if (single) {
      const route = { topic: decode(single[1] ?? ''), event: decode(single[2] ?? ''), isPrivate: url.searchParams.get('private') === 'true' };
      await singleBroadcast(services, claims, req, route);
    } else {
      const body = parseJsonBody(await readRawBody(req, services.limits.maxFrameBytes));
      await batchBroadcast(services, claims, body);
    }
    send(res, req, 202);
  } catch (error) {
    if (error instanceof RestError) return send(res, req, error.status, error.body);
    services.log(`realtime: ${method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    send(res, req, 500, { message: 'Unknown error' });
  }
}
