'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/forms/form-state';
import { actionFailure, runTenantAction } from '@/lib/http/tenant-action';
import { dismissChecklist } from './service';
import type { ChecklistKey } from './schemas';

/** "Dismiss" on the workspace home's checklist: hidden for this member in this organization from now on. */
export async function dismissChecklistAction(_: FormState, formData: FormData): Promise<FormState> {
  const checklist = String(formData.get('checklist') ?? '') as ChecklistKey; // parsed by dismissChecklist
  const result = await runTenantAction(({ tx, tenant }) => dismissChecklist(tx, { orgId: tenant.id, checklist }));
  if (!result.ok) return actionFailure(result);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Checklist dismissed.' };
}
