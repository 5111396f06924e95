import { ArrowRight, Check, PartyPopper } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { Checklist } from '@/lib/onboarding/checklist';
import { cn } from '@/lib/cn';
import { DismissChecklist } from './dismiss-checklist';

/**
 * "Get started": what is left to set up, each item done when the organization's data
 * says so, with progress; the member can put it away for good (per organization).
 */
export function GetStarted({ checklist }: { checklist: Checklist }) {
  const { items, doneCount, complete } = checklist;
  const percent = Math.round((doneCount / items.length) * 100);
  return (
    <section aria-labelledby="get-started-title" className="rounded-lg border border-border bg-surface p-5">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="get-started-title" className="font-semibold">{complete ? 'You’re all set' : 'Get started'}</h2>
          <p className="mt-0.5 text-sm text-muted">
            {complete ? 'Your workspace is ready. New steps appear here as features arrive.' : `${doneCount} of ${items.length} done`}
          </p>
        </div>
        <DismissChecklist checklist="get_started" />
      </div>
      <div
        role="progressbar"
        aria-label="Setup progress"
        aria-valuemin={0}
        aria-valuemax={items.length}
        aria-valuenow={doneCount}
        className="mt-3 h-1.5 overflow-hidden rounded-full bg-accent"
      >
        <div className={cn('h-full rounded-full transition-all', complete ? 'bg-success' : 'bg-primary')} style={{ width: `${percent}%` }} />
      </div>
      {complete ? (
        <p className="mt-4 flex items-center gap-2 text-sm text-muted">
          <PartyPopper aria-hidden className="h-4 w-4 text-primary" /> Nice work: everything here is done.
        </p>
      ) : null}
      <ol className="mt-4 space-y-1">
        {items.map((item) => (
          <li key={item.key} className="flex items-start gap-3 rounded-md p-2 -mx-2">
            <span
              aria-hidden
              className={cn(
                'mt-0.5 grid h-5 w-5 shrink-0 place-items-center rounded-full border',
                item.done ? 'border-success bg-success text-white' : 'border-border',
              )}
            >
              {item.done ? <Check className="h-3 w-3" strokeWidth={3} /> : null}
            </span>
            <div className="min-w-0 flex-1">
              <p className={cn('text-sm font-medium', item.done && 'text-muted line-through decoration-muted/60')}>{item.title}</p>
              {item.done ? null : <p className="text-sm text-muted">{item.description}</p>}
            </div>
            {item.done ? (
              <Badge tone="success">Done</Badge>
            ) : (
              <Button asChild size="sm" variant="secondary">
                <Link href={item.href}>
                  {item.action}
                  <ArrowRight aria-hidden className="h-3.5 w-3.5" />
                </Link>
              </Button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
