import crypto from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles, createUser, testContext } from '@/tests/setup/fixtures';
import { closeSql, withRls, withServiceRole, type RequestContext } from '@/lib/db';

/**
 * The database writes the audit log: changes made as `authenticated` with plain
 * SQL (no service code, as a Data API client would) are audited, stamped with
 * the caller and the request context lib/db set, and nobody can write or forge
 * an entry directly.
 */
const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

let w: Awaited<ReturnType<typeof createOrgWithRoles>>;
let ctx: RequestContext;
beforeEach(async () => {
  w = await createOrgWithRoles(admin);
  ctx = testContext();
});

interface Entry {
  action: string;
  actor_id: string | null;
  target_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
}
async function entries(orgId = w.org.id): Promise<Entry[]> {
  return admin<Entry[]>`
    select action, actor_id, target_id, before, after, request_id, host(ip) as ip, user_agent
    from public.audit_log where org_id = ${orgId} order by created_at, id`;
}
const hex = () => crypto.randomBytes(32).toString('hex');

describe('changes by any path are audited by the database', () => {
  it('role change, removal and leaving, as plain SQL under withRls', async () => {
    await withRls(w.admin.claims, (tx) => tx`update public.memberships set role = 'viewer' where org_id = ${w.org.id} and user_id = ${w.member.id}`, { context: ctx });
    await withRls(w.admin.claims, (tx) => tx`delete from public.memberships where org_id = ${w.org.id} and user_id = ${w.member.id}`, { context: ctx });
    await withRls(w.viewer.claims, (tx) => tx`delete from public.memberships where org_id = ${w.org.id} and user_id = ${w.viewer.id}`, { context: ctx });
    const log = await entries();
    expect(log.map((e) => [e.action, e.actor_id, e.target_id])).toEqual([
      ['member.role_changed', w.admin.id, w.member.id],
      ['member.removed', w.admin.id, w.member.id],
      ['member.left', w.viewer.id, w.viewer.id],
    ]);
    expect(log[0]).toMatchObject({
      before: { role: 'member', email: w.member.email },
      after: { role: 'viewer', email: w.member.email },
      request_id: ctx.requestId,
      ip: ctx.ip,
      user_agent: ctx.userAgent,
    });
  });

  it('renames and slug changes record only what changed; a no-op update records nothing', async () => {
    const slug = `s-${hex().slice(0, 10)}`;
    await withRls(w.owner.claims, (tx) => tx`update public.organizations set name = 'Renamed' where id = ${w.org.id}`, { context: ctx });
    await withRls(w.owner.claims, (tx) => tx`update public.organizations set slug = ${slug} where id = ${w.org.id}`, { context: ctx });
    await withRls(w.owner.claims, (tx) => tx`update public.organizations set name = 'Renamed' where id = ${w.org.id}`, { context: ctx });
    const log = await entries();
    expect(log.map((e) => [e.action, e.before, e.after])).toEqual([
      ['organization.updated', { name: w.org.name }, { name: 'Renamed' }],
      ['organization.updated', { slug: w.org.slug }, { slug }],
    ]);
  });

  it('invitations: created, resent and revoked; a revoked invitation cannot be revived or edited', async () => {
    const [inv] = await withRls(w.admin.claims, (tx) => tx<{ id: string }[]>`
      insert into public.invitations (org_id, email, role, token_hash, invited_by)
      values (${w.org.id}, 'someone@example.test', 'member', ${hex()}, ${w.admin.id}) returning id`, { context: ctx });
    const id = inv?.id ?? '';
    await withRls(w.admin.claims, (tx) => tx`update public.invitations set token_hash = ${hex()} where id = ${id}`, { context: ctx });
    await withRls(w.admin.claims, (tx) => tx`update public.invitations set revoked_at = '2000-01-01' where id = ${id}`, { context: ctx });
    const [row] = await admin<{ revoked_at: Date }[]>`select revoked_at from public.invitations where id = ${id}`;
    expect(row?.revoked_at.getFullYear()).toBeGreaterThan(2000); // the database chooses the time
    expect((await entries()).map((e) => [e.action, e.actor_id])).toEqual([
      ['invitation.created', w.admin.id],
      ['invitation.resent', w.admin.id],
      ['invitation.revoked', w.admin.id],
    ]);
    for (const change of [
      (tx: Parameters<Parameters<typeof withRls>[1]>[0]) => tx`update public.invitations set revoked_at = null where id = ${id}`,
      (tx: Parameters<Parameters<typeof withRls>[1]>[0]) => tx`update public.invitations set token_hash = ${hex()} where id = ${id}`,
    ]) {
      const changed = await withRls(w.owner.claims, change, { context: ctx }).then((r) => r.count, (e: { code?: string }) => e.code);
      expect(changed === 0 || changed === '42501').toBe(true);
    }
    await expect(withServiceRole('test: revive', (tx) => tx`update public.invitations set revoked_at = null where id = ${id}`)).rejects.toMatchObject({
      code: '42501',
    });
    expect(await entries()).toHaveLength(3);
  });

  it('a pending invitation cannot be marked accepted by someone with members:invite', async () => {
    const [inv] = await admin<{ id: string }[]>`
      insert into public.invitations (org_id, email, role, token_hash, invited_by)
      values (${w.org.id}, 'x@example.test', 'viewer', ${hex()}, ${w.owner.id}) returning id`;
    await expect(
      withRls(w.admin.claims, (tx) => tx`update public.invitations set accepted_by = ${w.admin.id} where id = ${inv?.id ?? ''}`),
    ).rejects.toThrow(/permission denied/);
  });

  it('service paths name the user they act for, or the system', async () => {
    const user = await createUser(admin);
    await withServiceRole('test: join', (tx) => tx`insert into public.memberships (org_id, user_id, role) values (${w.org.id}, ${user.id}, 'viewer')`, {
      actorId: user.id,
      context: ctx,
    });
    await withServiceRole('test: job', (tx) => tx`update public.memberships set role = 'member' where org_id = ${w.org.id} and user_id = ${user.id}`);
    const log = await entries();
    expect(log.map((e) => [e.action, e.actor_id, e.request_id])).toEqual([
      ['member.joined', user.id, ctx.requestId],
      ['member.role_changed', null, null],
    ]);
  });

  it('under withRls the actor is always the verified caller, whatever the transaction sets', async () => {
    await withRls(w.admin.claims, async (tx) => {
      await tx`select set_config('app.actor_id', ${w.owner.id}, true)`;
      await tx`update public.memberships set role = 'viewer' where org_id = ${w.org.id} and user_id = ${w.member.id}`;
    }, { context: ctx });
    expect((await entries()).map((e) => e.actor_id)).toEqual([w.admin.id]);
  });

  it('nobody inserts entries directly: not members, not owners, not the service role', async () => {
    for (const user of [w.viewer, w.member, w.owner]) {
      await expect(
        withRls(user.claims, (tx) => tx`insert into public.audit_log (org_id, actor_id, action) values (${w.org.id}, ${user.id}, 'test.forged')`),
      ).rejects.toThrow(/permission denied/);
    }
    await expect(
      withServiceRole('test', (tx) => tx`insert into public.audit_log (org_id, actor_id, action) values (${w.org.id}, null, 'test.forged')`),
    ).rejects.toThrow(/permission denied/);
    await expect(withRls(w.owner.claims, (tx) => tx`select private.write_audit(${w.org.id}, 'test.forged', null, null, null, null)`)).rejects.toThrow(
      /permission denied/,
    );
    expect(await entries()).toEqual([]);
  });
});

