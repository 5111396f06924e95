import { z } from 'zod';
import { tenantApiRoute } from '@/lib/http/api-route';
import { listPolicies, setPolicy } from '@/lib/approvals/policies';
import { policySchema } from '@/lib/approvals/schemas';
import { idSchema } from '@/lib/permissions/schemas';

/** GET /api/approvals/policies → `{ data: Policy[] }`, one per approval type (approvals:read). */
export const GET = tenantApiRoute(z.object({ orgId: idSchema }), async ({ tx, input }) => {
  return { body: { data: await listPolicies(tx, input.orgId) } };
});

/** PUT /api/approvals/policies `{ type, required, approverRole | approverIds, quorum, expiryHours }` → `{ data: Policy }` (approvals:manage). */
export const PUT = tenantApiRoute(policySchema, async ({ tx, input }) => {
  return { body: { data: await setPolicy(tx, input) } };
});
