import { Bell, FileCheck, KanbanSquare, LayoutDashboard, Megaphone, ScrollText, Settings, Users, type LucideIcon } from 'lucide-react';
import type { Permission } from '@/lib/permissions/schemas';

/** Where an area sits in the sidebar: the day-to-day work, or running the organization. */
export type NavSection = 'workspace' | 'organization';

export interface NavItem {
  /** Stable key (React key, palette value, test ids). */
  id: string;
  /** Path on the tenant host ("/members"); "/" is the workspace home. */
  href: string;
  label: string;
  icon: LucideIcon;
  /** The permission that opens the area; none means every member sees it. */
  permission?: Permission;
  section: NavSection;
  /** Extra words the command palette matches ("people" finds Members). */
  keywords?: string[];
}

/** Sections in sidebar order; the first, the day-to-day work, needs no heading. */
export const navSections: { id: NavSection; label?: string }[] = [
  { id: 'workspace' },
  { id: 'organization', label: 'Organization' },
];

/**
 * Every area of a workspace, in sidebar order. The sidebar and the command palette
 * both read this list, filtered by the member's permissions (visibleNavItems).
 * A new area (tasks, approvals, chat, templates, projects, billing) is one entry here
 * plus its page under app/(tenant)/w/[slug]/.
 */
export const navItems: readonly NavItem[] = [
  { id: 'overview', href: '/', label: 'Overview', icon: LayoutDashboard, section: 'workspace', keywords: ['home', 'dashboard'] },
  { id: 'tasks', href: '/tasks', label: 'Tasks', icon: KanbanSquare, permission: 'tasks:read', section: 'workspace', keywords: ['board', 'work', 'todo', 'kanban', 'list'] },
  { id: 'approvals', href: '/approvals', label: 'Approvals', icon: FileCheck, permission: 'approvals:read', section: 'workspace', keywords: ['sign-off', 'approve', 'reject', 'requests', 'inbox', 'policies'] },
  { id: 'notifications', href: '/notifications', label: 'Notifications', icon: Bell, section: 'workspace', keywords: ['inbox', 'bell', 'alerts', 'preferences'] },
  { id: 'members', href: '/members', label: 'Members', icon: Users, permission: 'members:read', section: 'organization', keywords: ['people', 'team', 'invite', 'roles'] },
  { id: 'audit', href: '/audit', label: 'Audit log', icon: ScrollText, permission: 'audit:read', section: 'organization', keywords: ['history', 'activity', 'events'] },
  { id: 'channels', href: '/channels', label: 'Notification channels', icon: Megaphone, permission: 'notifications:manage', section: 'organization', keywords: ['slack', 'webhook', 'email', 'deliveries', 'delivery log'] },
  { id: 'settings', href: '/settings', label: 'Settings', icon: Settings, section: 'organization', keywords: ['name', 'subdomain', 'address', 'delete', 'transfer'] },
];

/** The areas a member with these permissions may open, in list order. */
export function visibleNavItems(permissions: readonly Permission[], items: readonly NavItem[] = navItems): NavItem[] {
  const held = new Set(permissions);
  return items.filter((item) => !item.permission || held.has(item.permission));
}

/**
 * The tenant path of a pathname: middleware rewrites `/members` on a tenant host to
 * `/w/<slug>/members`, and either form may reach the client.
 */
export function tenantPath(pathname: string): string {
  const stripped = pathname.replace(/^\/w\/[^/]+(?=\/|$)/, '');
  const path = stripped === '' ? '/' : stripped;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** True when `pathname` is the item's page or one below it ("/members/123" is in Members). */
export function isCurrentNavItem(item: Pick<NavItem, 'href'>, pathname: string): boolean {
  const path = tenantPath(pathname);
  if (item.href === '/') return path === '/';
  return path === item.href || path.startsWith(`${item.href}/`);
}
