import { withServiceRole, type Tx } from '@/lib/db';
import { organizationNotFound, requireMembership, type Membership } from '@/lib/permissions/queries';
import type { Role } from '@/lib/permissions/schemas';
import { slugMessages, slugSchema } from './schemas';

export interface Organization {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
}

export interface OrganizationForUser extends Organization {
  role: Role;
}

export type SlugAvailability = { available: true; reason: null } | { available: false; reason: string };

interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
}

export function toOrganization(row: OrganizationRow): Organization {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at };
}

/**
 * Whether a subdomain can be taken, with the reason when not (format rule,
 * reserved, taken). Service path: uniqueness spans every organization, which no
 * caller may read; only a boolean leaves this function.
 */
export async function checkSlugAvailability(slug: string): Promise<SlugAvailability> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return { available: false, reason: parsed.error.issues[0]?.message ?? slugMessages.characters };
  const taken = await withServiceRole('orgs: slug availability spans all organizations', async (tx) => {
    const rows = await tx`
      select 1 from public.organizations where lower(slug) = ${parsed.data}
      union all
      select 1 from public.reserved_slugs where slug = ${parsed.data}
      limit 1`;
    return rows.length > 0;
  });
  return taken ? { available: false, reason: slugMessages.taken } : { available: true, reason: null };
}

/**
 * Host → tenant for middleware: the organization with this slug, or null.
 * Service path: it runs before anyone is known to be a member.
 */
export async function resolveOrganizationBySlug(slug: string): Promise<Pick<Organization, 'id' | 'name' | 'slug'> | null> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const rows = await withServiceRole(
    'orgs: resolve tenant host for routing',
    (tx) => tx<{ id: string; name: string; slug: string }[]>`
      select id, name, slug from public.organizations where lower(slug) = ${parsed.data}`,
  );
  const row = rows[0];
  return row ? { id: row.id, name: row.name, slug: row.slug } : null;
}

/** The caller's organizations with their role in each, by name (for the switcher). */
export async function listOrganizationsForUser(tx: Tx): Promise<OrganizationForUser[]> {
  const rows = await tx<(OrganizationRow & { role: Role })[]>`
    select o.id, o.name, o.slug, o.created_at, m.role
    from public.memberships m
    join public.organizations o on o.id = m.org_id
    where m.user_id = (select auth.uid())
    order by lower(o.name), o.id`;
  return rows.map((row) => ({ ...toOrganization(row), role: row.role }));
}

/** The organization and the caller's membership in it; not_found for non-members. */
export async function getOrganization(tx: Tx, orgId: string): Promise<Organization & { membership: Membership }> {
  const membership = await requireMembership(tx, orgId);
  const [row] = await tx<OrganizationRow[]>`
    select id, name, slug, created_at from public.organizations where id = ${orgId}`;
  if (!row) throw organizationNotFound();
  return { ...toOrganization(row), membership };
}
