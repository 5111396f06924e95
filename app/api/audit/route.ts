import { z } from 'zod';
import { listAuditEntries } from '@/lib/audit/queries';
import { auditActionSchema } from '@/lib/audit/schemas';
import { tenantApiRoute } from '@/lib/http/api-route';
import { pageLimitSchema } from '@/lib/pagination/cursor';
import { idSchema } from '@/lib/permissions/schemas';
import { cursorParam, instantParam, optionalParam } from '../admin/_lib/params';

const auditQuerySchema = z.object({
  orgId: idSchema,
  actor: optionalParam(idSchema),
  action: optionalParam(auditActionSchema),
  from: optionalParam(instantParam('From', 'start')),
  to: optionalParam(instantParam('To', 'end')),
  cursor: optionalParam(cursorParam),
  limit: pageLimitSchema,
});

/**
 * GET /api/audit?actor=&action=&from=&to=&cursor=&limit= → `{ data: AuditEntry[], nextCursor }`,
 * newest first (audit:read). `from`/`to` are inclusive; a bare date covers its whole UTC day.
 */
export const GET = tenantApiRoute(auditQuerySchema, async ({ tx, input }) => {
  const { actor, ...filter } = input;
  const page = await listAuditEntries(tx, { ...filter, actorId: actor });
  return { body: { data: page.items, nextCursor: page.nextCursor } };
});
