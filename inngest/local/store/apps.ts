import { canonicalJson } from '../sign.ts';
import type { Db, Sql } from './db.ts';
import type { FunctionConfig } from '../types.ts';

export interface FunctionRow {
  id: string;
  app_id: string;
  name: string;
  config: FunctionConfig;
}

/** Stores an app and exactly the functions it now serves; true when anything changed. */
export async function saveApp(db: Db, sql: Sql, app: { id: string; url: string; sdk?: string; framework?: string; functions: FunctionConfig[] }): Promise<boolean> {
  const [before] = await sql<{ functions: unknown }[]>`select functions from ${db.t.apps} where id = ${app.id}`;
  await sql`
    insert into ${db.t.apps} (id, url, sdk, framework, functions, synced_at)
    values (${app.id}, ${app.url}, ${app.sdk ?? null}, ${app.framework ?? null}, ${sql.json(app.functions as never)}, now())
    on conflict (id) do update set url = excluded.url, sdk = excluded.sdk, framework = excluded.framework,
      functions = excluded.functions, synced_at = now()`;
  const ids = app.functions.map((f) => f.id);
  await sql`delete from ${db.t.functions} where app_id = ${app.id} and not (id = any(${ids}::text[]))`;
  for (const fn of app.functions) {
    await sql`
      insert into ${db.t.functions} (id, app_id, name, config) values (${fn.id}, ${app.id}, ${fn.name ?? fn.id}, ${sql.json(fn as never)})
      on conflict (id) do update set app_id = excluded.app_id, name = excluded.name, config = excluded.config`;
  }
  return canonicalJson(before?.functions ?? null) !== canonicalJson(app.functions);
}

export async function loadFunctions(db: Db, sql: Sql): Promise<FunctionRow[]> {
  return await sql<FunctionRow[]>`select id, app_id, name, config from ${db.t.functions} order by id`;
}

export async function listApps(db: Db, sql: Sql) {
  return await sql<{ id: string; url: string; sdk: string | null; synced_at: Date }[]>`
    select id, url, sdk, synced_at from ${db.t.apps} order by id`;
}

/** Keeps one schedule row per cron trigger; an unchanged cron keeps its next time across syncs. */
export async function syncCrons(db: Db, sql: Sql, functionId: string, crons: { cron: string; nextAt: Date }[]): Promise<void> {
  await sql`delete from ${db.t.crons} where function_id = ${functionId} and not (cron = any(${crons.map((c) => c.cron)}::text[]))`;
  for (const c of crons) {
    await sql`insert into ${db.t.crons} (function_id, cron, next_at) values (${functionId}, ${c.cron}, ${c.nextAt}) on conflict do nothing`;
  }
}

export async function dueCrons(db: Db, sql: Sql, now: Date): Promise<{ function_id: string; cron: string; next_at: Date }[]> {
  return await sql`select function_id, cron, next_at from ${db.t.crons} where next_at <= ${now} for update skip locked`;
}

export async function advanceCron(db: Db, sql: Sql, functionId: string, cron: string, nextAt: Date): Promise<void> {
  await sql`update ${db.t.crons} set next_at = ${nextAt} where function_id = ${functionId} and cron = ${cron}`;
}
