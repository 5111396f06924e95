import { apiRequest } from '@/lib/http/api-client';
import type { TaskPriority } from '@/lib/tasks/schemas';
import type { TaskStatus } from '@/lib/tasks/transitions';
import type { Task, TaskBoard, TaskComment, TaskDetail } from '@/lib/tasks/types';

/** Query keys: everything under ['tasks'] is refreshed when the org's tasks topic announces a change. */
export const taskKeys = {
  all: ['tasks'] as const,
  board: ['tasks', 'board'] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
};

export interface TaskChanges {
  title?: string;
  description?: string;
  priority?: TaskPriority;
  assigneeId?: string | null;
  dueOn?: string | null;
  labels?: string[];
}

const path = (id: string, rest = '') => `/api/tasks/${encodeURIComponent(id)}${rest}`;

export const tasksApi = {
  board: (signal?: AbortSignal) => apiRequest<{ data: TaskBoard }>('GET', '/api/tasks/board', { signal }).then((r) => r.data),
  detail: (id: string, signal?: AbortSignal) => apiRequest<{ data: TaskDetail }>('GET', path(id), { signal }).then((r) => r.data),
  create: (body: TaskChanges & { title: string; status?: TaskStatus }) =>
    apiRequest<{ data: Task }>('POST', '/api/tasks', { body }).then((r) => r.data),
  update: (id: string, body: TaskChanges) => apiRequest<{ data: Task }>('PATCH', path(id), { body }).then((r) => r.data),
  move: (id: string, to: TaskStatus, afterId: string | null) =>
    apiRequest<{ data: Task }>('POST', path(id, '/transitions'), { body: { to, afterId } }).then((r) => r.data),
  remove: (id: string) => apiRequest<void>('DELETE', path(id)),
  comment: (id: string, body: string) => apiRequest<{ data: TaskComment }>('POST', path(id, '/comments'), { body: { body } }).then((r) => r.data),
  watch: (id: string, watching: boolean) => apiRequest<{ data: { watching: boolean } }>('POST', path(id, '/watching'), { body: { watching } }),
};
