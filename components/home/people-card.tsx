import { Mail } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import type { WorkspaceOverview } from '@/lib/workspace/overview';
import { HomeCard } from './home-card';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Members and pending invitations at a glance: counts, a few faces, the addresses still invited. */
export function PeopleCard({ members, invitations }: Pick<WorkspaceOverview, 'members' | 'invitations'>) {
  if (!members) return null;
  const more = members.count - members.sample.length;
  return (
    <HomeCard id="people" title="People" link={{ href: '/members', label: invitations ? 'Manage' : 'View all' }}>
      <div className="flex items-center gap-3">
        <div className="flex -space-x-2">
          {members.sample.map((m) => (
            <span key={m.userId} className="inline-flex rounded-full bg-surface p-0.5">
              <Avatar id={m.userId} name={m.name || m.email} size="md" label={m.name || m.email} />
            </span>
          ))}
          {more > 0 ? (
            <span className="inline-flex rounded-full bg-surface p-0.5">
              <span className="grid h-9 w-9 place-items-center rounded-full bg-accent text-xs font-semibold text-muted">+{more}</span>
            </span>
          ) : null}
        </div>
        <p className="text-2xl font-semibold tabular-nums" data-testid="member-count">
          {members.count}{' '}
          <span className="text-sm font-normal text-muted">{members.count === 1 ? 'member' : 'members'}</span>
        </p>
      </div>
      {invitations ? (
        <div className="mt-4 border-t border-border pt-3 text-sm">
          <p className="flex items-center gap-2 font-medium">
            <Mail aria-hidden className="h-4 w-4 text-muted" />
            {invitations.count === 0 ? 'No pending invitations' : plural(invitations.count, 'pending invitation', 'pending invitations')}
          </p>
          {invitations.sample.length > 0 ? (
            <ul className="mt-1.5 space-y-1 pl-6 text-muted">
              {invitations.sample.map((i) => (
                <li key={i.id} className="flex items-baseline justify-between gap-2">
                  <span className="min-w-0 [overflow-wrap:anywhere]">{i.email}</span>
                  <span className="shrink-0 text-xs">{i.status === 'expired' ? 'expired' : i.role}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </HomeCard>
  );
}
