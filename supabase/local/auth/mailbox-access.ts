import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AuthServices } from './context.ts';
import { forbidden } from './errors.ts';
import { resolveApiKey } from './guards.ts';
import { header } from './http.ts';

/**
 * Who may read the local mailbox: it holds every sign-in link, so a web page
 * open in the developer's browser must not. No CORS headers at all, and:
 * - the JSON API (and POST) needs the secret key in `apikey`, like the admin API
 *   (browsers are refused the secret key by the gateway check);
 * - the HTML inbox needs the mailbox token, given once as `?token=` (the link the
 *   dev command prints) and then kept in an HttpOnly, SameSite=Strict cookie.
 * The token is derived from the secret key, so it survives restarts with it.
 */
export const MAILBOX_COOKIE = 'sb-local-mailbox';
const COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600;

export function mailboxToken(secretKey: string): string {
  return crypto.createHmac('sha256', secretKey).update('local mailbox token v1').digest('base64url');
}

/** The JSON endpoints: secret key only (401 without or with an unknown key, 403 with the publishable key). */
export function requireSecretKey(services: AuthServices, req: IncomingMessage, url: URL): void {
  const key = resolveApiKey(services, { req, url });
  if (key.role !== 'service_role') throw forbidden('not_admin', 'User not allowed');
}

export function isMailboxToken(services: AuthServices, candidate: string | null): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(mailboxToken(services.keys.secretKey));
  const given = Buffer.from(candidate);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export function cookieToken(req: IncomingMessage): string | null {
  for (const part of (header(req, 'cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === MAILBOX_COOKIE) return value.join('=');
  }
  return null;
}

export function mailboxCookie(token: string): string {
  return `${MAILBOX_COOKIE}=${token}; Path=/mailbox; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_SECONDS}`;
}

/** Sent with every mailbox answer: not cached, not framed, not sniffed, no referrer to the links it holds. */
export const MAILBOX_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};
