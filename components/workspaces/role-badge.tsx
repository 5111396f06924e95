import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Role } from '@/lib/permissions/schemas';

const tones: Record<Role, BadgeTone> = { owner: 'primary', admin: 'success', member: 'neutral', viewer: 'outline' };

/** A member's role as a badge: the word carries the meaning, the tone sets owners and admins apart. */
export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={tones[role]}>{role.charAt(0).toUpperCase() + role.slice(1)}</Badge>;
}
