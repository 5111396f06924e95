import { z } from 'zod';
import { idSchema } from '@/lib/permissions/schemas';

/** Checklists a member can put away (public.checklist_dismissals.checklist). */
export const checklistKeys = ['get_started'] as const;
export const checklistKeySchema = z.enum(checklistKeys, { error: 'Unknown checklist.' });
export type ChecklistKey = z.infer<typeof checklistKeySchema>;

export const dismissChecklistSchema = z.object({ orgId: idSchema, checklist: checklistKeySchema });
export type DismissChecklistInput = z.input<typeof dismissChecklistSchema>;
