import crypto from 'node:crypto';
import http from 'node:http';
import { serve } from 'inngest/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSql, withRls, withServiceRole } from '@/lib/db';
import { createChannel } from '@/lib/notifications/channels';
import { fanOutEvent } from '@/lib/notifications/fan-out';
import { verifyWebhook } from '@/lib/notifications/webhook-signature';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles, testContext } from '@/tests/setup/fixtures';
import { syncApp } from '../local/sync';
import { inngest } from '../client';
import { taskAssigned } from '../domain-events';
import { functions } from './index';
import { auditActions } from '@/tests/setup/fixtures';
import { decideWithLink } from '@/lib/approvals/links';
import { requestApproval } from '@/lib/approvals/service';
import { waitFor } from '@/inngest/local/test-support';

/**
 * The app's jobs (notifications, approvals) on the local executor the test run started, served
 * by this worker: the real functions and the app's client; notifications deliver to the local
 * receiver. One file on purpose: a sync replaces the app's functions and URL on the executor,
 * so two files syncing the app in parallel would steal each other's runs.
 */
const admin = adminSql();
const receiverUrl = inject('receiverUrl');
let server: http.Server;
let w: Awaited<ReturnType<typeof createOrgWithRoles>>;

beforeAll(async () => {
  const handler = serve({ client: inngest, functions });
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await syncApp(`http://127.0.0.1:${(server.address() as { port: number }).port}/api/inngest`);
  w = await createOrgWithRoles(admin);
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await closeSql();
  await admin.end();
});

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const received = async (path: string) =>
  ((await (await fetch(`${receiverUrl}/_receiver/requests?path=${encodeURIComponent(path)}`)).json()) as {
    requests: { body: string; status: number; headers: Record<string, string> }[];
  }).requests;

async function webhookChannel(path: string, secret: string) {
  return withRls(w.admin.claims, (tx) =>
    createChannel(tx, { orgId: w.org.id, kind: 'webhook', name: `Hook ${path}`, url: `${receiverUrl}${path}`, secret }), { context: testContext() });
}
const assigned = (recipientIds: string[]) => ({
  orgId: w.org.id,
  actorId: w.owner.id,
  recipientIds,
  title: 'Owner assigned you “Ship the intake form”',
  body: '',
  path: '/tasks',
  occurredAt: new Date().toISOString(),
  taskId: crypto.randomUUID(),
  assigneeId: recipientIds[0]!,
});

