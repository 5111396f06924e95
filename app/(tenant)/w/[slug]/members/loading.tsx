import { DataTableSkeleton } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';

/** While the member list loads: the page's frame with a skeleton table. */
export default function MembersLoading() {
  return (
    <div>
      <PageHeader title="Members" description="Loading the people in this organization…" className="mb-6" />
      <div className="mb-4 h-10 max-w-md animate-pulse rounded-md bg-accent" />
      <DataTableSkeleton
        caption="Members"
        columns={[
          { key: 'member', header: 'Member' },
          { key: 'role', header: 'Role' },
          { key: 'joined', header: 'Joined', hideBelow: 'md' },
          { key: 'last-sign-in', header: 'Last sign-in', hideBelow: 'lg' },
        ]}
      />
    </div>
  );
}
