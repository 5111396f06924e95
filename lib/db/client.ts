import 'server-only';
import postgres from 'postgres';
import { databaseEnv } from '../env.ts';

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;

const globalForDb = globalThis as unknown as { __tenantforgeSql?: Sql };

/**
 * The one pool. It logs in as a role that cannot bypass RLS (`authenticator`
 * locally); nothing is readable through it until withRls/withServiceRole
 * switches role inside a transaction. `prepare: false` keeps it compatible with
 * Supabase's pooler in transaction mode.
 */
export function sql(): Sql {
  globalForDb.__tenantforgeSql ??= postgres(databaseEnv().DATABASE_URL, {
    max: databaseEnv().DATABASE_POOL_MAX,
    prepare: false,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: 'tenantforge' },
  });
  return globalForDb.__tenantforgeSql;
}

/** Closes the pool (tests and graceful shutdown). */
export async function closeSql(): Promise<void> {
  const current = globalForDb.__tenantforgeSql;
  globalForDb.__tenantforgeSql = undefined;
  await current?.end({ timeout: 5 });
}
