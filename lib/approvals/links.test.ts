import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { auditActions, createOrgWithRoles, testContext } from '@/tests/setup/fixtures';
import { closeSql, withRls, withServiceRole } from '@/lib/db';
import { decideWithLink, issueApprovalLink, previewApprovalLink } from './links';
import { requestApproval } from './service';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

async function pending() {
  const w = await createOrgWithRoles(admin);
  const { request } = await withRls(w.member.claims, (tx) =>
    requestApproval(tx, { orgId: w.org.id, type: 'custom', subject: 'Renew the lease', payload: {} }));
  const link = (approverId: string) =>
    withServiceRole('test: issue a link', (tx) => issueApprovalLink(tx, { id: request.id, orgId: w.org.id, expiresAt: request.expires_at }, approverId));
  return { w, request, link };
}

describe('emailed decision links', () => {
  it('preview changes nothing; deciding works once, for its approver only, audited as them', async () => {
    const { w, request, link } = await pending();
    const token = await link(w.admin.id);
    const [stored] = await admin`select token_hash from public.approval_links where request_id = ${request.id}`;
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(token);
    expect((await previewApprovalLink(token))?.state).toBe('usable');
    expect(await auditActions(admin, w.org.id)).toEqual(['approval.requested']);
    const ctx = testContext();
    const done = await decideWithLink(token, 'approve', 'Signed from my phone', ctx);
    expect(done.request.status).toBe('approved');
    const [entry] = await admin`select actor_id, after, request_id from public.audit_log where org_id = ${w.org.id} and action = 'approval.decided'`;
    expect(entry).toMatchObject({ actor_id: w.admin.id, request_id: ctx.requestId, after: { via: 'email', decision: 'approve' } });
    await expect(decideWithLink(token, 'reject', '')).rejects.toMatchObject({ code: 'conflict', message: 'This link was already used.' });
  });

  it('refuses unknown and malformed tokens, closed requests, expired links and approvers who lost the right', async () => {
    const { w, request, link } = await pending();
    await expect(decideWithLink('x'.repeat(43), 'approve', '')).rejects.toMatchObject({ code: 'not_found' });
    await expect(decideWithLink('not a token', 'approve', '')).rejects.toMatchObject({ code: 'not_found' });
    const onOtherHost = await link(w.owner.id);
    await expect(decideWithLink(onOtherHost, 'approve', '', undefined, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
    const ownerToken = await link(w.owner.id);
    const adminToken = await link(w.admin.id);
    await admin`update public.memberships set role = 'member' where org_id = ${w.org.id} and user_id = ${w.admin.id}`;
    await expect(decideWithLink(adminToken, 'approve', '')).rejects.toMatchObject({ code: 'forbidden' });
    await admin`update public.approval_links set expires_at = now() - interval '1 minute' where token_hash is not null and approver_id = ${w.owner.id}`;
    await expect(decideWithLink(ownerToken, 'approve', '')).rejects.toMatchObject({ code: 'conflict', message: 'This link has expired.' });
    const [row] = await admin`select status from public.approval_requests where id = ${request.id}`;
    expect(row?.status).toBe('pending');
    expect(await auditActions(admin, w.org.id)).toEqual(['approval.requested', 'member.role_changed']);
  });

  it('a re-issued link replaces the previous token', async () => {
    const { w, link } = await pending();
    const first = await link(w.owner.id);
    const second = await link(w.owner.id);
    expect(await previewApprovalLink(first)).toBeNull();
    expect((await decideWithLink(second, 'reject', 'No')).request.status).toBe('rejected');
  });
});
