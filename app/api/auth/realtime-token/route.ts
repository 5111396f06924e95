import { NextResponse, type NextRequest } from 'next/server';
import { AppError, toErrorBody } from '@/lib/errors';
import { currentRealtimeToken } from '@/lib/realtime/token';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store', Vary: 'Cookie' };

/**
 * GET → `{ access_token, expires_at }` of the signed-in user, for realtime-js in the browser
 * (session cookies are HttpOnly). Never cached. Only for pages of this origin: a request a
 * browser marks as coming from another site (a sibling tenant host included) is refused.
 */
export async function GET(request: NextRequest) {
  try {
    const site = request.headers.get('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('forbidden', 'Cross-origin requests are not allowed.');
    const token = await currentRealtimeToken();
    if (!token) throw new AppError('unauthorized', 'Sign in to continue.');
    return NextResponse.json(token, { headers: NO_STORE });
  } catch (error) {
    const { status, body } = toErrorBody(error);
    return NextResponse.json(body, { status, headers: NO_STORE });
  }
}
