import crypto from 'node:crypto';
import type postgres from 'postgres';
import type { RealtimeClaims } from './tokens.ts';

/**
 * Private channel authorization as Supabase Realtime does it (Realtime.Tenants.Authorization):
 * in a transaction that is always rolled back, with `role`, `realtime.topic` and the
 * `request.jwt.*` settings of the subscriber, "may read" is whether the subscriber can
 * SELECT probe rows of realtime.messages for the topic, and "may write" whether it can
 * INSERT one. The policies on realtime.messages decide; extensions are broadcast and presence.
 */
export type Sql = postgres.Sql;
export type Extension = 'broadcast' | 'presence';

export interface Policies {
  broadcast: { read: boolean | null; write: boolean | null };
  presence: { read: boolean | null; write: boolean | null };
}

export const emptyPolicies = (): Policies => ({
  broadcast: { read: null, write: null },
  presence: { read: null, write: null },
});

export interface AuthorizationContext {
  topic: string;
  claims: RealtimeClaims;
}

/** Why a check could not answer: the policies failed (hosted: RlsPolicyError) or the database is unreachable. */
export class AuthorizationError extends Error {
  readonly kind: 'rls_policy_error' | 'database_unavailable';
  constructor(kind: 'rls_policy_error' | 'database_unavailable', cause: unknown) {
    super(`${kind}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AuthorizationError';
    this.kind = kind;
  }
}

/** Roles a verified token may switch to; any other role claim cannot be authorized. */
const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

class Rollback<T> {
  readonly value: T;
  constructor(value: T) {
    this.value = value;
  }
}

async function rolledBack<T>(sql: Sql, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  try {
    await sql.begin(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    const isPostgresError = typeof error === 'object' && error !== null && 'severity' in error;
    throw new AuthorizationError(isPostgresError ? 'rls_policy_error' : 'database_unavailable', error);
  }
  throw new Error('unreachable: the authorization transaction did not roll back');
}

async function setContext(tx: postgres.TransactionSql, ctx: AuthorizationContext): Promise<void> {
  const role = ctx.claims.role;
  if (!API_ROLES.has(role)) throw Object.assign(new Error(`role "${role}" cannot be authorized`), { severity: 'ERROR' });
  const sub = typeof ctx.claims.sub === 'string' ? ctx.claims.sub : '';
  await tx`select set_config('role', ${role}, true),
                  set_config('realtime.topic', ${ctx.topic}, true),
                  set_config('request.jwt.claims', ${JSON.stringify(ctx.claims)}, true),
                  set_config('request.jwt.claim.sub', ${sub}, true),
                  set_config('request.jwt.claim.role', ${role}, true),
                  set_config('request.headers', '{}', true)`;
}

/** Read policies for `extensions` (hosted checks presence only when the channel enables it). */
export async function readPolicies(sql: Sql, ctx: AuthorizationContext, current: Policies, extensions: Extension[]): Promise<Policies> {
  const probes = extensions.map((extension) => ({ id: crypto.randomUUID(), topic: ctx.topic, extension }));
  const visible = await rolledBack(sql, async (tx) => {
    // As the table's owner (before switching role): the probes exist whatever the policies say.
    await tx`insert into realtime.messages ${tx(probes, 'id', 'topic', 'extension')}`;
    await setContext(tx, ctx);
    const rows = await tx<{ id: string }[]>`select id from realtime.messages where id in ${tx(probes.map((p) => p.id))}`;
    return new Set(rows.map((r) => r.id));
  });
  const next = structuredClone(current);
  for (const probe of probes) next[probe.extension].read = visible.has(probe.id);
  return next;
}

/** Write policies: an INSERT of a row for the topic under RLS, per extension, in a savepoint. */
export async function writePolicies(sql: Sql, ctx: AuthorizationContext, current: Policies, extensions: Extension[]): Promise<Policies> {
  const allowed = await rolledBack(sql, async (tx) => {
    await setContext(tx, ctx);
    const result: Partial<Record<Extension, boolean>> = {};
    for (const extension of extensions) {
      try {
        await tx.savepoint((sp) => sp`insert into realtime.messages (topic, extension) values (${ctx.topic}, ${extension})`);
        result[extension] = true;
      } catch (error) {
        if ((error as { code?: string }).code !== '42501') throw error;
        result[extension] = false;
      }
    }
    return result;
  });
  const next = structuredClone(current);
  for (const extension of ['broadcast', 'presence'] as const) {
    next[extension].write = allowed[extension] ?? false;
  }
  return next;
}
