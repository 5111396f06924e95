import type { LucideIcon } from 'lucide-react';
import { cn } from '@/lib/cn';

/**
 * What a list shows when it has nothing: an icon, a sentence saying why, and the
 * next step (`action`). Say apart "nothing yet" from "nothing matches" with the copy.
 */
export function EmptyState({
  icon: Icon,
  title,
  description,
  action,
  className,
}: {
  icon: LucideIcon;
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-col items-center rounded-lg border border-dashed border-border px-6 py-10 text-center', className)}>
      <span aria-hidden className="mb-3 grid h-10 w-10 place-items-center rounded-full bg-accent text-muted">
        <Icon className="h-5 w-5" />
      </span>
      <p className="font-medium">{title}</p>
      {description ? <p className="mt-1 max-w-sm text-sm text-muted">{description}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
