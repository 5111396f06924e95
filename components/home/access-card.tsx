import { Badge } from '@/components/ui/badge';
import type { Role } from '@/lib/permissions/schemas';
import { HomeCard } from './home-card';

const summaries: Record<Role, string> = {
  owner: 'You own this organization: you manage members, settings and billing, and can delete it.',
  admin: 'You invite and manage members, change settings and read the audit log.',
  member: 'You create projects and tasks and assign work.',
  viewer: 'You can see everything here but not change it.',
};

/** The member's role and what it lets them do. */
export function AccessCard({ role, email }: { role: Role; email: string }) {
  return (
    <HomeCard id="access" title="Your access" aside={<Badge tone={role === 'owner' || role === 'admin' ? 'primary' : 'neutral'}>{role}</Badge>}>
      <p className="text-sm text-muted">{summaries[role]}</p>
      <p className="mt-3 text-xs text-muted [overflow-wrap:anywhere]">Signed in as {email}</p>
    </HomeCard>
  );
}
