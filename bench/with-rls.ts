/**
 * Cost of the RLS data path: plain query vs withRls (transaction + set_config +
 * set local role + RLS-filtered select) on a fresh embedded Postgres.
 * Run: node bench/with-rls.ts [total=5000] [concurrency=10]
 */
import './react-server.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startLocalDatabase } from '../supabase/local/database.ts';
import { findFreePort } from '../supabase/local/ports.ts';
import { drive, summarize } from './stats.ts';

const total = Number(process.argv[2] ?? 5000);
const concurrency = Number(process.argv[3] ?? 10);
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pg-')), 'pg');
fs.chmodSync(path.dirname(dataDir), 0o755);
const db = await startLocalDatabase({ dataDir, port: await findFreePort(), seed: false });
const admin = postgres(db.adminUrl, { max: 1, onnotice: () => {} });
process.env.DATABASE_URL = db.appUrl;
process.env.DATABASE_POOL_MAX = String(concurrency);
const { sql, withRls, closeSql } = await import('../lib/db/index.ts');

try {
  // 50 organizations, each with an owner; 1,000 audit entries per organization.
  const owners = Array.from({ length: 50 }, () => crypto.randomUUID());
  const orgs = Array.from({ length: 50 }, () => crypto.randomUUID());
  await admin`insert into auth.users (id, aud, role, email, created_at, updated_at)
    select u, 'authenticated', 'authenticated', 'bench-' || u || '@example.test', now(), now() from unnest(${owners}::uuid[]) u`;
  await admin`insert into organizations (id, name, slug)
    select o, 'Bench ' || i, 'bench-' || i from unnest(${orgs}::uuid[]) with ordinality as t(o, i)`;
  await admin`insert into memberships (org_id, user_id, role)
    select o, u, 'owner' from unnest(${orgs}::uuid[], ${owners}::uuid[]) as t(o, u)`;
  await admin`insert into audit_log (org_id, actor_id, action, created_at)
    select (${orgs}::uuid[])[1 + (g % 50)], (${owners}::uuid[])[1 + (g % 50)], 'bench.event',
           now() - make_interval(secs => g) from generate_series(1, 50000) g`;
  await admin`analyze audit_log`;
  console.log(`audit_log: 50,000 rows across 50 orgs; ${total} ops, concurrency ${concurrency}, pool ${concurrency}`);

  const plain = await drive(total, concurrency, () => sql()`select 1`);
  console.log(summarize('select 1 (no transaction)', plain.samples, plain.wallMs, plain.errors));

  const rls = await drive(total, concurrency, async (i) => {
    const k = i % orgs.length;
    const claims = { role: 'authenticated' as const, sub: owners[k]! };
    await withRls(claims, (tx) => tx`select id, action, created_at from audit_log
      where org_id = ${orgs[k]!} order by created_at desc limit 20`);
  });
  console.log(summarize('withRls: 20 newest audit entries (policy: private.has_permission)', rls.samples, rls.wallMs, rls.errors));
} finally {
  await admin.end();
  await closeSql();
  await db.postgres.stop();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
