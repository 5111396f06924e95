import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService, Service } from './supervisor.ts';

/**
 * The local stand-in for Slack incoming webhooks and tenants' webhook endpoints, for
 * `npm run dev`, the e2e stack and the tests. It records every request and answers like
 * Slack (`ok`, or 400 `invalid_payload` when a /slack/ body has no `text`), and can be told
 * to fail the next N requests to a path. The app reaches it over http only because
 * OUTBOUND_ALLOWED_HOSTS names its host:port (lib/outbound/url-policy.ts).
 *
 *   POST|PUT /slack/<anything>, /hooks/<anything>   recorded; 200 `ok` unless told otherwise
 *   POST /_receiver/fail   {"path":"/hooks/x","times":3,"status":500}   the next 3 answer 500
 *   GET  /_receiver/requests[?path=/hooks/x]        {"requests":[{id,method,path,headers,body,receivedAt,status}]}
 *   DELETE /_receiver/requests                      forget everything
 */
export interface ReceivedRequest {
  id: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  receivedAt: string;
  status: number;
}

export async function startNotificationReceiver(opts: { port?: number; host?: string } = {}) {
  const received: ReceivedRequest[] = [];
  const failures = new Map<string, { times: number; status: number }>();
  let next = 1;

  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 1_000_000) chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  const json = (res: http.ServerResponse, status: number, value: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const body = await readBody(req);
    if (url.pathname === '/_receiver/fail' && req.method === 'POST') {
      const { path, times, status } = JSON.parse(body || '{}') as { path?: string; times?: number; status?: number };
      if (!path?.startsWith('/') || !Number.isInteger(times)) return json(res, 400, { error: 'path and times are required' });
      failures.set(path, { times: times!, status: status ?? 500 });
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_receiver/requests') {
      if (req.method === 'DELETE') {
        received.length = 0;
        failures.clear();
        return json(res, 200, { ok: true });
      }
      const path = url.searchParams.get('path');
      return json(res, 200, { requests: path ? received.filter((r) => r.path === path) : received });
    }
    if (!/^\/(slack|hooks)\//.test(url.pathname) || (req.method !== 'POST' && req.method !== 'PUT')) {
      return res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
    }
    const failing = failures.get(url.pathname);
    let status = 200;
    let answer = 'ok';
    if (failing && failing.times > 0) {
      failing.times -= 1;
      status = failing.status;
      answer = 'failing on purpose';
    } else if (url.pathname.startsWith('/slack/')) {
      let text: unknown;
      try {
        text = (JSON.parse(body) as { text?: unknown }).text;
      } catch {
        text = undefined;
      }
      if (typeof text !== 'string' || !text) [status, answer] = [400, 'invalid_payload'];
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    received.push({ id: next++, method: req.method, path: url.pathname, headers, body, receivedAt: new Date().toISOString(), status });
    if (received.length > 5000) received.shift();
    res.writeHead(status, { 'content-type': 'text/plain' }).end(answer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}`,
    /** The OUTBOUND_ALLOWED_HOSTS entry that lets the app reach it. */
    host,
    received,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The receiver as a service of `npm run dev` / the e2e stack. */
export function notificationReceiverService(opts: { port: number; target?: { url?: string; host?: string } }): Service {
  return {
    name: 'receiver',
    async start(log): Promise<RunningService> {
      const receiver = await startNotificationReceiver({ port: opts.port });
      if (opts.target) Object.assign(opts.target, { url: receiver.url, host: receiver.host });
      log(`Slack/webhook receiver on ${receiver.url} (received: ${receiver.url}/_receiver/requests)`);
      return { pids: () => [], stop: receiver.stop };
    },
  };
}
