import type { BrowserContext, Cookie } from '@playwright/test';

/**
 * The Supabase session as @supabase/ssr stores it in this browser's cookies:
 * `sb-<ref>-auth-token` (or `.0`, `.1`, … chunks), value `base64-<base64url JSON>`.
 * HttpOnly, so only the test harness (not page scripts) can read it.
 */
export interface StoredSession {
  access_token: string;
  refresh_token: string;
  expires_at: number;
  [key: string]: unknown;
}

const CHUNK_SIZE = 3180; // @supabase/ssr's chunk size
const PREFIX = 'base64-';
const sessionCookie = /^(sb-.+-auth-token)(?:\.(\d+))?$/;

async function sessionCookies(context: BrowserContext): Promise<{ key: string; chunks: Cookie[] }> {
  const matches = (await context.cookies())
    .map((cookie) => ({ cookie, match: sessionCookie.exec(cookie.name) }))
    .filter((entry) => entry.match);
  if (matches.length === 0) throw new Error('This browser holds no Supabase session cookie.');
  const key = matches[0]!.match![1]!;
  const chunks = matches
    .sort((a, b) => Number(a.match![2] ?? -1) - Number(b.match![2] ?? -1))
    .map((entry) => entry.cookie);
  return { key, chunks };
}

export async function hasSessionCookie(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((cookie) => sessionCookie.test(cookie.name));
}

export async function readSession(context: BrowserContext): Promise<StoredSession> {
  const { chunks } = await sessionCookies(context);
  const value = chunks.map((cookie) => cookie.value).join('');
  if (!value.startsWith(PREFIX)) throw new Error('Unexpected session cookie encoding.');
  return JSON.parse(Buffer.from(value.slice(PREFIX.length), 'base64url').toString('utf8')) as StoredSession;
}

/**
 * Marks the stored session as expired (as it is once its access token's hour is
 * up), so the next request makes the server refresh it with the refresh token.
 * The access token itself is left untouched.
 */
export async function expireStoredSession(context: BrowserContext): Promise<void> {
  const { key, chunks } = await sessionCookies(context);
  const session = await readSession(context);
  const value = PREFIX + Buffer.from(JSON.stringify({ ...session, expires_at: Math.floor(Date.now() / 1000) - 60 })).toString('base64url');
  const template = chunks[0]!;
  for (const chunk of chunks) await context.clearCookies({ name: chunk.name });
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += CHUNK_SIZE) parts.push(value.slice(i, i + CHUNK_SIZE));
  await context.addCookies(
    parts.map((part, i) => ({
      name: parts.length === 1 ? key : `${key}.${i}`,
      value: part,
      domain: template.domain,
      path: template.path,
      expires: template.expires,
      httpOnly: template.httpOnly,
      secure: template.secure,
      sameSite: template.sameSite,
    })),
  );
}
