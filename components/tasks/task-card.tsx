import { MessageSquare } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/lib/cn';
import type { Task } from '@/lib/tasks/types';
import { DueDate, personName, PriorityLabel } from './task-meta';

/** What a board card shows: title, priority, due date, labels, comments and the assignee. */
export function TaskCardBody({ task }: { task: Task }) {
  return (
    <>
      <span className="line-clamp-3 text-sm font-medium text-foreground">{task.title}</span>
      {task.labels.length > 0 ? (
        <span className="mt-2 flex flex-wrap gap-1">
          {task.labels.map((label) => (
            <span key={label} className="rounded bg-accent px-1.5 py-0.5 text-[11px] text-muted">{label}</span>
          ))}
        </span>
      ) : null}
      <span className="mt-3 flex items-center gap-3">
        <PriorityLabel priority={task.priority} compact />
        {task.dueOn ? <DueDate dueOn={task.dueOn} status={task.status} /> : null}
        {task.commentCount > 0 ? (
          <span className="inline-flex items-center gap-1 text-xs text-muted" title={`${task.commentCount} comments`}>
            <MessageSquare aria-hidden className="h-3.5 w-3.5" />
            {task.commentCount}
            <span className="sr-only">comments</span>
          </span>
        ) : null}
        <span className="ml-auto">
          {task.assignee ? (
            <Avatar id={task.assignee.id} name={personName(task.assignee)} size="xs" label={`Assigned to ${personName(task.assignee)}`} />
          ) : (
            <span className="text-[11px] text-muted">Unassigned</span>
          )}
        </span>
      </span>
    </>
  );
}

export const cardClasses = (state: { picked?: boolean; dragging?: boolean }) =>
  cn(
    'block w-full select-none rounded-md border border-border bg-surface p-3 text-left shadow-sm transition',
    'hover:border-primary/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary',
    state.picked && 'ring-2 ring-primary',
    state.dragging && 'opacity-50',
  );
