import crypto from 'node:crypto';
import type postgres from 'postgres';
import { addMember, claimsFor, createOrg, createUser, type TestOrg, type TestUser } from '@/tests/setup/fixtures';

/**
 * The identities of the RLS matrix and a runner that tries one statement as one
 * of them. Each attempt is its own transaction on the superuser connection:
 * optional setup as superuser, then exactly what withRls does (request.jwt.*
 * settings plus `set local role`), the statement, and always a rollback, so
 * attempts never see each other's effects.
 */
export const identities = ['anon', 'nonMember', 'viewer', 'member', 'admin', 'owner', 'otherAdmin'] as const;
export type Identity = (typeof identities)[number];
/** Who proves a denied statement works when someone is allowed to run it. */
export type ControlActor = 'service' | 'superuser' | 'superuserNoTriggers';
export type Actor = Identity | ControlActor;
export type Verb = 'select' | 'insert' | 'update' | 'delete';
export const verbs: readonly Verb[] = ['select', 'insert', 'update', 'delete'];

export interface World {
  orgA: TestOrg;
  orgB: TestOrg;
  users: Record<Exclude<Identity, 'anon'>, TestUser>;
  /** A viewer of org A: the row update/delete attempts on memberships aim at. */
  probe: TestUser;
  invitationA: string;
  auditA: string;
  handoffCode: string;
  messageId: string;
}

type AdminSql = postgres.Sql;
export type Tx = postgres.TransactionSql;

export async function buildWorld(admin: AdminSql): Promise<World> {
  const [owner, adminUser, member, viewer, nonMember, otherAdmin, otherOwner, probe] = await Promise.all(
    Array.from({ length: 8 }, () => createUser(admin)),
  );
  if (!owner || !adminUser || !member || !viewer || !nonMember || !otherAdmin || !otherOwner || !probe) throw new Error('users');
  const orgA = await createOrg(admin, owner);
  await addMember(admin, orgA.id, adminUser, 'admin');
  await addMember(admin, orgA.id, member, 'member');
  await addMember(admin, orgA.id, viewer, 'viewer');
  await addMember(admin, orgA.id, probe, 'viewer');
  const orgB = await createOrg(admin, otherOwner);
  await addMember(admin, orgB.id, otherAdmin, 'admin');
  const [inv] = await admin<{ id: string }[]>`
    insert into public.invitations (org_id, email, role, token_hash, invited_by)
    values (${orgA.id}, ${`invitee-${orgA.slug}@example.test`}, 'viewer', ${crypto.randomBytes(32).toString('hex')}, ${owner.id})
    returning id`;
  const [entry] = await admin<{ id: string }[]>`
    insert into public.audit_log (org_id, actor_id, action) values (${orgA.id}, ${owner.id}, 'test.matrix_seed') returning id`;
  const [code] = await admin<{ id: string }[]>`
    insert into public.handoff_codes (code_hash, user_id, target_host)
    values (${crypto.randomBytes(32).toString('hex')}, ${nonMember.id}, ${`${orgA.slug}.localhost:3000`}) returning id`;
  if (!inv || !entry || !code) throw new Error('world rows');
  return {
    orgA,
    orgB,
    users: { nonMember, viewer, member, admin: adminUser, owner, otherAdmin },
    probe,
    invitationA: inv.id,
    auditA: entry.id,
    handoffCode: code.id,
    messageId: crypto.randomUUID(),
  };
}

export function userIdOf(world: World, actor: Actor): string | null {
  if (actor === 'anon' || actor === 'service' || actor === 'superuser' || actor === 'superuserNoTriggers') return null;
  return world.users[actor].id;
}

/** Switch the transaction to the actor, exactly as withRls / withServiceRole do. */
export async function become(tx: Tx, world: World, actor: Actor): Promise<void> {
  if (actor === 'superuser') return;
  if (actor === 'superuserNoTriggers') {
    await tx.unsafe('set local session_replication_role = replica');
    return;
  }
  if (actor === 'service') {
    await tx.unsafe('set local role service_role');
    return;
  }
  const claims = actor === 'anon' ? { role: 'anon' } : claimsFor(world.users[actor]);
  const role = actor === 'anon' ? 'anon' : 'authenticated';
  await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
                  set_config('request.jwt.claim.sub', ${userIdOf(world, actor) ?? ''}, true),
                  set_config('request.jwt.claim.role', ${role}, true)`;
  await tx.unsafe(role === 'anon' ? 'set local role anon' : 'set local role authenticated');
}

export interface Cell {
  /** Runs as superuser before the switch (rows the statement needs). */
  setup?: (tx: Tx, world: World) => Promise<unknown>;
  /** The statement; returns how many rows it saw or changed. */
  run: (tx: Tx, world: World, me: string | null) => Promise<number>;
}

export type Outcome = 'allowed' | 'denied';
const rollback = Symbol('rollback');

/**
 * allowed: the statement saw/changed a row. denied: it saw/changed nothing, or
 * failed with insufficient_privilege (42501: no grant, RLS violation, the audit
 * trigger). Any other error is a broken test and is rethrown.
 */
export async function attempt(admin: AdminSql, world: World, actor: Actor, cell: Cell): Promise<Outcome> {
  let outcome: Outcome = 'denied';
  try {
    await admin.begin(async (tx) => {
      if (cell.setup) await cell.setup(tx, world);
      await become(tx, world, actor);
      const n = await cell.run(tx, world, userIdOf(world, actor));
      outcome = n > 0 ? 'allowed' : 'denied';
      throw rollback;
    });
  } catch (error) {
    if (error === rollback) return outcome;
    if (error instanceof Error && 'code' in error && error.code === '42501') return 'denied';
    throw error;
  }
  return outcome;
}
