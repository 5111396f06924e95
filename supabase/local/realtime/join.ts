import crypto from 'node:crypto';
import { AuthorizationError, emptyPolicies, readPolicies, type Policies } from './authorization.ts';
import { Channel, type ChannelHost } from './channel.ts';
import { parseJoinParams } from './join-params.ts';
import { EVENTS, type Ref } from './protocol.ts';
import { loadReplay, parseReplay, type ReplayedMessage } from './replay.ts';
import { apiKeyClaims, verifyRealtimeToken } from './tokens.ts';

/**
 * phx_join on `realtime:<topic>` (RealtimeWeb.RealtimeChannel.join/3): the token (the join's
 * access_token, else the socket's API key), then for private channels the read policies of
 * realtime.messages, then the subscription. Failures carry Realtime's reason texts.
 */
export type JoinOutcome =
  | { ok: true; channel: Channel; response: Record<string, unknown>; replay: ReplayedMessage[] }
  | { ok: false; reason: string };

const fail = (reason: string): JoinOutcome => ({ ok: false, reason });
const unauthorized = (topic: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;
const UNAVAILABLE = 'UnableToConnectToProject: Realtime was unable to connect to the project database';

export async function joinChannel(host: ChannelHost, topic: string, joinRef: Ref, payload: unknown): Promise<JoinOutcome> {
  const { services } = host;
  if (topic === 'realtime:') return fail('TopicNameRequired: You must provide a topic name');
  const params = parseJoinParams(payload);
  if (params.invalid.length > 0) services.log(`realtime: InvalidJoinPayload on ${topic}: ${params.invalid.join('; ')}`);
  const check =
    params.accessToken === null
      ? ({ ok: true, claims: apiKeyClaims(host.apiKeyRole) } as const)
      : await verifyRealtimeToken(params.accessToken, services.keys);
  if (!check.ok) return fail(check.failure.joinReason);
  const subTopic = topic.slice('realtime:'.length);

  let policies: Policies | null = null;
  if (params.isPrivate) {
    try {
      const extensions = params.presenceEnabled ? (['broadcast', 'presence'] as const) : (['broadcast'] as const);
      policies = await readPolicies(services.sql, { topic: subTopic, claims: check.claims }, emptyPolicies(), [...extensions]);
    } catch (error) {
      if (error instanceof AuthorizationError && error.kind === 'database_unavailable') return fail(UNAVAILABLE);
      services.log(`realtime: RlsPolicyError on ${topic}: ${(error as Error).message}`);
      return fail(unauthorized(subTopic));
    }
    if (!policies.broadcast.read && !policies.presence.read) return fail(unauthorized(subTopic));
  }

  let replay: ReplayedMessage[] = [];
  if (params.replay !== undefined && params.replay !== null) {
    if (!params.isPrivate) return fail('UnableToReplayMessages: Replay is not allowed for public channels');
    if (policies?.broadcast.read === false) return fail(unauthorized(subTopic));
    const request = parseReplay(params.replay);
    if (request === 'invalid') return fail('UnableToReplayMessages: Replay params are not valid');
    try {
      replay = await loadReplay(services.sql, subTopic, request);
    } catch {
      return fail('UnableToReplayMessages: Realtime was unable to replay messages');
    }
  }

  const channel = new Channel(host, { topic, ref: joinRef, params }, { claims: check.claims, policies, accessToken: params.accessToken });
  services.pubsub.subscribe(channel.key, channel);
  channel.scheduleTokenCheck();
  // postgres_changes is not streamed by this stand-in; the ids keep realtime-js's bindings in step.
  const postgresChanges = params.postgresChanges.map((change) => ({ ...change, id: crypto.randomInt(1, 2 ** 31) }));
  return { ok: true, channel, response: { postgres_changes: postgresChanges }, replay };
}

/** What Realtime pushes right after the join reply. */
export function afterJoin(channel: Channel, replay: ReplayedMessage[]): void {
  const { params, subTopic } = channel;
  for (const message of replay) {
    const meta = { replayed: true, id: message.id };
    channel.push(EVENTS.broadcast, { payload: message.payload, event: message.event, type: 'broadcast', meta });
  }
  if (params.replicationReady) {
    const ready = channel.services.listenerReady();
    const message = ready ? 'Replication connection established' : 'Replication connection was not established in time';
    channel.push(EVENTS.system, { extension: 'system', status: ready ? 'ok' : 'error', message, channel: subTopic });
  }
  if (params.postgresChanges.length > 0) {
    channel.push(EVENTS.system, {
      extension: 'postgres_changes',
      status: 'error',
      message: 'postgres_changes is not available on the local Realtime stand-in: broadcast from the database instead',
      channel: subTopic,
    });
  }
  if (channel.presenceEnabled && channel.mayReceivePresence()) {
    channel.push(EVENTS.presenceState, channel.services.presence.list(channel.key));
  }
}
