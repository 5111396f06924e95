import { ListChecks, SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { NewTaskDialog } from '@/components/tasks/new-task-dialog';
import { TaskDrawer } from '@/components/tasks/task-drawer';
import { TaskFilters, type TaskFilterValues } from '@/components/tasks/task-filters';
import { taskColumns } from '@/components/tasks/task-table-columns';
import { TaskViewTabs } from '@/components/tasks/task-view-tabs';
import { TasksLive } from '@/components/tasks/tasks-live';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/workspace/forbidden';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { assigneeOptions } from '@/lib/tasks/page-data';
import { listTaskLabels, listTasks } from '@/lib/tasks/queries';
import { listTasksQuerySchema } from '@/lib/tasks/query-params';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Task list' };

const FILTERS = ['status', 'assignee', 'priority', 'due', 'label', 'search'] as const;

export default async function TaskListPage({ searchParams }: PageProps<'/w/[slug]/tasks/list'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('tasks:read')) return <Forbidden what="tasks" />;
  const { tenant, user } = workspace;
  const params = await searchParams;
  const values: TaskFilterValues = {};
  for (const key of FILTERS) {
    const value = params[key];
    if (typeof value === 'string' && value && value !== 'all') values[key] = value;
  }
  const cursor = typeof params.cursor === 'string' ? params.cursor : undefined;
  // A hand-edited URL with a bad filter shows the unfiltered list with a note, not an error page.
  const parsed = listTasksQuerySchema.safeParse({ orgId: tenant.id, ...values, cursor, limit: 25 });
  const query = parsed.success ? parsed.data : { orgId: tenant.id, limit: 25 };
  const [page, members, labels] = await withRls(rlsClaimsOf(user), async (tx) => [
    await listTasks(tx, query),
    await assigneeOptions(tx, tenant.id),
    await listTaskLabels(tx, tenant.id),
  ] as const);
  const href = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(values as Record<string, string>), ...extra })}`;
  const filtered = Object.keys(values).length > 0;
  const canCreate = workspace.can('tasks:create');
  const canAssign = workspace.can('tasks:assign');
  return (
    <div className="space-y-6">
      <PageHeader
        title="Tasks"
        titleAddon={<TasksLive orgId={tenant.id} refreshPage />}
        description="Every task, newest first. Filter, search, and open one to edit it."
        actions={<>{<TaskViewTabs current="list" />}{canCreate ? <NewTaskDialog members={members} canAssign={canAssign} /> : null}</>}
      />
      <TaskFilters values={values} members={members} labels={labels} />
      {!parsed.success ? <p role="alert" className="text-sm text-danger">Some filters were not valid and were ignored: {parsed.error.issues[0]?.message}</p> : null}
      <DataTable
        caption="Tasks"
        columns={taskColumns(href)}
        rows={page.items}
        rowKey={(t) => t.id}
        pagination={{ label: 'Task pages', firstHref: cursor ? href({}) : null, nextHref: page.nextCursor ? href({ cursor: page.nextCursor }) : null }}
        empty={filtered ? (
          <EmptyState icon={SearchX} title="No task matches these filters" description="Try fewer filters or another search."
            action={<Link href="?" className="text-sm font-medium text-primary hover:underline">Clear filters</Link>} />
        ) : (
          <EmptyState icon={ListChecks} title="No tasks yet" description={canCreate ? 'Create the first task with New task.' : 'Tasks appear here as your team creates them.'} />
        )}
      />
      <TaskDrawer members={members} permissions={{ canUpdate: workspace.can('tasks:update'), canAssign, canDelete: workspace.can('tasks:delete'), canComment: workspace.can('comments:create') }} />
    </div>
  );
}
