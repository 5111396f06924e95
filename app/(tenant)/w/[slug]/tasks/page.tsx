import { KanbanSquare } from 'lucide-react';
import type { Metadata } from 'next';
import { NewTaskDialog } from '@/components/tasks/new-task-dialog';
import { TaskBoard } from '@/components/tasks/task-board';
import { TaskDrawer } from '@/components/tasks/task-drawer';
import { TaskViewTabs } from '@/components/tasks/task-view-tabs';
import { TasksLive } from '@/components/tasks/tasks-live';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/workspace/forbidden';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { assigneeOptions } from '@/lib/tasks/page-data';
import { getBoard } from '@/lib/tasks/queries';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Tasks' };

export default async function TaskBoardPage() {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('tasks:read')) return <Forbidden what="tasks" />;
  const { tenant, user } = workspace;
  const [board, members] = await withRls(rlsClaimsOf(user), async (tx) => [await getBoard(tx, tenant.id), await assigneeOptions(tx, tenant.id)] as const);
  const canCreate = workspace.can('tasks:create');
  const canAssign = workspace.can('tasks:assign');
  return (
    // data-wide-page: the shell lets the board use the whole width (components/shell/app-shell.tsx).
    <div className="space-y-6" data-wide-page>
      <PageHeader
        title="Tasks"
        titleAddon={<TasksLive orgId={tenant.id} />}
        description="Work moves from To do through review to Done. Drag a card, or pick it up with Space."
        actions={<>{<TaskViewTabs current="board" />}{canCreate ? <NewTaskDialog members={members} canAssign={canAssign} /> : null}</>}
      />
      {board.tasks.length === 0 ? (
        <EmptyState icon={KanbanSquare} title="No tasks yet"
          description={canCreate ? 'Create the first task: it appears in To do, and everyone here sees it move.' : 'Tasks appear here as your team creates them.'} />
      ) : null}
      <TaskBoard initialBoard={board} canMove={workspace.can('tasks:update')} />
      <TaskDrawer members={members} permissions={{ canUpdate: workspace.can('tasks:update'), canAssign, canDelete: workspace.can('tasks:delete'), canComment: workspace.can('comments:create') }} />
    </div>
  );
}
