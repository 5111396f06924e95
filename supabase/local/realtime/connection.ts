import WebSocket from 'ws';
import { handleAccessToken } from './access-token-handler.ts';
import { handleBroadcast } from './broadcast-handler.ts';
import type { Channel, ChannelHost } from './channel.ts';
import { handlePresence } from './presence-handler.ts';
import { afterJoin, joinChannel } from './join.ts';
import type { RealtimeServices } from './options.ts';
import { EVENTS, FrameError, type IncomingMessage, type Ref, type Vsn } from './protocol.ts';
import { decodeFrame, encodeMessage, encodeReply } from './serializer.ts';

/**
 * One WebSocket (Phoenix.Socket): heartbeats on the `phoenix` topic, phx_join / phx_leave,
 * and routing of channel events to the joined topic. Frames are handled one at a time, in
 * order, as Phoenix's transport does. A frame that cannot be decoded closes the socket with
 * 1011, like a crashed Phoenix transport; the server itself never stops for a client.
 */
export class Connection implements ChannelHost {
  readonly vsn: Vsn;
  readonly apiKeyRole: 'anon' | 'service_role';
  readonly services: RealtimeServices;
  lastSeen = Date.now();
  private readonly ws: WebSocket;
  private readonly channels = new Map<string, Channel>();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(ws: WebSocket, init: { vsn: Vsn; apiKeyRole: 'anon' | 'service_role'; services: RealtimeServices; onClose: () => void }) {
    this.ws = ws;
    this.vsn = init.vsn;
    this.apiKeyRole = init.apiKeyRole;
    this.services = init.services;
    ws.on('message', (data, isBinary) => this.receive(toBuffer(data), isBinary));
    ws.on('error', (error) => this.services.log(`realtime: socket error: ${error.message}`));
    ws.on('close', () => {
      this.teardown();
      init.onClose();
    });
  }

  sendFrame(frame: string | Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }

  channelEnded(channel: Channel): void {
    if (this.channels.get(channel.joinTopic) === channel) this.channels.delete(channel.joinTopic);
    channel.end();
    const close = { joinRef: channel.joinRef, ref: channel.joinRef, topic: channel.joinTopic, event: EVENTS.close, payload: {} };
    this.sendFrame(encodeMessage(this.vsn, close));
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.lastSeen = Date.now();
    let message: IncomingMessage;
    try {
      message = decodeFrame(this.vsn, data, isBinary);
    } catch (error) {
      const reason = error instanceof FrameError ? error.message : 'invalid frame';
      this.services.log(`realtime: closing a socket that sent an invalid frame: ${reason}`);
      this.close(1011, reason.slice(0, 120));
      return;
    }
    this.queue = this.queue
      .then(() => this.handle(message))
      .catch((error: unknown) => {
        this.services.log(`realtime: ${message.event} on ${message.topic} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        this.close(1011, 'internal error');
      });
  }

  private reply(message: IncomingMessage, joinRef: Ref, status: 'ok' | 'error', response: unknown): void {
    this.sendFrame(encodeReply(this.vsn, { joinRef, ref: message.ref, topic: message.topic, status, response }));
  }

  private async handle(message: IncomingMessage): Promise<void> {
    if (this.closed) return;
    const { topic, event } = message;
    if (topic === 'phoenix' && event === EVENTS.heartbeat) return this.reply(message, null, 'ok', {});
    const existing = this.channels.get(topic);
    if (event === EVENTS.join) return this.join(message, existing);
    if (event === EVENTS.leave) {
      if (!existing) return this.reply(message, message.joinRef, 'ok', {});
      if (message.joinRef !== null && message.joinRef !== existing.joinRef) return;
      existing.reply(message.ref, 'ok', {});
      return this.channelEnded(existing);
    }
    if (!existing) return this.reply(message, null, 'error', { reason: 'unmatched topic' });
    if (message.joinRef !== null && message.joinRef !== existing.joinRef) return;
    try {
      if (event === EVENTS.broadcast) await handleBroadcast(existing, message.payload, message.ref);
      else if (event === EVENTS.presence) await handlePresence(existing, message.payload, message.ref);
      else if (event === EVENTS.accessToken) await handleAccessToken(existing, message.payload);
      // Realtime ignores other events (logged at info level only).
    } catch (error) {
      this.channelCrashed(existing, error);
    }
  }

  /** A failing handler ends its channel only: phx_error `channel_crash`, as Phoenix reports a crashed channel process. */
  private channelCrashed(channel: Channel, error: unknown): void {
    this.services.log(`realtime: channel ${channel.joinTopic} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (this.channels.get(channel.joinTopic) === channel) this.channels.delete(channel.joinTopic);
    channel.end();
    const crash = { joinRef: channel.joinRef, ref: channel.joinRef, topic: channel.joinTopic, event: EVENTS.error, payload: { reason: 'channel_crash' } };
    this.sendFrame(encodeMessage(this.vsn, crash));
  }

  private async join(message: IncomingMessage, existing: Channel | undefined): Promise<void> {
    if (!message.topic.startsWith('realtime:')) return this.reply(message, null, 'error', { reason: 'unmatched topic' });
    if (existing) this.channelEnded(existing);
    let outcome: Awaited<ReturnType<typeof joinChannel>>;
    try {
      outcome = await joinChannel(this, message.topic, message.joinRef, message.payload);
    } catch (error) {
      this.services.log(`realtime: join of ${message.topic} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      outcome = { ok: false, reason: `UnknownErrorOnChannel: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (this.closed) {
      if (outcome.ok) outcome.channel.end();
      return;
    }
    if (!outcome.ok) return this.reply(message, message.joinRef, 'error', { reason: outcome.reason });
    this.channels.set(message.topic, outcome.channel);
    this.reply(message, message.joinRef, 'ok', outcome.response);
    afterJoin(outcome.channel, outcome.replay);
  }

  private teardown(): void {
    this.closed = true;
    for (const channel of this.channels.values()) channel.end();
    this.channels.clear();
  }
}

function toBuffer(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
