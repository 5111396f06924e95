import { BinaryPush, FrameError, UserBroadcastPush, type IncomingMessage, type UserBroadcast } from './protocol.ts';

/**
 * The binary frames of Realtime's V2 serializer (a superset of Phoenix's V2 JSON serializer):
 * kind 0 push and kind 3 user broadcast push from clients, kind 4 user broadcast to clients.
 * Every length prefix is one byte, so each field is at most 255 bytes.
 */
const KIND_PUSH = 0;
const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;

class Reader {
  private readonly buf: Buffer;
  private offset: number;
  constructor(buf: Buffer, start: number) {
    this.buf = buf;
    this.offset = start;
  }
  text(size: number, field: string): string {
    return this.bytes(size, field).toString('utf8');
  }
  bytes(size: number, field: string): Buffer {
    if (this.offset + size > this.buf.length) throw new FrameError(`binary frame ends inside its ${field}`);
    const out = this.buf.subarray(this.offset, this.offset + size);
    this.offset += size;
    return out;
  }
  rest(): Buffer {
    return this.buf.subarray(this.offset);
  }
}

function header(buf: Buffer, count: number): number[] {
  if (buf.length < 1 + count) throw new FrameError('binary frame is shorter than its header');
  return Array.from({ length: count }, (_, i) => buf.readUInt8(1 + i));
}

/** Decodes a binary frame from a vsn 2.0.0 client. */
export function decodeBinaryFrame(buf: Buffer): IncomingMessage {
  if (buf.length === 0) throw new FrameError('empty binary frame');
  const kind = buf.readUInt8(0);
  if (kind === KIND_USER_BROADCAST_PUSH) {
    const [joinRefSize, refSize, topicSize, eventSize, metaSize, encoding] = header(buf, 6) as [number, number, number, number, number, number];
    const r = new Reader(buf, 7);
    const joinRef = r.text(joinRefSize, 'join_ref');
    const ref = r.text(refSize, 'ref');
    const topic = r.text(topicSize, 'topic');
    const event = r.text(eventSize, 'event');
    const meta = r.text(metaSize, 'metadata');
    if (metaSize > 0) {
      try {
        JSON.parse(meta);
      } catch {
        throw new FrameError('binary frame metadata is not JSON');
      }
    }
    const payload = new UserBroadcastPush(event, encoding === 0 ? 'binary' : 'json', Buffer.from(r.rest()));
    return { joinRef: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload };
  }
  if (kind === KIND_PUSH) {
    const [joinRefSize, refSize, topicSize, eventSize] = header(buf, 4) as [number, number, number, number];
    const r = new Reader(buf, 5);
    const joinRef = r.text(joinRefSize, 'join_ref');
    const ref = r.text(refSize, 'ref');
    const topic = r.text(topicSize, 'topic');
    const event = r.text(eventSize, 'event');
    return { joinRef: joinRef || null, ref: ref || null, topic, event, payload: new BinaryPush(Buffer.from(r.rest())) };
  }
  throw new FrameError(`unknown binary frame kind ${kind}`);
}

function sized(value: string, field: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > 255) throw new FrameError(`${field} is ${bytes.length} bytes; binary frames allow 255`);
  return bytes;
}

/** Encodes a user broadcast for a vsn 2.0.0 client (kind 4), as realtime-js decodes it. */
export function encodeUserBroadcast(topic: string, message: UserBroadcast): Buffer {
  const topicBytes = sized(topic, 'topic');
  const eventBytes = sized(message.event, 'event');
  const metaBytes = message.meta ? sized(JSON.stringify(message.meta), 'metadata') : Buffer.alloc(0);
  const head = Buffer.from([
    KIND_USER_BROADCAST,
    topicBytes.length,
    eventBytes.length,
    metaBytes.length,
    message.encoding === 'json' ? 1 : 0,
  ]);
  return Buffer.concat([head, topicBytes, eventBytes, metaBytes, message.body]);
}
