import type { Metadata } from 'next';
import { PolicyForm } from '@/components/approvals/policy-form';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/workspace/forbidden';
import { deciders, listPolicies } from '@/lib/approvals/policies';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { listMembers } from '@/lib/members/queries';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Approval policies' };

const copy: Record<string, { label: string; hint: string }> = {
  custom: { label: 'Sign-offs', hint: 'Any member can ask for a sign-off on free text. Choose who signs off.' },
  user_role_change: {
    label: 'Role changes',
    hint: 'When on, making someone an admin or owner waits for approval. Only owners approve a new owner; admins and owners approve a new admin.',
  },
};

/** Which changes need approval, who approves, quorum and expiry (approvals:manage). */
export default async function ApprovalPoliciesPage() {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('approvals:manage')) return <Forbidden what="approval policies" />;
  const { tenant, user } = workspace;
  const [policies, people, members] = await withRls(rlsClaimsOf(user), async (tx) => [
    await listPolicies(tx, tenant.id),
    await deciders(tx, tenant.id),
    (await listMembers(tx, { orgId: tenant.id, limit: 100 })).items,
  ] as const, { orgId: tenant.id });
  const options = people.map((p) => {
    const m = members.find((x) => x.userId === p.userId);
    return { id: p.userId, label: `${m?.name || m?.email || 'Member'} (${p.role})` };
  });
  return (
    <div className="max-w-3xl">
      <PageHeader
        breadcrumbs={[{ label: 'Approvals', href: '/approvals' }, { label: 'Policies' }]}
        title="Approval policies"
        description="Per kind of request: whether it needs approval, who approves, how many approvals, and when it expires. Requesters never approve their own."
      />
      <div className="space-y-6">
        {policies.map((p) => (
          <PolicyForm key={p.type} policy={p} label={copy[p.type]?.label ?? p.type} hint={copy[p.type]?.hint ?? ''} deciders={options} />
        ))}
      </div>
    </div>
  );
}
