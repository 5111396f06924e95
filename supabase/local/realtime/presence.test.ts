import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRealtimeClients, Inbox, realtimeClient, subscribed, VSNS, type Vsn } from '../../../tests/setup/realtime.ts';

afterEach(closeRealtimeClients);

type PresenceEvent = { event: string; key: string; newPresences?: Record<string, unknown>[]; leftPresences?: Record<string, unknown>[] };

describe.each(VSNS)('presence, vsn %s', (vsn: Vsn) => {
  it('two clients see each other track, update, untrack and leave', async () => {
    const topic = `lobby-${crypto.randomUUID()}`;
    const aliceEvents = new Inbox<PresenceEvent>();
    const alice = await subscribed(
      realtimeClient({ vsn })
        .channel(topic, { config: { presence: { key: 'alice' } } })
        .on('presence', { event: 'join' }, (p) => aliceEvents.push({ ...p, event: 'join' }))
        .on('presence', { event: 'leave' }, (p) => aliceEvents.push({ ...p, event: 'leave' })),
    );
    expect(await alice.track({ status: 'online' })).toBe('ok');
    await aliceEvents.find((e) => e.event === 'join' && e.key === 'alice');

    const bobSyncs = new Inbox<number>();
    const bob = await subscribed(
      realtimeClient({ vsn })
        .channel(topic, { config: { presence: { key: 'bob' } } })
        .on('presence', { event: 'sync' }, () => bobSyncs.push(Date.now())),
    );
    await bobSyncs.atLeast(1);
    expect(bob.presenceState()).toEqual({ alice: [expect.objectContaining({ status: 'online', presence_ref: expect.any(String) })] });

    expect(await bob.track({ status: 'typing' })).toBe('ok');
    const bobJoined = await aliceEvents.find((e) => e.event === 'join' && e.key === 'bob');
    expect(bobJoined.newPresences).toEqual([expect.objectContaining({ status: 'typing' })]);
    expect(Object.keys(alice.presenceState()).sort()).toEqual(['alice', 'bob']);

    expect(await bob.track({ status: 'idle' })).toBe('ok');
    await aliceEvents.find((e) => e.event === 'join' && e.key === 'bob' && e.newPresences?.[0]?.status === 'idle');
    expect(alice.presenceState().bob).toEqual([expect.objectContaining({ status: 'idle' })]);

    expect(await bob.untrack()).toBe('ok');
    await aliceEvents.find((e) => e.event === 'leave' && e.key === 'bob' && e.leftPresences?.[0]?.status === 'idle');
    expect(Object.keys(alice.presenceState())).toEqual(['alice']);

    await bob.track({ status: 'back' });
    await aliceEvents.find((e) => e.event === 'join' && e.key === 'bob' && e.newPresences?.[0]?.status === 'back');
    await bob.unsubscribe();
    await aliceEvents.find((e) => e.event === 'leave' && e.key === 'bob' && e.leftPresences?.[0]?.status === 'back');
    expect(Object.keys(alice.presenceState())).toEqual(['alice']);
  });

  it('a track payload that is not a map is refused', async () => {
    const channel = await subscribed(realtimeClient({ vsn }).channel(`lobby-${crypto.randomUUID()}`));
    expect(await channel.send({ type: 'presence', event: 'track', payload: 'not a map' })).toBe('error');
  });
});
