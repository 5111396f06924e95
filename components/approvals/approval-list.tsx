import Link from 'next/link';
import { RelativeTime } from '@/components/ui/relative-time';
import type { ApprovalListItem, Person } from '@/lib/approvals/queries';
import { ApprovalStatusBadge } from './status-badge';

const typeLabels: Record<string, string> = { custom: 'Sign-off', user_role_change: 'Role change' };

/** Requests as rows: subject (links to the request), type, requester, progress, status and time. */
export function ApprovalList({ items, people }: { items: ApprovalListItem[]; people: Record<string, Person> }) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Approval requests">
      {items.map((item) => {
        const requester = item.requestedBy ? people[item.requestedBy] : undefined;
        return (
          <li key={item.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
            <div className="min-w-0 flex-1">
              <Link href={`/approvals/${item.id}`} className="font-medium hover:underline">
                {item.subject}
              </Link>
              <p className="text-sm text-muted">
                {typeLabels[item.type] ?? item.type} · asked by {requester?.name || requester?.email || 'a former member'} ·{' '}
                <RelativeTime date={item.createdAt} />
              </p>
            </div>
            <span className="text-sm text-muted" aria-label={`${item.approvals} of ${item.quorum} approvals`}>
              {item.approvals}/{item.quorum} approvals
            </span>
            {item.waitingForMe ? <span className="text-xs font-medium text-primary">Waiting for you</span> : null}
            <ApprovalStatusBadge status={item.status} expiresAt={item.expiresAt} />
          </li>
        );
      })}
    </ul>
  );
}
