import postgres from 'postgres';
import { env } from '@/lib/env';
import type { Sql } from '@/lib/db';

/**
 * The benchmark routes (app/api/bench) exist only in a server that
 * bench/request-path.ts started (BENCH_ROUTES=1); middleware answers 404 for
 * them otherwise, exactly like an unknown path.
 */
export function benchRoutesEnabled(): boolean {
  return env().BENCH_ROUTES === '1';
}

const globalForBench = globalThis as unknown as { __tenantforgeBenchSql?: Sql };

/**
 * The bare-SQL route's own pool: the owner URL the benchmark passes in
 * BENCH_DATABASE_URL, no role switch, no claims. Same options as the app's pool
 * (lib/db/client.ts) so only the request path differs.
 */
export function benchSql(): Sql {
  const url = env().BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is not set: only bench/request-path.ts starts the bare-SQL route.');
  globalForBench.__tenantforgeBenchSql ??= postgres(url, {
    max: env().DATABASE_POOL_MAX,
    prepare: false,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: 'tenantforge-bench' },
  });
  return globalForBench.__tenantforgeBenchSql;
}
