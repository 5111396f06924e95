import crypto from 'node:crypto';
import { isRecord } from './protocol.ts';

/**
 * The phx_join payload as Realtime reads it (RealtimeWeb.Channels.Payloads.Join): booleans
 * may be `true`/`false` or those words as strings; a field that does not parse keeps its
 * default (Realtime logs InvalidJoinPayload and joins anyway).
 */
export interface JoinParams {
  isPrivate: boolean;
  self: boolean;
  ack: boolean;
  presenceEnabled: boolean;
  presenceKey: string;
  replicationReady: boolean;
  /** `broadcast.replay` as sent (only private channels may ask for it). */
  replay: unknown;
  postgresChanges: Record<string, unknown>[];
  /** The user's JWT, or null to act with the socket's API key (none sent, or an `sb_` key). */
  accessToken: string | null;
  invalid: string[];
}

function flexibleBoolean(value: unknown, field: string, invalid: string[]): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  invalid.push(`${field}: unable to parse, expected boolean`);
  return false;
}

function section(value: unknown, field: string, invalid: string[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (isRecord(value)) return value;
  invalid.push(`${field}: unable to parse, expected a map`);
  return {};
}

function accessTokenOf(params: Record<string, unknown>): string | null {
  const first = params.access_token || params.user_token;
  if (typeof first === 'string' && first.startsWith('sb_')) return null;
  if (typeof params.user_token === 'string') return params.user_token;
  if (typeof params.access_token === 'string') return params.access_token;
  return null;
}

export function parseJoinParams(payload: unknown): JoinParams {
  const invalid: string[] = [];
  const params = isRecord(payload) ? payload : {};
  const config = section(params.config, 'config', invalid);
  const broadcast = section(config.broadcast, 'config.broadcast', invalid);
  const presence = section(config.presence, 'config.presence', invalid);
  const rawKey = presence.key;
  const presenceKey = rawKey === undefined || rawKey === null || rawKey === '' ? crypto.randomUUID() : String(rawKey);
  const changes = Array.isArray(config.postgres_changes) ? config.postgres_changes.filter((c) => c !== null) : [];
  if (config.postgres_changes !== undefined && config.postgres_changes !== null && !Array.isArray(config.postgres_changes)) {
    invalid.push('config.postgres_changes: unable to parse, expected an array of maps');
  }
  return {
    isPrivate: flexibleBoolean(config.private, 'config.private', invalid),
    self: flexibleBoolean(broadcast.self, 'config.broadcast.self', invalid),
    ack: flexibleBoolean(broadcast.ack, 'config.broadcast.ack', invalid),
    replicationReady: flexibleBoolean(broadcast.replication_ready, 'config.broadcast.replication_ready', invalid),
    replay: broadcast.replay,
    presenceEnabled: flexibleBoolean(presence.enabled, 'config.presence.enabled', invalid),
    presenceKey,
    postgresChanges: changes.filter(isRecord),
    accessToken: accessTokenOf(params),
    invalid,
  };
}
