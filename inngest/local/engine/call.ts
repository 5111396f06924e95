import { signBody } from '../sign.ts';
import type { StepResult } from '../store/steps.ts';
import { parseRetryAfter } from '../time.ts';
import { jsonErrorSchema, opSchema, type JsonError, type Op, type QueueItem, type RunRow } from '../types.ts';
import type { Engine } from './context.ts';
import type { RegisteredFunction } from './registry.ts';
import { z } from 'zod';

export type Outcome =
  | { kind: 'complete'; data: unknown; version?: number }
  | { kind: 'ops'; ops: Op[]; version?: number; noRetry: boolean; retryAt?: number }
  | { kind: 'error'; error: JsonError; retriable: boolean; retryAt?: number; version?: number };

/** The URL of one call: the function's step URL with `stepId=step` (discovery) or a hashed step id. */
export function callUrl(fn: RegisteredFunction, stepId: string | null): string {
  const url = new URL(fn.url);
  url.searchParams.set('stepId', stepId ?? 'step');
  return url.toString();
}

/** One Call Request to the app's serve endpoint (SDK spec 4.4), turned into an outcome. Never throws. */
export async function callFunction(
  engine: Engine,
  fn: RegisteredFunction,
  run: RunRow,
  item: QueueItem,
  memo: { steps: Record<string, StepResult>; stack: string[] },
): Promise<Outcome> {
  const body = {
    event: run.event,
    events: run.events,
    steps: memo.steps,
    ctx: {
      run_id: run.id,
      // With these the SDK checkpoints (v4's default): it runs steps back to back in one
      // call and reports each to /v1/checkpoint/{runId}/async.
      fn_id: fn.id,
      qi_id: item.id,
      attempt: item.attempt,
      max_attempts: fn.maxAttempts,
      disable_immediate_execution: run.disable_immediate,
      use_api: false,
      stack: { stack: memo.stack, current: memo.stack.length },
    },
    version: run.version,
  };
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'inngest-local', 'x-inngest-server-kind': engine.settings.signingKey ? 'cloud' : 'dev' };
  if (engine.settings.signingKey) headers['x-inngest-signature'] = signBody(body, engine.settings.signingKey);
  const url = callUrl(fn, item.step_id);
  const timeoutMs = engine.settings.callTimeoutMs;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const message = timedOut
      ? `The serve endpoint ${url} did not answer within ${timeoutMs} ms`
      : `Could not reach the serve endpoint ${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`;
    return { kind: 'error', error: { name: timedOut ? 'TimeoutError' : 'NetworkError', message }, retriable: true };
  }
  return interpret(response, text, url);
}

function interpret(response: Response, text: string, url: string): Outcome {
  const versionHeader = Number(response.headers.get('x-inngest-req-version'));
  const version = Number.isInteger(versionHeader) && response.headers.has('x-inngest-req-version') ? versionHeader : undefined;
  const noRetry = response.headers.get('x-inngest-no-retry') === 'true';
  const retryAt = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  const fromSdk = response.headers.has('x-inngest-sdk');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = undefined;
  }
  if (response.status === 200 && fromSdk && json !== undefined) return { kind: 'complete', data: json, version };
  if (response.status === 206 && fromSdk) {
    const ops = z.array(opSchema).safeParse(json);
    if (ops.success) return { kind: 'ops', ops: ops.data, version, noRetry, retryAt };
    return { kind: 'error', error: { name: 'Error', message: `The SDK at ${url} answered 206 with ops this executor cannot read` }, retriable: true, version };
  }
  if (fromSdk && response.status >= 400) {
    const parsed = jsonErrorSchema.safeParse(json);
    const error = parsed.success && (parsed.data.message || parsed.data.name !== 'Error') ? parsed.data : { name: 'Error', message: errorText(json, text, response.status) };
    return { kind: 'error', error, retriable: !noRetry, retryAt, version };
  }
  const snippet = text.replace(/\s+/g, ' ').slice(0, 200);
  const message = `The serve endpoint ${url} answered ${response.status}${fromSdk ? '' : ' without the Inngest SDK (no x-inngest-sdk header)'}${snippet ? `: ${snippet}` : ''}`;
  return { kind: 'error', error: { name: 'Error', message }, retriable: true, retryAt };
}

function errorText(json: unknown, text: string, status: number): string {
  if (json && typeof json === 'object' && 'error' in json && typeof json.error === 'string') return json.error;
  return text ? text.slice(0, 500) : `HTTP ${status}`;
}
