import { lease, nextDue, readyItems, releaseAllLeases, reschedule, removeItem, type ReadyItem } from '../store/queue.ts';
import { getRun, markStarted } from '../store/runs.ts';
import { memoizedSteps } from '../store/steps.ts';
import { applyOutcome } from './apply.ts';
import { callFunction } from './call.ts';
import type { Engine } from './context.ts';
import { failRun } from './finish.ts';
import { deferIfThrottled } from './throttle.ts';
import { fireCrons, fireTimer } from './timers.ts';

/**
 * Takes due queue items oldest run first and calls the serve endpoint for each, keeping at
 * most `maxConcurrentCalls` calls in flight and at most `limit` per concurrency key (calls,
 * not runs, count: a sleeping or waiting run holds no slot, as on Inngest). Woken on new work,
 * by a timer for the next due item, and by a slow poll as a safety net.
 */
export class Worker {
  private inflight = new Map<string, ReadyItem>();
  /** Runs with a discovery call in flight: a second one waits (it would see the same state). */
  private discovering = new Set<string>();
  private keyCounts = new Map<string, number>();
  private keyLimits = new Map<string, number>();
  private running = new Set<Promise<void>>();
  private pumping = false;
  /** When the next cron is due (0: look now); saves a query per wake-up. */
  private cronDueAt = 0;
  private again = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private poll?: NodeJS.Timeout;

  private readonly engine: Engine;
  private readonly pollMs: number;

  constructor(engine: Engine, pollMs: number) {
    this.engine = engine;
    this.pollMs = pollMs;
  }

  async start(): Promise<void> {
    const released = await releaseAllLeases(this.engine.db, this.engine.db.sql);
    if (released) this.engine.log(`resuming ${released} call(s) interrupted by the last stop`);
    this.poll = setInterval(() => this.wake(), this.pollMs);
    this.wake();
  }

  /** A sync changed the schedules. */
  cronsChanged(): void {
    this.cronDueAt = 0;
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.pumping) this.again = true;
    else void this.pump();
  }

  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.poll);
    await Promise.race([Promise.allSettled([...this.running]), new Promise((r) => setTimeout(r, graceMs))]);
  }

  private async pump(): Promise<void> {
    const { db, settings } = this.engine;
    this.pumping = true;
    try {
      do {
        this.again = false;
        const now = new Date();
        if (now.getTime() >= this.cronDueAt) {
          this.cronDueAt = Infinity;
          if (await db.tx((tx) => fireCrons(this.engine, tx, now))) this.again = true;
        }
        const saturated = [...this.keyCounts].filter(([key, n]) => n >= (this.keyLimits.get(key) ?? Infinity)).map(([key]) => key);
        const free = settings.maxConcurrentCalls - this.inflight.size;
        for (const item of await readyItems(db, db.sql, now, saturated, Math.max(free, 0) * 2 + 20)) {
          if (this.stopped) return;
          if (item.kind !== 'call') {
            await db.tx((tx) => fireTimer(this.engine, tx, item, now));
            this.again = true;
          } else if (item.step_id === null && this.discovering.has(item.run_id)) {
            continue;
          } else if (this.inflight.size < settings.maxConcurrentCalls && this.hasCapacity(item) && !(await deferIfThrottled(this.engine, item, now))) {
            if (!(await lease(db, db.sql, item.id, new Date(now.getTime() + settings.callTimeoutMs + 30_000)))) continue;
            if (item.run_status === 'queued') await markStarted(db, db.sql, item.run_id, now);
            this.track(item, 1);
            const done = this.execute(item).finally(() => {
              this.track(item, -1);
              this.running.delete(done);
              this.wake();
            });
            this.running.add(done);
          }
        }
      } while (this.again && !this.stopped);
      const due = await nextDue(db, db.sql);
      if (this.cronDueAt === Infinity) this.cronDueAt = due.cron?.getTime() ?? Infinity;
      const next = Math.min(due.item?.getTime() ?? Infinity, this.cronDueAt);
      clearTimeout(this.timer);
      if (next !== Infinity && !this.stopped) this.timer = setTimeout(() => this.wake(), Math.min(Math.max(next - Date.now(), 0), 2 ** 31 - 1));
    } catch (error) {
      if (!this.stopped) this.engine.log(`queue error: ${(error as Error).message}; trying again shortly`);
    } finally {
      this.pumping = false;
      if (this.again && !this.stopped) setImmediate(() => this.wake());
    }
  }

  private hasCapacity(item: ReadyItem): boolean {
    return item.concurrency.every(({ key, limit }) => (this.keyCounts.get(key) ?? 0) < limit);
  }

  private track(item: ReadyItem, delta: 1 | -1): void {
    if (delta === 1) this.inflight.set(item.id, item);
    else this.inflight.delete(item.id);
    if (item.step_id === null) {
      if (delta === 1) this.discovering.add(item.run_id);
      else this.discovering.delete(item.run_id);
    }
    for (const { key, limit } of item.concurrency) {
      this.keyLimits.set(key, limit);
      const n = (this.keyCounts.get(key) ?? 0) + delta;
      if (n > 0) this.keyCounts.set(key, n);
      else this.keyCounts.delete(key);
    }
  }

  private async execute(item: ReadyItem): Promise<void> {
    const { db, registry } = this.engine;
    try {
      const [run, memo] = await Promise.all([getRun(db, db.sql, item.run_id), memoizedSteps(db, db.sql, item.run_id)]);
      if (!run || (run.status !== 'queued' && run.status !== 'running')) return await removeItem(db, db.sql, item.id);
      const fn = registry.get(run.function_id);
      if (!fn) {
        const error = { name: 'Error', message: `Function "${run.function_id}" is no longer synced by any app` };
        return await db.tx((tx) => failRun(this.engine, tx, run, error, new Date()));
      }
      const outcome = await callFunction(this.engine, fn, run, item, memo);
      await db.tx(async (tx) => {
        const locked = await getRun(db, tx, run.id, true);
        if (locked) await applyOutcome({ engine: this.engine, sql: tx, run: locked, item, fn, now: new Date() }, outcome);
      });
    } catch (error) {
      if (this.stopped) return;
      this.engine.log(`run ${item.run_id}: ${(error as Error).message}; trying the call again in 1s`);
      await reschedule(db, db.sql, item.id, new Date(Date.now() + 1000)).catch(() => {});
    }
  }
}
