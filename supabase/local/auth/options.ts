import { z } from 'zod';
import { PASSWORD_REQUIREMENTS, type PasswordRequirements } from './password-policy.ts';

/** A fixed-window limit: at most `max` requests per `windowSeconds`. */
export const rateLimitRuleSchema = z.object({
  max: z.number().int().min(1),
  windowSeconds: z.number().positive(),
});
export type RateLimitRule = z.infer<typeof rateLimitRuleSchema>;

const endpointLimitsSchema = z.object({
  perIp: rateLimitRuleSchema.nullable().optional(),
  perEmail: rateLimitRuleSchema.nullable().optional(),
});
export type EndpointLimits = z.infer<typeof endpointLimitsSchema>;

export const RATE_LIMITED_ENDPOINTS = ['token', 'signup', 'otp', 'recover', 'verify', 'emailChange'] as const;
export type RateLimitedEndpoint = (typeof RATE_LIMITED_ENDPOINTS)[number];

/**
 * Hosted Supabase's defaults (GoTrue's limiters): per IP, token requests
 * (`[auth.rate_limit] token_refresh`) 150 per 5 min; sign-ups, magic links/OTP,
 * password recovery (`sign_in_sign_ups`) 30 per 5 min; verifications
 * (`token_verifications`) 30 per 5 min; one email per address per 60 s
 * (`[auth.email] max_frequency`). config-toml.ts maps the project's values onto
 * these. Like GoTrue, password sign-ins have no per-address limit (one would
 * let anyone lock an account); the app limits them. `null` turns a limit off.
 */
export const DEFAULT_RATE_LIMITS: Record<RateLimitedEndpoint, { perIp: RateLimitRule | null; perEmail: RateLimitRule | null }> = {
  token: { perIp: { max: 150, windowSeconds: 300 }, perEmail: null },
  signup: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
  otp: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
  recover: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
  verify: { perIp: { max: 30, windowSeconds: 300 }, perEmail: null },
  emailChange: { perIp: null, perEmail: { max: 1, windowSeconds: 60 } },
};

export const authServerOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1).default('127.0.0.1'),
  /** Postgres URL of the `supabase_auth_admin` login role (owner of the auth schema). */
  databaseUrl: z.string().min(1),
  /** JSON file holding the signing key and API keys; created on first start. Keep it git-ignored. */
  keysFile: z.string().min(1),
  /** Where links send users by default (GoTrue's SITE_URL). */
  siteUrl: z.url(),
  /** Further allowed redirect targets; `*` matches within a host label or path segment, `**` anything. */
  additionalRedirectUrls: z.array(z.string().min(1)).default([]),
  /** When false, sign-ups are confirmed at once (GoTrue's MAILER_AUTOCONFIRM). */
  requireEmailConfirmation: z.boolean().default(true),
  /** Email change needs a click in both the old and the new inbox (GoTrue's default). */
  secureEmailChange: z.boolean().default(true),
  signupEnabled: z.boolean().default(true),
  linkExpirySeconds: z.number().int().positive().default(3600),
  accessTokenExpirySeconds: z.number().int().positive().default(3600),
  refreshTokenReuseIntervalSeconds: z.number().min(0).default(10),
  flowStateExpirySeconds: z.number().int().positive().default(300),
  /** GoTrue's PASSWORD_MIN_LENGTH (hosted default 6; config.toml `minimum_password_length`). */
  passwordMinLength: z.number().int().min(6).max(72).default(6),
  /** Kinds of character a password must contain (config.toml `password_requirements`; hosted default none). */
  passwordRequirements: z.enum(PASSWORD_REQUIREMENTS).default(''),
  /** Digits in email codes (config.toml `[auth.email] otp_length`). */
  otpLength: z.number().int().min(6).max(10).default(6),
  rateLimits: z.partialRecord(z.enum(RATE_LIMITED_ENDPOINTS), endpointLimitsSchema).default({}),
  /**
   * IP address forwarding (GoTrue's GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED; off
   * unless a project turns it on): requests made with the secret key may name the
   * end user's IP in `Sb-Forwarded-For`, which then counts for rate limits and sessions.
   */
  sbForwardedForEnabled: z.boolean().default(false),
  /** Base URL written into email links and the `iss` claim; defaults to the listening URL. */
  publicUrl: z.url().optional(),
});

export type AuthServerOptions = z.input<typeof authServerOptionsSchema> & { onLog?: (line: string) => void };
export type ParsedOptions = z.output<typeof authServerOptionsSchema>;

export interface AuthConfig {
  siteUrl: string;
  additionalRedirectUrls: string[];
  requireEmailConfirmation: boolean;
  secureEmailChange: boolean;
  signupEnabled: boolean;
  linkExpirySeconds: number;
  accessTokenExpirySeconds: number;
  refreshTokenReuseIntervalSeconds: number;
  flowStateExpirySeconds: number;
  passwordMinLength: number;
  passwordRequirements: PasswordRequirements;
  otpLength: number;
  rateLimits: Record<RateLimitedEndpoint, { perIp: RateLimitRule | null; perEmail: RateLimitRule | null }>;
  sbForwardedForEnabled: boolean;
  /** e.g. http://127.0.0.1:54321 */
  publicUrl: string;
  /** publicUrl + /auth/v1, the `iss` of every access token. */
  issuer: string;
}

export function resolveConfig(options: ParsedOptions, publicUrl: string): AuthConfig {
  const rateLimits = { ...DEFAULT_RATE_LIMITS };
  for (const endpoint of RATE_LIMITED_ENDPOINTS) {
    const override = options.rateLimits[endpoint];
    if (!override) continue;
    rateLimits[endpoint] = {
      perIp: override.perIp === undefined ? DEFAULT_RATE_LIMITS[endpoint].perIp : override.perIp,
      perEmail: override.perEmail === undefined ? DEFAULT_RATE_LIMITS[endpoint].perEmail : override.perEmail,
    };
  }
  const base = publicUrl.replace(/\/+$/, '');
  return {
    siteUrl: options.siteUrl,
    additionalRedirectUrls: options.additionalRedirectUrls,
    requireEmailConfirmation: options.requireEmailConfirmation,
    secureEmailChange: options.secureEmailChange,
    signupEnabled: options.signupEnabled,
    linkExpirySeconds: options.linkExpirySeconds,
    accessTokenExpirySeconds: options.accessTokenExpirySeconds,
    refreshTokenReuseIntervalSeconds: options.refreshTokenReuseIntervalSeconds,
    flowStateExpirySeconds: options.flowStateExpirySeconds,
    passwordMinLength: options.passwordMinLength,
    passwordRequirements: options.passwordRequirements,
    otpLength: options.otpLength,
    rateLimits,
    sbForwardedForEnabled: options.sbForwardedForEnabled,
    publicUrl: base,
    issuer: `${base}/auth/v1`,
  };
}
