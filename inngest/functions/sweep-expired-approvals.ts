import { withServiceRole } from '@/lib/db';
import { expireOverdueApprovals } from '@/lib/approvals/expire';
import { inngest } from '../client';

/**
 * Every 15 minutes, closes pending requests whose expiry has passed: the per-request run
 * (expire-approval-request) normally does it on time; this catches requests whose
 * approvals/request.created never reached the bus. The expired events keep their ids
 * (`approval-expired:<id>`), so a request expired by both paths notifies once.
 */
export const sweepExpiredApprovals = inngest.createFunction(
  { id: 'sweep-expired-approvals', name: 'Expire overdue approval requests', retries: 2, triggers: [{ cron: '*/15 * * * *' }] },
  async ({ step }) => {
    const events = await step.run('expire-overdue', () =>
      withServiceRole('expire approval requests past their time', (tx) => expireOverdueApprovals(tx)),
    );
    if (events.length > 0) await step.sendEvent('notify-requesters', events as never);
    return { expired: events.length };
  },
);
