'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Eye, EyeOff } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { Button } from '@/components/ui/button';
import { Sheet, SheetContent } from '@/components/ui/sheet';
import { notify } from '@/components/ui/toast';
import { ApiClientError } from '@/lib/http/api-client';
import { taskKeys, tasksApi } from './task-api';
import { TaskComments } from './task-comments';
import { TaskFields, type MemberOption } from './task-fields';
import { TaskHistory } from './task-history';
import { personName, StatusBadge } from './task-meta';

export interface TaskPermissions {
  canUpdate: boolean;
  canAssign: boolean;
  canDelete: boolean;
  canComment: boolean;
}

/**
 * The task drawer, open while the URL has `?task=<id>` (so a task can be linked, and Back
 * closes it): fields, watch, delete, comments and history, kept current by the page's
 * live subscription.
 */
export function TaskDrawer({ members, permissions }: { members: MemberOption[]; permissions: TaskPermissions }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const taskId = params.get('task');
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('task');
    router.push(next.size ? `${pathname}?${next}` : pathname, { scroll: false });
  };
  return (
    <Sheet open={Boolean(taskId)} onOpenChange={(open) => (open ? null : close())}>
      {taskId ? <DrawerBody taskId={taskId} members={members} permissions={permissions} onDeleted={close} /> : null}
    </Sheet>
  );
}

function DrawerBody({ taskId, members, permissions, onDeleted }: { taskId: string; members: MemberOption[]; permissions: TaskPermissions; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: taskKeys.detail(taskId), queryFn: ({ signal }) => tasksApi.detail(taskId, signal), retry: false });
  if (isPending) {
    return (
      <SheetContent title="Loading task…">
        <div className="space-y-3" aria-busy="true">
          {[0, 1, 2, 3].map((i) => <div key={i} className="h-10 animate-pulse rounded-md bg-accent" />)}
        </div>
      </SheetContent>
    );
  }
  if (error || !data) {
    const missing = error instanceof ApiClientError && error.status === 404;
    return (
      <SheetContent title={missing ? 'Task not found' : 'The task could not be loaded'}>
        <p className="text-sm text-muted">{missing ? 'It may have been deleted, or the link is wrong.' : (error?.message ?? 'Try again in a moment.')}</p>
      </SheetContent>
    );
  }
  const { task } = data;
  const toggleWatch = async () => {
    try {
      await tasksApi.watch(task.id, !data.watching);
      await queryClient.invalidateQueries({ queryKey: taskKeys.detail(task.id) });
    } catch (e) {
      notify({ title: 'Could not change watching', description: (e as Error).message, tone: 'error' });
    }
  };
  const remove = async () => {
    try {
      await tasksApi.remove(task.id);
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: taskKeys.all });
      return { ok: true, message: 'Task deleted' };
    } catch (e) {
      return { message: (e as Error).message };
    }
  };
  return (
    <SheetContent title={task.title} headerAddon={<StatusBadge status={task.status} />}
      description={`Created by ${personName(task.createdBy)} · ${data.watchers.length} watching`}>
      <div className="space-y-8">
        <TaskFields key={task.updatedAt} task={task} members={members} canUpdate={permissions.canUpdate} canAssign={permissions.canAssign} />
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" onClick={toggleWatch}>
            {data.watching ? <EyeOff aria-hidden className="h-4 w-4" /> : <Eye aria-hidden className="h-4 w-4" />}
            {data.watching ? 'Stop watching' : 'Watch'}
          </Button>
          {permissions.canDelete ? (
            <ConfirmAction trigger="Delete task" triggerVariant="ghost" action={remove} fields={{}} title="Delete this task?"
              description={`“${task.title}” is deleted with its comments and history. The audit log keeps a record.`} confirmLabel="Delete task" />
          ) : null}
        </div>
        <TaskComments taskId={task.id} comments={data.comments} canComment={permissions.canComment} />
        <TaskHistory activity={data.activity} />
      </div>
    </SheetContent>
  );
}
