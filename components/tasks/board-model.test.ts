import { describe, expect, it } from 'vitest';
import type { Task, TaskBoard } from '@/lib/tasks/types';
import { afterIdAt, columnsOf, moveCard } from './board-model';

const card = (id: string, status: Task['status'], rank: number): Task => ({
  id, title: id, description: '', status, priority: 'medium', assignee: null, dueOn: null, labels: [], rank,
  createdBy: null, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z', commentCount: 0,
});
const board: TaskBoard = {
  tasks: [card('a', 'todo', 1), card('b', 'todo', 2), card('c', 'in_progress', 1)],
  counts: { todo: 2, in_progress: 1, in_review: 0, done: 0, blocked: 0, cancelled: 0 },
};
const ids = (b: TaskBoard, status: Task['status']) => columnsOf(b).find((c) => c.status === status)!.tasks.map((t) => t.id);

describe('the board model', () => {
  it('moves a card to another column after a given card, and keeps the counts', () => {
    const moved = moveCard(board, 'a', 'in_progress', 'c');
    expect(ids(moved, 'in_progress')).toEqual(['c', 'a']);
    expect(ids(moved, 'todo')).toEqual(['b']);
    expect(moved.counts).toMatchObject({ todo: 1, in_progress: 2 });
  });

  it('puts a card on top with null, and reorders within a column', () => {
    expect(ids(moveCard(board, 'b', 'todo', null), 'todo')).toEqual(['b', 'a']);
    expect(ids(moveCard(board, 'c', 'todo', 'a'), 'todo')).toEqual(['a', 'c', 'b']);
  });

  it('finds the card a drop position goes after, not counting the moving card', () => {
    const column = columnsOf(board)[0]!.tasks;
    expect(afterIdAt(column, 0, 'x')).toBeNull();
    expect(afterIdAt(column, 1, 'x')).toBe('a');
    expect(afterIdAt(column, 5, 'x')).toBe('b');
    expect(afterIdAt(column, 2, 'a')).toBe('b');
  });
});
