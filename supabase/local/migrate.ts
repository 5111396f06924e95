import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

const FILE_PATTERN = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
  checksum: string;
  content: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads supabase/migrations in version order; rejects names the Supabase CLI would not accept. */
export function readMigrations(dir: string): MigrationFile[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) {
      throw new MigrationError(
        `Migration file name ${file} does not follow <14-digit timestamp>_<snake_case_name>.sql.`,
      );
    }
    const content = fs.readFileSync(path.join(dir, file), 'utf8');
    const checksum = crypto.createHash('sha256').update(content).digest('hex');
    return { version: match[1]!, name: match[2]!, file, checksum, content };
  });
}

/**
 * Applies pending migrations in order, each in its own transaction together with
 * its record in supabase_migrations.schema_migrations (the Supabase CLI's table).
 * Refuses to run when an applied file has changed. Returns the files it applied.
 */
export async function runMigrations(adminUrl: string, dir: string): Promise<string[]> {
  const migrations = readMigrations(dir);
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const applied: string[] = [];
  try {
    await sql`select pg_advisory_lock(hashtext('supabase_migrations'))`;
    await sql.unsafe(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (version text primary key);
      alter table supabase_migrations.schema_migrations
        add column if not exists statements text[],
        add column if not exists name text,
        add column if not exists checksum text,
        add column if not exists applied_at timestamptz default now();`);
    const rows = await sql<{ version: string; checksum: string | null }[]>`
      select version, checksum from supabase_migrations.schema_migrations`;
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    for (const migration of migrations) {
      if (done.has(migration.version)) {
        const recorded = done.get(migration.version);
        if (recorded && recorded !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.file} was changed after it was applied. ` +
              `Applied migrations are immutable: restore the file and put the change in a new migration.`,
          );
        }
        continue;
      }
      try {
        await sql.begin(async (tx) => {
          await tx.unsafe(migration.content);
          await tx`
            insert into supabase_migrations.schema_migrations (version, name, statements, checksum)
            values (${migration.version}, ${migration.name}, ${[migration.content]}, ${migration.checksum})`;
        });
      } catch (error) {
        throw new MigrationError(
          `Migration ${migration.file} failed and was rolled back completely: ${describe(error, migration.content)}\n` +
            `Fix the file and run again; earlier migrations and existing data are untouched.`,
        );
      }
      applied.push(migration.file);
    }
    return applied;
  } finally {
    await sql.end();
  }
}

/** Runs seed.sql in one transaction. Seeds must be idempotent (they run on every start). */
export async function runSeed(adminUrl: string, seedFile: string): Promise<void> {
  if (!fs.existsSync(seedFile)) return;
  const content = fs.readFileSync(seedFile, 'utf8');
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin((tx) => tx.unsafe(content));
  } catch (error) {
    throw new MigrationError(`Seed ${path.basename(seedFile)} failed and was rolled back: ${describe(error, content)}`);
  } finally {
    await sql.end();
  }
}

function describe(error: unknown, content: string): string {
  const e = error as { message?: string; position?: string };
  const position = Number(e.position);
  if (!Number.isFinite(position) || position <= 0) return e.message ?? String(error);
  const line = content.slice(0, position).split('\n').length;
  return `${e.message} (line ${line})`;
}
