import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealtimeTokenSource, REFRESH_MARGIN_SECONDS } from './token-source';

/** A stand-in token route: answers with the queued responses, counting requests. */
let server: http.Server;
let url: string;
const queue: { status: number; body: unknown }[] = [];
let requests = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests += 1;
    const next = queue.shift() ?? { status: 500, body: { error: { code: 'internal', message: 'empty queue' } } };
    res.writeHead(next.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(next.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth/realtime-token`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createRealtimeTokenSource', () => {
  it('caches the token until it nears expiry, then fetches the next one; signed out is null', async () => {
    let clock = 1_000_000;
    const source = createRealtimeTokenSource({ url, now: () => clock });
    requests = 0;
    queue.push({ status: 200, body: { access_token: 'first', expires_at: clock + 3600 } });
    expect(await Promise.all([source(), source()])).toEqual(['first', 'first']);
    expect(requests).toBe(1);

    clock += 3600 - REFRESH_MARGIN_SECONDS - 1;
    expect(await source()).toBe('first');
    expect(requests).toBe(1);

    clock += 2;
    queue.push({ status: 200, body: { access_token: 'second', expires_at: clock + 3600 } });
    expect(await source()).toBe('second');
    expect(requests).toBe(2);

    clock += 3600;
    queue.push({ status: 503, body: { error: { code: 'unavailable', message: 'down' } } });
    expect(await source()).toBe('second');
    queue.push({ status: 401, body: { error: { code: 'unauthorized', message: 'Sign in to continue.' } } });
    expect(await source()).toBeNull();
    expect(requests).toBe(4);
  });
});
