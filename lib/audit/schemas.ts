import { z } from 'zod';
import { idSchema } from '@/lib/permissions/schemas';
import { cursorSchema, pageLimitSchema } from '@/lib/members/pagination';

/**
 * Who asked: every mutating function takes this and stores it with its audit
 * entry. An ip that does not parse is stored as null rather than failing the
 * request; a long user agent is cut to 512 characters.
 */
export const requestContextSchema = z.object({
  requestId: z.string().trim().min(1, 'A request id is required.').max(128),
  ip: z.union([z.ipv4(), z.ipv6()]).nullable().catch(null),
  userAgent: z
    .string()
    .nullable()
    .transform((ua) => (ua === null ? null : ua.slice(0, 512))),
});
export type RequestContext = z.input<typeof requestContextSchema>;

/** `area.event` in snake_case, e.g. `member.role_changed`. */
export const auditActionSchema = z
  .string()
  .max(64, 'The action is too long.')
  .regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, 'An action looks like member.role_changed.');

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditData = { [key: string]: AuditValue };

export interface AuditEntryInput {
  orgId: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before?: AuditData | null;
  after?: AuditData | null;
}

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
