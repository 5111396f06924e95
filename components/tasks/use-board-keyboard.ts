'use client';

import { useEffect, useState, type KeyboardEvent } from 'react';
import { taskStatusLabels, type TaskStatus } from '@/lib/tasks/transitions';
import type { Task } from '@/lib/tasks/types';

export interface Target {
  status: TaskStatus;
  /** Position in the column, not counting the moving card (0 = top). */
  index: number;
}

interface Picked {
  id: string;
  from: TaskStatus;
  target: Target;
}

type Columns = { status: TaskStatus; tasks: Task[] }[];

/**
 * Keyboard drag and drop for the board: Space picks the focused card up, Left/Right
 * choose the column, Up/Down the place in it, Space or Enter drops, Escape (or leaving
 * the card) cancels. Every step is announced for screen readers.
 */
export function useBoardKeyboard(columns: Columns, drop: (taskId: string, target: Target) => void) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // After a drop the card re-renders in its new column (a new element): keep the keyboard on it
  // for a moment, across the optimistic render and the refetch.
  const [refocusId, setRefocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!refocusId) return;
    const element = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(refocusId)}"]`);
    if (element && document.activeElement !== element) element.focus();
  });
  useEffect(() => {
    if (!refocusId) return;
    const timer = setTimeout(() => setRefocusId(null), 1500);
    return () => clearTimeout(timer);
  }, [refocusId]);
  const sizeOf = (status: TaskStatus, movingId: string) => columns.find((c) => c.status === status)?.tasks.filter((t) => t.id !== movingId).length ?? 0;
  const describe = (target: Target, movingId: string) =>
    `${taskStatusLabels[target.status]}, position ${target.index + 1} of ${sizeOf(target.status, movingId) + 1}.`;

  function onKeyDown(event: KeyboardEvent<HTMLElement>, taskId: string, status: TaskStatus, index: number) {
    const title = columns.flatMap((c) => c.tasks).find((t) => t.id === taskId)?.title ?? 'Task';
    if (!picked || picked.id !== taskId) {
      if (event.key !== ' ') return;
      event.preventDefault();
      const target = { status, index };
      setPicked({ id: taskId, from: status, target });
      setAnnouncement(`Picked up ${title}. ${describe(target, taskId)} Use the arrow keys to move it, Space to drop it, Escape to cancel.`);
      return;
    }
    const order = columns.map((c) => c.status);
    const current = picked.target;
    let next: Target | null = null;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const at = order.indexOf(current.status) + (event.key === 'ArrowRight' ? 1 : -1);
        const status = order[Math.max(0, Math.min(order.length - 1, at))]!;
        next = { status, index: Math.min(current.index, sizeOf(status, taskId)) };
        break;
      }
      case 'ArrowUp':
        next = { ...current, index: Math.max(0, current.index - 1) };
        break;
      case 'ArrowDown':
        next = { ...current, index: Math.min(sizeOf(current.status, taskId), current.index + 1) };
        break;
      case ' ':
      case 'Enter':
        event.preventDefault();
        setPicked(null);
        setAnnouncement(`Dropped ${title} in ${describe(current, taskId)}`);
        drop(taskId, current);
        setRefocusId(taskId);
        return;
      case 'Escape':
        event.preventDefault();
        setPicked(null);
        setAnnouncement(`Move cancelled. ${title} stays in ${taskStatusLabels[picked.from]}.`);
        return;
      default:
        return;
    }
    event.preventDefault();
    setPicked({ ...picked, target: next });
    setAnnouncement(describe(next, taskId));
  }

  function cancelIfPicked(taskId: string) {
    if (picked?.id === taskId) setPicked(null);
  }

  return { picked, announcement, onKeyDown, cancelIfPicked };
}
