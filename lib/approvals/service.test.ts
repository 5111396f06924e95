import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { addMember, auditActions, createOrgWithRoles, createUser, roleOf } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { decideApproval } from './decide';
import { setPolicy } from './policies';
import { getApproval, listApprovals, listPendingRoleChanges } from './queries';
import { changeRoleOrRequestApproval } from './role-change';
import { cancelApproval, commentOnApproval, requestApproval } from './service';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

type World = Awaited<ReturnType<typeof createOrgWithRoles>>;
const ask = (w: World, by: World['member'], subject = 'Sign off the Q3 plan') =>
  withRls(by.claims, (tx) => requestApproval(tx, { orgId: w.org.id, type: 'custom', subject, payload: { details: 'Budget +10%' } }));
const decide = (w: World, by: World['member'], requestId: string, decision: 'approve' | 'reject', reason = '') =>
  withRls(by.claims, (tx) => decideApproval(tx, { orgId: w.org.id, requestId, decision, reason }));

describe('custom sign-off', () => {
  it('a member asks; admins and owners approve; one approval closes it (default quorum 1); history and audit follow', async () => {
    const w = await createOrgWithRoles(admin);
    const { request, events } = await ask(w, w.member);
    expect(request).toMatchObject({ status: 'pending', requested_by: w.member.id, quorum: 1 });
    expect([...request.approvers].sort()).toEqual([w.admin.id, w.owner.id].sort());
    expect(events.map((e) => e.name)).toEqual(['approvals/request.created']);
    const decided = await decide(w, w.admin, request.id, 'approve', 'Fine by me');
    expect(decided.request.status).toBe('approved');
    expect(decided.events[0]).toMatchObject({ name: 'approvals/request.decided', data: { status: 'approved', recipientIds: [w.member.id] } });
    await expect(decide(w, w.owner, request.id, 'approve')).rejects.toMatchObject({ code: 'conflict' });
    const detail = await withRls(w.viewer.claims, (tx) => getApproval(tx, w.org.id, request.id));
    expect(detail.history.map((h) => h.kind)).toEqual(['requested', 'approve', 'approved']);
    expect(detail.summary).toEqual([{ label: 'Details', value: 'Budget +10%' }]);
    expect(await auditActions(admin, w.org.id)).toEqual(['approval.requested', 'approval.decided', 'approval.approved']);
  });

  it('never lets requesters approve their own request, nor non-approvers, nor twice; a rejection rejects', async () => {
    const w = await createOrgWithRoles(admin);
    await withRls(w.owner.claims, (tx) => setPolicy(tx, { orgId: w.org.id, type: 'custom', required: true, approverRole: 'admin', quorum: 2, expiryHours: 24 }));
    const second = await createUser(admin);
    await addMember(admin, w.org.id, second, 'admin');
    const { request } = await ask(w, w.admin);
    expect(request.approvers).not.toContain(w.admin.id);
    await expect(decide(w, w.admin, request.id, 'approve')).rejects.toMatchObject({ code: 'forbidden', message: 'You cannot decide on your own request.' });
    await expect(decide(w, w.member, request.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(decide(w, w.outsider, request.id, 'approve')).rejects.toMatchObject({ code: 'not_found' });
    const first = await decide(w, w.owner, request.id, 'approve');
    expect(first.request.status).toBe('pending');
    await expect(decide(w, w.owner, request.id, 'reject')).rejects.toMatchObject({ code: 'conflict' });
    const rejected = await decide(w, second, request.id, 'reject', 'Not this quarter');
    expect(rejected.request).toMatchObject({ status: 'rejected', close_reason: 'Not this quarter' });
  });

  it('the database refuses self-approval and non-approvers even with plain SQL', async () => {
    const w = await createOrgWithRoles(admin);
    const { request } = await ask(w, w.admin);
    const insert = (by: World['member']) =>
      withRls(by.claims, (tx) => tx`insert into public.approval_decisions (org_id, request_id, approver_id, decision)
                                    values (${w.org.id}, ${request.id}, ${by.id}, 'approve')`);
    await expect(insert(w.admin)).rejects.toMatchObject({ code: '42501', constraint_name: 'approval_decisions_self_approval' });
    await expect(insert(w.member)).rejects.toMatchObject({ code: '42501' });
    await expect(
      withRls(w.admin.claims, (tx) => tx`update public.approval_requests set status = 'approved' where id = ${request.id}`),
    ).rejects.toMatchObject({ code: '23514', constraint_name: 'approval_requests_quorum_not_met' });
    expect((await withRls(w.member.claims, (tx) => tx`update public.approval_requests set status = 'cancelled' where id = ${request.id}`)).count).toBe(0);
    await expect(admin`update public.approval_requests set status = 'approved' where id = ${request.id}`).rejects.toMatchObject({
      constraint_name: 'approval_requests_quorum_not_met',
    });
  });

  it('lists by tab with counts, and cancels (requester only), with comments in the history', async () => {
    const w = await createOrgWithRoles(admin);
    const a = await ask(w, w.member, 'First');
    await ask(w, w.admin, 'Second');
    const list = (by: World['member'], filter: 'waiting' | 'mine' | 'all') => withRls(by.claims, (tx) => listApprovals(tx, { orgId: w.org.id, filter }));
    expect((await list(w.owner, 'waiting')).counts).toEqual({ waiting: 2, mine: 0, all: 2 });
    expect((await list(w.admin, 'waiting')).items.map((i) => i.subject)).toEqual(['First']);
    expect((await list(w.member, 'mine')).items.map((i) => i.subject)).toEqual(['First']);
    await withRls(w.viewer.claims, (tx) => expect(commentOnApproval(tx, { orgId: w.org.id, requestId: a.request.id, body: 'hi' })).rejects.toMatchObject({ code: 'forbidden' }));
    await withRls(w.admin.claims, (tx) => commentOnApproval(tx, { orgId: w.org.id, requestId: a.request.id, body: 'Why now?' }));
    await expect(withRls(w.viewer.claims, (tx) => cancelApproval(tx, { orgId: w.org.id, requestId: a.request.id }))).rejects.toMatchObject({ code: 'forbidden' });
    const cancelled = await withRls(w.member.claims, (tx) => cancelApproval(tx, { orgId: w.org.id, requestId: a.request.id, reason: 'Not needed' }));
    expect(cancelled.request.status).toBe('cancelled');
    await expect(decide(w, w.owner, a.request.id, 'approve')).rejects.toMatchObject({ code: 'conflict' });
    const detail = await withRls(w.member.claims, (tx) => getApproval(tx, w.org.id, a.request.id));
    expect(detail.history.map((h) => [h.kind, h.body])).toEqual([['requested', ''], ['comment', 'Why now?'], ['cancelled', 'Not needed']]);
  });

  it('refuses a request when fewer members than the quorum could approve it', async () => {
    const w = await createOrgWithRoles(admin);
    await withRls(w.owner.claims, (tx) => setPolicy(tx, { orgId: w.org.id, type: 'custom', required: true, approverRole: 'owner', quorum: 1, expiryHours: 24 }));
    await expect(ask(w, w.owner)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('user_role_change', () => {
  it('is applied at once without a policy; held for approval with one, then applied by the approving owner', async () => {
    const w = await createOrgWithRoles(admin);
    const direct = await withRls(w.admin.claims, (tx) => changeRoleOrRequestApproval(tx, { orgId: w.org.id, userId: w.viewer.id, role: 'member' }, 'k1'));
    expect(direct.kind).toBe('applied');
    expect(direct.events.map((e) => e.name)).toEqual(['members/role.changed']);
    await withRls(w.owner.claims, (tx) => setPolicy(tx, { orgId: w.org.id, type: 'user_role_change', required: true, approverRole: 'admin', quorum: 1, expiryHours: 72 }));
    const held = await withRls(w.admin.claims, (tx) => changeRoleOrRequestApproval(tx, { orgId: w.org.id, userId: w.member.id, role: 'owner' }, 'k2'));
    if (held.kind !== 'held') throw new Error('expected held');
    // Only an owner could make an owner: the admin asking is not an approver, and no other admin is listed.
    expect(held.request.approvers).toEqual([w.owner.id]);
    expect(held.request.subject).toBe(`Make ${w.member.name} an owner`);
    expect(await roleOf(admin, w.org.id, w.member.id)).toBe('member');
    expect(await withRls(w.viewer.claims, (tx) => listPendingRoleChanges(tx, w.org.id))).toEqual([{ id: held.request.id, subject: held.request.subject }]);
    expect(await withRls(w.outsider.claims, (tx) => listPendingRoleChanges(tx, w.org.id))).toEqual([]);
    const approved = await decide(w, w.owner, held.request.id, 'approve');
    expect(approved.events.map((e) => e.name)).toEqual(['approvals/request.decided', 'members/role.changed']);
    expect(await roleOf(admin, w.org.id, w.member.id)).toBe('owner');
    expect(await withRls(w.viewer.claims, (tx) => listPendingRoleChanges(tx, w.org.id))).toEqual([]);
    expect(await auditActions(admin, w.org.id)).toEqual([
      'member.role_changed', 'approval_policy.updated', 'approval.requested', 'approval.decided', 'approval.approved', 'member.role_changed',
    ]);
  });

  it('a decision whose change can no longer apply is refused and not recorded', async () => {
    const w = await createOrgWithRoles(admin);
    await withRls(w.owner.claims, (tx) => setPolicy(tx, { orgId: w.org.id, type: 'user_role_change', required: true, approverRole: 'admin', quorum: 1, expiryHours: 72 }));
    const held = await withRls(w.owner.claims, (tx) => changeRoleOrRequestApproval(tx, { orgId: w.org.id, userId: w.viewer.id, role: 'admin' }, 'k'));
    if (held.kind !== 'held') throw new Error('expected held');
    expect(held.request.approvers).toEqual([w.admin.id]);
    await admin`delete from public.memberships where org_id = ${w.org.id} and user_id = ${w.viewer.id}`;
    await expect(decide(w, w.admin, held.request.id, 'approve')).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await admin`select status from public.approval_requests where id = ${held.request.id}`;
    expect(row?.status).toBe('pending');
  });
});
