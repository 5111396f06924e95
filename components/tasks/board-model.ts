import { taskStatuses, type TaskStatus } from '@/lib/tasks/transitions';
import type { Task, TaskBoard } from '@/lib/tasks/types';

/** The board's columns in order, each with its cards in rank order. */
export function columnsOf(board: TaskBoard): { status: TaskStatus; tasks: Task[]; count: number }[] {
  return taskStatuses.map((status) => ({
    status,
    tasks: board.tasks.filter((t) => t.status === status).sort((a, b) => a.rank - b.rank),
    count: board.counts[status],
  }));
}

/**
 * The board after moving a card to `to`, after `afterId` (null: to the top), as the
 * server will order it: what the optimistic update shows until the server answers.
 */
export function moveCard(board: TaskBoard, taskId: string, to: TaskStatus, afterId: string | null): TaskBoard {
  const task = board.tasks.find((t) => t.id === taskId);
  if (!task) return board;
  const column = board.tasks.filter((t) => t.status === to && t.id !== taskId).sort((a, b) => a.rank - b.rank);
  const index = afterId === null ? -1 : column.findIndex((t) => t.id === afterId);
  const before = index >= 0 ? column[index] : undefined;
  const after = column[index + 1];
  const rank =
    before && after ? (before.rank + after.rank) / 2 : before ? before.rank + 1 : after ? after.rank - 1 : 1;
  const counts = { ...board.counts };
  if (task.status !== to) {
    counts[task.status] = Math.max(0, counts[task.status] - 1);
    counts[to] += 1;
  }
  return {
    counts,
    tasks: board.tasks.map((t) => (t.id === taskId ? { ...t, status: to, rank } : t)),
  };
}

/** The card a drop at position `index` (0 = top) of a column goes after, ignoring the card itself. */
export function afterIdAt(column: readonly Task[], index: number, movingId: string): string | null {
  const others = column.filter((t) => t.id !== movingId);
  return index <= 0 ? null : (others[Math.min(index, others.length) - 1]?.id ?? null);
}