describe('sessions end when they end', () => {
  async function session(userId: string, notAfter: Date | null = null): Promise<string> {
    const id = crypto.randomUUID();
    await admin`insert into auth.sessions (id, user_id, created_at, updated_at, not_after) values (${id}, ${userId}, now(), now(), ${notAfter})`;
    return id;
  }

  it('a token whose session exists works; once the session is gone it is refused at once', async () => {
    const sid = await session(w.owner.id);
    const claims = { ...w.owner.claims, session_id: sid };
    await expect(withRls(claims, (tx) => tx`select 1 from public.organizations where id = ${w.org.id}`)).resolves.toHaveLength(1);
    await admin`delete from auth.sessions where id = ${sid}`;
    await expect(withRls(claims, (tx) => tx`select 1`)).rejects.toMatchObject({ code: '28000' });
  });

  it('a session past its not_after, or a malformed session id, is refused', async () => {
    const sid = await session(w.owner.id, new Date(Date.now() - 1000));
    await expect(withRls({ ...w.owner.claims, session_id: sid }, (tx) => tx`select 1`)).rejects.toMatchObject({ code: '28000' });
    await expect(withRls({ ...w.owner.claims, session_id: 'nope' }, (tx) => tx`select 1`)).rejects.toMatchObject({ code: '28000' });
  });
});
