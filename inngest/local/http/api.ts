import type http from 'node:http';
import type { Engine } from '../engine/context.ts';
import { createRun } from '../engine/create-run.ts';
import { cancelRun } from '../engine/finish.ts';
import { getRun } from '../store/runs.ts';
import { memoizedSteps } from '../store/steps.ts';
import { runDetail, runJson, runsForEvent } from '../store/views.ts';
import { HttpError, readBody, sendJson } from './io.ts';

/** Cancels a run from the page or the API; false when it had already ended. */
export async function cancelById(engine: Engine, runId: string): Promise<boolean> {
  const cancelled = await engine.db.tx((tx) => cancelRun(engine, tx, runId, new Date(), 'cancelled by a developer'));
  engine.notify();
  return cancelled;
}

/** Starts the run's function again with the same event(s), as a new run. */
export async function replayById(engine: Engine, runId: string): Promise<string> {
  const run = await getRun(engine.db, engine.db.sql, runId);
  if (!run) throw new HttpError(404, 'Run not found');
  const fn = engine.registry.get(run.function_id);
  if (!fn) throw new HttpError(409, `Function "${run.function_id}" is no longer synced`);
  const id = await engine.db.tx((tx) => createRun(engine, tx, fn, run.events, { now: new Date(), eventId: run.event_id, replayOf: run.id }));
  engine.notify();
  return id!;
}

/**
 * The parts of Inngest's REST API the SDK and tests use: runs by event and by id, cancel,
 * the `use_api` payload endpoints, and a sink for the SDK's optional trace export.
 * Returns false when the path is not one of them.
 */
export async function handleApi(engine: Engine, req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<boolean> {
  const method = req.method ?? 'GET';
  let m: RegExpExecArray | null;
  if (method === 'GET' && (m = /^\/v1\/events\/([^/]+)\/runs$/.exec(path))) {
    sendJson(res, 200, { data: (await runsForEvent(engine.db, decodeURIComponent(m[1]!))).map(runJson), metadata: {} });
  } else if ((m = /^\/v1\/runs\/([^/]+)$/.exec(path)) && (method === 'GET' || method === 'DELETE')) {
    const runId = decodeURIComponent(m[1]!);
    if (method === 'DELETE') await cancelById(engine, runId);
    const detail = await runDetail(engine.db, runId);
    if (!detail) throw new HttpError(404, 'Run not found');
    sendJson(res, 200, { data: { ...runJson(detail.run), steps: detail.steps.map((s) => ({ id: s.id, name: s.name, op: s.op, status: s.status, attempts: s.attempts, output: s.data, error: s.error })) } });
  } else if (method === 'POST' && (m = /^\/v1\/runs\/([^/]+)\/replay$/.exec(path))) {
    sendJson(res, 200, { data: { run_id: await replayById(engine, decodeURIComponent(m[1]!)) } });
  } else if (method === 'GET' && (m = /^\/v0\/runs\/([^/]+)\/(batch|actions)$/.exec(path))) {
    const run = await getRun(engine.db, engine.db.sql, decodeURIComponent(m[1]!));
    if (!run) throw new HttpError(404, 'Run not found');
    sendJson(res, 200, m[2] === 'batch' ? run.events : (await memoizedSteps(engine.db, engine.db.sql, run.id)).steps);
  } else if (method === 'POST' && path === '/v1/traces/userland') {
    await readBody(req, 10 * 1024 * 1024);
    sendJson(res, 200, {});
  } else return false;
  return true;
}
