import type { Db } from './db.ts';

export interface Retention {
  /** Ended runs and received events older than this are deleted. */
  maxAgeHours: number;
  /** At most this many ended runs (and 5x as many events) are kept, newest first. */
  maxEndedRuns: number;
}

/** Deletes old ended runs (with their steps and history), old events and expired keys, in batches. */
export async function prune(db: Db, retention: Retention, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retention.maxAgeHours * 3_600_000);
  const { t, sql } = db;
  let deleted = 0;
  for (;;) {
    const rows = await sql`
      delete from ${t.runs} where id in (
        (select id from ${t.runs} where ended_at < ${cutoff} limit 2000)
        union
        (select id from ${t.runs} where ended_at is not null order by ended_at desc offset ${retention.maxEndedRuns} limit 2000))
      returning id`;
    deleted += rows.length;
    if (rows.length < 2000) break;
  }
  await sql`
    delete from ${t.events} where id in (
      (select id from ${t.events} where received_at < ${cutoff})
      union
      (select id from ${t.events} order by received_at desc offset ${retention.maxEndedRuns * 5}))`;
  await sql`delete from ${t.dedupe} where expires_at <= ${now}`;
  return deleted;
}
