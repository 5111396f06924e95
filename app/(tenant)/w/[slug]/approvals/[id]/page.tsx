import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApprovalHistory } from '@/components/approvals/approval-history';
import { CommentForm } from '@/components/approvals/comment-form';
import { DecideForm } from '@/components/approvals/decide-form';
import { ApprovalStatusBadge } from '@/components/approvals/status-badge';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { Forbidden } from '@/components/workspace/forbidden';
import { cancelApprovalAction, decideAction } from '@/lib/approvals/actions';
import { getApproval } from '@/lib/approvals/queries';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Approval request' };

/** One request: what it asks, who decides, decide buttons with a reason, history; live. */
export default async function ApprovalPage({ params }: PageProps<'/w/[slug]/approvals/[id]'>) {
  const { id } = await params;
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('approvals:read')) return <Forbidden what="approvals" />;
  const { tenant, user } = workspace;
  const detail = await withRls(rlsClaimsOf(user), (tx) => getApproval(tx, tenant.id, id), { orgId: tenant.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const person = (uid: string | null) => (uid ? detail.people[uid]?.name || detail.people[uid]?.email || 'A former member' : 'Nobody');
  const decisionOf = (uid: string) => detail.decisions.find((d) => d.approverId === uid);
  const mine = detail.requestedBy === user.id;
  return (
    <div className="max-w-3xl">
      <PageHeader
        breadcrumbs={[{ label: 'Approvals', href: '/approvals' }, { label: detail.typeLabel }]}
        title={detail.subject}
        titleAddon={<LiveRefresh topic={`org:${tenant.id}:approvals`} />}
        description={<>Asked by {person(detail.requestedBy)} <RelativeTime date={detail.createdAt} /> · {detail.approvals} of {detail.quorum} approvals needed</>}
        actions={<ApprovalStatusBadge status={detail.status} expiresAt={detail.expiresAt} />}
      />
      <section aria-labelledby="what" className="mb-6 rounded-lg border border-border bg-surface p-4">
        <h2 id="what" className="mb-3 text-sm font-semibold">What is asked</h2>
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted">Type</dt><dd>{detail.typeLabel}</dd>
          {detail.summary.map((s) => (
            <div key={s.label} className="contents"><dt className="text-muted">{s.label}</dt><dd className="whitespace-pre-wrap">{s.value}</dd></div>
          ))}
          <dt className="text-muted">{detail.status === 'pending' ? 'Expires' : 'Closed'}</dt>
          <dd><RelativeTime date={detail.status === 'pending' ? detail.expiresAt : (detail.closedAt ?? detail.expiresAt)} /></dd>
          <dt className="text-muted">Approvers</dt>
          <dd>
            <ul>
              {detail.approvers.map((a) => {
                const d = decisionOf(a);
                return <li key={a}>{person(a)} <span className="text-muted">{d ? `· ${d.decision === 'approve' ? 'approved' : 'rejected'}${d.via === 'email' ? ' by email' : ''}` : detail.status === 'pending' ? '· not yet' : '· did not decide'}</span></li>;
              })}
            </ul>
          </dd>
        </dl>
      </section>
      {detail.waitingForMe ? (
        <section aria-labelledby="decide" className="mb-6 rounded-lg border border-primary/40 bg-surface p-4">
          <h2 id="decide" className="mb-3 text-sm font-semibold">Your decision</h2>
          <DecideForm action={decideAction} hidden={{ requestId: detail.id }} />
        </section>
      ) : mine && detail.status === 'pending' ? (
        <p className="mb-6 text-sm text-muted">You asked for this; the approvers decide. You can cancel it while it waits.</p>
      ) : null}
      {detail.canCancel ? (
        <div className="mb-6">
          <ConfirmAction trigger="Cancel request" triggerVariant="secondary" action={cancelApprovalAction} fields={{ requestId: detail.id }}
            title="Cancel this request?" description="The approvers can no longer decide on it. This cannot be undone." confirmLabel="Cancel request" />
        </div>
      ) : null}
      <section aria-labelledby="history" className="space-y-4">
        <h2 id="history" className="text-sm font-semibold">History</h2>
        <ApprovalHistory detail={detail} />
        {detail.canComment ? <CommentForm requestId={detail.id} /> : null}
      </section>
    </div>
  );
}
