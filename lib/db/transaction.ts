import { sql, type Tx } from './client.ts';

/**
 * One transaction on a reserved connection, pipelined: BEGIN, the setup
 * statement and fn's first query leave in one write, so setting the caller
 * costs no round trip of its own. The setup statement takes no parameters
 * (values are inlined with `literal`), because postgres.js with `prepare: false`
 * describes every parameterized statement first and would stop the pipeline.
 * If the setup fails (a session that ended), its error is the one thrown: the
 * queries behind it only report the aborted transaction.
 */
export async function pipelinedTransaction<T>(
  setup: string,
  fn: (tx: Tx, setupRows: Promise<readonly Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  const conn = await sql().reserve();
  try {
    const begin = settle(conn.unsafe('begin').execute());
    const setupRows = conn.unsafe<Record<string, unknown>[]>(setup).execute();
    const setupDone = settle(setupRows);
    let result: T;
    try {
      result = await fn(conn as unknown as Tx, setupRows);
      await firstFailure(begin, setupDone);
    } catch (error) {
      await conn.unsafe('rollback').catch(() => undefined);
      throw (await failureOf(begin)) ?? (await failureOf(setupDone)) ?? error;
    }
    await conn.unsafe('commit');
    return result;
  } finally {
    conn.release();
  }
}

type Settled = Promise<{ error?: unknown }>;
const settle = (p: PromiseLike<unknown>): Settled => Promise.resolve(p).then(() => ({}), (error: unknown) => ({ error }));
const failureOf = async (s: Settled) => (await s).error;
async function firstFailure(...all: Settled[]): Promise<void> {
  for (const s of all) {
    const { error } = await s;
    if (error !== undefined) throw error;
  }
}

/**
 * A SQL string literal for the setup statement: dollar-quoted with a tag the
 * value does not contain, so no character of the value can end it (this holds
 * whatever standard_conforming_strings says). NUL, which text cannot hold, is dropped.
 */
export function literal(value: string): string {
  const text = value.replaceAll('\u0000', '');
  let tag = 'v';
  while (text.includes(`$${tag}$`) || text.endsWith(`$${tag}`)) tag += 'v';
  return `$${tag}$${text}$${tag}$`;
}
