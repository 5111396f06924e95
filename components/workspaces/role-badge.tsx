import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Role } from '@/lib/permissions/schemas';

// Owners stand out; the others read by their word (the kit's success tone is below 4.5:1 on its tint in light mode).
const tones: Record<Role, BadgeTone> = { owner: 'primary', admin: 'neutral', member: 'outline', viewer: 'outline' };

/** A member's role as a badge: the word carries the meaning, the tone sets owners and admins apart. */
export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={tones[role]}>{role.charAt(0).toUpperCase() + role.slice(1)}</Badge>;
}
