'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notify } from '@/components/ui/toast';
import type { TaskStatus } from '@/lib/tasks/transitions';
import type { TaskBoard } from '@/lib/tasks/types';
import { moveCard } from './board-model';
import { taskKeys, tasksApi } from './task-api';

interface MoveVariables {
  taskId: string;
  to: TaskStatus;
  afterId: string | null;
}

/**
 * Moves a card optimistically: the board shows the move at once; when the server refuses
 * (a move the state machine does not allow, a lost permission, a task deleted meanwhile)
 * the board goes back to where it was and a toast says why. Either way the board is
 * refetched afterwards, so it ends as the server has it.
 */
export function useMoveTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, to, afterId }: MoveVariables) => tasksApi.move(taskId, to, afterId),
    onMutate: async ({ taskId, to, afterId }) => {
      await queryClient.cancelQueries({ queryKey: taskKeys.board });
      const previous = queryClient.getQueryData<TaskBoard>(taskKeys.board);
      if (previous) queryClient.setQueryData(taskKeys.board, moveCard(previous, taskId, to, afterId));
      return { previous };
    },
    onError: (error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(taskKeys.board, context.previous);
      notify({ title: 'The task was not moved', description: error.message, tone: 'error' });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
