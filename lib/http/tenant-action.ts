import { headers } from 'next/headers';
import { rlsClaimsOf, type CurrentUser } from '@/lib/auth/claims';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { FormState } from '@/lib/forms/form-state';
import { withRls, type RequestContext, type Tx } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { translateDbError } from '@/lib/db/errors';
import { enforceRateLimit } from '@/lib/rate-limit/limiter';
import type { RateLimitAction } from '@/lib/rate-limit/limits';
import { clientAddress } from '@/lib/request/client-address';
import { requestContextFrom } from '@/lib/request/request-context';
import { fieldErrorsFromDetails } from '@/lib/validation/parse-input';
import { tenantFromHeaders, type RequestTenant } from '@/lib/tenancy/tenant-headers';

export type ActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

export interface TenantActionContext {
  tx: Tx;
  user: CurrentUser;
  tenant: RequestTenant;
  context: RequestContext;
}

/**
 * The one way server actions on a tenant host reach data: tenant from the Host
 * (middleware), verified user, the rate limit if `options` names one (per
 * client IP and per user), then `fn` inside withRls. Domain errors come back
 * as a result the form can show; unknown errors are logged, never shown.
 * (Server actions are POSTs that Next.js already checks against the Origin.)
 */
export async function runTenantAction<T>(
  fn: (ctx: TenantActionContext) => Promise<T>,
  options: { rateLimit?: RateLimitAction } = {},
): Promise<ActionResult<T>> {
  const h = await headers();
  const context = requestContextFrom(h);
  try {
    const tenant = tenantFromHeaders(h);
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: 'unauthorized', message: 'Your session has ended. Sign in again.' };
    if (options.rateLimit) await enforceRateLimit(options.rateLimit, { ip: clientAddress(h).ip, account: user.id });
    const value = await withRls(rlsClaimsOf(user), (tx) => fn({ tx, user, tenant, context }), { context, orgId: tenant.id });
    return { ok: true, value };
  } catch (caught) {
    const error = translateDbError(caught);
    if (isAppError(error)) {
      return { ok: false, code: error.code, message: error.message, fieldErrors: fieldErrorsFromDetails(error.details, error.message) };
    }
    log.error('tenant action failed', { requestId: context.requestId, error });
    return { ok: false, code: 'internal', message: 'Something went wrong on our side. Please try again.' };
  }
}

/** A failed action as form state: on its fields when the error names them, else for the whole form. */
export function actionFailure(result: { message: string; fieldErrors?: Record<string, string> }, values?: Record<string, string>): FormState {
  return result.fieldErrors ? { fieldErrors: result.fieldErrors, values } : { message: result.message, values };
}
