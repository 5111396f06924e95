import { describe, expect, it } from 'vitest';
import { classifyHost } from './host';
import { cachedTenant, forgetTenant } from './tenant-cache';

describe('classifyHost', () => {
  it.each([
    ['localhost:3000', { kind: 'apex' }],
    ['LOCALHOST:3000', { kind: 'apex' }],
    ['127.0.0.1:3000', { kind: 'apex' }],
    ['acme.localhost:3000', { kind: 'tenant', slug: 'acme' }],
    ['Acme-2.localhost:3000', { kind: 'tenant', slug: 'acme-2' }],
    ['a.b.localhost:3000', { kind: 'unknown' }],
    ['acme.localhost:3001', { kind: 'unknown' }],
    ['evil.com', { kind: 'unknown' }],
    ['', { kind: 'unknown' }],
  ])('%s', (host, expected) => {
    expect(classifyHost(host, 'localhost:3000')).toEqual(expected);
  });

  it('works for a production root domain', () => {
    expect(classifyHost('acme.example.com', 'example.com')).toEqual({ kind: 'tenant', slug: 'acme' });
    expect(classifyHost('www.example.com', 'example.com')).toEqual({ kind: 'apex' });
  });
});

describe('tenant cache', () => {
  it('serves hits within the TTL, reloads after it, and forgets on demand', async () => {
    let loads = 0;
    const load = async (slug: string) => {
      loads++;
      return { id: '1', name: 'Acme', slug };
    };
    await cachedTenant('cache-a', load, 0);
    await cachedTenant('cache-a', load, 5_000);
    expect(loads).toBe(1);
    await cachedTenant('cache-a', load, 20_000);
    expect(loads).toBe(2);
    forgetTenant('cache-a');
    await cachedTenant('cache-a', load, 20_001);
    expect(loads).toBe(3);
  });

  it('caches misses too (unknown subdomains do not hammer the database)', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      return null;
    };
    expect(await cachedTenant('cache-missing', load, 0)).toBeNull();
    expect(await cachedTenant('cache-missing', load, 1)).toBeNull();
    expect(loads).toBe(1);
  });
});
