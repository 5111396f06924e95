import type { AuditData, AuditValue } from './schemas';
import { formatAuditValue } from './values';

type Part = { kind: 'text'; text: string } | { kind: 'value'; text: string };

const text = (t: string): Part => ({ kind: 'text', text: t });
const value = (v: AuditValue | undefined, fallback = 'a request'): Part => ({ kind: 'value', text: formatAuditValue(v) ?? fallback });

/**
 * Sentences (after the actor) for the approval actions (supabase/migrations/*approvals_audit_live.sql),
 * and the keys they already say; null for any other action.
 */
export function describeApprovalAction(action: string, before: AuditData | null, after: AuditData | null): { parts: Part[]; skip: string[] } | null {
  const subject = value(after?.subject);
  const closing = ['status', 'type', 'subject', 'reason'];
  switch (action) {
    case 'approval.requested':
      return { parts: [text(' asked for approval of '), subject], skip: ['type', 'subject', 'approvers', 'quorum', 'expires_at'] };
    case 'approval.decided':
      return {
        parts: [text(after?.decision === 'reject' ? ' rejected a request' : ' approved a request'), ...(after?.via === 'email' ? [text(' from an email link')] : [])],
        skip: ['decision', 'reason', 'approver_id', 'via'],
      };
    case 'approval.commented':
      return { parts: [text(' commented on a request')], skip: ['body'] };
    case 'approval.approved':
      return { parts: [text(' completed the approval of '), subject], skip: closing };
    case 'approval.rejected':
      return { parts: [text(' closed '), subject, text(' as rejected')], skip: closing };
    case 'approval.expired':
      return { parts: [text(' closed '), subject, text(' as expired')], skip: closing };
    case 'approval.cancelled':
      return { parts: [text(' cancelled '), subject], skip: closing };
    case 'approval_policy.updated':
      return { parts: [text(' updated the approval policy')], skip: [] };
    default:
      void before;
      return null;
  }
}
