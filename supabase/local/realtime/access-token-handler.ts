import { AuthorizationError, emptyPolicies, readPolicies, type Policies } from './authorization.ts';
import type { Channel } from './channel.ts';
import { isRecord } from './protocol.ts';
import { verifyRealtimeToken } from './tokens.ts';

/**
 * `access_token` pushes (realtime-js sends one on every channel when its token changes):
 * the new token is verified, a private channel's read policies are evaluated again, and a
 * channel that may no longer read is shut down with Realtime's message. API keys, the current
 * token and null are ignored.
 */
export async function handleAccessToken(channel: Channel, payload: unknown): Promise<void> {
  if (!isRecord(payload)) return;
  const token = payload.access_token;
  if (typeof token !== 'string' || token.startsWith('sb_') || token === channel.accessToken) return;

  const previous = channel.policies;
  // Deliveries keep following the previous policies until the new ones are known.
  channel.accessToken = token;
  const check = await verifyRealtimeToken(token, channel.services.keys);
  if (channel.isEnded) return;
  if (!check.ok) {
    channel.shutdown(check.failure.shutdownMessage);
    return;
  }
  channel.claims = check.claims;

  if (channel.params.isPrivate) {
    const denied = `You do not have permissions to read from this Channel topic: ${channel.subTopic}`;
    let policies: Policies;
    try {
      const extensions = channel.presenceEnabled ? (['broadcast', 'presence'] as const) : (['broadcast'] as const);
      policies = await readPolicies(channel.services.sql, channel.authorizationContext(), emptyPolicies(), [...extensions]);
    } catch (error) {
      const unavailable = error instanceof AuthorizationError && error.kind === 'database_unavailable';
      channel.shutdown(unavailable ? 'Realtime was unable to connect to the project database' : denied);
      return;
    }
    if (channel.isEnded) return;
    if (!policies.broadcast.read && !policies.presence.read) {
      channel.shutdown(denied);
      return;
    }
    if (revoked(previous, policies)) {
      channel.shutdown(`You no longer have permission to read from this Channel topic: ${channel.subTopic}`);
      return;
    }
    channel.policies = policies;
  }
  channel.scheduleTokenCheck();
}

function revoked(previous: Policies | null, current: Policies): boolean {
  if (!previous) return false;
  return (previous.broadcast.read === true && current.broadcast.read === false) || (previous.presence.read === true && current.presence.read === false);
}
