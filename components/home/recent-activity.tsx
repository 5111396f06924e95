import { History } from 'lucide-react';
import { AuditEntry } from '@/components/audit/audit-entry';
import { EmptyState } from '@/components/ui/empty-state';
import type { AuditFeedItem } from '@/lib/audit/queries';
import { HomeCard } from './home-card';

/** The latest audit entries in words, with a way to the whole log. */
export function RecentActivity({ items }: { items: AuditFeedItem[] }) {
  return (
    <HomeCard id="activity" title="Recent activity" link={items.length > 0 ? { href: '/audit', label: 'View all' } : undefined}>
      {items.length === 0 ? (
        <EmptyState icon={History} title="No activity yet" description="Changes to members, roles, invitations and settings will show up here." className="py-8" />
      ) : (
        <ol aria-label="Recent activity" className="-my-3 divide-y divide-border">
          {items.map((item) => (
            <AuditEntry key={item.id} item={item} compact />
          ))}
        </ol>
      )}
    </HomeCard>
  );
}
