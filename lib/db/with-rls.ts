import { z } from 'zod';
import { sql, type Tx } from './client.ts';

/**
 * Claims from a verified access token. Only roles the database may switch to for
 * a request are accepted; anything else (postgres, service_role, a forged name)
 * is rejected before SQL runs.
 */
export const rlsClaimsSchema = z.looseObject({
  role: z.enum(['anon', 'authenticated']),
  sub: z.uuid().optional(),
});
export type RlsClaims = z.infer<typeof rlsClaimsSchema>;

export class ForbiddenRoleError extends Error {
  constructor() {
    super('withRls accepts only the roles anon and authenticated from verified claims');
    this.name = 'ForbiddenRoleError';
  }
}

/**
 * Runs fn in one transaction as the claims' role with request.jwt.claims set,
 * so RLS policies (auth.uid(), auth.jwt()) see the caller. The only way for
 * request-scoped code to reach tenant data.
 */
export async function withRls<T>(claims: RlsClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const parsed = rlsClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new ForbiddenRoleError();
  if (parsed.data.role === 'authenticated' && !parsed.data.sub) throw new ForbiddenRoleError();
  const role = parsed.data.role === 'authenticated' ? 'authenticated' : 'anon';
  return (await sql().begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${JSON.stringify(parsed.data)}, true),
                    set_config('request.jwt.claim.sub', ${parsed.data.sub ?? ''}, true),
                    set_config('request.jwt.claim.role', ${role}, true)`;
    await tx.unsafe(role === 'authenticated' ? 'set local role authenticated' : 'set local role anon');
    return fn(tx);
  })) as T;
}

/**
 * Service-level work that must see across tenants (webhooks, jobs, sign-up).
 * `reason` says why and is visible in pg_stat_activity/logs as the transaction's
 * application setting. Never call it with data from a request without checks.
 */
export async function withServiceRole<T>(reason: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!reason.trim()) throw new Error('withServiceRole needs a reason');
  return (await sql().begin(async (tx) => {
    await tx`select set_config('app.service_reason', ${reason}, true)`;
    await tx.unsafe('set local role service_role');
    return fn(tx);
  })) as T;
}

/** True when the database answers. Touches no table. */
export async function pingDatabase(): Promise<boolean> {
  try {
    await sql()`select 1`;
    return true;
  } catch {
    return false;
  }
}
