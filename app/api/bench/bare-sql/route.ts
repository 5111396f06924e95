import { notFound } from 'next/navigation';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { benchAuditPage } from '@/lib/bench/audit-page';
import { benchRoutesEnabled, benchSql } from '@/lib/bench/routes';
import { toErrorBody } from '@/lib/errors';
import { log } from '@/lib/log';
import { pageLimitSchema } from '@/lib/pagination/cursor';
import { parseInput } from '@/lib/validation/parse-input';
import { idSchema } from '@/lib/permissions/schemas';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ orgId: idSchema, limit: pageLimitSchema });

/**
 * Benchmark only (bench/request-path.ts): GET /api/bench/bare-sql?orgId=&limit= runs
 * the audit list query on a plain owner pool, with no auth, no withRls. The
 * baseline the tenant route `GET /api/audit` is compared with.
 */
export async function GET(request: NextRequest) {
  if (!benchRoutesEnabled()) notFound();
  try {
    const input = parseInput(querySchema, Object.fromEntries(request.nextUrl.searchParams));
    const body = await benchAuditPage(benchSql(), input.orgId, input.limit);
    return NextResponse.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const { status, body } = toErrorBody(error);
    if (status >= 500) log.error('bench bare-sql failed', { error });
    return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
  }
}
