import type { Sql } from './authorization.ts';

/**
 * Realtime's janitor: messages older than the retention (72 hours, as hosted) are deleted at
 * start and then every `intervalMs`, so realtime.messages does not grow without bound.
 */
export async function deleteOldMessages(sql: Sql, retentionHours: number): Promise<number> {
  const result = await sql`
    delete from realtime.messages
    where inserted_at < now()::timestamp - make_interval(secs => ${retentionHours * 3600})`;
  return result.count;
}

export function startCleanup(sql: Sql, opts: { retentionHours: number; intervalMs: number; log: (line: string) => void }): () => void {
  const run = () =>
    deleteOldMessages(sql, opts.retentionHours)
      .then((count) => {
        if (count > 0) opts.log(`realtime: deleted ${count} messages older than ${opts.retentionHours} hours`);
      })
      .catch((error: unknown) => opts.log(`realtime: cleaning up old messages failed: ${(error as Error).message}`));
  void run();
  const timer = setInterval(() => void run(), opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
