import { z } from 'zod';

/**
 * Request bodies, typed as GoTrue's Go structs decode them: unknown fields are
 * ignored, `null` is the zero value, a value of the wrong JSON type is
 * `bad_json`. Content rules (email format, password policy) are checked by the
 * handlers and answer `validation_failed` / `weak_password`.
 */
const text = z.string().nullish();
const flag = z.boolean().nullish();
const object = z.record(z.string(), z.unknown()).nullish();

const pkce = { code_challenge: text, code_challenge_method: text };

export const signupBodySchema = z.object({ email: text, phone: text, password: text, data: object, channel: text, ...pkce });

export const passwordGrantSchema = z.object({ email: text, phone: text, password: text });
export const refreshGrantSchema = z.object({ refresh_token: text });
export const pkceGrantSchema = z.object({ auth_code: text, code_verifier: text });

export const otpBodySchema = z.object({
  email: text,
  phone: text,
  create_user: flag,
  data: object,
  channel: text,
  ...pkce,
});

export const recoverBodySchema = z.object({ email: text, ...pkce });

export const resendBodySchema = z.object({ email: text, phone: text, type: text, ...pkce });

export const verifyBodySchema = z.object({
  type: text,
  token: text,
  token_hash: text,
  email: text,
  phone: text,
  redirect_to: text,
});

export const userUpdateSchema = z.object({
  email: text,
  password: text,
  nonce: text,
  data: object,
  app_metadata: object,
  phone: text,
  channel: text,
  ...pkce,
});

export const inviteBodySchema = z.object({ email: text, data: object });

export const adminUserSchema = z.object({
  id: text,
  aud: text,
  role: text,
  email: text,
  phone: text,
  password: text,
  password_hash: text,
  email_confirm: flag,
  phone_confirm: flag,
  user_metadata: object,
  app_metadata: object,
  ban_duration: text,
});

export const adminDeleteSchema = z.object({ should_soft_delete: flag });

export const generateLinkSchema = z.object({
  type: text,
  email: text,
  new_email: text,
  password: text,
  data: object,
  redirect_to: text,
});
