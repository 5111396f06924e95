import { DataTableSkeleton } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';

/** While the task list loads: the page's frame with a skeleton table. */
export default function TaskListLoading() {
  return (
    <div className="space-y-6">
      <PageHeader title="Tasks" description="Loading tasks…" />
      <div className="h-14 animate-pulse rounded-md bg-accent" />
      <DataTableSkeleton caption="Tasks" columns={[
        { key: 'title', header: 'Task' }, { key: 'status', header: 'Status' }, { key: 'priority', header: 'Priority', hideBelow: 'sm' },
        { key: 'assignee', header: 'Assignee', hideBelow: 'md' }, { key: 'due', header: 'Due', hideBelow: 'md' },
      ]} />
    </div>
  );
}
