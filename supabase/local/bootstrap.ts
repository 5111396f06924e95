import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Applies bootstrap/*.sql in name order (roles and schemas, auth, realtime: what Supabase provides)
 * and sets the local passwords of the login roles. Idempotent; one transaction.
 */
export async function applyBootstrap(adminUrl: string, passwords: { authenticator: string; authAdmin: string; realtimeAdmin: string }) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const dir = path.join(here, 'bootstrap');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
    const script = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext('supabase_local_bootstrap'))`;
      await tx.unsafe(script);
      await tx.unsafe(`alter role authenticator password ${literal(passwords.authenticator)}`);
      await tx.unsafe(`alter role supabase_auth_admin password ${literal(passwords.authAdmin)}`);
      await tx.unsafe(`alter role supabase_realtime_admin password ${literal(passwords.realtimeAdmin)}`);
    });
  } finally {
    await sql.end();
  }
}

/** True when the database already has what Supabase provides (hosted project or a bootstrapped one). */
export async function hasSupabaseBasics(adminUrl: string): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ ok: boolean }[]>`
      select to_regprocedure('auth.uid()') is not null
         and exists (select 1 from pg_roles where rolname = 'authenticated') as ok`;
    return Boolean(row?.ok);
  } finally {
    await sql.end();
  }
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
