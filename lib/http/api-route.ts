import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { rlsClaimsOf, type CurrentUser } from '@/lib/auth/claims';
import { withRls, type Tx } from '@/lib/db';
import { AppError, errorHeaders, toErrorBody } from '@/lib/errors';
import { log } from '@/lib/log';
import type { RequestContext } from '@/lib/db';
import { parseInput } from '@/lib/validation/parse-input';
import { translateDbError } from '@/lib/db/errors';
import { enforceRateLimit } from '@/lib/rate-limit/limiter';
import type { RateLimitAction } from '@/lib/rate-limit/limits';
import { clientAddress } from '@/lib/request/client-address';
import { requestContextFrom } from '@/lib/request/request-context';
import { isJsonContentType } from '@/lib/request/media-type';
import { assertSameOrigin } from '@/lib/request/same-origin';
import { tenantFromHeaders, type RequestTenant } from '@/lib/tenancy/tenant-headers';

const MAX_BODY_BYTES = 64 * 1024;
/** Tenant data is private: no shared cache may keep it. */
const NO_STORE = { 'cache-control': 'no-store' };

/** What a handler returns. `afterCommit` runs once the transaction has committed (cache invalidation). */
export interface ApiResult {
  status?: number;
  body?: unknown;
  afterCommit?: () => void;
}

export interface ApiContext<I> {
  tx: Tx;
  user: CurrentUser;
  tenant: RequestTenant;
  input: I;
  context: RequestContext;
}

export interface ApiRouteOptions {
  /** Counted per client IP and per signed-in user before the handler runs (lib/rate-limit/limits.ts). */
  rateLimit?: RateLimitAction;
}

/**
 * The one wrapper for tenant API routes: same-origin check for mutations →
 * tenant from the Host (set by middleware) → verified user → rate limit, if
 * any → input parsed with zod (query for GET/DELETE without body, JSON
 * otherwise, plus the route's path segments by name) → handler inside withRls → JSON. Every failure is
 * `{ error: { code, message, details? } }` (429 with Retry-After when limited).
 */
export function tenantApiRoute<S extends z.ZodType>(
  schema: S,
  handler: (ctx: ApiContext<z.output<S>>) => Promise<ApiResult>,
  options: ApiRouteOptions = {},
) {
  return async (request: NextRequest, route?: { params: Promise<Record<string, string | string[] | undefined>> }): Promise<NextResponse> => {
    const context = requestContextFrom(request.headers);
    try {
      assertSameOrigin(request);
      const tenant = tenantFromHeaders(request.headers);
      const user = await getCurrentUser();
      if (!user) throw new AppError('unauthorized', 'Sign in to continue.');
      if (options.rateLimit) await enforceRateLimit(options.rateLimit, { ip: clientAddress(request.headers).ip, account: user.id });
      const raw = await readInput(request);
      if (containsNul(raw)) throw new AppError('validation_failed', 'The input cannot contain NUL characters.');
      // Path segments ([taskId]) win over query and body: a body cannot retarget the URL.
      const params = route ? await route.params : {};
      const input = parseInput(schema, { ...raw, ...params, orgId: tenant.id });
      const result = await withRls(rlsClaimsOf(user), (tx) => handler({ tx, user, tenant, input, context }), { context, orgId: tenant.id });
      result.afterCommit?.();
      const status = result.status ?? 200;
      if (status === 204) return new NextResponse(null, { status, headers: NO_STORE });
      return NextResponse.json(result.body ?? null, { status, headers: NO_STORE });
    } catch (caught) {
      const error = translateDbError(caught);
      const { status, body } = toErrorBody(error);
      if (status >= 500) log.error('api request failed', { requestId: context.requestId, path: request.nextUrl.pathname, error });
      return NextResponse.json(body, { status, headers: { ...NO_STORE, ...errorHeaders(error), 'x-request-id': context.requestId } });
    }
  };
}

async function readInput(request: NextRequest): Promise<Record<string, unknown>> {
  const query = Object.fromEntries(request.nextUrl.searchParams);
  if (request.method === 'GET' || request.method === 'HEAD') return query;
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError('payload_too_large', 'The request body is too large (64 KB at most).');
  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw new AppError('payload_too_large', 'The request body is too large (64 KB at most).');
  if (!text.trim()) return query;
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new AppError('bad_request', 'Send the body as JSON with Content-Type: application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('bad_request', 'The request body must be a JSON object.');
  }
  return { ...query, ...body };
}

/** Postgres text cannot hold U+0000: refuse it up front (422) instead of failing in SQL (500). */
function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        pending.push(child);
      }
    }
  }
  return false;
}
