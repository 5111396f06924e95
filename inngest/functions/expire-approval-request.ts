import { withServiceRole } from '@/lib/db';
import { expireApproval, expiryOf } from '@/lib/approvals/expire';
import { requestExpiredEvent } from '@/lib/approvals/domain-events';
import { inngest } from '../client';
import { approvalRequestCreated } from '../domain-events';

/**
 * One run per approval request: sleeps until the request's expiry, then closes it as expired
 * if nobody decided (no page needs to be open), and tells the requester
 * (approvals/request.expired, id `approval-expired:<id>`). Decided or cancelled requests end
 * the run without a change. Idempotent per request.
 */
export const expireApprovalRequest = inngest.createFunction(
  {
    id: 'expire-approval-request',
    name: 'Expire an approval request',
    retries: 4,
    idempotency: 'event.data.requestId',
    triggers: [approvalRequestCreated],
  },
  async ({ event, step }) => {
    const { requestId } = event.data;
    const expiry = await step.run('read-expiry', () =>
      withServiceRole('read when an approval request expires', (tx) => expiryOf(tx, requestId)),
    );
    if (!expiry?.pending) return { expired: false };
    await step.sleepUntil('until-expiry', new Date(expiry.expiresAt));
    const summary = await step.run('expire', () =>
      withServiceRole('expire an approval request nobody decided in time', async (tx) => {
        const expired = await expireApproval(tx, requestId);
        if (!expired) return null;
        const r = expired.request;
        return { id: r.id, orgId: r.org_id, type: r.type, subject: r.subject, requestedBy: r.requested_by, approvers: r.approvers };
      }),
    );
    if (!summary) return { expired: false };
    await step.sendEvent('notify-requester', requestExpiredEvent(summary));
    return { expired: true };
  },
);
