import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { tenantApiRoute } from '@/lib/http/api-route';
import { toApprovalJson } from '@/lib/approvals/json';
import { listApprovals } from '@/lib/approvals/queries';
import { approvalFilters, approvalStatuses, approvalTypeSchema, subjectSchema } from '@/lib/approvals/schemas';
import { requestApproval } from '@/lib/approvals/service';
import { publishAfterCommit } from '@/lib/events/publish';
import { pageLimitSchema } from '@/lib/pagination/cursor';
import { idSchema } from '@/lib/permissions/schemas';
import { cursorParam, optionalParam } from '../admin/_lib/params';

const listQuerySchema = z.object({
  orgId: idSchema,
  filter: optionalParam(z.enum(approvalFilters, { error: 'Filter is waiting, mine or all.' })),
  status: optionalParam(z.enum(approvalStatuses, { error: 'Status is pending, approved, rejected, expired or cancelled.' })),
  cursor: optionalParam(cursorParam),
  limit: pageLimitSchema,
});

/**
 * GET /api/approvals?filter=waiting|mine|all&status=&cursor=&limit= →
 * `{ data: Approval[], nextCursor, counts: { waiting, mine, all } }`, newest first (approvals:read).
 */
export const GET = tenantApiRoute(listQuerySchema, async ({ tx, input }) => {
  const page = await listApprovals(tx, input);
  return { body: { data: page.items, nextCursor: page.nextCursor, counts: page.counts } };
});

const createSchema = z.object({
  orgId: idSchema,
  type: approvalTypeSchema,
  subject: subjectSchema.optional(),
  payload: z.record(z.string(), z.unknown(), 'Payload must be an object.').default({}),
});

/**
 * POST /api/approvals `{ type: 'custom', subject, payload: { details } }` → 201 `{ data: Approval }`
 * (approvals:create). Role changes are asked through POST /api/admin/role-bindings.
 */
export const POST = tenantApiRoute(createSchema, async ({ tx, input }) => {
  if (input.type !== 'custom') {
    throw new AppError('validation_failed', 'type: Only custom requests are made here; role changes go through /api/admin/role-bindings.', { field: 'type' });
  }
  const { request, events } = await requestApproval(tx, input);
  return { status: 201, body: { data: toApprovalJson(request) }, afterCommit: () => publishAfterCommit(events) };
});
