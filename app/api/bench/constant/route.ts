import { notFound } from 'next/navigation';
import { NextResponse } from 'next/server';
import { benchRoutesEnabled } from '@/lib/bench/routes';

export const dynamic = 'force-dynamic';

const BODY = { data: [{ id: 'constant', action: 'bench.constant' }], nextCursor: null };

/** Benchmark only (bench/request-path.ts): a fixed small JSON, no database. The floor of the request path. */
export function GET() {
  if (!benchRoutesEnabled()) notFound();
  return NextResponse.json(BODY, { headers: { 'cache-control': 'no-store' } });
}
