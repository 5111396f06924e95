import { badRequest } from './errors.ts';
import type { RequestContext } from './http.ts';
import { header } from './http.ts';
import type { ClientMeta } from './sessions.ts';

// The format check GoTrue uses (checkmail.ValidateFormat).
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** GoTrue's validateEmail: required, at most 255 characters, well-formed; returned lower-cased. */
export function validateEmail(email: string | null | undefined): string {
  if (!email) throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_PATTERN.test(email)) throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

export function clientMeta(ctx: RequestContext): ClientMeta {
  return { ip: ctx.ip, userAgent: ctx.userAgent };
}

/** The `redirect_to` query parameter (supabase-js sends redirect targets there) and the Referer. */
export function redirectInputs(ctx: RequestContext): { requested: string | null; referer: string | null } {
  return { requested: ctx.url.searchParams.get('redirect_to'), referer: header(ctx.req, 'referer') };
}
