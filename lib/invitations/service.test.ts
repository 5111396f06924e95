import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { auditActions, createOrg, createOrgWithRoles, createUser, roleOf, testContext } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { acceptInvitation, inviteMember, resendInvitation, revokeInvitation } from '@/lib/invitations/service';
import { listPendingInvitations, previewInvitation } from '@/lib/invitations/queries';
import { hashSecretToken } from '@/lib/crypto/secret-token';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});
const ctx = testContext();

describe('inviteMember', () => {
  it('returns the token once and stores only its hash, valid for 7 days', async () => {
    const w = await createOrgWithRoles(admin);
    const { invitation, token } = await withRls(w.admin.claims, (tx) =>
      inviteMember(tx, { orgId: w.org.id, email: ' New.Person@Example.test ', role: 'member' }),
    );
    expect(invitation).toMatchObject({ email: 'new.person@example.test', role: 'member', status: 'pending', invitedBy: w.admin.id });
    const [row] = await admin`select token_hash, extract(epoch from expires_at - sent_at)::int as ttl from public.invitations where id = ${invitation.id}`;
    expect(row).toEqual({ token_hash: hashSecretToken(token), ttl: 7 * 24 * 3600 });
    const [leak] = await admin`select count(*)::int as n from public.invitations where token_hash = ${token}`;
    expect(leak?.n).toBe(0);
    expect(await auditActions(admin, w.org.id)).toEqual(['invitation.created']);
  });

  it('refuses viewers and members (forbidden), roles above the inviter, members and duplicates (conflict)', async () => {
    const w = await createOrgWithRoles(admin);
    const invite = (by: typeof w.admin, email: string, role: 'admin' | 'member' | 'viewer') =>
      withRls(by.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email, role }));
    await expect(invite(w.viewer, 'a@example.test', 'viewer')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(invite(w.member, 'a@example.test', 'viewer')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(invite(w.outsider, 'a@example.test', 'viewer')).rejects.toMatchObject({ code: 'not_found' });
    await expect(invite(w.owner, w.member.email.toUpperCase(), 'viewer')).rejects.toMatchObject({ code: 'conflict' });
    await invite(w.admin, 'dup@example.test', 'admin');
    await expect(invite(w.owner, 'DUP@example.test', 'viewer')).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: 'o@example.test', role: 'owner' as 'admin' })),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('replaces an expired pending invitation', async () => {
    const w = await createOrgWithRoles(admin);
    const first = await withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: 'late@example.test', role: 'viewer' }));
    await admin`update public.invitations set expires_at = now() - interval '1 minute' where id = ${first.invitation.id}`;
    const second = await withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: 'late@example.test', role: 'member' }));
    expect(second.invitation.id).not.toBe(first.invitation.id);
    const [old] = await admin`select revoked_at is not null as revoked from public.invitations where id = ${first.invitation.id}`;
    expect(old?.revoked).toBe(true);
  });
});

