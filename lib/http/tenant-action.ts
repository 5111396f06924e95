import { headers } from 'next/headers';
import { rlsClaimsOf, type CurrentUser } from '@/lib/auth/claims';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { FormState } from '@/lib/auth/schemas';
import type { RequestContext } from '@/lib/db';
import { withRls, type Tx } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { translateDbError } from '@/lib/permissions/db-errors';
import { requestContextFrom } from './request-context';
import { tenantFromHeaders, type RequestTenant } from './tenant-headers';

export type ActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; field?: string };

export interface TenantActionContext {
  tx: Tx;
  user: CurrentUser;
  tenant: RequestTenant;
  context: RequestContext;
}

/**
 * The one way server actions on a tenant host reach data: tenant from the Host
 * (middleware), verified user, then `fn` inside withRls. Domain errors come
 * back as a result the form can show; unknown errors are logged, never shown.
 * (Server actions are POSTs that Next.js already checks against the Origin.)
 */
export async function runTenantAction<T>(fn: (ctx: TenantActionContext) => Promise<T>): Promise<ActionResult<T>> {
  const h = await headers();
  const context = requestContextFrom(h);
  try {
    const tenant = tenantFromHeaders(h);
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: 'unauthorized', message: 'Your session has ended. Sign in again.' };
    const value = await withRls(rlsClaimsOf(user), (tx) => fn({ tx, user, tenant, context }), { context, orgId: tenant.id });
    return { ok: true, value };
  } catch (caught) {
    const error = translateDbError(caught);
    if (isAppError(error)) {
      const details = error.details as { field?: unknown } | undefined;
      const field = typeof details?.field === 'string' ? details.field : undefined;
      return { ok: false, code: error.code, message: error.message, field };
    }
    log.error('tenant action failed', { requestId: context.requestId, error });
    return { ok: false, code: 'internal', message: 'Something went wrong on our side. Please try again.' };
  }
}

/** A failed action as form state: on its field when the error names one, else for the whole form. */
export function actionFailure(result: { message: string; field?: string }, values?: Record<string, string>): FormState {
  return result.field ? { fieldErrors: { [result.field]: result.message }, values } : { message: result.message, values };
}
