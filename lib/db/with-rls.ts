import { z } from 'zod';
import { sql, type Tx } from './client.ts';
import { rememberMembership } from './preloaded.ts';
import { contextSettings, type RequestContext } from './request-context.ts';
import { literal, pipelinedTransaction } from './transaction.ts';

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

export interface RlsOptions {
  /** Request id, ip and user agent for the audit entries this transaction writes. */
  context?: RequestContext;
  /** The tenant of the request: the caller's membership in it is read in the same statement. */
  orgId?: string;
}

/**
 * Runs fn in one transaction as the claims' role, so RLS policies (auth.uid(),
 * auth.jwt()) see the caller and audit triggers stamp the request context. One
 * statement, pipelined with BEGIN and fn's first query, sets the claims and the
 * context, checks that the token's session has not ended (SQLSTATE 28000
 * otherwise), reads the caller's membership in `orgId`, and switches role
 * (docs/decisions/0012). The only way for request-scoped code to reach tenant data.
 */
export async function withRls<T>(claims: RlsClaims, fn: (tx: Tx) => Promise<T>, options: RlsOptions = {}): Promise<T> {
  const parsed = rlsClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new ForbiddenRoleError();
  if (parsed.data.role === 'authenticated' && !parsed.data.sub) throw new ForbiddenRoleError();
  const role = parsed.data.role === 'authenticated' ? 'authenticated' : 'anon';
  const [requestId, ip, userAgent] = contextSettings(options.context);
  const orgId = options.orgId && z.uuid().safeParse(options.orgId).success ? options.orgId : null;
  const setup = `select
      set_config('request.jwt.claims', ${literal(JSON.stringify(parsed.data))}, true),
      set_config('request.jwt.claim.sub', ${literal(parsed.data.sub ?? '')}, true),
      set_config('request.jwt.claim.role', '${role}', true),
      set_config('app.request_id', ${literal(requestId)}, true),
      set_config('app.client_ip', ${literal(ip)}, true),
      set_config('app.user_agent', ${literal(userAgent)}, true),
      private.assert_session_active(),
      ${orgId ? `private.caller_membership('${orgId}'::uuid)` : 'null::jsonb'} as membership,
      set_config('role', '${role}', true)`;
  return pipelinedTransaction(setup, (tx, rows) => {
    if (orgId) rememberMembership(tx, orgId, rows.then((r) => r[0]?.membership ?? null));
    return fn(tx);
  });
}

/** Who a service path acts for: audit entries name this actor and carry this context. */
export interface ServiceActor {
  actorId?: string | null;
  context?: RequestContext;
}

/**
 * Service-level work that must see across tenants (webhooks, jobs, sign-up).
 * `reason` says why and is visible as the transaction's app.service_reason.
 * `actor` names the verified user the work is done for (audit entries carry
 * it); jobs without one are audited as the system. Never call it with data
 * from a request without checks.
 */
export async function withServiceRole<T>(reason: string, fn: (tx: Tx) => Promise<T>, actor: ServiceActor = {}): Promise<T> {
  if (!reason.trim()) throw new Error('withServiceRole needs a reason');
  const actorId = actor.actorId && z.uuid().safeParse(actor.actorId).success ? actor.actorId : '';
  const [requestId, ip, userAgent] = contextSettings(actor.context);
  const setup = `select
      set_config('app.service_reason', ${literal(reason)}, true),
      set_config('app.actor_id', ${literal(actorId)}, true),
      set_config('app.request_id', ${literal(requestId)}, true),
      set_config('app.client_ip', ${literal(ip)}, true),
      set_config('app.user_agent', ${literal(userAgent)}, true),
      set_config('role', 'service_role', true)`;
  return pipelinedTransaction(setup, (tx) => fn(tx));
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