describe('resend, revoke, list', () => {
  it('resend issues a new token and the old one stops working; revoke ends it', async () => {
    const w = await createOrgWithRoles(admin);
    const invitee = await createUser(admin);
    const { invitation, token: oldToken } = await withRls(w.admin.claims, (tx) =>
      inviteMember(tx, { orgId: w.org.id, email: invitee.email, role: 'member' }),
    );
    const resent = await withRls(w.admin.claims, (tx) => resendInvitation(tx, { orgId: w.org.id, invitationId: invitation.id }));
    expect(resent.token).not.toBe(oldToken);
    expect(await previewInvitation(oldToken)).toBeNull();
    await expect(acceptInvitation({ token: oldToken, userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    expect(await previewInvitation(resent.token)).toMatchObject({ email: invitee.email, role: 'member', status: 'pending', organization: { slug: w.org.slug } });

    const pending = await withRls(w.owner.claims, (tx) => listPendingInvitations(tx, { orgId: w.org.id }));
    expect(pending.items.map((i) => i.id)).toEqual([invitation.id]);
    await expect(withRls(w.member.claims, (tx) => listPendingInvitations(tx, { orgId: w.org.id }))).rejects.toMatchObject({ code: 'forbidden' });

    await withRls(w.owner.claims, (tx) => revokeInvitation(tx, { orgId: w.org.id, invitationId: invitation.id }));
    expect((await withRls(w.owner.claims, (tx) => listPendingInvitations(tx, { orgId: w.org.id }))).items).toEqual([]);
    await expect(acceptInvitation({ token: resent.token, userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx)).rejects.toMatchObject({ code: 'conflict' });
    await expect(withRls(w.admin.claims, (tx) => resendInvitation(tx, { orgId: w.org.id, invitationId: invitation.id }))).rejects.toMatchObject({ code: 'conflict' });
    expect(await auditActions(admin, w.org.id)).toEqual(['invitation.created', 'invitation.resent', 'invitation.revoked']);
  });

  it("another tenant's invitation id answers like a nonexistent one", async () => {
    const w = await createOrgWithRoles(admin);
    const other = await createOrgWithRoles(admin);
    const { invitation } = await withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: 'x@example.test', role: 'viewer' }));
    await expect(withRls(other.owner.claims, (tx) => revokeInvitation(tx, { orgId: other.org.id, invitationId: invitation.id }))).rejects.toMatchObject({
      code: 'not_found',
      message: 'Invitation not found.',
    });
    await expect(
      withRls(other.owner.claims, (tx) => revokeInvitation(tx, { orgId: other.org.id, invitationId: '00000000-0000-4000-8000-000000000000' })),
    ).rejects.toMatchObject({ code: 'not_found', message: 'Invitation not found.' });
  });
});

describe('acceptInvitation', () => {
  it('adds an existing user of another org with the invited role, once, matching email case-insensitively', async () => {
    const w = await createOrgWithRoles(admin);
    const invitee = await createUser(admin, { email: `Mixed.Case-${Date.now()}@Example.test` });
    const elsewhere = await createOrg(admin, invitee);
    const { token } = await withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: invitee.email, role: 'viewer' }));
    const wrong = await createUser(admin);
    await expect(acceptInvitation({ token, userId: wrong.id, email: wrong.email, orgId: w.org.id }, ctx)).rejects.toMatchObject({ code: 'forbidden' });

    const accepted = await acceptInvitation({ token, userId: invitee.id, email: invitee.email.toUpperCase(), orgId: w.org.id }, ctx);
    expect(accepted).toEqual({ organization: { id: w.org.id, name: w.org.name, slug: w.org.slug }, role: 'viewer', alreadyMember: false });
    expect(await roleOf(admin, w.org.id, invitee.id)).toBe('viewer');
    expect(await roleOf(admin, elsewhere.id, invitee.id)).toBe('owner');
    // Clicking the link again is harmless for the same user and useless for anyone else.
    await expect(acceptInvitation({ token, userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx)).resolves.toMatchObject({ alreadyMember: true });
    await expect(acceptInvitation({ token, userId: wrong.id, email: invitee.email, orgId: w.org.id }, ctx)).rejects.toMatchObject({ code: 'conflict' });
    expect(await auditActions(admin, w.org.id)).toEqual(['invitation.created', 'member.joined', 'invitation.accepted']);
  });

  it('refuses expired and unknown tokens', async () => {
    const w = await createOrgWithRoles(admin);
    const invitee = await createUser(admin);
    const { invitation, token } = await withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: invitee.email, role: 'member' }));
    await admin`update public.invitations set expires_at = now() - interval '1 second' where id = ${invitation.id}`;
    await expect(acceptInvitation({ token, userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'expired' } });
    await expect(acceptInvitation({ token: 'A'.repeat(43), userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    await expect(acceptInvitation({ token: 'bad', userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx)).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await roleOf(admin, w.org.id, invitee.id)).toBeNull();
  });

  it('two concurrent accepts of one token add the member once', async () => {
    const w = await createOrgWithRoles(admin);
    const invitee = await createUser(admin);
    const { token } = await withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: invitee.email, role: 'member' }));
    const results = await Promise.allSettled([
      acceptInvitation({ token, userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx),
      acceptInvitation({ token, userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx),
    ]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const flags = results.map((r) => (r.status === 'fulfilled' ? r.value.alreadyMember : null)).sort();
    expect(flags).toEqual([false, true]);
    expect((await auditActions(admin, w.org.id)).filter((a) => a === 'member.joined')).toHaveLength(1);
  });

  it("on another organization's host: nothing is committed and the answer is an unknown link's", async () => {
    const w = await createOrgWithRoles(admin);
    const other = await createOrgWithRoles(admin);
    const invitee = await createUser(admin);
    const { invitation, token } = await withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: invitee.email, role: 'admin' }));
    await expect(acceptInvitation({ token, userId: invitee.id, email: invitee.email, orgId: other.org.id }, ctx)).rejects.toMatchObject({
      code: 'not_found',
      message: 'This invitation link is not valid.',
    });
    expect(await roleOf(admin, w.org.id, invitee.id)).toBeNull();
    expect(await roleOf(admin, other.org.id, invitee.id)).toBeNull();
    const [row] = await admin`select accepted_at, accepted_by from public.invitations where id = ${invitation.id}`;
    expect(row).toEqual({ accepted_at: null, accepted_by: null });
    expect(await auditActions(admin, w.org.id)).toEqual(['invitation.created']);
    // Still usable on its own organization's host.
    await expect(acceptInvitation({ token, userId: invitee.id, email: invitee.email, orgId: w.org.id }, ctx)).resolves.toMatchObject({ alreadyMember: false });
    // Once accepted, asking on another host reveals nothing about the membership either.
    await expect(acceptInvitation({ token, userId: invitee.id, email: invitee.email, orgId: other.org.id }, ctx)).rejects.toMatchObject({ code: 'not_found' });
  });
});
