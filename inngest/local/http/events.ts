import type http from 'node:http';
import { z } from 'zod';
import type { Engine } from '../engine/context.ts';
import { ingestEvents } from '../engine/ingest.ts';
import { seededIds, ulid } from '../time.ts';
import type { InngestEvent } from '../types.ts';
import { HttpError, readJson, sendJson } from './io.ts';

/** Limits of the event API, as Inngest Cloud's defaults: 3 MiB per request, 256 KiB per event. */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;
export const MAX_EVENT_BYTES = 256 * 1024;

const eventSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(255),
  data: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().max(255).nullish(),
  ts: z.number().int().nonnegative().nullish(),
  v: z.string().nullish(),
  user: z.record(z.string(), z.unknown()).nullish(),
}).passthrough();

/**
 * `POST /e/{key}`: one event or an array of events. Answers `{ ids, status: 200 }` with one
 * id per event (ULIDs, derived from the SDK's `x-inngest-event-id-seed` so a retried send
 * is not ingested twice), or `{ error, status }` with 400, 401 or 413 and nothing stored.
 */
export async function handleSendEvents(engine: Engine, req: http.IncomingMessage, res: http.ServerResponse, key: string, eventKey?: string): Promise<void> {
  if (eventKey && key !== eventKey) throw new HttpError(401, 'Event key not found');
  const body = await readJson(req, MAX_REQUEST_BYTES);
  const list = Array.isArray(body) ? body : [body];
  const events: InngestEvent[] = [];
  for (const [i, raw] of list.entries()) {
    const where = Array.isArray(body) ? `event ${i}` : 'event';
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HttpError(400, `${where}: ${issue.path.join('.') || 'payload'}: ${issue.message}`);
    }
    if (parsed.data.name.startsWith('inngest/')) throw new HttpError(400, `${where}: event names starting with "inngest/" are reserved`);
    if (Buffer.byteLength(JSON.stringify(raw)) > MAX_EVENT_BYTES) throw new HttpError(413, `${where} is larger than ${MAX_EVENT_BYTES} bytes`);
    const { name, data, id, ts, v, user, ...rest } = parsed.data;
    events.push({ ...rest, name, data: data ?? {}, id: id ?? '', ts: ts ?? Date.now(), ...(v ? { v } : {}), ...(user ? { user } : {}) });
  }
  const now = new Date();
  const ids = seededIds(req.headers['x-inngest-event-id-seed'] as string | undefined ?? null, events.length) ?? events.map(() => ulid(now.getTime()));
  await engine.db.tx((tx) => ingestEvents(engine, tx, events.map((event, i) => ({ internalId: ids[i]!, event: { ...event, id: event.id || ids[i]! } })), now));
  engine.notify();
  sendJson(res, 200, { ids, status: 200 });
}
