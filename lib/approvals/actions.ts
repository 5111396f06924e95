'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { formFields } from '@/lib/auth/form-data';
import { publishAfterCommit } from '@/lib/events/publish';
import { isAppError } from '@/lib/errors';
import type { FormState } from '@/lib/forms/form-state';
import { actionFailure, runTenantAction } from '@/lib/http/tenant-action';
import { log } from '@/lib/log';
import { requestContextFrom } from '@/lib/request/request-context';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';
import { decideApproval } from './decide';
import { decideWithLink } from './links';
import { setPolicy } from './policies';
import { decisionSchema } from './schemas';
import { cancelApproval, commentOnApproval, requestApproval } from './service';

/** "Ask for sign-off" dialog: a custom request with a subject and details. */
export async function askSignOffAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = { subject: String(formData.get('subject') ?? ''), details: String(formData.get('details') ?? '') };
  const result = await runTenantAction(({ tx, tenant }) =>
    requestApproval(tx, { orgId: tenant.id, type: 'custom', subject: values.subject, payload: { details: values.details } }));
  if (!result.ok) return actionFailure(result, values);
  publishAfterCommit(result.value.events);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Request sent to the approvers.', values: { id: result.value.request.id } };
}

/** Approve / Reject on the request page, with an optional reason. */
export async function decideAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const decision = decisionSchema.safeParse(fields.decision);
  if (!decision.success) return { message: 'Choose approve or reject.' };
  const result = await runTenantAction(({ tx, tenant }) =>
    decideApproval(tx, { orgId: tenant.id, requestId: fields.requestId ?? '', decision: decision.data, reason: fields.reason ?? '' }));
  if (!result.ok) return actionFailure(result, { reason: fields.reason ?? '' });
  publishAfterCommit(result.value.events);
  revalidatePath('/', 'layout');
  return { ok: true, message: decision.data === 'approve' ? 'You approved this request.' : 'You rejected this request.' };
}

export async function cancelApprovalAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const result = await runTenantAction(({ tx, tenant }) =>
    cancelApproval(tx, { orgId: tenant.id, requestId: fields.requestId ?? '', reason: fields.reason ?? '' }));
  if (!result.ok) return actionFailure(result);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Request cancelled.' };
}

export async function commentOnApprovalAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const result = await runTenantAction(({ tx, tenant }) =>
    commentOnApproval(tx, { orgId: tenant.id, requestId: fields.requestId ?? '', body: fields.body ?? '' }));
  if (!result.ok) return actionFailure(result, { body: fields.body ?? '' });
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Comment added.' };
}

/** Policy settings: one form per approval type. */
export async function savePolicyAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const byName = fields.approverKind === 'named';
  const approverIds = byName ? formData.getAll('approverIds').map(String).filter(Boolean) : [];
  const result = await runTenantAction(({ tx, tenant }) =>
    setPolicy(tx, {
      orgId: tenant.id, type: fields.type ?? '', required: fields.required === 'on',
      approverRole: byName ? null : ((fields.approverRole ?? 'admin') as 'admin' | 'owner'), approverIds,
      quorum: Number(fields.quorum), expiryHours: Number(fields.expiryHours),
    }));
  if (!result.ok) return actionFailure(result, fields);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Policy saved.' };
}

/** The emailed link's confirmation page (no sign-in): decides within that link's scope only. */
export async function decideWithLinkAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const decision = decisionSchema.safeParse(fields.decision);
  if (!decision.success) return { message: 'Choose approve or reject.' };
  try {
    const h = await headers();
    const tenant = optionalTenantFromHeaders(h);
    if (!tenant) return { message: 'This link is not valid.' };
    const { events } = await decideWithLink(fields.token ?? '', decision.data, fields.reason ?? '', requestContextFrom(h), tenant.id);
    publishAfterCommit(events);
    return { ok: true, message: decision.data === 'approve' ? 'Approved. Thank you.' : 'Rejected. Thank you.' };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    log.error('approval link decision failed', { error });
    return { message: 'Something went wrong on our side. Please try again.' };
  }
}
