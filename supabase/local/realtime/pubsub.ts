import { encodeRelay } from './serializer.ts';
import type { Relay, Vsn } from './protocol.ts';

/**
 * In-process fan-out, standing in for Phoenix PubSub plus Realtime's MessageDispatcher.
 * Public and private channels of the same name are different topics (as in Realtime's
 * tenant topics). Each relay is encoded once per serializer and sent to every subscriber.
 */
export interface Subscriber {
  readonly vsn: Vsn;
  /** The topic the client joined, e.g. `realtime:room-1`: every relay is addressed to it. */
  readonly joinTopic: string;
  send(frame: string | Buffer): void;
  /** Private channels whose read policy denied broadcast still join (for presence) but get no broadcasts. */
  mayReceiveBroadcast(): boolean;
  mayReceivePresence(): boolean;
}

export function topicKey(subTopic: string, isPrivate: boolean): string {
  return `${isPrivate ? 'private' : 'public'}:${subTopic}`;
}

export class PubSub {
  private readonly topics = new Map<string, Set<Subscriber>>();
  private readonly log: (line: string) => void;

  constructor(log: (line: string) => void) {
    this.log = log;
  }

  subscribe(key: string, subscriber: Subscriber): void {
    let set = this.topics.get(key);
    if (!set) {
      set = new Set();
      this.topics.set(key, set);
    }
    set.add(subscriber);
  }

  unsubscribe(key: string, subscriber: Subscriber): void {
    const set = this.topics.get(key);
    if (!set) return;
    set.delete(subscriber);
    if (set.size === 0) this.topics.delete(key);
  }

  subscriberCount(key?: string): number {
    if (key !== undefined) return this.topics.get(key)?.size ?? 0;
    let total = 0;
    for (const set of this.topics.values()) total += set.size;
    return total;
  }

  /** Sends `relay` to the topic's subscribers except `from`; returns how many received it. */
  publish(key: string, relay: Relay, opts: { from?: Subscriber; presence?: boolean } = {}): number {
    const set = this.topics.get(key);
    if (!set) return 0;
    const cache = new Map<Vsn, string | Buffer | null>();
    let delivered = 0;
    for (const subscriber of set) {
      if (subscriber === opts.from) continue;
      if (opts.presence ? !subscriber.mayReceivePresence() : !subscriber.mayReceiveBroadcast()) continue;
      let frame = cache.get(subscriber.vsn);
      if (frame === undefined) {
        frame = this.encode(subscriber, relay);
        cache.set(subscriber.vsn, frame);
      }
      if (frame === null) continue;
      subscriber.send(frame);
      delivered += 1;
    }
    return delivered;
  }

  private encode(subscriber: Subscriber, relay: Relay): string | Buffer | null {
    try {
      return encodeRelay(subscriber.vsn, subscriber.joinTopic, relay);
    } catch (error) {
      this.log(`realtime: cannot encode a broadcast for ${subscriber.joinTopic} (vsn ${subscriber.vsn}): ${(error as Error).message}`);
      return null;
    }
  }
}
