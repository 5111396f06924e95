import http from 'node:http';
import { assertPortFree } from '../../supabase/local/ports.ts';
import type { Engine, EngineSettings } from './engine/context.ts';
import { Registry } from './engine/registry.ts';
import { Worker } from './engine/worker.ts';
import { handleApi } from './http/api.ts';
import { handleCheckpoint } from './http/checkpoint.ts';
import { handleSendEvents } from './http/events.ts';
import { HttpError, sendJson } from './http/io.ts';
import { handleRegister } from './http/register.ts';
import { handleUi } from './http/ui.ts';
import { openDb } from './store/db.ts';
import { prune, type Retention } from './store/prune.ts';

export interface LocalInngestOptions extends Partial<EngineSettings> {
  /** Admin/superuser Postgres URL; the executor creates its own schema there. */
  databaseUrl: string;
  port?: number;
  host?: string;
  schema?: string;
  /** When set, `POST /e/{key}` must use this key (otherwise any key is accepted, as the Dev Server does). */
  eventKey?: string;
  /** Safety-net poll of the queue (ms); new work wakes the worker immediately anyway. */
  pollMs?: number;
  retention?: Partial<Retention>;
  onLog?: (line: string) => void;
}

export interface LocalInngest {
  url: string;
  port: number;
  engine: Engine;
  stop(): Promise<void>;
}

/** Starts the local Inngest executor: event API, sync endpoint, REST API, page and worker. */
export async function startLocalInngest(opts: LocalInngestOptions): Promise<LocalInngest> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8288;
  const log = opts.onLog ?? (() => {});
  if (port !== 0) await assertPortFree(port, 'Inngest executor', host);
  const db = await openDb(opts.databaseUrl, opts.schema ?? 'inngest_local');
  const settings: EngineSettings = {
    backoffBaseMs: opts.backoffBaseMs ?? 1000,
    backoffMaxMs: opts.backoffMaxMs ?? 60_000,
    callTimeoutMs: opts.callTimeoutMs ?? 120_000,
    maxConcurrentCalls: opts.maxConcurrentCalls ?? 32,
    signingKey: opts.signingKey,
  };
  let worker: Worker | undefined;
  const engine: Engine = { db, registry: new Registry(db), settings, notify: () => worker?.wake(), cronsChanged: () => worker?.cronsChanged(), log };
  await engine.registry.reload();
  worker = new Worker(engine, opts.pollMs ?? 2000);
  const retention: Retention = { maxAgeHours: 72, maxEndedRuns: 20_000, ...opts.retention };

  const server = http.createServer((req, res) => {
    void route(engine, req, res, opts.eventKey).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) log(`${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      if (res.headersSent) return res.end();
      sendJson(res, status, { error: status === 500 ? 'Internal error in the local Inngest executor' : (error as Error).message, status });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  }).catch(async (error) => {
    await db.close();
    throw error;
  });
  const actualPort = (server.address() as { port: number }).port;
  await worker.start();
  const pruning = setInterval(() => void prune(db, retention).catch((error) => log(`pruning failed: ${(error as Error).message}`)), 60_000);
  void prune(db, retention).catch(() => {});
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    engine,
    async stop() {
      clearInterval(pruning);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await worker.stop();
      await db.close();
    },
  };
}

async function route(engine: Engine, req: http.IncomingMessage, res: http.ServerResponse, eventKey?: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const sendMatch = /^\/e\/([^/]*)$/.exec(path);
  if (req.method === 'POST' && sendMatch) return handleSendEvents(engine, req, res, decodeURIComponent(sendMatch[1]!), eventKey);
  if (req.method === 'POST' && path === '/fn/register') return handleRegister(engine, req, res);
  if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok' });
  const checkpoint = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(path);
  if (req.method === 'POST' && checkpoint) return handleCheckpoint(engine, req, res, decodeURIComponent(checkpoint[1]!));
  if (await handleApi(engine, req, res, path)) return;
  if (await handleUi(engine, req, res, url)) return;
  throw new HttpError(404, `No route for ${req.method} ${path}`);
}
