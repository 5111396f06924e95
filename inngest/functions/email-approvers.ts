import { withServiceRole } from '@/lib/db';
import { approvalEmailData } from '@/lib/approvals/email-data';
import { issueApprovalLink } from '@/lib/approvals/links';
import { approvalEmail } from '@/lib/email/approval-email';
import { sendEmail } from '@/lib/email';
import { env } from '@/lib/env';
import { inngest } from '../client';
import { approvalRequestCreated } from '../domain-events';

/**
 * Emails each approver of a new request its own approve / reject links. The link's token is
 * made inside the approver's step and only its hash is stored, so the token never sits in an
 * event; a retried step issues a new token (the previous one stops working) and sends again.
 */
export const emailApprovers = inngest.createFunction(
  {
    id: 'email-approvers',
    name: 'Email approvers their decision links',
    retries: 4,
    idempotency: 'event.data.requestId',
    triggers: [approvalRequestCreated],
  },
  async ({ event, step }) => {
    const { requestId } = event.data;
    const approvers = await step.run('read-approvers', () =>
      withServiceRole('read who approves a new request', async (tx) => (await approvalEmailData(tx, requestId))?.approvers ?? []),
    );
    for (const approver of approvers) {
      await step.run(`email-${approver.id}`, async () => {
        const data = await withServiceRole('read an approval request for its email', (tx) => approvalEmailData(tx, requestId));
        if (!data?.request.pending || !data.approvers.some((a) => a.id === approver.id)) return { sent: false };
        const token = await withServiceRole('issue an approver’s decision link', (tx) => issueApprovalLink(tx, data.request, approver.id));
        await sendEmail(approvalEmail({
          to: approver.email, organizationName: data.org.name, organizationSlug: data.org.slug, rootDomain: env().NEXT_PUBLIC_ROOT_DOMAIN,
          requesterName: data.requesterName, subject: data.request.subject, summary: data.summary, token, expiresAt: data.request.expiresAt,
        }));
        return { sent: true };
      });
    }
    return { approvers: approvers.length };
  },
);
