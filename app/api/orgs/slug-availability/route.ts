import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { checkSlugAvailability } from '@/lib/orgs/queries';
import { toErrorBody, AppError } from '@/lib/errors';

const querySchema = z.object({ slug: z.string().max(100) });

/** Live subdomain check for the create-organization form: `{ available, reason }`. */
export async function GET(request: NextRequest) {
  const parsed = querySchema.safeParse({ slug: request.nextUrl.searchParams.get('slug') ?? '' });
  if (!parsed.success) {
    const { status, body } = toErrorBody(new AppError('validation_failed', 'The subdomain is too long.'));
    return NextResponse.json(body, { status });
  }
  const result = await checkSlugAvailability(parsed.data.slug);
  return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
