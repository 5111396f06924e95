import { ArrowDown, ArrowUp, ChevronsUp, Equal, type LucideIcon } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { cn } from '@/lib/cn';
import type { TaskPriority } from '@/lib/tasks/schemas';
import { taskStatusLabels, type TaskStatus } from '@/lib/tasks/transitions';
import type { TaskPerson } from '@/lib/tasks/types';

const priorityMeta: Record<TaskPriority, { label: string; icon: LucideIcon; className: string }> = {
  urgent: { label: 'Urgent', icon: ChevronsUp, className: 'text-danger' },
  high: { label: 'High', icon: ArrowUp, className: 'text-amber-700 dark:text-amber-400' },
  medium: { label: 'Medium', icon: Equal, className: 'text-muted' },
  low: { label: 'Low', icon: ArrowDown, className: 'text-muted' },
};
export const priorityLabels: Record<TaskPriority, string> = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' };

/** A priority as an icon and its word (the word carries the meaning, the colour reinforces it). */
export function PriorityLabel({ priority, compact = false }: { priority: TaskPriority; compact?: boolean }) {
  const meta = priorityMeta[priority];
  const Icon = meta.icon;
  return (
    <span className={cn('inline-flex items-center gap-1 text-xs font-medium', meta.className)} title={`Priority: ${meta.label}`}>
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {compact ? <span className="sr-only">Priority: {meta.label}</span> : meta.label}
    </span>
  );
}

const statusTones: Record<TaskStatus, BadgeTone> = {
  todo: 'outline', in_progress: 'primary', in_review: 'primary', done: 'success', blocked: 'danger', cancelled: 'neutral',
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  return <Badge tone={statusTones[status]}>{taskStatusLabels[status]}</Badge>;
}

const dayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** Today in UTC as yyyy-MM-dd (due dates are calendar days, compared in UTC like the list's filter). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** "Due Dec 9", in the danger colour and saying "overdue" once it has passed on an open task. */
export function DueDate({ dueOn, status }: { dueOn: string; status: TaskStatus }) {
  const date = new Date(`${dueOn}T00:00:00Z`);
  const sameYear = date.getUTCFullYear() === new Date().getUTCFullYear();
  const overdue = dueOn < todayIso() && status !== 'done' && status !== 'cancelled';
  return (
    <span className={cn('text-xs', overdue ? 'font-medium text-danger' : 'text-muted')}>
      <time dateTime={dueOn}>{overdue ? 'Overdue · ' : 'Due '}{(sameYear ? dayFormat : dayYearFormat).format(date)}</time>
    </span>
  );
}

/** A person's display name: their name, else their email, else "Former member". */
export const personName = (person: TaskPerson | null | undefined) => person?.name || person?.email || 'Former member';
