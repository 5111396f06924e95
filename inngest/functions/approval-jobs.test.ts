import http from 'node:http';
import { serve } from 'inngest/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { auditActions, createOrgWithRoles } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { decideWithLink } from '@/lib/approvals/links';
import { requestApproval } from '@/lib/approvals/service';
import { syncApp, waitFor } from '@/inngest/local/test-support';
import { inngest } from '../client';
import { emailApprovers } from './email-approvers';
import { expireApprovalRequest } from './expire-approval-request';

/**
 * The approval jobs on the local executor the vitest global setup starts: the app's functions
 * are served from this process and synced, events go through the real SDK.
 */
const admin = adminSql();
let server: http.Server;
beforeAll(async () => {
  const handler = serve({ client: inngest, functions: [expireApprovalRequest, emailApprovers] });
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await syncApp(`http://127.0.0.1:${(server.address() as { port: number }).port}/api/inngest`);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeSql();
  await admin.end();
});

async function inbox(to: string): Promise<{ subject: string; action_link: string; text?: string }[]> {
  const response = await fetch(`${process.env.NEXT_PUBLIC_SUPABASE_URL}/mailbox?to=${encodeURIComponent(to)}`, {
    headers: { apikey: process.env.SUPABASE_SECRET_KEY ?? '' },
  });
  return ((await response.json()) as { messages: { subject: string; action_link: string }[] }).messages;
}

async function ask(expiresInSeconds?: number) {
  const w = await createOrgWithRoles(admin);
  const { request, events } = await withRls(w.member.claims, (tx) =>
    requestApproval(tx, { orgId: w.org.id, type: 'custom', subject: 'Order new laptops', payload: { details: 'Five of them' } }));
  if (expiresInSeconds !== undefined) {
    // Setup only: a policy's shortest expiry is an hour.
    await admin.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update public.approval_requests set expires_at = now() + make_interval(secs => ${expiresInSeconds}) where id = ${request.id}`;
    });
  }
  await inngest.send(events);
  return { w, request };
}

describe('expire-approval-request', () => {
  it('closes a pending request as expired at its time, as the system, and tells the requester', async () => {
    const { w, request } = await ask(2);
    const status = await waitFor('the request to expire', async () => {
      const [row] = await admin<{ status: string }[]>`select status from public.approval_requests where id = ${request.id}`;
      return row?.status === 'expired' ? row.status : undefined;
    }, 15_000);
    expect(status).toBe('expired');
    const [entry] = await admin`select actor_id, after from public.audit_log where org_id = ${w.org.id} and action = 'approval.expired'`;
    expect(entry).toMatchObject({ actor_id: null, after: { status: 'expired', reason: 'Nobody decided before the request expired.' } });
    const sent = await waitFor('approvals/request.expired', async () => {
      const [event] = await admin<{ payload: { data: { recipientIds: string[] } } }[]>`
        select payload from inngest_local.events where name = 'approvals/request.expired' and payload -> 'data' ->> 'requestId' = ${request.id}`;
      return event;
    });
    expect(sent.payload.data.recipientIds).toEqual([w.member.id]);
  });

  it('leaves a request decided before its time alone', async () => {
    const { w, request } = await ask(3);
    await withRls(w.owner.claims, async (tx) => {
      await tx`insert into public.approval_decisions (org_id, request_id, approver_id, decision) values (${w.org.id}, ${request.id}, ${w.owner.id}, 'approve')`;
    });
    await new Promise((r) => setTimeout(r, 5_000));
    const [row] = await admin`select status from public.approval_requests where id = ${request.id}`;
    expect(row?.status).toBe('approved');
    expect(await auditActions(admin, w.org.id)).not.toContain('approval.expired');
  });
});

describe('email-approvers', () => {
  it('emails each approver their own links; one link decides once', async () => {
    const { w, request } = await ask();
    const [mail] = await waitFor('the approval email', async () => {
      const messages = await inbox(w.admin.email);
      return messages.length > 0 ? messages : undefined;
    });
    expect(mail?.subject).toBe('Approval needed: Order new laptops');
    const token = /\/approval-link\/([A-Za-z0-9_-]{43})\?decision=approve$/.exec(mail?.action_link ?? '')?.[1];
    expect(token).toBeDefined();
    await waitFor('the owner’s email', async () => ((await inbox(w.owner.email)).length > 0 ? true : undefined));
    expect(await inbox(w.member.email)).toEqual([]);
    const decided = await decideWithLink(token!, 'approve', '');
    expect(decided.request).toMatchObject({ id: request.id, status: 'approved' });
    await expect(decideWithLink(token!, 'approve', '')).rejects.toMatchObject({ code: 'conflict' });
  });
});
