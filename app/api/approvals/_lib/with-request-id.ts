import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { tenantApiRoute, type ApiContext, type ApiResult } from '@/lib/http/api-route';

/** tenantApiRoute for /api/approvals/[id]/…: the path's id reaches the handler as `requestId`. */
export function withRequestId<S extends z.ZodType>(schema: S, handler: (ctx: ApiContext<z.output<S>> & { requestId: string }) => Promise<ApiResult>) {
  return async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    return tenantApiRoute(schema, (ctx) => handler({ ...ctx, requestId: id }))(request);
  };
}
