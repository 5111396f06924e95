import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSql, withRls } from '@/lib/db';
import { excluded, matrix } from './matrix-spec';
import { attempt, become, buildWorld, identities, verbs, type Actor, type World } from './matrix-world';

/**
 * The RLS matrix: every table in an exposed schema x {anon, signed-in
 * non-member, viewer, member, admin, owner, admin of another org} x {select,
 * insert, update, delete}, asserting allowed or denied. Each denial is paired
 * with a positive control: the same statement, in the same setup, succeeds for
 * an identity that is allowed (or the named control actor), so a denial can
 * never come from a broken statement.
 */
const admin = postgres(inject('databaseAdminUrl'), { max: 4, onnotice: () => {} });
let world: World;
let assertions = 0;

beforeAll(async () => {
  world = await buildWorld(admin);
});
afterAll(async () => {
  console.log(`RLS matrix: ${assertions} assertions (${matrix.length} tables x ${identities.length} identities x ${verbs.length} verbs, plus a positive control per denial)`);
  await closeSql();
  await admin.end();
});

describe('RLS matrix', () => {
  it('the runner switches identity exactly as withRls does', async () => {
    const viaWithRls = await withRls(
      { role: 'authenticated', sub: world.users.viewer.id, email: world.users.viewer.email, aud: 'authenticated' },
      (tx) => tx`select current_user as u, auth.uid() as uid, auth.role() as r`,
    );
    const viaRunner = await admin.begin(async (tx) => {
      await become(tx, world, 'viewer');
      return tx`select current_user as u, auth.uid() as uid, auth.role() as r`;
    });
    expect([...viaRunner]).toEqual([...viaWithRls]);
    assertions += 1;
  });

  it('covers every table in the exposed schemas (public, realtime.messages)', async () => {
    const tables = await admin<{ name: string }[]>`
      select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p')
        and (n.nspname = 'public' or (n.nspname = 'realtime' and c.relname = 'messages'))
      order by 1`;
    const covered = [...matrix.map((t) => t.table), ...Object.keys(excluded)].sort();
    expect(tables.map((t) => t.name)).toEqual(covered);
    assertions += 1;
  });

  for (const spec of matrix) {
    it(`${spec.table}`, async () => {
      for (const verb of verbs) {
        const rule = spec[verb];
        const control: Actor = identities.find((i) => rule.allowed.includes(i)) ?? rule.control ?? 'superuser';
        for (const identity of identities) {
          const expected = rule.allowed.includes(identity) ? 'allowed' : 'denied';
          const actual = await attempt(admin, world, identity, rule.cell);
          expect.soft(actual, `${spec.table} ${verb} as ${identity}`).toBe(expected);
          assertions += 1;
          if (expected === 'denied') {
            const positive = await attempt(admin, world, control, rule.cell);
            expect.soft(positive, `${spec.table} ${verb}: positive control as ${control} for ${identity}'s denial`).toBe('allowed');
            assertions += 1;
          }
        }
      }
    });
  }
});
