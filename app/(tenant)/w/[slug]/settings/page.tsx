import type { Metadata } from 'next';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { DeleteOrgDialog } from '@/components/settings/delete-org-dialog';
import { OrgForm } from '@/components/settings/org-form';
import { SettingsSection } from '@/components/settings/settings-section';
import { TransferOwnershipForm } from '@/components/settings/transfer-ownership-form';
import { WorkspaceAddress } from '@/components/settings/workspace-address';
import { PageHeader } from '@/components/ui/page-header';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { env } from '@/lib/env';
import { countOwners, listMembers } from '@/lib/members/queries';
import { getWorkspace } from '@/lib/workspace/workspace';
import { leaveOrganizationAction } from '@/lib/workspace/org-actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  const { tenant, membership, user } = workspace;
  const rootDomain = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const owner = membership.role === 'owner';
  const { candidates, soleOwner } = owner
    ? await withRls(rlsClaimsOf(user), async (tx) => ({
        candidates: (await listMembers(tx, { orgId: tenant.id, limit: 100 })).items
          .filter((m) => m.userId !== user.id)
          .map((m) => ({ userId: m.userId, email: m.email, name: m.name })),
        soleOwner: (await countOwners(tx, tenant.id)) === 1,
      }))
    : { candidates: [], soleOwner: false };
  return (
    <div className="max-w-3xl">
      <PageHeader title="Settings" description={`How ${tenant.name} is named and reached, who owns it, and your place in it.`} />
      <div className="space-y-6">
        <SettingsSection
          title="Organization"
          description={workspace.can('org:update') ? 'The name people see and the address they use.' : 'Only admins and owners can change these.'}
        >
          {workspace.can('org:update') ? (
            <OrgForm name={tenant.name} slug={tenant.slug} rootDomain={rootDomain} />
          ) : (
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-muted">Name</dt>
              <dd className="font-medium">{tenant.name}</dd>
              <dt className="text-muted">Workspace address</dt>
              <dd>
                <WorkspaceAddress slug={tenant.slug} rootDomain={rootDomain} />
              </dd>
            </dl>
          )}
        </SettingsSection>
        {owner ? (
          <SettingsSection title="Transfer ownership" description="Hand the organization to another member. You stay on as an admin.">
            <TransferOwnershipForm candidates={candidates} />
          </SettingsSection>
        ) : null}
        <SettingsSection title="Leave organization" description="You lose access until someone invites you again.">
          <ConfirmAction
            action={leaveOrganizationAction}
            fields={{}}
            trigger="Leave organization"
            triggerVariant="secondary"
            triggerSize="md"
            title={`Leave ${tenant.name}?`}
            description="You lose access at once. To come back, someone has to invite you again."
            confirmLabel="Leave"
            disabledReason={
              soleOwner
                ? 'You are the only owner. Transfer ownership to another member first, or delete the organization.'
                : undefined
            }
          />
        </SettingsSection>
        {workspace.can('org:delete') ? (
          <SettingsSection title="Delete organization" description="Deletes everything in it, for good." danger>
            <DeleteOrgDialog slug={tenant.slug} name={tenant.name} />
          </SettingsSection>
        ) : null}
      </div>
    </div>
  );
}
