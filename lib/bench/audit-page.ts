import type { Sql, Tx } from '../db/client.ts';
import { toPage } from '../pagination/cursor.ts';

/**
 * The SQL of listAuditEntries (lib/audit/queries.ts) with no filters, as the
 * request-path benchmark runs it without auth: on the bare-SQL route's owner pool
 * and in-process, inside withRls and outside. Keep it equal to that query.
 * Relative imports only, so plain Node runs it in bench/request-path.ts.
 */
export async function benchAuditPage(sql: Sql | Tx, orgId: string, limit: number) {
  const rows = await sql<BenchAuditRow[]>`
    select a.id, a.actor_id, d.email as actor_email, a.action, a.target_type, a.target_id,
           a.before, a.after, a.request_id, host(a.ip) as ip, a.user_agent, a.created_at,
           to_json(a.created_at) #>> '{}' as sort_at
    from public.audit_log a
    left join private.member_directory d on d.org_id = a.org_id and d.user_id = a.actor_id
    where a.org_id = ${orgId}
    order by a.created_at desc, a.id desc
    limit ${limit + 1}`;
  const page = toPage(rows, limit, (r) => r.id, (r) => ({
    id: r.id,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
    ip: r.ip,
    userAgent: r.user_agent,
    createdAt: r.created_at,
  }));
  return { data: page.items, nextCursor: page.nextCursor };
}

interface BenchAuditRow {
  id: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Date;
  sort_at: string;
}
