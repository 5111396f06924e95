import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestExecutor } from '../test-support.ts';
import { ulid } from '../time.ts';
import { enqueueDiscovery, lease, reschedule } from './queue.ts';
import { insertRun } from './runs.ts';

let harness: Awaited<ReturnType<typeof startTestExecutor>>;
beforeAll(async () => {
  harness = await startTestExecutor({ pollMs: 60_000 });
});
afterAll(() => harness?.stop());

describe('executor queue', () => {
  it('keeps one waiting discovery per run, and a retried discovery may wait beside a new one', async () => {
    const { db } = harness.executor.engine;
    const runId = ulid();
    const now = new Date(Date.now() + 3_600_000);
    await insertRun(db, db.sql, {
      id: runId, functionId: 'nowhere-fn', appId: 'nowhere', eventId: null, events: [{ id: 'e', name: 'x/y.z', data: {}, ts: 0 }],
      concurrency: [], throttleKey: null, rateKey: null, parent: null, replayOf: null, now,
    });
    await enqueueDiscovery(db, db.sql, runId, now);
    await enqueueDiscovery(db, db.sql, runId, now);
    const items = await db.sql<{ id: string }[]>`select id from ${db.t.queue} where run_id = ${runId}`;
    expect(items).toHaveLength(1);
    expect(await lease(db, db.sql, items[0]!.id, now)).toBe(true);
    await enqueueDiscovery(db, db.sql, runId, now);
    await reschedule(db, db.sql, items[0]!.id, now, 1);
    const after = await db.sql<{ attempt: number; leased_until: Date | null }[]>`select attempt, leased_until from ${db.t.queue} where run_id = ${runId} order by id`;
    expect(after).toEqual([{ attempt: 1, leased_until: null }, { attempt: 0, leased_until: null }]);
  });
});
