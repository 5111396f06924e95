import crypto from 'node:crypto';
import type { Db } from './db.ts';
import type { UserRow } from './users.ts';

/**
 * Email links and codes, the GoTrue way: a code of `otpLength` digits (6 by
 * default, [auth.email] otp_length) goes into the email and
 * only its hash, sha224(email + code) in hex, is stored, in the user's token
 * column and in auth.one_time_tokens. Links carry that hash (prefixed `pkce_`
 * for PKCE flows), codes are hashed again on /verify and compared.
 */
export type TokenType = 'confirmation_token' | 'recovery_token' | 'email_change_token_new' | 'email_change_token_current';

export const PKCE_PREFIX = 'pkce_';

export function generateOtp(length: number): string {
  let code = '';
  while (code.length < length) code += crypto.randomInt(0, 10).toString();
  return code;
}

export function tokenHash(email: string, otp: string): string {
  return crypto.createHash('sha224').update(email.toLowerCase() + otp).digest('hex');
}

export function withFlowPrefix(hash: string, pkce: boolean): string {
  return pkce ? PKCE_PREFIX + hash : hash;
}

/** Stores the token (in auth.one_time_tokens and the user's column) and stamps the matching *_sent_at. */
export async function storeToken(db: Db, user: UserRow, type: TokenType, hash: string, relatesTo: string): Promise<void> {
  switch (type) {
    case 'confirmation_token':
      await db`update auth.users set confirmation_token = ${hash}, confirmation_sent_at = now(), updated_at = now() where id = ${user.id}`;
      break;
    case 'recovery_token':
      await db`update auth.users set recovery_token = ${hash}, recovery_sent_at = now(), updated_at = now() where id = ${user.id}`;
      break;
    case 'email_change_token_new':
      await db`update auth.users set email_change_token_new = ${hash}, email_change_sent_at = now(), updated_at = now() where id = ${user.id}`;
      break;
    case 'email_change_token_current':
      await db`update auth.users set email_change_token_current = ${hash}, email_change_sent_at = now(), updated_at = now() where id = ${user.id}`;
      break;
  }
  await db`
    insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
    values (${crypto.randomUUID()}, ${user.id}, ${type}, ${hash}, ${relatesTo.toLowerCase()}, now(), now())
    on conflict (user_id, token_type) do update
      set token_hash = excluded.token_hash, relates_to = excluded.relates_to, created_at = now(), updated_at = now()`;
}

export interface FoundToken {
  user: UserRow;
  type: TokenType;
  /** The stored hash, with its `pkce_` prefix if any. */
  stored: string;
}

/** Finds the user holding a token hash (with or without the `pkce_` prefix) of one of the given types. */
export async function findByTokenHash(db: Db, types: TokenType[], hash: string): Promise<FoundToken | null> {
  const bare = hash.startsWith(PKCE_PREFIX) ? hash.slice(PKCE_PREFIX.length) : hash;
  const [row] = await db<{ token_type: TokenType; token_hash: string; user_id: string }[]>`
    select token_type, token_hash, user_id from auth.one_time_tokens
    where token_type = any(${types}::text[]) and token_hash in (${bare}, ${PKCE_PREFIX + bare})
    order by created_at desc limit 1`;
  if (!row) return null;
  const [user] = await db<UserRow[]>`select * from auth.users where id = ${row.user_id} for update`;
  return user ? { user, type: row.token_type, stored: row.token_hash } : null;
}

/** Finds a user's token of one type by the hash of a typed-in code (POST /verify with email + token). */
export async function findUserTokenByCode(db: Db, user: UserRow, types: TokenType[], hash: string): Promise<FoundToken | null> {
  const [row] = await db<{ token_type: TokenType; token_hash: string }[]>`
    select token_type, token_hash from auth.one_time_tokens
    where user_id = ${user.id} and token_type = any(${types}::text[]) and token_hash in (${hash}, ${PKCE_PREFIX + hash})
    order by created_at desc limit 1`;
  return row ? { user, type: row.token_type, stored: row.token_hash } : null;
}

/** When the token was sent (the user's *_sent_at column), for the expiry check. */
export function sentAt(user: UserRow, type: TokenType): Date | null {
  switch (type) {
    case 'confirmation_token':
      return user.confirmation_sent_at;
    case 'recovery_token':
      return user.recovery_sent_at;
    case 'email_change_token_new':
    case 'email_change_token_current':
      return user.email_change_sent_at;
  }
}

export function isExpired(user: UserRow, type: TokenType, expirySeconds: number): boolean {
  const sent = sentAt(user, type);
  return !sent || Date.now() > sent.getTime() + expirySeconds * 1000;
}

/** Clears one token type, or all of a user's tokens (GoTrue clears all on confirm and password change). */
export async function clearTokens(db: Db, userId: string, type?: TokenType): Promise<void> {
  if (!type) {
    await db`delete from auth.one_time_tokens where user_id = ${userId}`;
    await db`update auth.users set confirmation_token = '', recovery_token = '', email_change_token_new = '', email_change_token_current = '' where id = ${userId}`;
    return;
  }
  await db`delete from auth.one_time_tokens where user_id = ${userId} and token_type = ${type}`;
  switch (type) {
    case 'confirmation_token':
      await db`update auth.users set confirmation_token = '' where id = ${userId}`;
      break;
    case 'recovery_token':
      await db`update auth.users set recovery_token = '' where id = ${userId}`;
      break;
    case 'email_change_token_new':
      await db`update auth.users set email_change_token_new = '' where id = ${userId}`;
      break;
    case 'email_change_token_current':
      await db`update auth.users set email_change_token_current = '' where id = ${userId}`;
      break;
  }
}
