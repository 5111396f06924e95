import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { z } from 'zod';
import { parseGoDuration } from './ban-duration.ts';
import { RATE_LIMITED_ENDPOINTS, type AuthServerOptions, type RateLimitRule } from './options.ts';
import { PASSWORD_REQUIREMENTS } from './password-policy.ts';

/** The project's Supabase CLI configuration: the same file configures a hosted project (`supabase config push`). */
export const PROJECT_CONFIG_TOML = path.resolve(import.meta.dirname, '../../config.toml');

const FIVE_MINUTES = 300;
const perFiveMinutes = z.number().int().min(1);
const flag = z.boolean().optional();

/** The [auth] keys of the Supabase CLI (pkg/config/auth.go) this server reads or reports; others are ignored. */
const authSectionSchema = z.object({
  jwt_expiry: z.number().int().min(1).max(604_800).optional(),
  enable_refresh_token_rotation: flag,
  refresh_token_reuse_interval: z.number().int().min(0).optional(),
  enable_signup: flag,
  enable_anonymous_sign_ins: flag,
  enable_manual_linking: flag,
  minimum_password_length: z.number().int().min(6).max(72).optional(),
  password_requirements: z.enum(PASSWORD_REQUIREMENTS).optional(),
  rate_limit: z
    .object({
      token_refresh: perFiveMinutes.optional(),
      sign_in_sign_ups: perFiveMinutes.optional(),
      token_verifications: perFiveMinutes.optional(),
      email_sent: z.number().int().min(0).optional(),
    })
    .optional(),
  email: z
    .object({
      enable_signup: flag,
      double_confirm_changes: flag,
      enable_confirmations: flag,
      secure_password_change: flag,
      max_frequency: z.string().optional(),
      otp_length: z.number().int().min(6).max(10).optional(),
      otp_expiry: z.number().int().min(1).max(86_400).optional(),
      smtp: z.object({ enabled: flag }).optional(),
    })
    .optional(),
  sessions: z.object({ timebox: z.string().optional(), inactivity_timeout: z.string().optional() }).optional(),
  captcha: z.object({ enabled: flag }).optional(),
});

export interface ConfigTomlAuth {
  /** Options for startAuthServer; what the file leaves out keeps the hosted default. */
  options: Partial<AuthServerOptions>;
  /** One line per setting the file asks for that this server does not implement. */
  notes: string[];
}

/**
 * Reads `[auth]` from supabase/config.toml into auth server options, so the local
 * stand-in behaves as a hosted project with the same configuration. site_url and
 * additional_redirect_urls are left to the caller (the dev command derives them
 * from its port and root domain).
 */
export function authOptionsFromConfigToml(file: string = PROJECT_CONFIG_TOML): ConfigTomlAuth {
  let raw: unknown;
  try {
    raw = (parse(fs.readFileSync(file, 'utf8')) as { auth?: unknown }).auth ?? {};
  } catch (error) {
    throw new Error(`Could not read ${file}: ${(error as Error).message}`);
  }
  const parsed = authSectionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: auth.${issue.path.join('.')}: ${issue.message}`);
  }
  const auth = parsed.data;
  const email = auth.email ?? {};
  const limits = auth.rate_limit ?? {};
  const options: Partial<AuthServerOptions> = {};
  const set = <K extends keyof AuthServerOptions>(key: K, value: AuthServerOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };

  set('accessTokenExpirySeconds', auth.jwt_expiry);
  set('refreshTokenReuseIntervalSeconds', auth.refresh_token_reuse_interval);
  if (auth.enable_signup !== undefined || email.enable_signup !== undefined) {
    options.signupEnabled = auth.enable_signup !== false && email.enable_signup !== false;
  }
  set('passwordMinLength', auth.minimum_password_length);
  set('passwordRequirements', auth.password_requirements);
  set('requireEmailConfirmation', email.enable_confirmations);
  set('secureEmailChange', email.double_confirm_changes);
  set('otpLength', email.otp_length);
  set('linkExpirySeconds', email.otp_expiry);

  const ip = (max: number | undefined): RateLimitRule | undefined => (max === undefined ? undefined : { max, windowSeconds: FIVE_MINUTES });
  const perEmail = email.max_frequency === undefined ? undefined : oneEmailPer(email.max_frequency, file);
  const signIns = ip(limits.sign_in_sign_ups);
  options.rateLimits = {
    token: { perIp: ip(limits.token_refresh) },
    signup: { perIp: signIns, perEmail },
    otp: { perIp: signIns, perEmail },
    recover: { perIp: signIns, perEmail },
    verify: { perIp: ip(limits.token_verifications) },
    emailChange: { perEmail },
  };

  const notes: string[] = [];
  const unsupported = (setting: string) => notes.push(`${path.basename(file)} sets ${setting}, which the local auth server does not implement.`);
  if (auth.enable_refresh_token_rotation === false) unsupported('enable_refresh_token_rotation = false (refresh tokens always rotate here)');
  if (auth.enable_anonymous_sign_ins) unsupported('enable_anonymous_sign_ins = true');
  if (auth.enable_manual_linking) unsupported('enable_manual_linking = true');
  if (email.secure_password_change) unsupported('[auth.email] secure_password_change = true');
  if (auth.sessions?.timebox || auth.sessions?.inactivity_timeout) unsupported('[auth.sessions] time limits');
  if (auth.captcha?.enabled) unsupported('[auth.captcha] enabled = true');
  if (email.smtp?.enabled && limits.email_sent !== undefined) unsupported('[auth.rate_limit] email_sent with SMTP (mail goes to the local mailbox)');
  return { options, notes };
}

/** `[auth.email] max_frequency` (a Go duration such as "1m0s"): one email per address per that long; 0 turns it off. */
function oneEmailPer(duration: string, file: string): RateLimitRule | null {
  const ms = parseGoDuration(duration);
  if (ms === null) throw new Error(`${file}: auth.email.max_frequency: "${duration}" is not a duration such as "60s" or "1m0s"`);
  return ms === 0 ? null : { max: 1, windowSeconds: ms / 1000 };
}

/** The same limits without the per-IP ones: for test stacks, where every request comes from 127.0.0.1. */
export function withoutPerIpLimits(rateLimits: AuthServerOptions['rateLimits'] = {}): NonNullable<AuthServerOptions['rateLimits']> {
  const relaxed: NonNullable<AuthServerOptions['rateLimits']> = {};
  for (const endpoint of RATE_LIMITED_ENDPOINTS) relaxed[endpoint] = { ...rateLimits[endpoint], perIp: null };
  return relaxed;
}
