import { reschedule, type ReadyItem } from '../store/queue.ts';
import { startedSince } from '../store/runs.ts';
import { parseDuration } from '../time.ts';
import type { Engine } from './context.ts';

/**
 * Throttle: at most `limit` runs of a function (per key) start per `period`. A run's first
 * call over the limit is moved to when the window frees up; true when it was.
 */
export async function deferIfThrottled(engine: Engine, item: ReadyItem, now: Date): Promise<boolean> {
  const throttle = engine.registry.get(item.function_id)?.config.throttle;
  if (!throttle || item.run_status !== 'queued' || item.throttle_key === null) return false;
  const period = parseDuration(throttle.period) ?? 60_000;
  const starts = await startedSince(engine.db, engine.db.sql, item.function_id, item.throttle_key, new Date(now.getTime() - period));
  if (starts.length < throttle.limit) return false;
  const freeAt = starts[starts.length - throttle.limit]!.getTime() + period + 1;
  await reschedule(engine.db, engine.db.sql, item.id, new Date(freeAt));
  return true;
}
