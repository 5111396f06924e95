import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AuthCard } from '@/components/auth/auth-card';
import { TenantMark } from '@/components/auth/tenant-mark';
import { DecideForm } from '@/components/approvals/decide-form';
import { decideWithLinkAction } from '@/lib/approvals/actions';
import { findApprovalType } from '@/lib/approvals/registry';
import { previewApprovalLink } from '@/lib/approvals/links';
import '@/lib/approvals/types';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';

export const metadata: Metadata = { title: 'Approval', referrer: 'no-referrer' };

const closed: Record<string, string> = {
  used: 'This link was already used.',
  expired: 'This link has expired.',
  closed: 'This request is already closed.',
  not_approver: 'You can no longer decide on this request.',
};

/**
 * An emailed decision link: shows the request and asks to confirm (opening it changes
 * nothing); confirming decides for the link's approver on its request only, without signing in.
 */
export default async function ApprovalLinkPage({ params, searchParams }: PageProps<'/approval-link/[token]'>) {
  const { token } = await params;
  const decision = (await searchParams).decision === 'reject' ? 'reject' : 'approve';
  const tenant = optionalTenantFromHeaders(await headers());
  const view = await previewApprovalLink(token);
  if (!view || !tenant || view.orgId !== tenant.id) {
    return <AuthCard title="Link not valid" description="This approval link is not valid. Check that you opened the whole link from the email." />;
  }
  if (view.state !== 'usable') return <AuthCard mark={<TenantMark tenant={tenant} />} title={view.request.subject} description={closed[view.state]} />;
  const definition = findApprovalType(view.request.type);
  const parsed = definition?.payloadSchema.safeParse(view.request.payload);
  const summary = parsed?.success ? definition!.summarize(parsed.data) : [];
  return (
    <AuthCard
      mark={<TenantMark tenant={tenant} />}
      title={view.request.subject}
      description={`Confirm your decision on this ${definition?.label.toLowerCase() ?? 'request'} in ${tenant.name}.`}
    >
      {summary.length > 0 ? (
        <dl className="mb-4 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
          {summary.map((s) => <div key={s.label} className="contents"><dt className="text-muted">{s.label}</dt><dd className="whitespace-pre-wrap">{s.value}</dd></div>)}
        </dl>
      ) : null}
      <DecideForm action={decideWithLinkAction} hidden={{ token }} preselected={decision} />
    </AuthCard>
  );
}
