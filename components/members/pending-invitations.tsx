import { MailPlus } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { RowActions } from '@/components/ui/row-actions';
import type { Invitation } from '@/lib/invitations/queries';
import { resendInvitationAction, revokeInvitationAction } from '@/lib/workspace/member-actions';
import { RoleBadge } from './roles';

const columns: DataTableColumn<Invitation>[] = [
  {
    key: 'email',
    header: 'Invited',
    className: 'px-3 sm:px-4',
    cell: (inv) => (
      <div className="flex items-center gap-2.5">
        <Avatar id={inv.email} name={inv.email} />
        <span className="block max-w-[9rem] truncate font-medium sm:max-w-xs" title={inv.email}>
          {inv.email}
        </span>
      </div>
    ),
  },
  { key: 'role', header: 'Role', hideBelow: 'sm', cell: (inv) => <RoleBadge role={inv.role} /> },
  { key: 'sent', header: 'Sent', hideBelow: 'md', className: 'whitespace-nowrap text-muted', cell: (inv) => <RelativeTime date={inv.sentAt} /> },
  {
    key: 'expires',
    header: 'Expires',
    className: 'whitespace-nowrap px-3 text-muted sm:px-4',
    cell: (inv) => (inv.status === 'expired' ? <Badge tone="danger">Expired</Badge> : <RelativeTime date={inv.expiresAt} />),
  },
];

/** Invitations not yet accepted or revoked, with resend and revoke in each row's menu. */
export function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  return (
    <section aria-labelledby="pending-title" className="space-y-3">
      <h2 id="pending-title" className="text-base font-semibold">
        Pending invitations
      </h2>
      <DataTable
        caption="Pending invitations"
        columns={columns}
        rows={invitations}
        rowKey={(inv) => inv.id}
        empty={
          <EmptyState
            icon={MailPlus}
            title="No pending invitations"
            description="Invitations you send wait here until they are accepted, for 7 days."
          />
        }
        rowActions={(inv) => (
          <RowActions
            label={`Actions for the invitation to ${inv.email}`}
            actions={[
              {
                kind: 'confirm',
                label: 'Resend invitation',
                action: resendInvitationAction,
                fields: { invitationId: inv.id },
                title: `Send the invitation to ${inv.email} again?`,
                description: 'A new link goes out and the old one stops working. The 7 days start again.',
                confirmLabel: 'Resend',
                variant: 'primary',
              },
              {
                kind: 'confirm',
                label: 'Revoke invitation',
                danger: true,
                action: revokeInvitationAction,
                fields: { invitationId: inv.id },
                title: `Revoke the invitation for ${inv.email}?`,
                description: 'The link stops working at once.',
                confirmLabel: 'Revoke invitation',
              },
            ]}
          />
        )}
      />
    </section>
  );
}
