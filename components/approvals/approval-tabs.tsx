import Link from 'next/link';
import { cn } from '@/lib/cn';
import type { ApprovalCounts } from '@/lib/approvals/queries';

export type ApprovalTab = 'waiting' | 'mine' | 'all';
const labels: Record<ApprovalTab, string> = { waiting: 'Waiting for me', mine: 'Requested by me', all: 'All' };

/** The inbox's three views as links (the URL keeps the tab), each with its count. */
export function ApprovalTabs({ current, counts }: { current: ApprovalTab; counts: ApprovalCounts }) {
  return (
    <nav aria-label="Approval views" className="flex gap-1 border-b border-border">
      {(Object.keys(labels) as ApprovalTab[]).map((tab) => (
        <Link
          key={tab}
          href={`?tab=${tab}`}
          aria-current={tab === current ? 'page' : undefined}
          className={cn(
            '-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium',
            tab === current ? 'border-primary text-foreground' : 'border-transparent text-muted hover:text-foreground',
          )}
        >
          {labels[tab]}
          <span className={cn('rounded-full px-1.5 text-xs', tab === current ? 'bg-primary/10 text-primary' : 'bg-accent')}>{counts[tab]}</span>
        </Link>
      ))}
    </nav>
  );
}
