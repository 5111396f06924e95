import { RelativeTime } from '@/components/ui/relative-time';
import { taskStatusLabels, type TaskStatus } from '@/lib/tasks/transitions';
import type { TaskActivity } from '@/lib/tasks/types';
import { personName, priorityLabels } from './task-meta';

const statusWord = (v: unknown) => (typeof v === 'string' && v in taskStatusLabels ? taskStatusLabels[v as TaskStatus] : 'unknown');
const text = (v: unknown) => (typeof v === 'string' && v ? v : Array.isArray(v) && v.length ? v.join(', ') : 'none');

/** One history entry in words: "moved it from To do to In progress". */
export function describeActivity(a: TaskActivity): string {
  switch (a.field) {
    case 'created': return 'created the task';
    case 'status': return `moved it from ${statusWord(a.from)} to ${statusWord(a.to)}`;
    case 'assignee':
      if (!a.to) return 'removed the assignee';
      return `assigned it to ${a.toPerson ? personName(a.toPerson) : 'a former member'}`;
    case 'priority': return `changed the priority from ${priorityLabels[a.from as keyof typeof priorityLabels] ?? 'unknown'} to ${priorityLabels[a.to as keyof typeof priorityLabels] ?? 'unknown'}`;
    case 'due_on': return a.to ? `set the due date to ${text(a.to)}` : 'removed the due date';
    case 'labels': return `changed the labels to ${text(a.to)}`;
    case 'title': return `renamed it from “${text(a.from)}” to “${text(a.to)}”`;
    case 'description': return 'edited the description';
    case 'comment': return 'commented';
  }
}

/** Every change to the task, oldest first: who, what (from → to), when. */
export function TaskHistory({ activity }: { activity: TaskActivity[] }) {
  return (
    <section aria-labelledby="task-history-heading" className="space-y-2">
      <h3 id="task-history-heading" className="text-sm font-semibold">History</h3>
      <ol className="space-y-1.5 border-l border-border pl-3">
        {activity.map((a) => (
          <li key={a.id} className="text-xs text-muted" data-activity={a.field}>
            <span className="font-medium text-foreground">{personName(a.actor)}</span> {describeActivity(a)} · <RelativeTime date={a.createdAt} />
          </li>
        ))}
      </ol>
    </section>
  );
}
