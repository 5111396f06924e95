import postgres from 'postgres';

/** A connection or a transaction: every query helper accepts either. */
export type Db = postgres.ISql;
export type Sql = postgres.Sql;

/** A jsonb parameter (postgres.js serialises it; never pass JSON.stringify output with a ::jsonb cast). */
export function jsonb(db: Db, value: Record<string, unknown>) {
  return db.json(value as postgres.JSONValue);
}

export function connect(databaseUrl: string): Sql {
  return postgres(databaseUrl, {
    max: 6,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: 'supabase-local-auth' },
  });
}

/**
 * Local-only tables, created by the server itself in the auth schema (the only
 * schema its login role may create in). Hosted Supabase has no equivalent.
 */
const LOCAL_TABLES = `
create table if not exists auth.local_mailbox (
  id uuid primary key,
  created_at timestamptz not null default now(),
  to_address text not null,
  subject text not null,
  kind text not null,
  verification_type text not null,
  action_link text not null,
  otp text not null,
  token_hash text not null,
  redirect_to text not null,
  text_body text not null,
  html_body text not null
);
create index if not exists local_mailbox_to_created_idx on auth.local_mailbox (lower(to_address), created_at desc);
alter table auth.local_mailbox enable row level security;
comment on table auth.local_mailbox is
  'Local auth stand-in only (supabase/local/auth): emails it would have sent. Not part of Supabase.';
`;

/** Fails with a clear message when the database lacks what the server needs; creates the local tables. */
export async function prepareDatabase(sql: Sql): Promise<void> {
  const [row] = await sql<{ users: boolean; amr: boolean; ott: boolean; flow: boolean }[]>`
    select to_regclass('auth.users') is not null as users,
           to_regclass('auth.mfa_amr_claims') is not null as amr,
           to_regclass('auth.one_time_tokens') is not null as ott,
           to_regclass('auth.flow_state') is not null as flow`;
  if (!row?.users || !row.amr || !row.ott || !row.flow) {
    throw new Error(
      'The auth schema is incomplete (need auth.users, auth.sessions, auth.refresh_tokens, auth.one_time_tokens, ' +
        'auth.flow_state, auth.mfa_amr_claims). Apply supabase/local/bootstrap/ to this database first.',
    );
  }
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('supabase_local_auth_tables'))`;
    await tx.unsafe(LOCAL_TABLES);
  });
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
