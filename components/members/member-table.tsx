import { Avatar } from '@/components/ui/avatar';
import { DataTable, type DataTableColumn, type DataTablePagination, type SortDirection } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { RowActions } from '@/components/ui/row-actions';
import type { Member } from '@/lib/members/queries';
import { roleLevels, roles, type Role } from '@/lib/permissions/schemas';
import { removeMemberAction } from '@/lib/workspace/member-actions';
import { RoleBadge } from './roles';
import { RoleSelect } from './role-select';

/**
 * Members with their role (a select for those the viewer may manage) and a "…"
 * menu to remove them. The database enforces the same rules; this only hides
 * what would be refused. Sorted by join date through `order` links.
 */
export function MemberTable({
  members,
  me,
  myRole,
  canUpdateRole,
  canRemove,
  order,
  orderHref,
  empty,
  pagination,
}: {
  members: Member[];
  me: string;
  myRole: Role;
  canUpdateRole: boolean;
  canRemove: boolean;
  order: SortDirection;
  orderHref: (direction: SortDirection) => string;
  empty: React.ReactNode;
  pagination: DataTablePagination;
}) {
  const grantable = roles.filter((r) => r !== 'owner' && roleLevels[r] <= roleLevels[myRole]);
  const manageable = (m: Member) => m.userId !== me && m.role !== 'owner' && roleLevels[m.role] <= roleLevels[myRole];
  const columns: DataTableColumn<Member>[] = [
    {
      key: 'member',
      header: 'Member',
      className: 'px-3 sm:px-4',
      cell: (m) => (
        <div className="flex items-center gap-2.5">
          <Avatar id={m.userId} name={m.name || m.email} />
          <div className="min-w-0">
            <div className="flex items-center gap-1.5">
              <span className="block max-w-[7.5rem] truncate font-medium sm:max-w-[16rem] lg:max-w-sm" title={m.name || m.email}>
                {m.name || m.email}
              </span>
              {m.userId === me ? <span className="shrink-0 text-xs text-muted">(you)</span> : null}
            </div>
            {m.name ? (
              <div className="max-w-[7.5rem] truncate text-muted sm:max-w-[16rem] lg:max-w-sm" title={m.email}>
                {m.email}
              </div>
            ) : null}
          </div>
        </div>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      className: 'px-3 sm:px-4',
      cell: (m) =>
        canUpdateRole && manageable(m) ? (
          <RoleSelect userId={m.userId} current={m.role} grantable={grantable} label={`Role of ${m.email}`} />
        ) : (
          <RoleBadge role={m.role} />
        ),
    },
    {
      key: 'joined',
      header: 'Joined',
      sortKey: 'joined',
      hideBelow: 'md',
      className: 'whitespace-nowrap text-muted',
      cell: (m) => <RelativeTime date={m.joinedAt} />,
    },
    {
      key: 'last-sign-in',
      header: 'Last sign-in',
      hideBelow: 'lg',
      className: 'whitespace-nowrap text-muted',
      cell: (m) => (m.lastSignInAt ? <RelativeTime date={m.lastSignInAt} /> : 'Never'),
    },
  ];
  return (
    <DataTable
      caption="Members"
      columns={columns}
      rows={members}
      rowKey={(m) => m.userId}
      sort={{ key: 'joined', direction: order }}
      sortHref={(_, direction) => orderHref(direction)}
      empty={empty}
      pagination={pagination}
      rowActions={
        canRemove
          ? (m) =>
              manageable(m) ? (
                <RowActions
                  label={`Actions for ${m.email}`}
                  actions={[
                    {
                      kind: 'confirm',
                      label: 'Remove from organization',
                      danger: true,
                      action: removeMemberAction,
                      fields: { userId: m.userId },
                      title: `Remove ${m.name || m.email}?`,
                      description: 'They lose access to this organization at once. You can invite them again later.',
                      confirmLabel: 'Remove member',
                    },
                  ]}
                />
              ) : null
          : undefined
      }
    />
  );
}
