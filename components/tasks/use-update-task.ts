'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notify } from '@/components/ui/toast';
import { taskKeys, tasksApi, type TaskChanges } from './task-api';

/** Saves a change to a task's fields; a refusal shows its reason in a toast, and every task view refetches. */
export function useUpdateTask(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: TaskChanges) => tasksApi.update(taskId, changes),
    onError: (error) => notify({ title: 'The change was not saved', description: error.message, tone: 'error' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
