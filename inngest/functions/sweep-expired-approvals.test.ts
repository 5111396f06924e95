import { InngestTestEngine } from '@inngest/test';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { auditActions, createOrgWithRoles } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { requestApproval } from '@/lib/approvals/service';
import { sweepExpiredApprovals } from './sweep-expired-approvals';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('sweep-expired-approvals (with @inngest/test, real database)', () => {
  it('expires pending requests past their time and leaves the others', async () => {
    const w = await createOrgWithRoles(admin);
    const ask = (subject: string) =>
      withRls(w.member.claims, (tx) => requestApproval(tx, { orgId: w.org.id, type: 'custom', subject, payload: {} }));
    const overdue = (await ask('Overdue')).request;
    const current = (await ask('Current')).request;
    await admin.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update public.approval_requests set expires_at = now() - interval '1 hour' where id = ${overdue.id}`;
    });
    const t = new InngestTestEngine({ function: sweepExpiredApprovals, events: [{ name: 'inngest/scheduled.timer', data: {} }] });
    const { result, ctx } = await t.execute();
    expect((result as { expired: number }).expired).toBeGreaterThanOrEqual(1);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('notify-requesters', expect.arrayContaining([
      expect.objectContaining({ name: 'approvals/request.expired', id: `approval-expired:${overdue.id}` }),
    ]));
    const rows = await admin<{ id: string; status: string }[]>`
      select id, status from public.approval_requests where id in (${overdue.id}, ${current.id}) order by subject desc`;
    expect(rows.map((r) => r.status)).toEqual(['expired', 'pending']);
    expect(await auditActions(admin, w.org.id)).toEqual(['approval.requested', 'approval.requested', 'approval.expired']);
  });
});
