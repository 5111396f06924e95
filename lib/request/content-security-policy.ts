/**
 * The Content-Security-Policy of every response, built per request in
 * middleware.ts. Scripts run only with this request's nonce (Next.js reads it
 * from the request's CSP header and puts it on its own scripts; the theme script
 * gets it from the root layout), and what they load ('strict-dynamic'): no
 * 'unsafe-inline' scripts. Development adds 'unsafe-eval', which React needs for
 * its debugging helpers. Styles keep 'unsafe-inline' (style attributes from the
 * UI kit); a style cannot run code. The browser only talks to this app: Supabase
 * is reached from the server, so connect-src is 'self'.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== 'production'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** 128 random bits, base64: a new one for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** The header Next.js reads the nonce from (request) and the browser enforces (response). */
export const CSP_HEADER = 'content-security-policy';

/** This request's nonce, from the CSP header middleware set on it. */
export function nonceOf(requestHeaders: Headers): string | undefined {
  return /'nonce-([^']+)'/.exec(requestHeaders.get(CSP_HEADER) ?? '')?.[1];
}
