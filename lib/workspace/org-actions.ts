'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formFields } from '@/lib/auth/form-data';
import type { FormState } from '@/lib/forms/form-state';
import { env } from '@/lib/env';
import { handoffUrl } from '@/lib/handoff/go-to-host';
import { actionFailure, runTenantAction } from '@/lib/http/tenant-action';
import { leaveOrganization, transferOwnership } from '@/lib/members/service';
import { deleteOrganization, updateOrganization } from '@/lib/orgs/service';
import { apexOrigin } from '@/lib/tenancy/host';
import { forgetTenant } from '@/lib/tenancy/tenant-cache';

const apex = () => apexOrigin(env().NEXT_PUBLIC_ROOT_DOMAIN);

/** Rename and/or change the subdomain; a new subdomain moves the user to the new host. */
export async function updateOrganizationAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const values = { name: fields.name ?? '', slug: fields.slug ?? '' };
  const result = await runTenantAction(async ({ tx, tenant, user, context }) => {
    const org = await updateOrganization(tx, { orgId: tenant.id, name: values.name, slug: values.slug });
    return { org, oldSlug: tenant.slug, userId: user.id };
  });
  if (!result.ok) return actionFailure(result, values);
  const { org, oldSlug, userId } = result.value;
  forgetTenant(oldSlug, org.slug);
  // Back to the settings page, on the new host.
  if (org.slug !== oldSlug) redirect(await handoffUrl(userId, org.slug, '/settings'));
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Organization saved.', values: { name: org.name, slug: org.slug } };
}

export async function deleteOrganizationAction(_: FormState, formData: FormData): Promise<FormState> {
  const confirmation = String(formData.get('confirmation') ?? '');
  const result = await runTenantAction(({ tx, tenant, context }) =>
    deleteOrganization(tx, { orgId: tenant.id, confirmation }, context),
  );
  if (!result.ok) return actionFailure(result);
  forgetTenant(result.value.slug);
  redirect(`${apex()}/?notice=organization-deleted`);
}

export async function leaveOrganizationAction(_: FormState): Promise<FormState> {
  const result = await runTenantAction(({ tx, tenant, context }) => leaveOrganization(tx, { orgId: tenant.id }));
  if (!result.ok) return actionFailure(result);
  redirect(apex());
}

export async function transferOwnershipAction(_: FormState, formData: FormData): Promise<FormState> {
  const userId = String(formData.get('userId') ?? '');
  const values = { userId };
  if (formData.get('confirm') !== 'yes') return { fieldErrors: { confirm: 'Tick the box to confirm the transfer.' }, values };
  const result = await runTenantAction(({ tx, tenant, context }) =>
    transferOwnership(tx, { orgId: tenant.id, userId, confirm: true }),
  );
  if (!result.ok) return actionFailure(result, values);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Ownership transferred. You are now an admin.' };
}
