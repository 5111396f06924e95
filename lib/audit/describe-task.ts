import type { AuditData, AuditValue } from './schemas';
import { formatAuditValue, sameValue } from './values';

type Part = { kind: 'text'; text: string } | { kind: 'value'; text: string };
const text = (t: string): Part => ({ kind: 'text', text: t });
const statusWords: Record<string, string> = {
  todo: 'to do', in_progress: 'in progress', in_review: 'in review', done: 'done', blocked: 'blocked', cancelled: 'cancelled',
};
const value = (v: AuditValue | undefined): Part => {
  const shown = typeof v === 'string' && statusWords[v] ? statusWords[v] : formatAuditValue(v);
  return { kind: 'value', text: shown ?? 'unknown' };
};

/**
 * The words after the actor for a task entry (supabase/migrations/*_tasks_triggers.sql):
 * " moved “Ship it” from in progress to in review". Null for other actions.
 */
export function describeTaskAction(action: string, before: AuditData | null, after: AuditData | null): { parts: Part[]; skip: string[] } | null {
  const title = value((after ?? before)?.title);
  const changed = (key: string) => after?.[key] !== undefined && !sameValue(before?.[key], after?.[key]);
  const skip = ['title', 'status', 'priority', 'assignee_id', 'comment_id'];
  switch (action) {
    case 'task.created':
      return { parts: [text(' created the task '), title], skip };
    case 'task.deleted':
      return { parts: [text(' deleted the task '), title], skip };
    case 'task.commented':
      return { parts: [text(' commented on '), title], skip };
    case 'task.updated':
      if (changed('status')) return { parts: [text(' moved '), title, text(' from '), value(before?.status), text(' to '), value(after?.status)], skip: ['title', 'status'] };
      if (changed('assignee_id')) return { parts: [text(after?.assignee_id ? ' reassigned ' : ' unassigned '), title], skip: ['title', 'assignee_id'] };
      return { parts: [text(' updated the task '), title], skip: ['title'] };
    default:
      return null;
  }
}
