import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenAddressReason } from './address-policy';
import { createSafeFetch, OutboundFailedError, OutboundRefusedError, type Resolver } from './safe-fetch';

/** Names resolved by a resolver injected for the test: never the network. */
const zone: Record<string, string[]> = {
  'internal.example.com': ['10.0.0.5'],
  'loop.example.com': ['127.0.0.1'],
  'meta.example.com': ['169.254.169.254'],
  'meta6.example.com': ['fd00:ec2::254'],
  'cgnat.example.com': ['100.64.1.1'],
  'mapped.example.com': ['::ffff:10.0.0.1'],
  'nat64.example.com': ['64:ff9b::a00:1'],
  'mixed.example.com': ['93.184.216.34', '192.168.1.1'],
  'v6local.example.com': ['fe80::1'],
  'ula.example.com': ['fc00::1'],
  'zero.example.com': ['0.0.0.0'],
  'multicast.example.com': ['224.0.0.1'],
};
let lookups = 0;
const resolver: Resolver = async (name) => {
  lookups += 1;
  const addresses = zone[name];
  if (!addresses) throw new Error('ENOTFOUND');
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const refusedUrls = [
  'http://example.com/hook',
  'ftp://example.com/hook',
  'file:///etc/passwd',
  'gopher://example.com/',
  'https://user:pass@example.com/hook',
  'https://token@example.com/hook',
  'https://127.0.0.1/',
  'https://127.1/',
  'https://2130706433/',
  'https://0x7f000001/',
  'https://0x7f.0.0.1/',
  'https://0177.0.0.1/',
  'https://017700000001/',
  'https://10.0.0.1/',
  'https://172.16.0.1/',
  'https://192.168.0.1/',
  'https://169.254.169.254/latest/meta-data/',
  'https://100.64.0.1/',
  'https://0.0.0.0/',
  'https://0/',
  'https://255.255.255.255/',
  'https://224.0.0.1/',
  'https://[::1]/',
  'https://[::]/',
  'https://[::ffff:127.0.0.1]/',
  'https://[::ffff:a9fe:a9fe]/',
  'https://[::127.0.0.1]/',
  'https://[64:ff9b::7f00:1]/',
  'https://[fd00:ec2::254]/',
  'https://[fe80::1]/',
  'https://[fc00::1]/',
  'https://[ff02::1]/',
  'https://[2002:7f00:1::]/',
  'https://localhost/',
  'https://LOCALHOST./',
  'https://app.localhost/',
  'https://printer.local/',
  'https://metadata.google.internal/',
  'https://intranet/',
  'not a url',
];
const refusedNames = Object.keys(zone).map((name) => `https://${name}/hook`);

describe('SSRF-safe fetch: refused URLs', () => {
  const fetchSafely = createSafeFetch({ resolve: resolver, timeoutMs: 500 });

  it(`refuses ${refusedUrls.length} URLs before any connection`, async () => {
    expect(refusedUrls.length).toBeGreaterThanOrEqual(30);
    for (const url of refusedUrls) {
      await expect(fetchSafely({ url }), url).rejects.toBeInstanceOf(OutboundRefusedError);
    }
  });

  it(`refuses ${refusedNames.length} names that resolve to inside addresses, checking every address, one lookup each`, async () => {
    for (const url of refusedNames) {
      lookups = 0;
      await expect(fetchSafely({ url }), url).rejects.toThrow(/resolves to .*, which is/);
      expect(lookups).toBe(1);
    }
  });

  it('a name that does not resolve fails as retryable, not refused', async () => {
    await expect(fetchSafely({ url: 'https://nowhere.example.com/' })).rejects.toBeInstanceOf(OutboundFailedError);
  });

  it('lets public unicast through the address rules', () => {
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700::1111', '8.8.8.8']) expect(forbiddenAddressReason(address)).toBeNull();
    expect(forbiddenAddressReason('2001:db8::1')).toBe('documentation');
  });
});

describe('SSRF-safe fetch against a local server (allow-listed host:port)', () => {
  let server: http.Server;
  let inside: http.Server;
  let insideHits = 0;
  let base = '';
  let insideUrl = '';
  beforeAll(async () => {
    inside = http.createServer((_req, res) => {
      insideHits += 1;
      res.end('secret');
    });
    server = http.createServer((req, res) => {
      if (req.url === '/redirect-meta') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else if (req.url === '/redirect-inside') res.writeHead(307, { location: insideUrl }).end();
      else if (req.url === '/big') res.end('x'.repeat(100_000));
      else if (req.url === '/slow') setTimeout(() => res.end('late'), 2000);
      else res.writeHead(200, { 'content-type': 'text/plain' }).end(`ok ${req.method}`);
    });
    await Promise.all([new Promise<void>((r) => server.listen(0, '127.0.0.1', r)), new Promise<void>((r) => inside.listen(0, '127.0.0.1', r))]);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    insideUrl = `http://127.0.0.1:${(inside.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server.close();
    inside.close();
  });
  const allowed = () => createSafeFetch({ resolve: resolver, allowedHosts: [base.slice('http://'.length)], timeoutMs: 300, maxResponseBytes: 1024 });

  it('reaches an allow-listed host:port over http, and only that port', async () => {
    const response = await allowed()({ url: `${base}/hook`, body: '{}' });
    expect(response).toMatchObject({ status: 200, ok: true, body: 'ok POST', truncated: false });
    await expect(allowed()({ url: insideUrl })).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(insideHits).toBe(0);
  });

  it('never follows a redirect: a 3xx to metadata or to an inside server is a failed response', async () => {
    for (const path of ['/redirect-meta', '/redirect-inside']) {
      const response = await allowed()({ url: `${base}${path}` });
      expect(response.ok).toBe(false);
      expect(response.status).toBeGreaterThanOrEqual(300);
      expect(response.status).toBeLessThan(400);
    }
    expect(insideHits).toBe(0);
  });

  it('caps the response body and times out a slow answer', async () => {
    const big = await allowed()({ url: `${base}/big` });
    expect(big.truncated).toBe(true);
    expect(big.body.length).toBeLessThanOrEqual(1024);
    await expect(allowed()({ url: `${base}/slow` })).rejects.toThrow(/no answer within 300 ms/);
  });
});
