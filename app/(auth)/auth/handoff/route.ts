import type { NextRequest } from 'next/server';
import { safeReturnPath } from '@/lib/auth/return-path';
import { requestHost } from '@/lib/request/request-host';
import { redirectOnSameHost } from '@/lib/request/origin';
import { isAppError } from '@/lib/errors';
import { startSessionFromHandoff } from '@/lib/handoff/start-session';
import { log } from '@/lib/log';

/**
 * Arrival on a host with a handoff code (after creating an organization, or from
 * the organization switcher): start this host's session, then open `next` (a
 * path on this host; the workspace home by default).
 */
export async function GET(request: NextRequest) {
  const code = request.nextUrl.searchParams.get('code') ?? '';
  const next = safeReturnPath(request.nextUrl.searchParams.get('next'), '/');
  const host = requestHost(request.headers);
  const to = (path: string) => redirectOnSameHost(request, path);
  try {
    await startSessionFromHandoff(code, host);
    return to(next);
  } catch (error) {
    if (!isAppError(error)) log.error('handoff failed', { error, requestId: request.headers.get('x-request-id') });
    return to(`/sign-in?error=handoff_failed&next=${encodeURIComponent(next)}`);
  }
}
