import 'server-only';
import { z } from 'zod';
import { trustedProxiesSchema } from './request/trusted-proxy.ts';
import { secretKeysSchema } from './crypto/secret-box.ts';

/**
 * The server's configuration, parsed once with zod. A missing or malformed
 * variable stops start-up with a message naming it (see instrumentation.ts).
 */
const postgresUrl = z
  .string()
  .url('must be a URL like postgres://user:password@host:5432/postgres')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

/** INNGEST_DEV as the SDK reads it: 1/true/0/false, or the URL of a dev server. */
const inngestDevSchema = z
  .string()
  .refine((v) => /^(0|1|true|false)$/i.test(v) || URL.canParse(v), 'must be 1, 0, true, false or a dev server URL')
  .optional();

export const inngestDevMode = (value: string | undefined): boolean =>
  value !== undefined && !/^(0|false)$/i.test(value);

const baseServerEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXT_PUBLIC_ROOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'must be a host name with an optional port, like example.com or localhost:3000')
    .default('localhost:3000'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  NEXT_PUBLIC_SUPABASE_URL: z.string().url('must be the Supabase project URL, like http://127.0.0.1:54321'),
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: z.string().min(10, 'must be the publishable (anon) key'),
  SUPABASE_SECRET_KEY: z.string().min(10, 'must be the secret (service_role) key'),
  /** Set only by bench/request-path.ts: serves app/api/bench (404 otherwise, like an unknown path). */
  BENCH_ROUTES: z.enum(['0', '1'], 'must be 1 (benchmark routes on) or 0').default('0'),
  /** Set only by bench/request-path.ts: the owner URL the bare-SQL benchmark route queries with. */
  BENCH_DATABASE_URL: postgresUrl.optional(),
  /** Which proxy headers to believe: none (default), vercel, or proxy addresses/CIDR ranges. */
  TRUSTED_PROXIES: trustedProxiesSchema,
  /** Production email: smtp(s)://user:password@host:port of the mail server (nodemailer). Unset: the local mailbox, when Supabase is local. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an SMTP URL like smtps://user:password@smtp.example.com:465')
    .optional(),
  /** The From address of app email, e.g. "Tenantforge <no-reply@example.com>" (default no-reply@<root domain>). */
  EMAIL_FROM: z.string().min(3).max(254).optional(),
  /** Keys for secrets at rest (lib/crypto/secret-box.ts): `k2:<base64 32 bytes>,k1:<…>`, the first encrypts. */
  SECRETS_ENCRYPTION_KEYS: secretKeysSchema.optional(),
  /** Dev/tests only: host:port pairs the outbound fetcher may reach over http despite the SSRF rules (the local receiver). */
  OUTBOUND_ALLOWED_HOSTS: z
    .string()
    .regex(/^\s*$|^[a-z0-9.-]+:\d{1,5}(\s*,\s*[a-z0-9.-]+:\d{1,5})*$/i, 'must be host:port pairs separated by commas, like 127.0.0.1:54330')
    .optional(),
  INNGEST_DEV: inngestDevSchema,
  INNGEST_BASE_URL: z.string().url('must be the URL of the Inngest API, like http://127.0.0.1:8288').optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().regex(/^signkey-\w+-[0-9a-f]+$/i, 'must be a signing key like signkey-prod-<hex>').optional(),
  INNGEST_SIGNING_KEY_FALLBACK: z.string().regex(/^signkey-\w+-[0-9a-f]+$/i, 'must be a signing key like signkey-prod-<hex>').optional(),
});

/** In production, jobs go to Inngest Cloud unless INNGEST_DEV says otherwise: it needs both keys. */
export const serverEnvSchema = baseServerEnvSchema.superRefine((values, ctx) => {
  if (values.NODE_ENV !== 'production' || inngestDevMode(values.INNGEST_DEV)) return;
  for (const key of ['INNGEST_EVENT_KEY', 'INNGEST_SIGNING_KEY'] as const) {
    if (!values[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production (Inngest Cloud), unless INNGEST_DEV=1 points at a dev server' });
  }
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const problem = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
      return `  - ${name}: ${problem}`;
    });
    super(
      `Invalid environment configuration:\n${lines.join('\n')}\n` +
        'Set these in .env.local (see .env.example); `npm run dev` writes the local values for you.',
    );
    this.name = 'EnvError';
  }
}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

const databaseEnvSchema = baseServerEnvSchema.pick({ DATABASE_URL: true, DATABASE_POOL_MAX: true });
let cachedDb: z.infer<typeof databaseEnvSchema> | undefined;

/** Only what the database pool needs (scripts and benchmarks run it without the rest). */
export function databaseEnv(): z.infer<typeof databaseEnvSchema> {
  if (!cachedDb) {
    const result = databaseEnvSchema.safeParse(process.env);
    if (!result.success) throw new EnvError(result.error.issues);
    cachedDb = result.data;
  }
  return cachedDb;
}

let cached: ServerEnv | undefined;

/** The validated server environment (parsed on first use, then cached). */
export function env(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
