import { withServiceRole, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import type { RequestContext } from '@/lib/db';
import { guardDb } from '@/lib/db/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { requirePermission } from '@/lib/permissions/queries';
import { toOrganization, type Organization } from '@/lib/orgs/queries';
import {
  createOrganizationSchema,
  deleteOrganizationSchema,
  slugMessages,
  updateOrganizationSchema,
  type CreateOrganizationInput,
  type DeleteOrganizationInput,
  type UpdateOrganizationInput,
} from '@/lib/orgs/schemas';

interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
}

/**
 * Creates an organization with the user as its owner, in one transaction; the
 * audit triggers record both with the user as the actor. Service path (a
 * non-member cannot insert yet): `userId` must come from a verified session.
 */
export async function createOrganization(input: CreateOrganizationInput, context: RequestContext): Promise<Organization> {
  const { userId, name, slug } = parseInput(createOrganizationSchema, input);
  return withServiceRole('orgs: sign-up creates an organization and its first owner', async (tx) => {
    const [taken] = await tx`select 1 from public.organizations where lower(slug) = ${slug}`;
    if (taken) throw new AppError('conflict', slugMessages.taken, { field: 'slug' });
    const [user] = await tx`select 1 from auth.users where id = ${userId}`;
    if (!user) throw new AppError('unauthorized', 'Sign in to create an organization.');
    const [row] = await guardDb(
      tx<OrganizationRow[]>`insert into public.organizations (name, slug) values (${name}, ${slug})
                            returning id, name, slug, created_at`,
    );
    if (!row) throw new Error('insert returned no row');
    await tx`insert into public.memberships (org_id, user_id, role) values (${row.id}, ${userId}, 'owner')`;
    return toOrganization(row);
  }, { actorId: userId, context });
}

/** Renames the organization and/or changes its slug (holders of org:update). The old host stops resolving. */
export async function updateOrganization(tx: Tx, input: UpdateOrganizationInput): Promise<Organization> {
  const { orgId, name, slug } = parseInput(updateOrganizationSchema, input);
  const actor = await requirePermission(tx, orgId, 'org:update');
  const [before] = await tx<OrganizationRow[]>`
    select id, name, slug, created_at from public.organizations where id = ${orgId} for no key update`;
  if (!before) throw new AppError('not_found', 'Organization not found.');
  const nextName = name ?? before.name;
  const nextSlug = slug ?? before.slug;
  if (nextName === before.name && nextSlug === before.slug) return toOrganization(before);
  const [row] = await guardDb(
    tx<OrganizationRow[]>`update public.organizations set name = ${nextName}, slug = ${nextSlug}
                          where id = ${orgId} returning id, name, slug, created_at`,
  );
  if (!row) throw new AppError('not_found', 'Organization not found.');
  return toOrganization(row);
}

/**
 * Deletes the organization and, by cascade, all its tenant data including its
 * audit log (owners only; `confirmation` must equal the slug). The deletion is
 * logged to the server log, since no tenant log remains to hold it.
 */
export async function deleteOrganization(
  tx: Tx,
  input: DeleteOrganizationInput,
  context: RequestContext,
): Promise<Pick<Organization, 'id' | 'slug'>> {
  const { orgId, confirmation } = parseInput(deleteOrganizationSchema, input);
  const actor = await requirePermission(tx, orgId, 'org:delete');
  const [org] = await tx<{ slug: string }[]>`select slug from public.organizations where id = ${orgId}`;
  if (!org) throw new AppError('not_found', 'Organization not found.');
  if (confirmation.trim() !== org.slug) {
    throw new AppError('validation_failed', `Type "${org.slug}" to confirm the deletion.`, { field: 'confirmation' });
  }
  const deleted = await guardDb(tx`delete from public.organizations where id = ${orgId} returning id`);
  if (deleted.length !== 1) throw new AppError('forbidden', 'You do not have permission to do that.');
  log.info('organization.deleted', {
    orgId,
    slug: org.slug,
    actorId: actor.userId,
    requestId: context.requestId,
    ip: context.ip,
    userAgent: context.userAgent,
  });
  return { id: orgId, slug: org.slug };
}
