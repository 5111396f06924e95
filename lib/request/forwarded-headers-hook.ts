import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { forwardedStamp, isForwardedStamp, STAMP_HEADER } from '@/lib/request/forwarded-stamp';
import { resolveClient, type ProxyTrust } from '@/lib/request/trusted-proxy';

/** Headers a client could use to speak for a proxy; replaced on every request. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip'];

const CHANNEL = 'http.server.request.start';

/**
 * Rewrites the proxy headers of every request this process's HTTP server
 * receives, before Next.js sees them. Next.js (`next start`, `next dev`) keeps an
 * X-Forwarded-For / X-Forwarded-Host a client sends and only fills them in from
 * the socket when absent, and middleware and route handlers never see the socket.
 * Node publishes each request on a diagnostics channel before the server's
 * handler runs; here the socket's address is still known. The hook resolves the
 * client under `trust`, writes it back as a single X-Forwarded-For (and
 * X-Forwarded-Host, X-Forwarded-Proto when trusted), drops the rest, and stamps
 * the request. A request that already carries this process's stamp is Next.js's
 * own internal re-request and is left as it is. Returns a function that removes the hook.
 */
export function installForwardedHeadersHook(trust: ProxyTrust): () => void {
  const stamp = forwardedStamp();
  const onRequest = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const headers = request.headers;
    const sent = headers[STAMP_HEADER];
    if (isForwardedStamp(Array.isArray(sent) ? sent[0] : sent)) return;
    const client = resolveClient({ peer: socket.remoteAddress ?? null, headers }, trust);
    for (const name of PROXY_HEADERS) delete headers[name];
    if (client.ip) headers['x-forwarded-for'] = client.ip;
    if (client.host) headers['x-forwarded-host'] = client.host;
    if (client.proto) headers['x-forwarded-proto'] = client.proto;
    headers[STAMP_HEADER] = stamp;
  };
  diagnostics.subscribe(CHANNEL, onRequest);
  return () => diagnostics.unsubscribe(CHANNEL, onRequest);
}
