import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/request/client-address';
import { installForwardedHeadersHook } from '@/lib/request/forwarded-headers-hook';
import { forwardedStamp, STAMP_HEADER } from '@/lib/request/forwarded-stamp';
import { trustedProxiesSchema } from '@/lib/request/trusted-proxy';

/**
 * The hook over real HTTP: a Node server (as `next start` runs one) answers with
 * what the app would read from the request's headers. Clients connect from
 * 127.0.0.1 or 127.0.0.2 (both loopback on Linux), so one of them can play a
 * trusted proxy and the other an untrusted client.
 */
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, String(value));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ...clientAddress(headers), xff: req.headers['x-forwarded-for'] ?? null, realIp: req.headers['x-real-ip'] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Seen = { ip: string | null; host: string; proto: string | null; xff: string | null; realIp: string | null };

function get(from: string, headers: Record<string, string>): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', localAddress: from, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text) as Seen));
    });
    req.on('error', reject);
    req.end();
  });
}

const forged = {
  host: 'acme.localhost:3000',
  'x-forwarded-for': '203.0.113.9, 198.51.100.4',
  'x-forwarded-host': 'globex.localhost:3000',
  'x-forwarded-proto': 'https',
  'x-real-ip': '203.0.113.10',
  forwarded: 'for=203.0.113.11',
  [STAMP_HEADER]: 'guessed-stamp',
};

async function withHook<T>(value: string, run: () => Promise<T>): Promise<T> {
  const remove = installForwardedHeadersHook(trustedProxiesSchema.parse(value));
  try {
    return await run();
  } finally {
    remove();
  }
}

describe('forwarded headers hook', () => {
  it('TRUSTED_PROXIES=none: forged proxy headers change nothing; the socket and Host decide', async () => {
    const seen = await withHook('none', () => get('127.0.0.1', forged));
    expect(seen).toEqual({ ip: '127.0.0.1', host: 'acme.localhost:3000', proto: null, xff: '127.0.0.1', realIp: null });
  });

  it('a proxy list: an untrusted peer is treated as under none', async () => {
    const seen = await withHook('127.0.0.2', () => get('127.0.0.1', forged));
    expect(seen).toMatchObject({ ip: '127.0.0.1', host: 'acme.localhost:3000', proto: null });
  });

  it('a proxy list: a trusted peer speaks for the client (rightmost untrusted hop, its host and scheme)', async () => {
    const seen = await withHook('127.0.0.2', () => get('127.0.0.2', forged));
    expect(seen).toEqual({ ip: '198.51.100.4', host: 'globex.localhost:3000', proto: 'https', xff: '198.51.100.4', realIp: null });
  });

  it("keeps the values on Next.js's internal re-request, which carries this process's stamp", async () => {
    const internal = { host: 'localhost:3000', 'x-forwarded-for': '198.51.100.4', 'x-forwarded-host': 'acme.localhost:3000', [STAMP_HEADER]: forwardedStamp() };
    const seen = await withHook('none', () => get('127.0.0.1', internal));
    expect(seen).toMatchObject({ ip: '198.51.100.4', host: 'acme.localhost:3000' });
  });

  it('without the hook nothing is believed: Host only, and no IP', async () => {
    const seen = await get('127.0.0.1', forged);
    expect(seen).toMatchObject({ ip: null, host: 'acme.localhost:3000', proto: null });
  });
});
