import type { Tx } from '@/lib/db';
import { toPage, type Page } from '@/lib/pagination/cursor';
import { parseInput } from '@/lib/validation/parse-input';
import { requirePermission } from '@/lib/permissions/queries';
import { describeAuditEntry, type AuditPerson, type AuditSentence } from './describe';
import { actorOf, resolveAuditPeople, targetOf } from './people';
import { auditFilterSchema, type AuditData, type AuditFilter } from './schemas';

export interface AuditEntry {
  id: string;
  actorId: string | null;
  /** The actor's current email while they are still a member; null otherwise. */
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: AuditData | null;
  after: AuditData | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
}

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before: AuditData | null;
  after: AuditData | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Date;
  sort_at: string;
}

/** Newest first, filtered by actor, action and date range (inclusive), for holders of audit:read. */
export async function listAuditEntries(tx: Tx, filter: AuditFilter): Promise<Page<AuditEntry>> {
  const f = parseInput(auditFilterSchema, filter);
  await requirePermission(tx, f.orgId, 'audit:read');
  const rows = await tx<AuditRow[]>`
    select a.id, a.actor_id, d.email as actor_email, a.action, a.target_type, a.target_id,
           a.before, a.after, a.request_id, host(a.ip) as ip, a.user_agent, a.created_at,
           to_json(a.created_at) #>> '{}' as sort_at
    from public.audit_log a
    left join private.member_directory d on d.org_id = a.org_id and d.user_id = a.actor_id
    where a.org_id = ${f.orgId}
      ${f.actorId ? tx`and a.actor_id = ${f.actorId}` : tx``}
      ${f.action ? tx`and a.action = ${f.action}` : tx``}
      ${f.from ? tx`and a.created_at >= ${f.from}` : tx``}
      ${f.to ? tx`and a.created_at <= ${f.to}` : tx``}
      ${f.cursor ? tx`and (a.created_at, a.id) < (${f.cursor.t}::text::timestamptz, ${f.cursor.k}::uuid)` : tx``}
    order by a.created_at desc, a.id desc
    limit ${f.limit + 1}`;
  return toPage(rows, f.limit, (r) => r.id, (r) => ({
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
}

/** An entry as the audit log shows it: who (resolved to names), and what as a sentence. */
export interface AuditFeedItem extends AuditEntry {
  actor: AuditPerson | null;
  target: AuditPerson | null;
  sentence: AuditSentence;
}

/**
 * listAuditEntries with the people resolved (names and emails, also of former
 * members) and each entry worded by describeAuditEntry. The API keeps returning
 * plain entries; pages use this.
 */
export async function listAuditFeed(tx: Tx, filter: AuditFilter): Promise<Page<AuditFeedItem>> {
  const page = await listAuditEntries(tx, filter);
  const people = await resolveAuditPeople(tx, filter.orgId, page.items);
  return {
    ...page,
    items: page.items.map((entry) => {
      const actor = actorOf(entry, people);
      const target = targetOf(entry, people);
      return { ...entry, actor, target, sentence: describeAuditEntry({ ...entry, actor, target }) };
    }),
  };
}
