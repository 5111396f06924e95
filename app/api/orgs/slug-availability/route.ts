import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { AppError, errorHeaders, toErrorBody } from '@/lib/errors';
import { clientAddress } from '@/lib/request/client-address';
import { log } from '@/lib/log';
import { checkSlugAvailability } from '@/lib/orgs/queries';
import { enforceRateLimit } from '@/lib/rate-limit/limiter';

const querySchema = z.object({ slug: z.string().max(100) });
const NO_STORE = { 'Cache-Control': 'no-store' };

/** Live subdomain check for the create-organization form: `{ available, reason }`. Rate limited per IP and per user. */
export async function GET(request: NextRequest) {
  try {
    const parsed = querySchema.safeParse({ slug: request.nextUrl.searchParams.get('slug') ?? '' });
    if (!parsed.success) throw new AppError('validation_failed', 'The subdomain is too long.');
    const user = await getCurrentUser();
    await enforceRateLimit('slug_check', { ip: clientAddress(request.headers).ip, account: user?.id });
    const result = await checkSlugAvailability(parsed.data.slug);
    return NextResponse.json(result, { headers: NO_STORE });
  } catch (error) {
    const { status, body } = toErrorBody(error);
    if (status >= 500) log.error('slug check failed', { requestId: request.headers.get('x-request-id'), error });
    return NextResponse.json(body, { status, headers: { ...NO_STORE, ...errorHeaders(error) } });
  }
}
