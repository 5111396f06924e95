import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRealtimeClients, Inbox, realtimeClient, subscribed, VSNS, type Vsn } from '../../../tests/setup/realtime.ts';

afterEach(closeRealtimeClients);

const room = () => `room-${crypto.randomUUID()}`;

describe.each(VSNS)('client broadcast, vsn %s', (vsn: Vsn) => {
  it('a subscriber receives what another client broadcasts, and the sender does not by default', async () => {
    const topic = room();
    const received = new Inbox<Record<string, unknown>>();
    const echoed = new Inbox<Record<string, unknown>>();
    await subscribed(realtimeClient({ vsn }).channel(topic).on('broadcast', { event: 'cursor' }, received.push));
    const sender = await subscribed(realtimeClient({ vsn }).channel(topic).on('broadcast', { event: 'cursor' }, echoed.push));

    expect(await sender.send({ type: 'broadcast', event: 'cursor', payload: { x: 1, label: 'é✓' } })).toBe('ok');
    expect(await sender.send({ type: 'broadcast', event: 'cursor', payload: { x: 2 } })).toBe('ok');

    const [first, second] = await received.atLeast(2);
    expect(first).toEqual({ type: 'broadcast', event: 'cursor', payload: { x: 1, label: 'é✓' } });
    expect(second?.payload).toEqual({ x: 2 });
    expect(echoed.items).toEqual([]);
  });

  it('broadcast.self echoes to the sender; events filter by name', async () => {
    const topic = room();
    const mine = new Inbox<Record<string, unknown>>();
    const sender = await subscribed(
      realtimeClient({ vsn })
        .channel(topic, { config: { broadcast: { self: true } } })
        .on('broadcast', { event: 'wanted' }, mine.push),
    );
    await sender.send({ type: 'broadcast', event: 'unwanted', payload: { n: 0 } });
    await sender.send({ type: 'broadcast', event: 'wanted', payload: { n: 1 } });
    const [only] = await mine.atLeast(1);
    expect(only?.payload).toEqual({ n: 1 });
    expect(mine.items).toHaveLength(1);
  });

  it('broadcast.ack resolves send() with the server reply', async () => {
    const topic = room();
    const received = new Inbox<Record<string, unknown>>();
    await subscribed(realtimeClient({ vsn }).channel(topic).on('broadcast', { event: '*' }, received.push));
    const sender = await subscribed(realtimeClient({ vsn }).channel(topic, { config: { broadcast: { ack: true } } }));
    expect(await sender.send({ type: 'broadcast', event: 'acked', payload: { ok: true } })).toBe('ok');
    expect((await received.atLeast(1))[0]?.event).toBe('acked');
  });

  it('an oversized payload is refused with ack (limit 256 KB) and not delivered', async () => {
    const topic = room();
    const received = new Inbox<Record<string, unknown>>();
    await subscribed(realtimeClient({ vsn }).channel(topic).on('broadcast', { event: '*' }, received.push));
    const sender = await subscribed(realtimeClient({ vsn }).channel(topic, { config: { broadcast: { ack: true } } }));
    const big = 'x'.repeat(257 * 1000);
    expect(await sender.send({ type: 'broadcast', event: 'big', payload: { big } })).toBe('error');
    expect(await sender.send({ type: 'broadcast', event: 'small', payload: { n: 1 } })).toBe('ok');
    await received.atLeast(1);
    expect(received.items.map((m) => m.event)).toEqual(['small']);
  });

  it('a client of the other serializer receives the same message', async () => {
    const topic = room();
    const other: Vsn = vsn === '1.0.0' ? '2.0.0' : '1.0.0';
    const received = new Inbox<Record<string, unknown>>();
    await subscribed(realtimeClient({ vsn: other }).channel(topic).on('broadcast', { event: 'mixed' }, received.push));
    const sender = await subscribed(realtimeClient({ vsn }).channel(topic));
    await sender.send({ type: 'broadcast', event: 'mixed', payload: { from: vsn, list: [1, 2, { deep: null }] } });
    expect((await received.atLeast(1))[0]).toEqual({ type: 'broadcast', event: 'mixed', payload: { from: vsn, list: [1, 2, { deep: null }] } });
  });
});
