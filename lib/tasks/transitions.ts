/**
 * The task state machine, written down once for the code (public.task_transitions holds the
 * same pairs for the database's trigger; lib/tasks/transitions.test.ts keeps them equal).
 * todo → in_progress → in_review → done, with blocked and cancelled beside the flow;
 * done reopens into in_progress and cancelled restores to todo.
 */
export const taskStatuses = ['todo', 'in_progress', 'in_review', 'done', 'blocked', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};

export const taskTransitions: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  todo: ['in_progress', 'blocked', 'cancelled'],
  in_progress: ['todo', 'in_review', 'blocked', 'cancelled'],
  in_review: ['in_progress', 'done', 'blocked', 'cancelled'],
  blocked: ['todo', 'in_progress', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['todo'],
};

/** Statuses a new task may start in. */
export const initialStatuses: readonly TaskStatus[] = ['todo', 'in_progress', 'in_review', 'blocked'];

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return taskTransitions[from].includes(to);
}

/** Why a move is refused, in words the board can show. */
export function transitionRefusal(from: TaskStatus, to: TaskStatus): string {
  const allowed = taskTransitions[from].map((s) => taskStatusLabels[s]);
  return `A task cannot move from ${taskStatusLabels[from]} to ${taskStatusLabels[to]}. From ${taskStatusLabels[from]} it can go to ${allowed.join(', ')}.`;
}
