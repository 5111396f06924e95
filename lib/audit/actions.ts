import type { Tx } from '@/lib/db';
import { parseInput } from '@/lib/permissions/parse-input';
import { auditActionSchema, requestContextSchema, type AuditEntryInput, type RequestContext } from './schemas';

/**
 * Appends one audit entry inside the caller's transaction, so the entry exists
 * exactly when the change does. Under RLS the actor must be the caller and a
 * member of the organization (policy audit_log_insert). No RETURNING: most
 * members may write entries but not read them back.
 */
export async function recordAuditEntry(tx: Tx, entry: AuditEntryInput, context: RequestContext): Promise<void> {
  const action = parseInput(auditActionSchema, entry.action);
  const ctx = parseInput(requestContextSchema, context);
  const before = entry.before == null ? null : tx.json(entry.before);
  const after = entry.after == null ? null : tx.json(entry.after);
  await tx`
    insert into public.audit_log
      (org_id, actor_id, action, target_type, target_id, before, after, request_id, ip, user_agent)
    values
      (${entry.orgId}, ${entry.actorId}, ${action}, ${entry.targetType}, ${entry.targetId},
       ${before}, ${after}, ${ctx.requestId}, ${ctx.ip}, ${ctx.userAgent})`;
}
