import type { Policies } from './authorization.ts';
import type { JoinParams } from './join-params.ts';
import type { RealtimeServices } from './options.ts';
import { EVENTS, type Ref, type Vsn } from './protocol.ts';
import { topicKey, type Subscriber } from './pubsub.ts';
import { encodeMessage, encodeReply } from './serializer.ts';
import { apiKeyClaims, verifyRealtimeToken, type RealtimeClaims, type TokenCheck } from './tokens.ts';

/** What a channel needs from its socket connection. */
export interface ChannelHost {
  readonly vsn: Vsn;
  readonly apiKeyRole: 'anon' | 'service_role';
  readonly services: RealtimeServices;
  sendFrame(frame: string | Buffer): void;
  /** The server ended the channel: the host forgets it and sends phx_close. */
  channelEnded(channel: Channel): void;
}

/** Realtime re-checks a joined channel's token at most every 5 minutes, and when it expires. */
const TOKEN_CHECK_MAX_MS = 5 * 60_000;

/** One joined topic of one socket (Realtime's channel process). */
export class Channel implements Subscriber {
  readonly host: ChannelHost;
  readonly joinTopic: string;
  readonly joinRef: Ref;
  readonly params: JoinParams;
  readonly vsn: Vsn;
  readonly subTopic: string;
  readonly key: string;
  claims: RealtimeClaims;
  /** The JWT in use, or null when acting with the socket's API key. */
  accessToken: string | null;
  policies: Policies | null;
  presenceEnabled: boolean;
  presenceTracked: Record<string, unknown> | null = null;
  presenceWindow = { count: 0, resetAt: 0 };
  private tokenTimer: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    host: ChannelHost,
    join: { topic: string; ref: Ref; params: JoinParams },
    init: { claims: RealtimeClaims; policies: Policies | null; accessToken: string | null },
  ) {
    this.host = host;
    this.joinTopic = join.topic;
    this.joinRef = join.ref;
    this.params = join.params;
    this.vsn = host.vsn;
    this.subTopic = join.topic.slice('realtime:'.length);
    this.key = topicKey(this.subTopic, join.params.isPrivate);
    this.claims = init.claims;
    this.policies = init.policies;
    this.accessToken = init.accessToken;
    this.presenceEnabled = join.params.presenceEnabled;
  }

  get services(): RealtimeServices {
    return this.host.services;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  send(frame: string | Buffer): void {
    if (!this.ended) this.host.sendFrame(frame);
  }

  mayReceiveBroadcast(): boolean {
    return !this.params.isPrivate || this.policies?.broadcast.read === true;
  }

  mayReceivePresence(): boolean {
    return !this.params.isPrivate || this.policies?.presence.read === true;
  }

  push(event: string, payload: unknown): void {
    this.send(encodeMessage(this.vsn, { joinRef: this.joinRef, ref: null, topic: this.joinTopic, event, payload }));
  }

  reply(ref: Ref, status: 'ok' | 'error', response: unknown = {}): void {
    this.send(encodeReply(this.vsn, { joinRef: this.joinRef, ref, topic: this.joinTopic, status, response }));
  }

  authorizationContext() {
    return { topic: this.subTopic, claims: this.claims };
  }

  /** Checks the current token again (the socket's API key never expires here). */
  verifyToken(): Promise<TokenCheck> {
    if (this.accessToken === null) return Promise.resolve({ ok: true, claims: apiKeyClaims(this.host.apiKeyRole) });
    return verifyRealtimeToken(this.accessToken, this.services.keys);
  }

  /** Realtime's confirm_token timer: at expiry (or every 5 minutes) the token must still be valid. */
  scheduleTokenCheck(): void {
    clearTimeout(this.tokenTimer);
    const untilExpiry = this.claims.exp * 1000 - Date.now();
    this.tokenTimer = setTimeout(() => void this.checkToken(), Math.max(0, Math.min(TOKEN_CHECK_MAX_MS, untilExpiry)));
    this.tokenTimer.unref();
  }

  private async checkToken(): Promise<void> {
    if (this.ended) return;
    const result = await this.verifyToken();
    if (result.ok) {
      this.claims = result.claims;
      this.scheduleTokenCheck();
    } else {
      this.shutdown(result.failure.shutdownMessage);
    }
  }

  /** Realtime's shutdown_response: a `system` error message, then the channel closes (phx_close). */
  shutdown(message: string): void {
    if (this.ended) return;
    this.services.log(`realtime: closing ${this.joinTopic}: ${message}`);
    this.push(EVENTS.system, { extension: 'system', status: 'error', message, channel: this.subTopic });
    this.host.channelEnded(this);
  }

  /** Leaves the topic: unsubscribes, untracks presence (others get the diff), stops timers. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.tokenTimer);
    const { pubsub, presence } = this.services;
    pubsub.unsubscribe(this.key, this);
    const diff = presence.untrack(this.key, this);
    if (diff) pubsub.publish(this.key, { kind: 'map', event: EVENTS.presenceDiff, payload: { ...diff } }, { presence: true });
  }
}
