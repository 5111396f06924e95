import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import type { DataTableColumn } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import type { Task } from '@/lib/tasks/types';
import { DueDate, personName, PriorityLabel, StatusBadge } from './task-meta';

/** The list's columns; the title opens the task drawer (`?task=`), keeping the filters. */
export function taskColumns(href: (extra: Record<string, string>) => string): DataTableColumn<Task>[] {
  return [
    {
      key: 'title',
      header: 'Task',
      className: 'min-w-56',
      cell: (t) => (
        <div className="min-w-0">
          <Link href={href({ task: t.id })} scroll={false} className="font-medium text-foreground hover:text-primary hover:underline [overflow-wrap:anywhere]">{t.title}</Link>
          {t.labels.length > 0 ? <p className="mt-0.5 text-xs text-muted">{t.labels.join(' · ')}</p> : null}
        </div>
      ),
    },
    { key: 'status', header: 'Status', cell: (t) => <StatusBadge status={t.status} /> },
    { key: 'priority', header: 'Priority', hideBelow: 'sm', cell: (t) => <PriorityLabel priority={t.priority} /> },
    {
      key: 'assignee',
      header: 'Assignee',
      hideBelow: 'md',
      cell: (t) => t.assignee ? (
        <span className="inline-flex items-center gap-2"><Avatar id={t.assignee.id} name={personName(t.assignee)} size="xs" />{personName(t.assignee)}</span>
      ) : <span className="text-muted">Unassigned</span>,
    },
    { key: 'due', header: 'Due', hideBelow: 'md', cell: (t) => (t.dueOn ? <DueDate dueOn={t.dueOn} status={t.status} /> : <span className="text-muted">—</span>) },
    { key: 'updated', header: 'Updated', hideBelow: 'lg', cell: (t) => <RelativeTime date={t.updatedAt} className="text-muted" /> },
  ];
}
