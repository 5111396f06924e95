import { z } from 'zod';
import { tenantApiRoute } from '@/lib/http/api-route';
import { deleteOrganization, updateOrganization } from '@/lib/orgs/service';
import { getOrganization } from '@/lib/orgs/queries';
import { deleteOrganizationSchema, updateOrganizationSchema } from '@/lib/orgs/schemas';
import { idSchema } from '@/lib/permissions/schemas';
import { forgetTenant } from '@/lib/tenancy/tenant-cache';

/** GET /api/admin/organizations/current → `{ data: { id, name, slug, createdAt, role, permissions } }` (members). */
export const GET = tenantApiRoute(z.object({ orgId: idSchema }), async ({ tx, input }) => {
  const { membership, ...organization } = await getOrganization(tx, input.orgId);
  return { body: { data: { ...organization, role: membership.role, permissions: membership.permissions } } };
});

/** PATCH `{ name?, slug? }` → `{ data: Organization }` (org:update). After a slug change the old host stops resolving. */
export const PATCH = tenantApiRoute(updateOrganizationSchema, async ({ tx, input, context, tenant }) => {
  const organization = await updateOrganization(tx, input);
  const afterCommit = organization.slug !== tenant.slug ? () => forgetTenant(tenant.slug, organization.slug) : undefined;
  return { body: { data: organization }, afterCommit };
});

/** DELETE `{ confirmation }` (the slug, typed) → 204 (org:delete: owners). Deletes all tenant data. */
export const DELETE = tenantApiRoute(deleteOrganizationSchema, async ({ tx, input, context }) => {
  const deleted = await deleteOrganization(tx, input, context);
  return { status: 204, afterCommit: () => forgetTenant(deleted.slug) };
});
