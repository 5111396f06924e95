import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { z } from 'zod';
import { AuthHttpError, badRequest, type ApiVersion } from './errors.ts';

const MAX_BODY_BYTES = 1024 * 1024;
const VERSION_PATTERN = /^2[0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
export const API_VERSION_HEADER = 'X-Supabase-Api-Version';

/** What a handler returns; the router writes it. */
export type HandlerResult =
  | { type: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { type: 'redirect'; location: string; headers?: Record<string, string> }
  | { type: 'html'; status: number; body: string; headers?: Record<string, string> }
  | { type: 'empty'; status: number };

export const json = (body: unknown, status = 200, headers?: Record<string, string>): HandlerResult => ({
  type: 'json',
  status,
  body,
  headers,
});
export const redirect = (location: string): HandlerResult => ({ type: 'redirect', location });

/** GoTrue answers in the 2024-01-01 shape when the client asks for that version or a later one. */
export function negotiateApiVersion(header: string | string[] | undefined): ApiVersion {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !VERSION_PATTERN.test(value)) return null;
  return value >= '2024-01-01' ? '2024-01-01' : null;
}

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  method: string;
  /** Path below /auth/v1 (or the full path for non-auth routes). */
  path: string;
  params: Record<string, string>;
  ip: string;
  userAgent: string | null;
  apiVersion: ApiVersion;
  /** The role the gateway derived from the `apikey` (null for open routes without a key). */
  apiKeyRole: 'anon' | 'service_role' | null;
  apiKey: string | null;
  /** The parsed JSON body (cached); throws bad_json on malformed JSON. */
  json(): Promise<unknown>;
  /** Whether the request announces a body (Content-Length > 0 or chunked). */
  hasBody(): boolean;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new AuthHttpError(413, 'request_entity_too_large', `Request body too large (max ${MAX_BODY_BYTES} bytes)`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function jsonBodyReader(req: IncomingMessage): () => Promise<unknown> {
  let cached: Promise<unknown> | undefined;
  return () => {
    cached ??= readBody(req).then((text) => {
      if (text.trim() === '') throw badRequest('bad_json', 'Could not parse request body as JSON: unexpected end of JSON input');
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch (error) {
        throw badRequest('bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
      }
      // Postgres text and jsonb cannot hold U+0000 nor very deep nesting; refuse them here rather than fail in SQL.
      const problem = unstorable(value, 0);
      if (problem) throw badRequest('bad_json', `Could not parse request body as JSON: ${problem}`);
      return value;
    });
    return cached;
  };
}

const MAX_JSON_DEPTH = 32;

/** Why Postgres could not store this JSON value (NUL characters, nesting deeper than 32), or null. */
export function unstorable(value: unknown, depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? 'NUL characters are not allowed' : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_JSON_DEPTH) return `nesting deeper than ${MAX_JSON_DEPTH} levels`;
  for (const [key, item] of Object.entries(value)) {
    const problem = key.includes('\u0000') ? 'NUL characters are not allowed' : unstorable(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * Parses the JSON body with a zod schema. Like GoTrue (Go's json.Unmarshal), a
 * value of the wrong type is `bad_json`; semantic checks come later as
 * `validation_failed`. A JSON `null` body counts as an empty object, as in Go.
 */
export async function parseBody<S extends z.ZodType>(ctx: RequestContext, schema: S): Promise<z.infer<S>> {
  const raw = await ctx.json();
  const result = schema.safeParse(raw === null ? {} : raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? `field "${issue.path.join('.')}": ` : '';
  throw badRequest('bad_json', `Could not parse request body as JSON: ${where}${issue?.message ?? 'invalid body'}`);
}

export function announcesBody(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return length > 0 || req.headers['transfer-encoding'] !== undefined;
}

const normalize = (ip: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip.toLowerCase());

/**
 * The client's IP for rate limits and session records: the socket's address, or
 * with IP address forwarding (GoTrue's GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED,
 * a hosted project's `security_sb_forwarded_for_enabled`) the first value of
 * `Sb-Forwarded-For` when it is an IP address. Supabase passes that header on
 * only for requests made with a secret API key, so the caller says whether this
 * request may use it (`forwardingAllowed`). A value that is not an IP is ignored.
 */
export function clientIp(req: IncomingMessage, forwardingAllowed = false): string {
  if (forwardingAllowed) {
    const first = header(req, 'sb-forwarded-for')?.split(',')[0]?.trim() ?? '';
    if (isIP(first)) return normalize(first);
  }
  return normalize(req.socket.remoteAddress ?? '0.0.0.0');
}

export function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

export function writeResult(res: ServerResponse, result: HandlerResult, baseHeaders: Record<string, string>): void {
  for (const [name, value] of Object.entries(baseHeaders)) res.setHeader(name, value);
  switch (result.type) {
    case 'json': {
      const text = JSON.stringify(result.body);
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.writeHead(result.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    case 'html':
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.writeHead(result.status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(result.body) });
      res.end(result.body);
      return;
    case 'redirect':
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.writeHead(303, { Location: result.location, 'Content-Length': 0 });
      res.end();
      return;
    case 'empty':
      res.writeHead(result.status, { 'Content-Length': 0 });
      res.end();
      return;
  }
}