describe('notification jobs on the local executor', () => {
  it('the same event delivered 3x gives one notification per recipient and one delivery per channel; the actor is skipped', async () => {
    const path = `/hooks/dedupe-${crypto.randomUUID().slice(0, 8)}`;
    const channel = await webhookChannel(path, 'whsec_dedupe_secret_123');
    const data = assigned([w.member.id, w.member.id, w.viewer.id, w.owner.id]);
    const id = `task-assigned:${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) await inngest.send(taskAssigned.create(data, { id }));
    // The fan-out itself is idempotent too, not only the bus: run it twice more directly.
    for (let i = 0; i < 2; i++) {
      await withServiceRole('test', (tx) => fanOutEvent(tx, { eventId: id, eventName: 'tasks/task.assigned', data }));
    }
    const requests = await until('two webhook deliveries', async () => ((await received(path)).length >= 2 ? received(path) : false));
    await new Promise((r) => setTimeout(r, 1500)); // nothing more arrives
    expect(await received(path)).toHaveLength(2);
    const notes = await admin<{ user_id: string }[]>`select user_id from public.notifications where event_id = ${id} order by user_id`;
    expect(notes.map((n) => n.user_id).sort()).toEqual([w.member.id, w.viewer.id].sort());
    const rows = await admin<{ recipient_id: string; status: string; attempts: number }[]>`
      select recipient_id, status, attempts from public.notification_deliveries where event_id = ${id} and channel_id = ${channel.id}`;
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(requests.every((r) => verifyWebhook('whsec_dedupe_secret_123', r.body, r.headers['tenantforge-signature']).ok)).toBe(true);
    await admin`update public.notification_channels set enabled = false where id = ${channel.id}`;
  });

  it('an endpoint that fails 3 times then succeeds ends sent with 4 attempts, each recorded', async () => {
    const path = `/hooks/flaky-${crypto.randomUUID().slice(0, 8)}`;
    const channel = await webhookChannel(path, 'whsec_flaky_secret_1234');
    await fetch(`${receiverUrl}/_receiver/fail`, { method: 'POST', body: JSON.stringify({ path, times: 3, status: 503 }) });
    const id = `task-assigned:${crypto.randomUUID()}`;
    await inngest.send(taskAssigned.create(assigned([w.member.id]), { id }));
    const seen = new Set<string>();
    const row = await until('the delivery to be sent', async () => {
      const [r] = await admin<{ status: string; attempts: number; response_code: number | null; last_error: string | null }[]>`
        select status, attempts, response_code, last_error from public.notification_deliveries where event_id = ${id} and channel_id = ${channel.id}`;
      if (r) seen.add(`${r.status}:${r.attempts}`);
      return r?.status === 'sent' ? r : false;
    }, 60_000);
    expect(row).toMatchObject({ status: 'sent', attempts: 4, response_code: 200, last_error: null });
    expect([...seen].some((s) => s.startsWith('retrying:'))).toBe(true);
    expect((await received(path)).map((r) => r.status)).toEqual([503, 503, 503, 200]);
    await admin`update public.notification_channels set enabled = false where id = ${channel.id}`;
  }, 90_000);

  it('preferences stop a channel for one member, and a recipient outside the org is never notified', async () => {
    const path = `/hooks/prefs-${crypto.randomUUID().slice(0, 8)}`;
    const channel = await webhookChannel(path, 'whsec_prefs_secret_1234');
    await admin`insert into public.notification_preferences (org_id, user_id, event, channel, enabled)
                values (${w.org.id}, ${w.viewer.id}, 'tasks/task.assigned', 'webhook', false),
                       (${w.org.id}, ${w.viewer.id}, 'tasks/task.assigned', 'in_app', false)`;
    const id = `task-assigned:${crypto.randomUUID()}`;
    const data = assigned([w.member.id, w.viewer.id, w.outsider.id]);
    const result = await withServiceRole('test', (tx) => fanOutEvent(tx, { eventId: id, eventName: 'tasks/task.assigned', data }));
    expect(result.notified).toBe(1);
    const rows = await admin<{ recipient_id: string }[]>`select recipient_id from public.notification_deliveries where event_id = ${id} and channel_id = ${channel.id}`;
    expect(rows.map((r) => r.recipient_id)).toEqual([w.member.id]);
    await admin`update public.notification_channels set enabled = false where id = ${channel.id}`;
    await admin`delete from public.notification_preferences where user_id = ${w.viewer.id}`;
  });

  it('an email channel delivers through lib/email to the local mailbox, with the link into the tenant', async () => {
    const channel = await withRls(w.admin.claims, (tx) => createChannel(tx, { orgId: w.org.id, kind: 'email', name: `Mail ${crypto.randomUUID().slice(0, 6)}` }));
    const id = `task-assigned:${crypto.randomUUID()}`;
    const title = `Assigned ${crypto.randomUUID().slice(0, 8)}`;
    await inngest.send(taskAssigned.create({ ...assigned([w.member.id]), title, path: '/tasks?task=1' }, { id }));
    const mailbox = `${process.env.NEXT_PUBLIC_SUPABASE_URL}/mailbox?to=${encodeURIComponent(w.member.email)}`;
    const mail = await until('the email', async () => {
      const response = await fetch(mailbox, { headers: { apikey: process.env.SUPABASE_SECRET_KEY ?? '' } });
      const { messages } = (await response.json()) as { messages: { subject: string; action_link: string }[] };
      return messages.find((m) => m.subject === title);
    });
    expect(mail.action_link).toBe(`http://${w.org.slug}.localhost:3000/tasks?task=1`);
    const [row] = await admin<{ status: string; attempts: number }[]>`
      select status, attempts from public.notification_deliveries where event_id = ${id} and channel_id = ${channel.id}`;
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    await admin`update public.notification_channels set enabled = false where id = ${channel.id}`;
  });
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
