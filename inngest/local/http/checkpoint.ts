import type http from 'node:http';
import { z } from 'zod';
import type { Engine } from '../engine/context.ts';
import { getRun, recordHistory } from '../store/runs.ts';
import { memoizeStep } from '../store/steps.ts';
import { opSchema } from '../types.ts';
import { HttpError, readJson, sendJson } from './io.ts';

const checkpointSchema = z.object({
  run_id: z.string().min(1),
  qi_id: z.union([z.string(), z.number()]).optional(),
  steps: z.array(opSchema),
});

/**
 * `POST /v1/checkpoint/{runId}/async`: the SDK's default "async checkpointing" (v4). During
 * one call it runs steps back to back and reports each result here instead of ending the
 * call; the results are memoized at once. 409 tells it the call is stale (the run ended or
 * the queue item is gone), so it stops.
 */
export async function handleCheckpoint(engine: Engine, req: http.IncomingMessage, res: http.ServerResponse, runId: string): Promise<void> {
  const parsed = checkpointSchema.safeParse(await readJson(req, 10 * 1024 * 1024));
  if (!parsed.success) throw new HttpError(400, `Invalid checkpoint: ${parsed.error.issues[0]!.message}`);
  const { steps, qi_id } = parsed.data;
  const { db } = engine;
  const current = await db.tx(async (tx) => {
    const run = await getRun(db, tx, runId, true);
    if (!run || (run.status !== 'queued' && run.status !== 'running')) return false;
    if (qi_id !== undefined) {
      const [item] = await tx`select 1 from ${db.t.queue} where id = ${String(qi_id)} and run_id = ${runId} and leased_until is not null`;
      if (!item) return false;
    }
    const now = new Date();
    for (const op of steps) {
      if (op.op !== 'StepRun' && op.op !== 'Step') continue;
      const step = { id: op.id, name: op.displayName ?? op.name ?? null, op: op.op };
      if (await memoizeStep(db, tx, runId, step, { data: op.data ?? null }, now)) {
        await recordHistory(db, tx, runId, 'step.completed', { stepId: op.id, attempt: run.attempt, at: now, detail: { checkpointed: true } });
      }
    }
    return true;
  });
  if (!current) throw new HttpError(409, 'Stale dispatch: this run has ended or its call was retried');
  sendJson(res, 200, {});
}
