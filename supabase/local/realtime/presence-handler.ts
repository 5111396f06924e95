import { emptyPolicies, readPolicies, writePolicies } from './authorization.ts';
import type { Channel } from './channel.ts';
import { jsonSize } from './options.ts';
import { EVENTS, isRecord, type Ref } from './protocol.ts';

/**
 * `presence` pushes (PresenceHandler): `track` with a map payload, `untrack`. On a private
 * channel the presence write policy is checked at the first track. Every change reaches the
 * topic's subscribers as a presence_diff. A client may send `presenceLimit` presence messages
 * per window; more closes the channel, as Realtime does.
 */
export async function handlePresence(channel: Channel, payload: unknown, ref: Ref): Promise<void> {
  if (!isRecord(payload) || typeof payload.event !== 'string') {
    channel.reply(ref, 'ok', {});
    return;
  }
  const { maxCalls, windowMs } = channel.services.limits.presenceLimit;
  const now = Date.now();
  const window = channel.presenceWindow;
  if (now > window.resetAt) {
    window.count = 1;
    window.resetAt = now + windowMs;
  } else if (window.count >= maxCalls) {
    channel.shutdown('Client presence rate limit exceeded');
    return;
  } else {
    window.count += 1;
  }

  const event = payload.event.toLowerCase();
  if (event === 'untrack') {
    publishDiff(channel, channel.services.presence.untrack(channel.key, channel));
    channel.presenceTracked = null;
    channel.reply(ref, 'ok', {});
  } else if (event === 'track') {
    await track(channel, 'payload' in payload ? payload.payload : {}, ref);
  } else {
    channel.services.log(`realtime: UnknownPresenceEvent ${event} on ${channel.joinTopic}`);
    channel.reply(ref, 'error', {});
  }
}

async function track(channel: Channel, data: unknown, ref: Ref): Promise<void> {
  const { services, params } = channel;
  if (params.isPrivate && !(await mayWritePresence(channel))) {
    channel.reply(ref, 'error', {});
    return;
  }
  if (!isRecord(data)) {
    channel.reply(ref, 'error', { reason: 'Presence track payload must be a map' });
    return;
  }
  if (channel.presenceTracked && JSON.stringify(channel.presenceTracked) === JSON.stringify(data)) {
    channel.reply(ref, 'ok', {});
    return;
  }
  if (jsonSize(data) > services.limits.maxPayloadBytes) {
    channel.shutdown('Track message size exceeded');
    return;
  }
  if (channel.isEnded) return;
  publishDiff(channel, services.presence.track(channel.key, channel, params.presenceKey, data));
  channel.presenceEnabled = true;
  channel.presenceTracked = data;
  channel.reply(ref, 'ok', {});
}

async function mayWritePresence(channel: Channel): Promise<boolean> {
  const { services } = channel;
  if (channel.policies?.presence.write != null) return channel.policies.presence.write;
  try {
    let policies = channel.policies ?? emptyPolicies();
    const context = channel.authorizationContext();
    if (policies.presence.read === null) policies = await readPolicies(services.sql, context, policies, ['presence']);
    channel.policies = await writePolicies(services.sql, context, policies, ['broadcast', 'presence']);
    return channel.policies.presence.write === true;
  } catch (error) {
    services.log(`realtime: UnableToHandlePresence on ${channel.joinTopic}: ${(error as Error).message}`);
    return false;
  }
}

function publishDiff(channel: Channel, diff: { joins: object; leaves: object } | null): void {
  if (!diff) return;
  channel.services.pubsub.publish(channel.key, { kind: 'map', event: EVENTS.presenceDiff, payload: { ...diff } }, { presence: true });
}
