/**
 * `npm run db:migrate`: migrations and seed against DATABASE_ADMIN_URL (hosted
 * Supabase or your own Postgres). SUPABASE_BOOTSTRAP=true first applies the local
 * Supabase bootstrap to a plain Postgres. The embedded stack migrates on `npm run dev`.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { applyBootstrap } from '../supabase/local/bootstrap.ts';
import { LOCAL_PASSWORDS, prepareDatabase } from '../supabase/local/database.ts';

if (fs.existsSync('.env.local')) process.loadEnvFile('.env.local');

const parsed = z
  .object({
    DATABASE_ADMIN_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    SUPABASE_BOOTSTRAP: z.enum(['true', 'false']).default('false'),
    SEED: z.enum(['true', 'false']).default('false'), // seed.sql holds local demo logins
  })
  .safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
try {
  if (parsed.data.SUPABASE_BOOTSTRAP === 'true') await applyBootstrap(parsed.data.DATABASE_ADMIN_URL, LOCAL_PASSWORDS);
  const applied = await prepareDatabase(parsed.data.DATABASE_ADMIN_URL, { seed: parsed.data.SEED === 'true' });
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Migrations up to date.');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
