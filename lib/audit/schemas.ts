import { z } from 'zod';
import { idSchema } from '@/lib/permissions/schemas';
import { cursorSchema, pageLimitSchema } from '@/lib/pagination/cursor';

/** `area.event` in snake_case, e.g. `member.role_changed`. */
export const auditActionSchema = z
  .string()
  .max(64, 'The action is too long.')
  .regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, 'An action looks like member.role_changed.');

/** Values the audit triggers store in before/after (JSON). */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditData = { [key: string]: AuditValue };

export const auditFilterSchema = z
  .object({
    orgId: idSchema,
    actorId: idSchema.optional(),
    action: auditActionSchema.optional(),
    from: z.coerce.date('From must be a date.').optional(),
    to: z.coerce.date('To must be a date.').optional(),
    cursor: cursorSchema.optional(),
    limit: pageLimitSchema,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'From must not be after to.', path: ['from'] });
export type AuditFilter = z.input<typeof auditFilterSchema>;
