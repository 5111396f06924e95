import { headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { classifyHost, hostOrigin } from '@/lib/tenancy/host';
import { requestHost } from '@/lib/request/request-host';

/**
 * The origin (scheme://host) a request came in on, accepted only when its host
 * is the apex or a tenant subdomain; otherwise the apex origin. Links in emails
 * and redirects use it, so a forged Host header cannot point them elsewhere.
 */
export function originOf(requestHeaders: Headers): string {
  const root = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const host = requestHost(requestHeaders);
  return hostOrigin(classifyHost(host, root).kind === 'unknown' ? root : host, root);
}

/** originOf for the current request (server components and actions). */
export async function requestOrigin(): Promise<string> {
  return originOf(await headers());
}

/** A redirect to `path` on the host the request came in on (apex or tenant; else the apex). */
export function redirectOnSameHost(request: Request, path: string, status = 303): NextResponse {
  return NextResponse.redirect(new URL(path, originOf(request.headers)), status);
}
