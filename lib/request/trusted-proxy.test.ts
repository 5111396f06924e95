import { describe, expect, it } from 'vitest';
import { normalizeIp, resolveClient, trustedProxiesSchema, type ProxyTrust } from '@/lib/request/trusted-proxy';

const trust = (value: string | undefined): ProxyTrust => trustedProxiesSchema.parse(value);

const forged = {
  host: 'acme.example.com',
  'x-forwarded-for': '203.0.113.9',
  'x-forwarded-host': 'evil.example.com',
  'x-forwarded-proto': 'https',
  'x-real-ip': '203.0.113.10',
};

describe('TRUSTED_PROXIES', () => {
  it('defaults to none and reads vercel and address lists', () => {
    expect(trust(undefined).kind).toBe('none');
    expect(trust(' NONE ').kind).toBe('none');
    expect(trust('vercel').kind).toBe('vercel');
    const list = trust('10.0.0.1, 10.0.0.0/8,fd00::/8,::1');
    expect(list.kind === 'proxies' && list.entries).toEqual(['10.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1']);
  });

  it.each(['proxy.internal', '10.0.0.0/33', '10.0.0.1/8/2', 'fd00::/129', '1.2.3', '10.0.0.0/x'])('refuses %s', (value) => {
    const parsed = trustedProxiesSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('must be none, vercel, or addresses/CIDR ranges');
  });
});

describe('normalizeIp', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' ::FFFF:127.0.0.1 ', '127.0.0.1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['198.51.100.7:8080', '198.51.100.7'],
    ['2001:DB8::1', '2001:db8::1'],
    ['unknown', null],
    ['', null],
    ['1.2.3.4, 5.6.7.8', null],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeIp(raw)).toBe(expected);
  });
});

describe('resolveClient', () => {
  it('none: the peer and Host decide, whatever the client says about proxies', () => {
    expect(resolveClient({ peer: '::ffff:198.51.100.1', headers: forged }, trust('none'))).toEqual({
      ip: '198.51.100.1',
      host: 'acme.example.com',
      proto: null,
    });
    expect(resolveClient({ peer: null, headers: forged }, trust('none'))).toEqual({ ip: null, host: 'acme.example.com', proto: null });
  });

  it("vercel: the edge's own headers", () => {
    expect(resolveClient({ peer: '10.1.1.1', headers: { ...forged, host: 'ACME.example.com' } }, trust('vercel'))).toEqual({
      ip: '203.0.113.10',
      host: 'evil.example.com',
      proto: 'https',
    });
    const noRealIp = { host: 'acme.example.com', 'x-forwarded-for': '203.0.113.9' };
    expect(resolveClient({ peer: null, headers: noRealIp }, trust('vercel'))).toEqual({ ip: '203.0.113.9', host: 'acme.example.com', proto: null });
  });

  it('proxies: headers count only on a connection from a trusted address', () => {
    const list = trust('10.0.0.0/8');
    expect(resolveClient({ peer: '198.51.100.1', headers: forged }, list)).toEqual({ ip: '198.51.100.1', host: 'acme.example.com', proto: null });
    expect(resolveClient({ peer: '10.0.0.5', headers: forged }, list)).toEqual({ ip: '203.0.113.9', host: 'evil.example.com', proto: 'https' });
  });

  it('proxies: walks X-Forwarded-For from the right past trusted hops, so a prefix the client wrote is ignored', () => {
    const list = trust('10.0.0.1,10.0.0.2');
    const headers = { host: 'a.example.com', 'x-forwarded-for': ['1.1.1.1, 203.0.113.9', '10.0.0.2'] };
    expect(resolveClient({ peer: '10.0.0.1', headers }, list).ip).toBe('203.0.113.9');
    // Every hop trusted: the furthest one is the client (an internal caller).
    expect(resolveClient({ peer: '10.0.0.1', headers: { 'x-forwarded-for': '10.0.0.2' } }, list).ip).toBe('10.0.0.2');
    expect(resolveClient({ peer: '10.0.0.1', headers: {} }, list).ip).toBe('10.0.0.1');
    // A hop that is not an address: the client cannot be known.
    expect(resolveClient({ peer: '10.0.0.1', headers: { 'x-forwarded-for': 'garbage, 10.0.0.2' } }, list).ip).toBeNull();
  });

  it('proxies: the last X-Forwarded-Host and -Proto are the trusted hop’s own', () => {
    const headers = { host: 'internal:3000', 'x-forwarded-host': 'evil.example.com, acme.example.com', 'x-forwarded-proto': 'http,https' };
    expect(resolveClient({ peer: '2001:db8::5', headers }, trust('2001:db8::/64'))).toEqual({
      ip: '2001:db8::5',
      host: 'acme.example.com',
      proto: 'https',
    });
  });
});
