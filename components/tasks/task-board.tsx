'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { cn } from '@/lib/cn';
import { canTransition, taskStatusLabels, type TaskStatus } from '@/lib/tasks/transitions';
import type { TaskBoard as Board } from '@/lib/tasks/types';
import { afterIdAt, columnsOf } from './board-model';
import { cardClasses, TaskCardBody } from './task-card';
import { taskKeys, tasksApi } from './task-api';
import { useBoardKeyboard, type Target } from './use-board-keyboard';
import { usePointerDrag } from './use-pointer-drag';
import { useMoveTask } from './use-move-task';

/**
 * The task board: a column per status, cards in rank order. Cards move by mouse drag
 * (usePointerDrag) or from the keyboard (Space picks a card up, arrows choose the column and place, Space
 * drops, Escape cancels); moves are optimistic (useMoveTask). Enter or a click opens the
 * task. Live updates come from useTasksLive on the page.
 */
export function TaskBoard({ initialBoard, canMove }: { initialBoard: Board; canMove: boolean }) {
  const router = useRouter();
  const { data: board = initialBoard } = useQuery({ queryKey: taskKeys.board, queryFn: ({ signal }) => tasksApi.board(signal), initialData: initialBoard });
  const columns = columnsOf(board);
  const move = useMoveTask();
  const drop = (taskId: string, target: Target) => {
    const column = columns.find((c) => c.status === target.status)?.tasks ?? [];
    move.mutate({ taskId, to: target.status, afterId: afterIdAt(column, target.index, taskId) });
  };
  const keyboard = useBoardKeyboard(columns, drop);
  const pointer = usePointerDrag(drop);
  const dragging = pointer.drag;
  const dropTarget = pointer.drag?.target ?? null;
  const open = (id: string) => router.push(`?task=${id}`, { scroll: false });
  const target = keyboard.picked?.target ?? dropTarget;
  const movingFrom = keyboard.picked?.from ?? dragging?.from ?? null;
  const movingId = keyboard.picked?.id ?? dragging?.id ?? null;

  return (
    <>
      <p id="board-help" className="sr-only">
        {canMove ? 'Press Enter to open a task. Press Space to pick it up, arrow keys to move it, Space to drop it, Escape to cancel.' : 'Press Enter to open a task.'}
      </p>
      <div aria-live="assertive" className="sr-only">{keyboard.announcement}</div>
      {/* relative: the cards' visually hidden text (position: absolute) is clipped by this scroller, not the page. */}
      <div className="relative -mx-1 flex gap-3 overflow-x-auto px-1 pb-4" data-testid="task-board">
        {columns.map((column) => {
          const refused = movingFrom !== null && movingFrom !== column.status && !canTransition(movingFrom, column.status);
          return (
            <section
              key={column.status}
              aria-labelledby={`column-${column.status}`}
              data-column={column.status}
              className={cn(
                'flex w-64 shrink-0 flex-col rounded-lg border border-transparent bg-accent/50 p-2 transition',
                target?.status === column.status && 'border-primary/50 bg-primary/5',
                refused && 'opacity-60',
              )}
            >
              <h2 id={`column-${column.status}`} className="flex items-center justify-between px-1 pb-2 text-sm font-semibold">
                {taskStatusLabels[column.status]}
                <span className="rounded-full bg-surface px-2 text-xs font-medium text-muted" aria-label={`${column.count} tasks`}>{column.count}</span>
              </h2>
              <ol className="flex min-h-16 flex-col gap-2">
                {/* The dragged card stays in the DOM (removing a drag source cancels the drag); it is dimmed. */}
                {column.tasks
                  .map((task, index) => (
                    <li key={task.id} className="flex flex-col gap-2">
                      {target?.status === column.status && target.index === positionOf(column.tasks, index, movingId) ? <DropLine /> : null}
                      <button
                        type="button"
                        data-card-id={task.id}
                        aria-describedby="board-help"
                        aria-pressed={canMove ? keyboard.picked?.id === task.id : undefined}
                        className={cardClasses({ picked: keyboard.picked?.id === task.id, dragging: dragging?.id === task.id })}
                        onClick={() => open(task.id)}
                        onKeyDown={canMove ? (event) => keyboard.onKeyDown(event, task.id, column.status, index) : undefined}
                        onBlur={() => keyboard.cancelIfPicked(task.id)}
                        {...(canMove ? pointer.handlers(task.id, column.status) : {})}
                      >
                        <TaskCardBody task={task} />
                      </button>
                    </li>
                  ))}
                {target?.status === column.status && target.index >= column.tasks.filter((t) => t.id !== movingId).length ? <DropLine /> : null}
                {column.tasks.length === 0 && target?.status !== column.status ? (
                  <li className="rounded-md border border-dashed border-border px-3 py-6 text-center text-xs text-muted">No tasks</li>
                ) : null}
              </ol>
              {column.count > column.tasks.length ? (
                <p className="px-1 pt-2 text-xs text-muted">Showing {column.tasks.length} of {column.count}. Use the list to see all.</p>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}

/** A card's place in its column not counting the moving card (targets count that way); -1 for the moving card. */
function positionOf(tasks: readonly { id: string }[], index: number, movingId: string | null): number {
  if (tasks[index]?.id === movingId) return -1;
  return tasks.slice(0, index).filter((t) => t.id !== movingId).length;
}

function DropLine() {
  return <div aria-hidden className="h-1 rounded-full bg-primary" data-drop-indicator />;
}
