import { describe, expect, it } from 'vitest';
import { isRootOrTenantHost } from './origin';

describe('isRootOrTenantHost', () => {
  it.each([
    ['localhost:3000', true],
    ['acme.localhost:3000', true],
    ['my-org-2.localhost:3000', true],
    ['evil.com', false],
    ['localhost:3000.evil.com', false],
    ['a.b.localhost:3000', false],
    ['-bad.localhost:3000', false],
    ['acme.localhost:4000', false],
  ])('%s → %s', (host, expected) => {
    expect(isRootOrTenantHost(host, 'localhost:3000')).toBe(expected);
  });
});
