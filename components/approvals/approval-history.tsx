import { RelativeTime } from '@/components/ui/relative-time';
import type { ApprovalDetail } from '@/lib/approvals/queries';

const verbs: Record<string, string> = {
  requested: 'asked for approval',
  approve: 'approved',
  reject: 'rejected',
  comment: 'commented',
  approved: 'was approved',
  rejected: 'was rejected',
  expired: 'expired without a decision',
  cancelled: 'cancelled the request',
};

/** The request's history, oldest first: who did what, when, with reasons and comments. */
export function ApprovalHistory({ detail }: { detail: ApprovalDetail }) {
  const name = (id: string | null) => (id ? detail.people[id]?.name || detail.people[id]?.email || 'A former member' : 'The system');
  return (
    <ol className="space-y-3" aria-label="History">
      {detail.history.map((h) => (
        <li key={h.id} className="text-sm">
          <p>
            <span className="font-medium">{['approved', 'rejected', 'expired'].includes(h.kind) ? 'The request' : name(h.actorId)}</span> {verbs[h.kind] ?? h.kind}
            <span className="text-muted"> · <RelativeTime date={h.createdAt} /></span>
          </p>
          {h.body ? <p className="mt-1 whitespace-pre-wrap rounded-md bg-accent px-3 py-2">{h.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}
