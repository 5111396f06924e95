import { KanbanSquare, List } from 'lucide-react';
import Link from 'next/link';
import { cn } from '@/lib/cn';

/** Board | List: the two views of the same tasks. */
export function TaskViewTabs({ current }: { current: 'board' | 'list' }) {
  const tab = (view: 'board' | 'list', href: string, label: string, Icon: typeof List) => (
    <Link href={href} aria-current={current === view ? 'page' : undefined}
      className={cn('inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium',
        current === view ? 'bg-surface text-foreground shadow-sm' : 'text-muted hover:text-foreground')}>
      <Icon aria-hidden className="h-4 w-4" />{label}
    </Link>
  );
  return (
    <nav aria-label="Task views" className="inline-flex rounded-lg bg-accent p-1">
      {tab('board', '/tasks', 'Board', KanbanSquare)}
      {tab('list', '/tasks/list', 'List', List)}
    </nav>
  );
}
