import { z } from 'zod';

/** A serialized error as the SDK sends and reads it. */
export const jsonErrorSchema = z.object({ name: z.string().default('Error'), message: z.string().default(''), stack: z.string().optional() }).passthrough();
export type JsonError = z.infer<typeof jsonErrorSchema>;

export interface InngestEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  v?: string;
  user?: Record<string, unknown>;
}

const concurrencySchema = z.object({ limit: z.number(), key: z.string().optional(), scope: z.enum(['fn', 'env', 'account']).optional() });

/** A function as the SDK syncs it (the parts the executor acts on; the rest is kept as sent). */
export const functionConfigSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    triggers: z.array(z.union([z.object({ event: z.string().min(1), expression: z.string().optional() }), z.object({ cron: z.string().min(1), jitter: z.string().optional() })])),
    steps: z.record(z.string(), z.object({ runtime: z.object({ url: z.string().url() }), retries: z.object({ attempts: z.number().int().min(0).max(20).optional() }).optional() })),
    idempotency: z.string().optional(),
    concurrency: z.union([z.number(), concurrencySchema, z.array(concurrencySchema)]).optional(),
    throttle: z.object({ limit: z.number().int().min(1), period: z.string(), key: z.string().optional(), burst: z.number().optional() }).optional(),
    rateLimit: z.object({ limit: z.number().int().min(1), period: z.string(), key: z.string().optional() }).optional(),
    cancel: z.array(z.object({ event: z.string().min(1), if: z.string().optional(), timeout: z.string().optional() })).optional(),
  })
  .passthrough();
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export const registerBodySchema = z.object({
  url: z.string().url(),
  appName: z.string().min(1),
  deployType: z.string().optional(),
  sdk: z.string().optional(),
  framework: z.string().optional(),
  functions: z.array(functionConfigSchema),
}).passthrough();

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface RunRow {
  id: string;
  function_id: string;
  app_id: string;
  status: RunStatus;
  event_id: string | null;
  event: InngestEvent;
  events: InngestEvent[];
  attempt: number;
  version: number;
  disable_immediate: boolean;
  concurrency: { key: string; limit: number }[];
  concurrency_keys: string[];
  throttle_key: string | null;
  parent: { run_id: string; step_id: string } | null;
  output: unknown;
  error: JsonError | null;
  replay_of: string | null;
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
}

export type QueueKind = 'call' | 'sleep' | 'wait_timeout' | 'invoke_timeout';

export interface QueueItem {
  id: string;
  run_id: string;
  kind: QueueKind;
  step_id: string | null;
  attempt: number;
  run_at: Date;
  payload: unknown;
}

/** One op from a 206 response (see the SDK spec, "Reporting Steps"). */
export const opSchema = z
  .object({
    id: z.string().min(1),
    op: z.string(),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
  })
  .passthrough();
export type Op = z.infer<typeof opSchema>;
