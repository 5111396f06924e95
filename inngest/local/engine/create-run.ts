import { evaluateExpression } from '../expression/evaluate.ts';
import type { Sql } from '../store/db.ts';
import { claimKey } from '../store/events.ts';
import { enqueueDiscovery } from '../store/queue.ts';
import { countRateLimited, insertRun, recordHistory } from '../store/runs.ts';
import { insertWait } from '../store/waits.ts';
import { parseDuration, resolveUntil, ulid } from '../time.ts';
import type { InngestEvent } from '../types.ts';
import type { Engine } from './context.ts';
import type { RegisteredFunction } from './registry.ts';

const DAY = 86_400_000;

/** A key expression's value as a string ('' when the field is missing). */
export function keyValue(expression: string, event: InngestEvent): string {
  const value = evaluateExpression(expression, { event });
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Concurrency groups of a run: `limit` calls in flight per key (scope fn, env or account). */
export function concurrencyGroups(fn: RegisteredFunction, event: InngestEvent): { key: string; limit: number }[] {
  const c = fn.config.concurrency;
  if (c === undefined) return [];
  const list = typeof c === 'number' ? [{ limit: c }] : Array.isArray(c) ? c : [c];
  return list
    .filter((entry) => entry.limit > 0)
    .map((entry, i) => {
      const scope = 'scope' in entry && entry.scope ? entry.scope : 'fn';
      const value = 'key' in entry && entry.key ? keyValue(entry.key, event) : '';
      return { key: scope === 'fn' ? `fn:${fn.id}:${i}:${value}` : `${scope}:${value}`, limit: entry.limit };
    });
}

/**
 * Creates a run of `fn` for `events` and queues its first call, unless its idempotency key
 * was used in the last 24 hours or its rate limit is reached (then null).
 */
export async function createRun(
  engine: Engine,
  sql: Sql,
  fn: RegisteredFunction,
  events: InngestEvent[],
  opts: { now: Date; eventId?: string | null; parent?: { run_id: string; step_id: string }; replayOf?: string },
): Promise<string | null> {
  const { db } = engine;
  const event = events[0]!;
  const id = ulid(opts.now.getTime());
  const { idempotency, rateLimit, throttle, cancel } = fn.config;
  if (idempotency && !opts.replayOf) {
    const key = keyValue(idempotency, event);
    const first = await claimKey(db, sql, `idempotency:${fn.id}`, key, id, opts.now, new Date(opts.now.getTime() + DAY));
    if (!first) return null;
  }
  let rateKey: string | null = null;
  if (rateLimit && !opts.replayOf) {
    rateKey = rateLimit.key ? keyValue(rateLimit.key, event) : '';
    const period = parseDuration(rateLimit.period) ?? 60_000;
    const recent = await countRateLimited(db, sql, fn.id, rateKey, new Date(opts.now.getTime() - period));
    if (recent >= rateLimit.limit) return null;
  }
  await insertRun(db, sql, {
    id,
    functionId: fn.id,
    appId: fn.appId,
    eventId: opts.eventId ?? event.id ?? null,
    events,
    concurrency: concurrencyGroups(fn, event),
    throttleKey: throttle ? (throttle.key ? keyValue(throttle.key, event) : '') : null,
    rateKey,
    parent: opts.parent ?? null,
    replayOf: opts.replayOf ?? null,
    now: opts.now,
  });
  // Sent together: postgres.js pipelines them on the transaction's connection, in this order.
  await Promise.all([
    ...(cancel ?? []).map((c) => {
      const until = c.timeout ? resolveUntil(c.timeout, opts.now.getTime()) : undefined;
      return insertWait(db, sql, { runId: id, kind: 'cancel', event: c.event, expression: c.if ?? null, expiresAt: until ? new Date(until) : null });
    }),
    enqueueDiscovery(db, sql, id, opts.now),
    recordHistory(db, sql, id, 'run.created', { at: opts.now, detail: { event: event.name, replayOf: opts.replayOf, parent: opts.parent } }),
  ]);
  return id;
}
