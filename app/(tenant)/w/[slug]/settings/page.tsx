import type { Metadata } from 'next';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { DeleteOrgDialog } from '@/components/settings/delete-org-dialog';
import { OrgForm } from '@/components/settings/org-form';
import { TransferOwnershipForm } from '@/components/settings/transfer-ownership-form';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { env } from '@/lib/env';
import { listMembers } from '@/lib/members/queries';
import { getWorkspace } from '@/lib/workspace/workspace';
import { leaveOrganizationAction } from '@/lib/workspace/org-actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  const { tenant, membership, user } = workspace;
  const owner = membership.role === 'owner';
  const candidates = owner
    ? (await withRls(rlsClaimsOf(user), (tx) => listMembers(tx, { orgId: tenant.id, limit: 100 }))).items
        .filter((m) => m.userId !== user.id)
        .map((m) => ({ userId: m.userId, email: m.email }))
    : [];
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <Section title="Organization" description={workspace.can('org:update') ? 'Name and workspace address.' : 'Only admins and owners can change these.'}>
        {workspace.can('org:update') ? (
          <OrgForm name={tenant.name} slug={tenant.slug} rootDomain={env().NEXT_PUBLIC_ROOT_DOMAIN} />
        ) : (
          <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
            <dt className="text-muted">Name</dt>
            <dd>{tenant.name}</dd>
            <dt className="text-muted">Subdomain</dt>
            <dd>{tenant.slug}</dd>
          </dl>
        )}
      </Section>
      {owner ? (
        <Section title="Transfer ownership" description="Hand the organization to another member.">
          <TransferOwnershipForm candidates={candidates} />
        </Section>
      ) : null}
      <Section title="Leave organization" description="You lose access until someone invites you again.">
        <ConfirmAction
          action={leaveOrganizationAction}
          fields={{}}
          trigger="Leave organization"
          triggerVariant="secondary"
          triggerSize="md"
          title={`Leave ${tenant.name}?`}
          description={owner ? 'If you are the last owner you must transfer ownership or delete the organization first.' : 'You lose access at once.'}
          confirmLabel="Leave"
        />
      </Section>
      {workspace.can('org:delete') ? (
        <Section title="Delete organization" description="Deletes everything in it, for good." danger>
          <DeleteOrgDialog slug={tenant.slug} name={tenant.name} />
        </Section>
      ) : null}
    </div>
  );
}

function Section(props: { title: string; description: string; children: React.ReactNode; danger?: boolean }) {
  return (
    <section className={`rounded-lg border bg-surface p-6 ${props.danger ? 'border-danger/50' : 'border-border'}`}>
      <h2 className="text-lg font-semibold">{props.title}</h2>
      <p className="mt-1 text-sm text-muted">{props.description}</p>
      <div className="mt-5">{props.children}</div>
    </section>
  );
}
