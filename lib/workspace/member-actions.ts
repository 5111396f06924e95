'use server';

import { revalidatePath } from 'next/cache';
import { formFields } from '@/lib/auth/form-data';
import type { FormState } from '@/lib/forms/form-state';
import { actionFailure, runTenantAction } from '@/lib/http/tenant-action';
import { inviteMember, resendInvitation, revokeInvitation } from '@/lib/invitations/service';
import { queueInvitationEmail } from '@/lib/invitations/send-invitation';
import type { InviteMemberInput } from '@/lib/invitations/schemas';
import { changeRoleOrRequestApproval } from '@/lib/approvals/role-change';
import { publishAfterCommit } from '@/lib/events/publish';
import { removeMember } from '@/lib/members/service';
import type { ChangeMemberRoleInput } from '@/lib/members/schemas';

/** Invite dialog: creates the invitation and emails its link. */
export async function inviteMemberAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const values = { email: fields.email ?? '', role: fields.role ?? 'member' };
  const result = await runTenantAction(async ({ tx, tenant, user, context }) => {
    // The domain function parses its input with zod; the form's strings go in as they came.
    const role = values.role as InviteMemberInput['role'];
    const issued = await inviteMember(tx, { orgId: tenant.id, email: values.email, role });
    // Queued inside the transaction: no invitation without its email on the way.
    await queueInvitationEmail(issued, tenant, user.email);
    return issued;
  }, { rateLimit: 'invitation' });
  if (!result.ok) return actionFailure(result, values);
  revalidatePath('/', 'layout');
  return { ok: true, message: `Invitation sent to ${result.value.invitation.email}.` };
}

export async function resendInvitationAction(_: FormState, formData: FormData): Promise<FormState> {
  const invitationId = String(formData.get('invitationId') ?? '');
  const result = await runTenantAction(async ({ tx, tenant, user, context }) => {
    const issued = await resendInvitation(tx, { orgId: tenant.id, invitationId });
    await queueInvitationEmail(issued, tenant, user.email);
    return issued;
  }, { rateLimit: 'invitation' });
  if (!result.ok) return actionFailure(result);
  revalidatePath('/', 'layout');
  return { ok: true, message: `Invitation sent again to ${result.value.invitation.email}.` };
}

export async function revokeInvitationAction(_: FormState, formData: FormData): Promise<FormState> {
  const invitationId = String(formData.get('invitationId') ?? '');
  const result = await runTenantAction(({ tx, tenant, context }) =>
    revokeInvitation(tx, { orgId: tenant.id, invitationId }),
  );
  if (!result.ok) return actionFailure(result);
  revalidatePath('/', 'layout');
  return { ok: true, message: `Invitation for ${result.value.email} revoked.` };
}

export async function changeRoleAction(_: FormState, formData: FormData): Promise<FormState> {
  const userId = String(formData.get('userId') ?? '');
  const role = String(formData.get('role') ?? '') as ChangeMemberRoleInput['role']; // parsed by changeMemberRole
  const result = await runTenantAction(({ tx, tenant, context }) =>
    changeRoleOrRequestApproval(tx, { orgId: tenant.id, userId, role }, context.requestId),
  );
  if (!result.ok) return actionFailure(result);
  publishAfterCommit(result.value.events);
  revalidatePath('/', 'layout');
  if (result.value.kind === 'held') return { ok: true, message: 'Waiting for approval: the role changes once the request is approved.', values: { held: result.value.request.id } };
  return { ok: true, message: 'Role changed.' };
}

export async function removeMemberAction(_: FormState, formData: FormData): Promise<FormState> {
  const userId = String(formData.get('userId') ?? '');
  const result = await runTenantAction(({ tx, tenant, context }) => removeMember(tx, { orgId: tenant.id, userId }));
  if (!result.ok) return actionFailure(result);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Member removed.' };
}
