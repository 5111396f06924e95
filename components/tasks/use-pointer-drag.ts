'use client';

import { useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import type { TaskStatus } from '@/lib/tasks/transitions';
import type { Target } from './use-board-keyboard';

/** A press that moves less than this is a click (it opens the task). */
const DRAG_THRESHOLD_PX = 6;

interface Press {
  id: string;
  from: TaskStatus;
  x: number;
  y: number;
  pointerId: number;
}

/**
 * Mouse and pen drag for board cards, with pointer events (not HTML5 drag and drop, whose
 * drop can arrive before the last dragover's render and which browsers handle unevenly):
 * a press that moves picks the card up, the column and place under the pointer are the
 * target, releasing drops it, Escape cancels. Touch keeps scrolling the board; on phones a
 * card moves from its drawer's status field or the keyboard.
 */
export function usePointerDrag(onDrop: (taskId: string, target: Target) => void) {
  const press = useRef<Press | null>(null);
  const suppressClick = useRef(false);
  const [drag, setDrag] = useState<{ id: string; from: TaskStatus; target: Target | null } | null>(null);

  useEffect(() => {
    if (!drag) return;
    const cancel = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      press.current = null;
      setDrag(null);
    };
    window.addEventListener('keydown', cancel);
    return () => window.removeEventListener('keydown', cancel);
  }, [drag]);

  const handlers = (id: string, from: TaskStatus) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0 || event.pointerType === 'touch') return;
      press.current = { id, from, x: event.clientX, y: event.clientY, pointerId: event.pointerId };
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const current = press.current;
      if (!current || current.id !== id) return;
      if (!drag && Math.hypot(event.clientX - current.x, event.clientY - current.y) < DRAG_THRESHOLD_PX) return;
      if (!drag) event.currentTarget.setPointerCapture(current.pointerId);
      setDrag({ id, from, target: targetAtPoint(event.clientX, event.clientY, id) });
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      const current = press.current;
      press.current = null;
      if (!current || !drag) return;
      suppressClick.current = true;
      const target = targetAtPoint(event.clientX, event.clientY, id);
      setDrag(null);
      if (target) onDrop(id, target);
    },
    onPointerCancel: () => {
      press.current = null;
      setDrag(null);
    },
    /** The click that ends a drag does not also open the task. */
    onClickCapture: (event: MouseEvent<HTMLElement>) => {
      if (!suppressClick.current) return;
      suppressClick.current = false;
      event.preventDefault();
      event.stopPropagation();
    },
  });

  return { drag, handlers };
}

/** The column and place under a point: before the first other card whose middle is below it. */
function targetAtPoint(x: number, y: number, movingId: string): Target | null {
  const column = document.elementsFromPoint(x, y).map((el) => el.closest<HTMLElement>('[data-column]')).find(Boolean);
  const status = column?.dataset.column as TaskStatus | undefined;
  if (!column || !status) return null;
  const cards = [...column.querySelectorAll<HTMLElement>('[data-card-id]')].filter((el) => el.dataset.cardId !== movingId);
  const index = cards.findIndex((el) => {
    const box = el.getBoundingClientRect();
    return y < box.top + box.height / 2;
  });
  return { status, index: index === -1 ? cards.length : index };
}
