import { z } from 'zod';

/** Roles from highest to lowest; levels mirror public.roles (a test keeps them equal). */
export const roles = ['owner', 'admin', 'member', 'viewer'] as const;
export const roleSchema = z.enum(roles, { error: 'Role must be one of owner, admin, member or viewer.' });
export type Role = z.infer<typeof roleSchema>;

export const roleLevels: Readonly<Record<Role, number>> = { owner: 40, admin: 30, member: 20, viewer: 10 };

/** Permissions named area:action, mirroring public.permissions (a test keeps them equal). */
export const permissions = [
  'org:read',
  'org:update',
  'org:delete',
  'members:read',
  'members:invite',
  'members:update_role',
  'members:remove',
  'audit:read',
  'billing:manage',
  'templates:read',
  'projects:read',
  'projects:create',
  'projects:deploy',
  'tasks:read',
  'tasks:create',
  'tasks:assign',
  'approvals:read',
  'approvals:decide',
  'tasks:update',
  'tasks:delete',
  'comments:create',
  'approvals:create',
  'approvals:manage',
  'notifications:manage',
] as const;
export const permissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof permissionSchema>;

/** Ids of rows (organizations, users, invitations). */
export const idSchema = z.guid('Must be an id.');

/** True when `actor` may grant or act on `target` (same level or below). */
export function outranksOrEquals(actor: Role, target: Role): boolean {
  return roleLevels[actor] >= roleLevels[target];
}
