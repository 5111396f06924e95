import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { SelectOption } from '@/components/ui/select';
import type { Role } from '@/lib/permissions/schemas';

const labels: Record<Role, string> = { owner: 'Owner', admin: 'Admin', member: 'Member', viewer: 'Viewer' };
const tones: Record<Role, BadgeTone> = { owner: 'primary', admin: 'neutral', member: 'outline', viewer: 'outline' };
const descriptions: Record<Role, string> = {
  owner: 'Everything, including deleting the organization',
  admin: 'Manages members and settings',
  member: 'Works in the workspace',
  viewer: 'Sees everything, changes nothing',
};

export const roleLabel = (role: Role) => labels[role];

/** A role as a badge (the owner stands out). */
export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={tones[role]}>{labels[role]}</Badge>;
}

/** Roles as Select options, each with a line on what it may do. */
export function roleOptions(roles: readonly Role[], { describe = true } = {}): SelectOption[] {
  return roles.map((role) => ({ value: role, label: labels[role], description: describe ? descriptions[role] : undefined }));
}
