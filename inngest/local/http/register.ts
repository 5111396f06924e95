import type http from 'node:http';
import { nextCronTime, parseCron } from '../cron.ts';
import type { Engine } from '../engine/context.ts';
import { validateExpression } from '../expression/evaluate.ts';
import { saveApp, syncCrons } from '../store/apps.ts';
import { parseDuration, resolveUntil } from '../time.ts';
import { registerBodySchema, type FunctionConfig } from '../types.ts';
import { HttpError, readJson, sendJson } from './io.ts';

const NOT_IMPLEMENTED = ['batchEvents', 'debounce', 'singleton', 'priority', 'timeouts'] as const;

/** What is wrong with a function's configuration (expressions, crons, time strings), if anything. */
export function configProblems(fn: FunctionConfig): string[] {
  const problems: string[] = [];
  const check = (what: string, test: () => void) => {
    try {
      test();
    } catch (error) {
      problems.push(`${fn.id}: ${what}: ${(error as Error).message}`);
    }
  };
  const period = (what: string, text: string) => check(what, () => {
    if (parseDuration(text) === undefined) throw new Error(`"${text}" is not a time string like "30s" or "1h"`);
  });
  for (const trigger of fn.triggers) {
    if ('cron' in trigger) check('cron', () => parseCron(trigger.cron));
    else if (trigger.expression) check('trigger if', () => validateExpression(trigger.expression!));
  }
  if (fn.idempotency) check('idempotency', () => validateExpression(fn.idempotency!));
  const concurrency = typeof fn.concurrency === 'object' ? [fn.concurrency].flat() : [];
  for (const c of concurrency) if (c.key) check('concurrency key', () => validateExpression(c.key!));
  if (fn.throttle) {
    period('throttle period', fn.throttle.period);
    if (fn.throttle.key) check('throttle key', () => validateExpression(fn.throttle!.key!));
  }
  if (fn.rateLimit) {
    period('rateLimit period', fn.rateLimit.period);
    if (fn.rateLimit.key) check('rateLimit key', () => validateExpression(fn.rateLimit!.key!));
  }
  for (const c of fn.cancel ?? []) {
    if (c.if) check('cancelOn if', () => validateExpression(c.if!));
    if (c.timeout) check('cancelOn timeout', () => {
      if (resolveUntil(c.timeout!, 0) === undefined) throw new Error(`"${c.timeout}" is not a time string or date`);
    });
  }
  return problems;
}

/**
 * `POST /fn/register`: an app syncs its functions (sent by the SDK when its serve endpoint
 * gets a PUT). Answers `{ ok, status, modified }`, or 400 `{ error, status }` naming each problem.
 */
export async function handleRegister(engine: Engine, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const parsed = registerBodySchema.safeParse(await readJson(req, 10 * 1024 * 1024));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, `Invalid sync: ${issue.path.join('.')}: ${issue.message}`);
  }
  const app = parsed.data;
  const problems = app.functions.flatMap(configProblems);
  if (problems.length) throw new HttpError(400, `Invalid function configuration: ${problems.join('; ')}`);
  const now = new Date();
  const modified = await engine.db.tx(async (tx) => {
    const changed = await saveApp(engine.db, tx, { id: app.appName, url: app.url, sdk: app.sdk, framework: app.framework, functions: app.functions });
    for (const fn of app.functions) {
      const crons = fn.triggers.flatMap((t) => ('cron' in t ? [{ cron: t.cron, nextAt: nextCronTime(t.cron, now) }] : []));
      await syncCrons(engine.db, tx, fn.id, crons);
    }
    return changed;
  });
  await engine.registry.reload();
  for (const fn of app.functions) {
    const missing = NOT_IMPLEMENTED.filter((key) => fn[key] !== undefined);
    if (missing.length) engine.log(`${fn.id}: ${missing.join(', ')} not implemented locally; ignored (inngest/local/README.md)`);
  }
  if (modified) engine.log(`synced app ${app.appName} (${app.functions.length} functions) from ${app.url}`);
  engine.cronsChanged();
  sendJson(res, 200, { ok: true, status: 200, modified });
}
