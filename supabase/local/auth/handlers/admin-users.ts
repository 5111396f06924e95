import { banUntil } from '../ban-duration.ts';
import type { z } from 'zod';
import type { AuthServices } from '../context.ts';
import type { Db } from '../db.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { requireAdmin } from '../guards.ts';
import { json, parseBody, type HandlerResult, type RequestContext } from '../http.ts';
import { hashPassword, isSupportedPasswordHash } from '../password.ts';
import { checkPasswordStrength, type PasswordPolicy } from '../password-policy.ts';
import type { Route } from '../route.ts';
import { adminDeleteSchema, adminUserSchema } from '../schemas.ts';
import { userJson } from '../user-json.ts';
import { confirmEmail, createUser, findUserByEmail, findUserById, isUuid, mergeMetadata, reloadUser, type UserRow } from '../users.ts';
import { validateEmail } from '../validate.ts';

type AdminUserBody = z.infer<typeof adminUserSchema>;

function checkRole(role: string | null | undefined): void {
  if (role && (role.length > 255 || !/^[A-Za-z0-9_-]+$/.test(role))) {
    throw badRequest('validation_failed', 'role must be a Postgres role name (letters, digits, _ and -)');
  }
}

async function passwordHashFrom(body: AdminUserBody, policy: PasswordPolicy): Promise<string | undefined> {
  if (body.password_hash) {
    if (!isSupportedPasswordHash(body.password_hash)) throw badRequest('validation_failed', 'Invalid password hash format');
    return body.password_hash;
  }
  if (body.password === undefined || body.password === null) return undefined;
  checkPasswordStrength(body.password, policy);
  return hashPassword(body.password);
}

async function emailTaken(db: Db, email: string, except?: string): Promise<void> {
  const existing = await findUserByEmail(db, email);
  if (existing && existing.id !== except) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
}

async function createAdminUser(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  await requireAdmin(ctx, s);
  const body = await parseBody(ctx, adminUserSchema);
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone users are not supported by the local auth server');
  if (!body.email) throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  const email = validateEmail(body.email);
  if (body.id && !isUuid(body.id)) throw badRequest('validation_failed', 'id must be a UUID');
  checkRole(body.role);
  const passwordHash = await passwordHashFrom(body, s.config);
  const banned = banUntil(body.ban_duration);
  const created = await s.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`signup:${email}`}))`;
    await emailTaken(tx, email);
    if (body.id && (await findUserById(tx, body.id))) throw unprocessable('user_already_exists', 'User already registered');
    const user = await createUser(tx, {
      id: body.id ?? undefined,
      email,
      passwordHash: passwordHash ?? null,
      userMetadata: body.user_metadata ?? {},
      appMetadata: body.app_metadata ?? {},
      role: body.role ?? undefined,
    });
    if (body.email_confirm) await confirmEmail(tx, user.id);
    if (banned) await tx`update auth.users set banned_until = ${banned} where id = ${user.id}`;
    return userJson(tx, await reloadUser(tx, user.id));
  });
  return json(created);
}

async function loadUser(db: Db, id: string | undefined): Promise<UserRow> {
  const user = id ? await findUserById(db, id) : null;
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

async function getAdminUser(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  await requireAdmin(ctx, s);
  return json(await userJson(s.sql, await loadUser(s.sql, ctx.params.id)));
}

async function updateAdminUser(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  await requireAdmin(ctx, s);
  const body = await parseBody(ctx, adminUserSchema);
  const user = await loadUser(s.sql, ctx.params.id);
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone users are not supported by the local auth server');
  const email = body.email ? validateEmail(body.email) : null;
  checkRole(body.role);
  const passwordHash = await passwordHashFrom(body, s.config);
  const banned = banUntil(body.ban_duration);
  const updated = await s.sql.begin(async (tx) => {
    if (body.role) await tx`update auth.users set role = ${body.role} where id = ${user.id}`;
    if (email && email !== user.email) {
      await emailTaken(tx, email, user.id);
      await tx`update auth.users set email = ${email}, updated_at = now() where id = ${user.id}`;
      await tx`update auth.identities set identity_data = identity_data || jsonb_build_object('email', ${email}::text)
               where user_id = ${user.id} and provider = 'email'`;
    }
    if (passwordHash !== undefined) {
      await tx`update auth.users set encrypted_password = ${passwordHash}, updated_at = now() where id = ${user.id}`;
      // As GoTrue: a new password set by an admin signs the user out everywhere.
      await tx`delete from auth.sessions where user_id = ${user.id}`;
    }
    if (body.email_confirm) await confirmEmail(tx, user.id);
    if (body.user_metadata) await mergeMetadata(tx, user.id, 'user', body.user_metadata);
    if (body.app_metadata) await mergeMetadata(tx, user.id, 'app', body.app_metadata);
    if (banned !== undefined) await tx`update auth.users set banned_until = ${banned}, updated_at = now() where id = ${user.id}`;
    return userJson(tx, await reloadUser(tx, user.id));
  });
  return json(updated);
}

/** DELETE /admin/users/:id; `should_soft_delete` keeps an anonymised row with deleted_at set. */
async function deleteAdminUser(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  await requireAdmin(ctx, s);
  // An empty body means a hard delete; anything else must parse.
  const body = ctx.hasBody() ? await parseBody(ctx, adminDeleteSchema) : {};
  const user = await loadUser(s.sql, ctx.params.id);
  await s.sql.begin(async (tx) => {
    if (!body.should_soft_delete) {
      await tx`delete from auth.users where id = ${user.id}`;
      return;
    }
    await tx`delete from auth.sessions where user_id = ${user.id}`;
    await tx`delete from auth.identities where user_id = ${user.id}`;
    await tx`delete from auth.one_time_tokens where user_id = ${user.id}`;
    await tx`
      update auth.users set email = null, phone = null, encrypted_password = '', email_change = '',
        raw_user_meta_data = '{}'::jsonb, deleted_at = now(), updated_at = now()
      where id = ${user.id}`;
  });
  return json({});
}

export const adminUserRoutes: Route[] = [
  { method: 'POST', path: '/admin/users', handler: createAdminUser },
  { method: 'GET', path: '/admin/users/:id', handler: getAdminUser },
  { method: 'PUT', path: '/admin/users/:id', handler: updateAdminUser },
  { method: 'DELETE', path: '/admin/users/:id', handler: deleteAdminUser },
];
