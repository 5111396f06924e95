import { describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { Inbox } from '../../../tests/setup/realtime.ts';

/** The wire protocol with a raw WebSocket: what realtime-js never sends, and the framing itself. */
function socketUrl(params: Record<string, string>): string {
  const url = new URL('/realtime/v1/websocket', inject('supabaseUrl').replace(/^http/, 'ws'));
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

async function open(vsn: string) {
  const ws = new WebSocket(socketUrl({ apikey: inject('supabasePublishableKey'), vsn }));
  const inbox = new Inbox<unknown>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('message', (data, isBinary) => inbox.push(isBinary ? data : JSON.parse(data.toString())));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, inbox, closed };
}

async function refusedUpgrade(params: Record<string, string>): Promise<{ status: number; body: string }> {
  const ws = new WebSocket(socketUrl(params));
  return new Promise((resolve) => {
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('error', () => {});
  });
}

describe('Realtime wire protocol', () => {
  it('answers heartbeats and refuses unknown topics in both serializers', async () => {
    const v2 = await open('2.0.0');
    v2.ws.send(JSON.stringify([null, '1', 'phoenix', 'heartbeat', {}]));
    v2.ws.send(JSON.stringify([null, '2', 'realtime:not-joined', 'broadcast', { type: 'broadcast', event: 'x', payload: {} }]));
    v2.ws.send(JSON.stringify(['3', '3', 'realtime:', 'phx_join', {}]));
    v2.ws.send(JSON.stringify(['4', '4', 'elsewhere', 'phx_join', {}]));
    expect(await v2.inbox.atLeast(4)).toEqual([
      [null, '1', 'phoenix', 'phx_reply', { status: 'ok', response: {} }],
      [null, '2', 'realtime:not-joined', 'phx_reply', { status: 'error', response: { reason: 'unmatched topic' } }],
      ['3', '3', 'realtime:', 'phx_reply', { status: 'error', response: { reason: 'TopicNameRequired: You must provide a topic name' } }],
      [null, '4', 'elsewhere', 'phx_reply', { status: 'error', response: { reason: 'unmatched topic' } }],
    ]);
    v2.ws.close();

    const v1 = await open('1.0.0');
    v1.ws.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '7' }));
    v1.ws.send(JSON.stringify({ topic: 'realtime:room', event: 'phx_join', payload: { config: {} }, ref: '8', join_ref: '8' }));
    v1.ws.send(JSON.stringify({ topic: 'realtime:room', event: 'phx_leave', payload: {}, ref: '9', join_ref: '8' }));
    expect(await v1.inbox.atLeast(4)).toEqual([
      { topic: 'phoenix', event: 'phx_reply', payload: { status: 'ok', response: {} }, ref: '7' },
      { topic: 'realtime:room', event: 'phx_reply', payload: { status: 'ok', response: { postgres_changes: [] } }, ref: '8' },
      { topic: 'realtime:room', event: 'phx_reply', payload: { status: 'ok', response: {} }, ref: '9' },
      { topic: 'realtime:room', event: 'phx_close', payload: {}, ref: '8' },
    ]);
    v1.ws.close();
  });

  it('closes a socket that sends a malformed frame (1011) or one over 5 MB (1009), and keeps serving others', async () => {
    for (const [vsn, frame] of [
      ['2.0.0', '{not json'],
      ['2.0.0', JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '1' })],
      ['1.0.0', JSON.stringify([null, '1', 'phoenix', 'heartbeat', {}])],
      ['2.0.0', Buffer.from([9, 1, 2, 3])],
      ['2.0.0', Buffer.from([3, 200, 0, 0, 0, 0, 1])],
    ] as const) {
      const socket = await open(vsn);
      socket.ws.send(frame);
      expect((await socket.closed).code).toBe(1011);
    }
    const huge = await open('2.0.0');
    huge.ws.send(Buffer.alloc(5_000_001, 1));
    expect((await huge.closed).code).toBe(1009);

    const healthy = await open('2.0.0');
    healthy.ws.send(JSON.stringify([null, '1', 'phoenix', 'heartbeat', {}]));
    expect((await healthy.inbox.atLeast(1))[0]).toEqual([null, '1', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
    healthy.ws.close();
  });

  it('refuses the upgrade without a valid apikey (gateway 401) or with an unknown vsn (403)', async () => {
    expect(await refusedUpgrade({ vsn: '2.0.0' })).toEqual({
      status: 401,
      body: JSON.stringify({ message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' }),
    });
    const wrong = await refusedUpgrade({ apikey: 'sb_publishable_nope', vsn: '2.0.0' });
    expect([wrong.status, JSON.parse(wrong.body).message]).toEqual([401, 'Invalid API key']);
    expect((await refusedUpgrade({ apikey: inject('supabasePublishableKey'), vsn: '3.0.0' })).status).toBe(403);
  });

  it('relays a binary user broadcast push (kind 3) as a binary user broadcast (kind 4) to vsn 2.0.0 and as JSON to vsn 1.0.0', async () => {
    const topic = `realtime:bin-${Date.now()}`;
    const [sender, v2, v1] = [await open('2.0.0'), await open('2.0.0'), await open('1.0.0')];
    for (const [socket, ref] of [[sender, '1'], [v2, '1']] as const) socket.ws.send(JSON.stringify([ref, ref, topic, 'phx_join', { config: {} }]));
    v1.ws.send(JSON.stringify({ topic, event: 'phx_join', payload: { config: {} }, ref: '1', join_ref: '1' }));
    await Promise.all([sender.inbox.atLeast(1), v2.inbox.atLeast(1), v1.inbox.atLeast(1)]);

    const field = (text: string) => Buffer.from(text, 'utf8');
    const [joinRef, ref, event, body] = [field('1'), field('2'), field('note'), field('{"n":1}')];
    const head = Buffer.from([3, joinRef.length, ref.length, field(topic).length, event.length, 0, 1]);
    sender.ws.send(Buffer.concat([head, joinRef, ref, field(topic), event, body]));

    const frame = (await v2.inbox.atLeast(2))[1] as Buffer;
    expect(frame[0]).toBe(4);
    const [topicSize, eventSize, metaSize, encoding] = [frame[1]!, frame[2]!, frame[3]!, frame[4]!];
    expect([metaSize, encoding]).toEqual([0, 1]);
    expect(frame.subarray(5, 5 + topicSize).toString()).toBe(topic);
    expect(frame.subarray(5 + topicSize, 5 + topicSize + eventSize).toString()).toBe('note');
    expect(frame.subarray(5 + topicSize + eventSize).toString()).toBe('{"n":1}');
    expect((await v1.inbox.atLeast(2))[1]).toEqual({ topic, event: 'broadcast', payload: { event: 'note', payload: { n: 1 }, type: 'broadcast' }, ref: null });
    for (const socket of [sender, v2, v1]) socket.ws.close();
  });
});
