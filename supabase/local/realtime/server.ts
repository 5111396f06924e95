import type http from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import postgres from 'postgres';
import { WebSocketServer } from 'ws';
import { GatewayError } from '../auth/errors.ts';
import { resolveApiKey } from '../auth/guards.ts';
import type { AuthKeys } from '../auth/keys.ts';
import { startCleanup } from './cleanup.ts';
import { Connection } from './connection.ts';
import { startDbBroadcast } from './db-broadcast.ts';
import { realtimeOptionsSchema, resolveLimits, type RealtimeOptions, type RealtimeServices } from './options.ts';
import { PresenceTracker } from './presence.ts';
import { PubSub } from './pubsub.ts';
import { handleRest, REALTIME_PREFIX } from './rest.ts';
import { negotiateVsn } from './serializer.ts';

export type { RealtimeOptions } from './options.ts';

export interface RealtimeServer {
  /** Whether an HTTP request belongs to Realtime (/realtime/v1/...). */
  handles(req: http.IncomingMessage): boolean;
  handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  stats(): { connections: number; subscriptions: number };
  stop(): Promise<void>;
}

function refuse(socket: Duplex, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/**
 * The local Supabase Realtime stand-in, attached to the auth server's HTTP server so it is
 * reached at the same base URL (supabase-js derives `<url>/realtime/v1` from it): WebSockets
 * at /realtime/v1/websocket (Phoenix protocol, vsn 1.0.0 and 2.0.0), REST broadcasts at
 * /realtime/v1/api/broadcast, broadcasts from the database through LISTEN/NOTIFY.
 */
export async function attachRealtime(
  server: http.Server,
  input: RealtimeOptions & { keys: AuthKeys; publicUrl: string; log: (line: string) => void },
): Promise<RealtimeServer> {
  const { keys, publicUrl, log, ...rest } = input;
  const options = realtimeOptionsSchema.parse(rest);
  const sql = postgres(options.databaseUrl, { max: 4, onnotice: () => {}, connect_timeout: 10, connection: { application_name: 'supabase_realtime' } });
  try {
    await sql`select 1 from realtime.messages limit 0`;
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw new Error(
      `Realtime cannot read realtime.messages (${(error as Error).message}). ` +
        'Apply supabase/local/bootstrap/ (it creates the supabase_realtime_admin login) and pass its URL.',
    );
  }
  const limits = resolveLimits(options);
  let listenerReady = () => false;
  const services: RealtimeServices = {
    sql,
    keys,
    pubsub: new PubSub(log),
    presence: new PresenceTracker(),
    limits,
    listenerReady: () => listenerReady(),
    log,
  };
  const listener = startDbBroadcast(services, { databaseUrl: options.databaseUrl, sql });
  listenerReady = listener.ready;
  if (!(await listener.whenReady(10_000))) log('realtime: not yet listening for database broadcasts; retrying in the background');
  const stopCleanup = startCleanup(sql, { retentionHours: limits.retentionHours, intervalMs: limits.cleanupIntervalMs, log });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes, perMessageDeflate: false });
  const connections = new Set<Connection>();
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const url = new URL(req.url ?? '/', publicUrl);
    if (url.pathname !== `${REALTIME_PREFIX}/websocket`) return refuse(socket, 404, { message: `No WebSocket at ${url.pathname}` });
    let role: 'anon' | 'service_role';
    try {
      role = resolveApiKey(services, { req, url }).role;
    } catch (error) {
      if (error instanceof GatewayError) return refuse(socket, error.status, { message: error.message, hint: error.hint });
      return refuse(socket, 500, { error: 'Error connecting to Realtime' });
    }
    const vsn = negotiateVsn(url.searchParams.get('vsn'));
    if (!vsn) return refuse(socket, 403);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection: Connection = new Connection(ws, { vsn, apiKeyRole: role, services, onClose: () => connections.delete(connection) });
      connections.add(connection);
    });
  };
  server.on('upgrade', onUpgrade);

  const sweep = setInterval(() => {
    const cutoff = Date.now() - limits.idleTimeoutMs;
    for (const connection of connections) if (connection.lastSeen < cutoff) connection.close(1001, 'idle timeout');
  }, Math.min(10_000, limits.idleTimeoutMs));
  sweep.unref();
  log(`realtime: listening on ${publicUrl.replace(/^http/, 'ws')}${REALTIME_PREFIX}/websocket`);

  let stopped: Promise<void> | undefined;
  return {
    handles: (req) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      return path === REALTIME_PREFIX || path.startsWith(`${REALTIME_PREFIX}/`);
    },
    handleRequest: (req, res) => handleRest(services, req, res, new URL(req.url ?? '/', publicUrl)),
    stats: () => ({ connections: connections.size, subscriptions: services.pubsub.subscriberCount() }),
    stop() {
      stopped ??= (async () => {
        server.off('upgrade', onUpgrade);
        clearInterval(sweep);
        stopCleanup();
        // Like a draining Phoenix endpoint: 1012 (service restart), so clients reconnect.
        for (const connection of connections) connection.close(1012, 'server restart');
        const deadline = Date.now() + 1000;
        while (connections.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        for (const connection of connections) connection.terminate();
        wss.close();
        await listener.stop();
        await sql.end({ timeout: 5 });
      })();
      return stopped;
    },
  };
}
