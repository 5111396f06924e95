import { ConfirmAction } from '@/components/forms/confirm-action';
import type { Invitation } from '@/lib/invitations/queries';
import { resendInvitationAction, revokeInvitationAction } from '@/lib/workspace/member-actions';
import { formatDate } from './format';

/** Invitations not yet accepted or revoked, with resend and revoke. */
export function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  return (
    <section aria-labelledby="pending-title" className="space-y-3">
      <h2 id="pending-title" className="text-lg font-semibold">Pending invitations</h2>
      {invitations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          No pending invitations.
        </p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
          {invitations.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <div className="font-medium">{inv.email}</div>
                <div className="text-muted">
                  <span className="capitalize">{inv.role}</span> ·{' '}
                  {inv.status === 'expired' ? 'expired' : `expires ${formatDate(inv.expiresAt)}`}
                </div>
              </div>
              <div className="flex gap-1">
                <ConfirmAction
                  action={resendInvitationAction}
                  fields={{ invitationId: inv.id }}
                  trigger="Resend"
                  title={`Send the invitation to ${inv.email} again?`}
                  description="A new link goes out and the old one stops working. The 7 days start again."
                  confirmLabel="Resend"
                  variant="primary"
                />
                <ConfirmAction
                  action={revokeInvitationAction}
                  fields={{ invitationId: inv.id }}
                  trigger="Revoke"
                  title={`Revoke the invitation for ${inv.email}?`}
                  description="The link stops working at once."
                  confirmLabel="Revoke invitation"
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
