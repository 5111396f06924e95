import { describe, expect, it } from 'vitest';
import { isHiddenPath, isSharedPath, isTenantOnlyPath, isWithin, requiresSession } from './paths';

describe('tenancy paths match whole segments', () => {
  it.each(['/account', '/account/', '/account/email', '/api', '/api/admin/users', '/auth/confirm', '/sign-in', '/invite/abc', '/workspaces'])(
    '%s is shared',
    (path) => {
      expect(isSharedPath(path)).toBe(true);
    },
  );

  it.each(['/accounting', '/accounts', '/apis', '/authors', '/sign-into', '/sign-up-now', '/invitees', '/workspace', '/workspaces-old', '/', '/members', '/w/acme'])(
    '%s is not shared (the tenant rewrite and sign-in apply)',
    (path) => {
      expect(isSharedPath(path)).toBe(false);
      expect(requiresSession(path, 'tenant')).toBe(true);
    },
  );

  it('tenant-only paths stop at a segment boundary too', () => {
    expect(isTenantOnlyPath('/api/audit')).toBe(true);
    expect(isTenantOnlyPath('/api/audit/export')).toBe(true);
    expect(isTenantOnlyPath('/api/admin/users')).toBe(true);
    expect(isTenantOnlyPath('/api/auditing')).toBe(false);
    expect(isTenantOnlyPath('/api/administrators')).toBe(false);
    expect(isTenantOnlyPath('/invitee')).toBe(false);
  });

  it('pages that need a session on the apex', () => {
    expect(requiresSession('/account', 'apex')).toBe(true);
    expect(requiresSession('/new-organization', 'apex')).toBe(true);
    expect(requiresSession('/workspaces', 'apex')).toBe(true);
    expect(requiresSession('/workspaces', 'tenant')).toBe(true);
    expect(requiresSession('/new-organizations-list', 'apex')).toBe(false);
    expect(requiresSession('/accounting', 'apex')).toBe(false);
    expect(requiresSession('/api/audit', 'tenant')).toBe(false);
    expect(requiresSession('/sign-in', 'tenant')).toBe(false);
  });

  it('isWithin', () => {
    expect(isWithin('/a/b', '/a')).toBe(true);
    expect(isWithin('/ab', '/a')).toBe(false);
  });
});

describe('isHiddenPath', () => {
  it.each([
    ['/w', true],
    ['/w/acme/members', true],
    ['/api/bench', true],
    ['/api/bench/bare-sql', true],
    ['/api/bench/constant', true],
    ['/api/benchmarks', false],
    ['/api/audit', false],
    ['/workspace-not-found', false],
  ])('in a normal start %s → %s', (pathname, hidden) => {
    expect(isHiddenPath(pathname, false)).toBe(hidden);
  });

  it('serves the benchmark routes only when the server was started for benchmarking', () => {
    expect(isHiddenPath('/api/bench/bare-sql', true)).toBe(false);
    expect(isHiddenPath('/api/bench/constant', true)).toBe(false);
    expect(isHiddenPath('/w/acme', true)).toBe(true);
  });
});
