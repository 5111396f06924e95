import postgres from 'postgres';
import { ensureSchema } from './schema.ts';

export type Sql = postgres.Sql | postgres.TransactionSql;
type Ident = postgres.Helper<string, []>;

const TABLES = ['apps', 'functions', 'events', 'dedupe', 'runs', 'steps', 'queue', 'waits', 'history', 'crons'] as const;
export type Tables = Record<(typeof TABLES)[number], Ident>;

/** The executor's connection and its table names (schema-qualified identifiers). */
export interface Db {
  sql: postgres.Sql;
  t: Tables;
  schema: string;
  /** Runs `fn` in one transaction. */
  tx<T>(fn: (sql: postgres.TransactionSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDb(url: string, schema: string, max = 10): Promise<Db> {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'inngest-local' } });
  try {
    await ensureSchema(sql, schema);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw new Error(`Could not prepare the executor's schema "${schema}": ${(error as Error).message}`);
  }
  const t = Object.fromEntries(TABLES.map((name) => [name, sql(`${schema}.${name}`)])) as unknown as Tables;
  return {
    sql,
    t,
    schema,
    tx: (fn) => sql.begin((tx) => fn(tx)) as never,
    close: () => sql.end({ timeout: 5 }),
  };
}
