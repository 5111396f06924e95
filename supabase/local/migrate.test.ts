import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { readMigrations, runMigrations, runSeed } from './migrate.ts';

const adminUrl = inject('databaseAdminUrl');
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
afterAll(() => admin.end());

let dir: string;
let dbUrl: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  const name = `m_${crypto.randomBytes(5).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  dbUrl = url.toString();
});

const write = (file: string, content: string) => fs.writeFileSync(path.join(dir, file), content);

async function query<T extends object>(text: string): Promise<T[]> {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text)) as unknown as T[];
  } finally {
    await sql.end();
  }
}

describe('migration runner', () => {
  it('applies files in order, records them, and applies nothing twice', async () => {
    write('20260101000002_b.sql', 'insert into t values (2);');
    write('20260101000001_a.sql', 'create table t (v int); insert into t values (1);');
    expect(await runMigrations(dbUrl, dir)).toEqual(['20260101000001_a.sql', '20260101000002_b.sql']);
    expect(await runMigrations(dbUrl, dir)).toEqual([]);
    expect(await query<{ v: number }>('select v from t order by v')).toEqual([{ v: 1 }, { v: 2 }]);
    const recorded = await query<{ version: string; name: string }>(
      'select version, name from supabase_migrations.schema_migrations order by version',
    );
    expect(recorded).toEqual([
      { version: '20260101000001', name: 'a' },
      { version: '20260101000002', name: 'b' },
    ]);
  });

  it('refuses to run when an applied file has changed', async () => {
    write('20260101000001_a.sql', 'create table t (v int);');
    await runMigrations(dbUrl, dir);
    write('20260101000001_a.sql', 'create table t (v int, w int);');
    write('20260101000002_b.sql', 'create table u (v int);');
    await expect(runMigrations(dbUrl, dir)).rejects.toThrow(/20260101000001_a\.sql was changed after it was applied/);
    expect(await query(`select to_regclass('public.u') as u`)).toEqual([{ u: null }]);
  });

  it('rolls a failed migration back completely and keeps earlier ones and their data', async () => {
    write('20260101000001_a.sql', 'create table t (v int); insert into t values (1);');
    write('20260101000002_bad.sql', 'create table half (v int);\ninsert into t values (2);\nselect * from missing_table;');
    await expect(runMigrations(dbUrl, dir)).rejects.toThrow(/20260101000002_bad\.sql failed and was rolled back completely: .*missing_table.*line 3/);
    expect(await query(`select to_regclass('public.half') as half`)).toEqual([{ half: null }]);
    expect(await query('select v from t')).toEqual([{ v: 1 }]);
    const versions = await query<{ version: string }>('select version from supabase_migrations.schema_migrations');
    expect(versions.map((r) => r.version)).toEqual(['20260101000001']);
  });

  it('rejects file names the Supabase CLI would not accept', () => {
    write('add_table.sql', 'select 1;');
    expect(() => readMigrations(dir)).toThrow(/add_table\.sql does not follow/);
  });

  it('rolls back a failing seed', async () => {
    write('20260101000001_a.sql', 'create table t (v int primary key);');
    await runMigrations(dbUrl, dir);
    write('seed.sql', 'insert into t values (1);\ninsert into t values (1);');
    await expect(runSeed(dbUrl, path.join(dir, 'seed.sql'))).rejects.toThrow(/Seed seed\.sql failed and was rolled back/);
    expect(await query('select count(*)::int as n from t')).toEqual([{ n: 0 }]);
  });

  it("applies the repository's own migrations and seed to a bootstrapped database, twice", async () => {
    const { applyBootstrap } = await import('./bootstrap.ts');
    const { LOCAL_PASSWORDS } = await import('./database.ts');
    await applyBootstrap(dbUrl, LOCAL_PASSWORDS);
    const repo = path.resolve(import.meta.dirname, '..');
    const first = await runMigrations(dbUrl, path.join(repo, 'migrations'));
    expect(first.length).toBe(fs.readdirSync(path.join(repo, 'migrations')).length);
    await runSeed(dbUrl, path.join(repo, 'seed.sql'));
    await runSeed(dbUrl, path.join(repo, 'seed.sql'));
    expect(await runMigrations(dbUrl, path.join(repo, 'migrations'))).toEqual([]);
  });
});
