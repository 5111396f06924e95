import { NextResponse, type NextRequest } from 'next/server';
import { isAppError } from '@/lib/errors';
import { startSessionFromHandoff } from '@/lib/handoff/start-session';
import { log } from '@/lib/log';

/**
 * Arrival on a host with a handoff code (after creating an organization, or from
 * the organization switcher): start this host's session, then open the workspace.
 */
export async function GET(request: NextRequest) {
  const code = request.nextUrl.searchParams.get('code') ?? '';
  const host = request.headers.get('host') ?? '';
  const to = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), { status: 303 });
  try {
    await startSessionFromHandoff(code, host);
    return to('/');
  } catch (error) {
    if (!isAppError(error)) log.error('handoff failed', { error, requestId: request.headers.get('x-request-id') });
    return to(`/sign-in?error=${encodeURIComponent('That sign-in link is not valid any more. Sign in to continue.')}`);
  }
}
