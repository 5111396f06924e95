import type postgres from 'postgres';

/**
 * The executor's own tables, created by the executor on start (not a product migration).
 * The schema is private: no grants to the API roles, nothing exposed through PostgREST.
 * Every statement is idempotent, so starting again on existing data changes nothing.
 */
export function schemaSql(s: string): string {
  return `
create schema if not exists ${s};
revoke all on schema ${s} from public;
comment on schema ${s} is 'Local Inngest executor state (inngest/local); development infrastructure, never exposed';

create table if not exists ${s}.apps (
  id text primary key, url text not null, sdk text, framework text,
  functions jsonb not null, synced_at timestamptz not null default now());

create table if not exists ${s}.functions (
  id text primary key, app_id text not null references ${s}.apps(id) on delete cascade,
  name text not null, config jsonb not null);

create table if not exists ${s}.events (
  id text primary key, name text not null, payload jsonb not null,
  received_at timestamptz not null default now());
create index if not exists events_received on ${s}.events (received_at);
create index if not exists functions_app on ${s}.functions (app_id);

create table if not exists ${s}.dedupe (
  scope text not null, key text not null, run_id text, expires_at timestamptz not null,
  primary key (scope, key));

create table if not exists ${s}.runs (
  id text primary key, function_id text not null, app_id text not null,
  status text not null, event_id text, event jsonb not null, events jsonb not null,
  attempt int not null default 0, version int not null default -1,
  disable_immediate boolean not null default false,
  concurrency jsonb not null default '[]', concurrency_keys text[] not null default '{}',
  throttle_key text, rate_key text, parent jsonb,
  output jsonb, error jsonb, replay_of text,
  created_at timestamptz not null default now(), started_at timestamptz, ended_at timestamptz);
create index if not exists runs_created on ${s}.runs (created_at desc);
create index if not exists runs_ended on ${s}.runs (ended_at) where ended_at is not null;
create index if not exists runs_event on ${s}.runs (event_id);
create index if not exists runs_throttle on ${s}.runs (function_id, throttle_key, started_at);

create table if not exists ${s}.steps (
  run_id text not null references ${s}.runs(id) on delete cascade, id text not null,
  name text, op text not null, status text not null, opts jsonb,
  data jsonb, error jsonb, attempts int not null default 0, seq bigserial,
  created_at timestamptz not null default now(), ended_at timestamptz,
  primary key (run_id, id));

create table if not exists ${s}.queue (
  id bigserial primary key, run_id text not null references ${s}.runs(id) on delete cascade,
  kind text not null, step_id text, attempt int not null default 0,
  run_at timestamptz not null default now(), leased_until timestamptz, payload jsonb);
create index if not exists queue_ready on ${s}.queue (run_at) where leased_until is null;
drop index if exists ${s}.queue_one_discovery;
create index if not exists queue_run on ${s}.queue (run_id);
create unique index if not exists queue_one_step on ${s}.queue (run_id, step_id) where kind = 'call' and step_id is not null;

create table if not exists ${s}.waits (
  id bigserial primary key, run_id text not null references ${s}.runs(id) on delete cascade,
  kind text not null, step_id text, event text, expression text, expires_at timestamptz,
  created_at timestamptz not null default now());
create index if not exists waits_event on ${s}.waits (event);
create index if not exists waits_run on ${s}.waits (run_id);

create table if not exists ${s}.history (
  id bigserial primary key, run_id text not null references ${s}.runs(id) on delete cascade,
  at timestamptz not null default now(), kind text not null, step_id text, attempt int,
  detail jsonb);
create index if not exists history_run on ${s}.history (run_id, id);

create table if not exists ${s}.crons (
  function_id text not null references ${s}.functions(id) on delete cascade, cron text not null,
  next_at timestamptz not null, primary key (function_id, cron));
`;
}

/** Creates the schema and tables and revokes what the Supabase API roles could reach. */
export async function ensureSchema(sql: postgres.Sql, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  await sql.begin(async (tx) => {
    await tx.unsafe(`select pg_advisory_xact_lock(hashtext('${schema}'))`);
    await tx.unsafe(schemaSql(schema));
    const roles = await tx<{ rolname: string }[]>`
      select rolname from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'authenticator')`;
    for (const { rolname } of roles) {
      await tx.unsafe(`revoke all on schema ${schema} from ${rolname}; revoke all on all tables in schema ${schema} from ${rolname}`);
    }
  });
}
