/**
 * GoTrue's error vocabulary. Handlers throw these; the router turns them into
 * the body the request's API version expects (see errorResponse).
 */

/** An error GoTrue reports as HTTPError: `{code, message}` (2024-01-01) or `{code: status, error_code, msg}` (legacy). */
export class AuthHttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Only for weak_password: the `weak_password.reasons` list clients read. */
  readonly reasons: string[] | undefined;

  constructor(status: number, code: string, message: string, reasons?: string[]) {
    super(message);
    this.name = 'AuthHttpError';
    this.status = status;
    this.code = code;
    this.reasons = reasons;
  }
}

/** GoTrue answers a few OAuth-shaped errors (`{error, error_description}`, always 400). */
export class OAuthStyleError extends Error {
  readonly error: string;
  constructor(error: string, description: string) {
    super(description);
    this.name = 'OAuthStyleError';
    this.error = error;
  }
}

/** What Supabase's API gateway answers before a request reaches GoTrue (bad or missing API key). */
export class GatewayError extends Error {
  readonly status: number;
  readonly hint: string;
  constructor(status: number, message: string, hint: string) {
    super(message);
    this.name = 'GatewayError';
    this.status = status;
    this.hint = hint;
  }
}

export const badRequest = (code: string, message: string) => new AuthHttpError(400, code, message);
export const unauthorized = (code: string, message: string) => new AuthHttpError(401, code, message);
export const forbidden = (code: string, message: string) => new AuthHttpError(403, code, message);
export const notFound = (code: string, message: string) => new AuthHttpError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthHttpError(422, code, message);
export const tooManyRequests = (code: string, message: string) => new AuthHttpError(429, code, message);
export const weakPassword = (message: string, reasons: string[]) => new AuthHttpError(422, 'weak_password', message, reasons);

export type ApiVersion = '2024-01-01' | null;

/** Status and JSON body for an error, in the shape GoTrue uses for the negotiated API version. */
export function errorResponse(error: unknown, version: ApiVersion): { status: number; body: Record<string, unknown> } {
  if (error instanceof GatewayError) {
    return { status: error.status, body: { message: error.message, hint: error.hint } };
  }
  if (error instanceof OAuthStyleError) {
    return { status: 400, body: { error: error.error, error_description: error.message } };
  }
  if (error instanceof AuthHttpError) {
    const extra = error.reasons ? { weak_password: { reasons: error.reasons } } : {};
    if (version) return { status: error.status, body: { code: error.code, message: error.message, ...extra } };
    return { status: error.status, body: { code: error.status, error_code: error.code, msg: error.message, ...extra } };
  }
  const message = 'Unexpected failure, please check server logs for more information';
  if (version) return { status: 500, body: { code: 'unexpected_failure', message } };
  return { status: 500, body: { code: 500, error_code: 'unexpected_failure', msg: message } };
}
