import { emptyPolicies, writePolicies } from './authorization.ts';
import type { Channel } from './channel.ts';
import { jsonSize } from './options.ts';
import { EVENTS, UserBroadcastPush, isRecord, type Ref, type Relay } from './protocol.ts';

/**
 * A client's broadcast (BroadcastHandler): on a private channel the write policy is checked
 * once (INSERT into realtime.messages as the sender); a sender without it is ignored (no
 * reply, even with ack). Over the payload limit the message is dropped and, with ack, answered
 * `payload_size_exceeded`. The sender receives its own message only with `broadcast.self`.
 */
export async function handleBroadcast(channel: Channel, payload: unknown, ref: Ref): Promise<void> {
  const { services, params } = channel;
  if (params.isPrivate) {
    if (channel.policies?.broadcast.write == null) {
      try {
        channel.policies = await writePolicies(services.sql, channel.authorizationContext(), channel.policies ?? emptyPolicies(), [
          'broadcast',
          'presence',
        ]);
      } catch (error) {
        services.log(`realtime: UnableToSetPolicies on ${channel.joinTopic}: ${(error as Error).message}`);
        return;
      }
    }
    if (!channel.policies.broadcast.write) return;
  }
  if (channel.isEnded) return;

  const relay = toRelay(payload);
  if (relay === 'invalid') {
    if (params.ack) channel.reply(ref, 'error', 'invalid_payload');
    return;
  }
  if (relay === null) return;
  const size = relay.kind === 'user' ? relay.body.length : jsonSize(relay.payload);
  if (size > services.limits.maxPayloadBytes) {
    if (params.ack) channel.reply(ref, 'error', 'payload_size_exceeded');
    return;
  }
  services.pubsub.publish(channel.key, relay, { from: params.self ? undefined : channel });
  if (params.ack) channel.reply(ref, 'ok', {});
}

/** null: nothing Realtime would relay (a binary push or a non-map payload); 'invalid': JSON frame that is not JSON. */
function toRelay(payload: unknown): Relay | null | 'invalid' {
  if (payload instanceof UserBroadcastPush) {
    if (payload.encoding === 'json') {
      try {
        JSON.parse(payload.body.toString('utf8'));
      } catch {
        return 'invalid';
      }
    }
    return { kind: 'user', event: payload.event, encoding: payload.encoding, body: payload.body, meta: null };
  }
  if (isRecord(payload)) return { kind: 'map', event: EVENTS.broadcast, payload };
  return null;
}
