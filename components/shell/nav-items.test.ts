import { describe, expect, it } from 'vitest';
import { Settings } from 'lucide-react';
import { permissions, type Permission } from '@/lib/permissions/schemas';
import { isCurrentNavItem, navItems, tenantPath, visibleNavItems, type NavItem } from './nav-items';

const ids = (items: NavItem[]) => items.map((item) => item.id);

/** What the seeded roles hold (supabase/migrations/20261122100000_permissions.sql), for the areas that exist. */
const viewer: Permission[] = ['org:read', 'members:read', 'templates:read', 'projects:read', 'tasks:read', 'approvals:read'];
const admin: Permission[] = [...viewer, 'members:invite', 'members:update_role', 'members:remove', 'audit:read', 'org:update'];

describe('visibleNavItems', () => {
  it('shows every area to a member holding every permission, in list order', () => {
    expect(ids(visibleNavItems(permissions))).toEqual(['overview', 'tasks', 'approvals', 'notifications', 'members', 'audit', 'channels', 'settings']);
  });

  it('hides the audit log from a viewer (no audit:read) and keeps the rest', () => {
    expect(ids(visibleNavItems(viewer))).toEqual(['overview', 'tasks', 'approvals', 'notifications', 'members', 'settings']);
    expect(ids(visibleNavItems(admin))).toEqual(['overview', 'tasks', 'approvals', 'notifications', 'members', 'audit', 'settings']);
    expect(ids(visibleNavItems([...admin, 'notifications:manage']))).toContain('channels');
  });

  it('keeps areas without a permission even when the member holds none', () => {
    expect(ids(visibleNavItems([]))).toEqual(['overview', 'notifications', 'settings']);
  });

  it('filters a later area by its own permission: one entry is all it takes', () => {
    const billing: NavItem = { id: 'billing', href: '/billing', label: 'Billing', icon: Settings, permission: 'billing:manage', section: 'organization' };
    const items = [...navItems, billing];
    expect(ids(visibleNavItems(admin, items))).not.toContain('billing');
    expect(ids(visibleNavItems([...admin, 'billing:manage'], items)).at(-1)).toBe('billing');
  });

  it('gives every area a unique id and href, and a label', () => {
    expect(new Set(navItems.map((i) => i.id)).size).toBe(navItems.length);
    expect(new Set(navItems.map((i) => i.href)).size).toBe(navItems.length);
    for (const item of navItems) expect(item.label.trim()).not.toBe('');
  });
});

describe('isCurrentNavItem', () => {
  const overview = { href: '/' };
  const members = { href: '/members' };

  it.each([
    ['/', overview, true],
    ['/members', overview, false],
    ['/members', members, true],
    ['/members/', members, true],
    ['/members/123', members, true],
    ['/membership', members, false],
    ['/w/acme', overview, true],
    ['/w/acme/', overview, true],
    ['/w/acme/members', members, true],
    ['/w/acme/members', overview, false],
  ])('%s in %j → %s', (pathname, item, expected) => {
    expect(isCurrentNavItem(item, pathname)).toBe(expected);
  });

  it('reads the tenant path from the rewritten one', () => {
    expect(tenantPath('/w/acme/audit')).toBe('/audit');
    expect(tenantPath('/audit')).toBe('/audit');
    expect(tenantPath('/')).toBe('/');
  });
});
