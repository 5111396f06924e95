import crypto from 'node:crypto';
import { jsonb, type Db } from './db.ts';

export type JsonObject = Record<string, unknown>;

/** The auth.users columns this server reads. */
export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  email_change_confirm_status: number | null;
  email_change_token_new: string | null;
  email_change_token_current: string | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: JsonObject | null;
  raw_user_meta_data: JsonObject | null;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  phone_change: string | null;
  phone_change_sent_at: Date | null;
  reauthentication_sent_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: JsonObject;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db<UserRow[]>`select * from auth.users where id = ${id}`;
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db<UserRow[]>`
    select * from auth.users
    where lower(email) = lower(${email}) and is_sso_user = false and aud = 'authenticated'`;
  return row ?? null;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export const isConfirmed = (user: UserRow) => user.email_confirmed_at !== null;
export const isBanned = (user: UserRow) => user.banned_until !== null && user.banned_until.getTime() > Date.now();

export interface NewUser {
  id?: string;
  email: string;
  passwordHash: string | null;
  userMetadata: JsonObject;
  appMetadata?: JsonObject;
  role?: string;
  emailConfirmed?: boolean;
}

/** Inserts a user and its email identity, as GoTrue's signup does. */
export async function createUser(db: Db, input: NewUser): Promise<UserRow> {
  const id = input.id ?? crypto.randomUUID();
  const email = input.email.toLowerCase();
  const appMetadata = { provider: 'email', providers: ['email'], ...input.appMetadata };
  const [user] = await db<UserRow[]>`
    insert into auth.users (
      instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
      raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_super_admin,
      confirmation_token, recovery_token, email_change_token_new, email_change, email_change_token_current,
      phone_change, phone_change_token, reauthentication_token, is_sso_user, is_anonymous)
    values (
      ${INSTANCE_ID}, ${id}, 'authenticated', ${input.role ?? 'authenticated'}, ${email}, ${input.passwordHash ?? ''},
      ${input.emailConfirmed ? new Date() : null},
      ${jsonb(db, appMetadata)}, ${jsonb(db, input.userMetadata)}, now(), now(), false,
      '', '', '', '', '', '', '', '', false, false)
    returning *`;
  const identityData = { ...input.userMetadata, sub: id, email, email_verified: Boolean(input.emailConfirmed), phone_verified: false };
  await db`
    insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
    values (${id}, ${id}, ${jsonb(db, identityData)}, 'email', now(), now(), now())`;
  return user!;
}

/** Merges keys into raw_user_meta_data / raw_app_meta_data; a null value deletes the key (GoTrue semantics). */
export async function mergeMetadata(db: Db, userId: string, column: 'user' | 'app', updates: JsonObject): Promise<void> {
  const set = Object.fromEntries(Object.entries(updates).filter(([, v]) => v !== null));
  const remove = Object.entries(updates).filter(([, v]) => v === null).map(([k]) => k);
  if (column === 'user') {
    await db`update auth.users set raw_user_meta_data = (coalesce(raw_user_meta_data, '{}'::jsonb) || ${jsonb(db, set)}) - ${remove}::text[], updated_at = now() where id = ${userId}`;
  } else {
    await db`update auth.users set raw_app_meta_data = (coalesce(raw_app_meta_data, '{}'::jsonb) || ${jsonb(db, set)}) - ${remove}::text[], updated_at = now() where id = ${userId}`;
  }
}

/** Marks the email confirmed, as GoTrue's User.Confirm does (also email_verified in metadata and identity). */
export async function confirmEmail(db: Db, userId: string): Promise<void> {
  await db`
    update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), confirmation_token = '', updated_at = now(),
      raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}'::jsonb
    where id = ${userId}`;
  await db`
    update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
    where user_id = ${userId} and provider = 'email'`;
}

export async function reloadUser(db: Db, userId: string): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) throw new Error(`user ${userId} vanished`);
  return user;
}
