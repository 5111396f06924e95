import type postgres from 'postgres';

const rollback = Symbol('rollback');

/**
 * Runs fn in a transaction on the superuser connection and rolls it back:
 * positive controls create their deliberately bad tables, grants and
 * functions here, so nothing they do outlives the check.
 */
export async function inRolledBack<T>(admin: postgres.Sql, fn: (tx: postgres.Sql) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await admin
    .begin(async (tx) => {
      result = await fn(tx as unknown as postgres.Sql);
      throw rollback;
    })
    .catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
  return result as T;
}
