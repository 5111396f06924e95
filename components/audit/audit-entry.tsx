import { RelativeTime } from '@/components/ui/relative-time';
import type { AuditFeedItem } from '@/lib/audit/queries';
import { cn } from '@/lib/cn';
import { actionMeta } from './action-meta';
import { ActorAvatar } from './actor-avatar';
import { AuditDetails } from './audit-details';
import { AuditChanges, AuditSentence } from './audit-sentence';
import { subjectOf } from './subject';

/**
 * One audit entry as a list item: who (avatar), what (a sentence), when (relative,
 * exact on hover), and, unless `compact`, a Details button with the raw entry.
 */
export function AuditEntry({ item, compact = false }: { item: AuditFeedItem; compact?: boolean }) {
  const { icon: Icon, label } = actionMeta(item.action);
  return (
    <li className={cn('flex items-start gap-3', compact ? 'py-3' : 'px-4 py-3.5 sm:px-5')}>
      <ActorAvatar actor={subjectOf(item)} size={compact ? 'sm' : 'md'} />
      <div className="min-w-0 flex-1">
        <AuditSentence sentence={item.sentence} />
        <AuditChanges sentence={item.sentence} />
        <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-muted">
          {compact ? null : (
            <>
              <Icon aria-hidden className="h-3.5 w-3.5" />
              <span>{label}</span>
              <span aria-hidden>·</span>
            </>
          )}
          <RelativeTime date={item.createdAt} />
        </p>
      </div>
      {compact ? null : <AuditDetails item={item} />}
    </li>
  );
}

/** Entries newest first, in a card. */
export function AuditFeed({ items }: { items: AuditFeedItem[] }) {
  return (
    <ol aria-label="Audit entries" className="divide-y divide-border rounded-lg border border-border bg-surface">
      {items.map((item) => (
        <AuditEntry key={item.id} item={item} />
      ))}
    </ol>
  );
}
