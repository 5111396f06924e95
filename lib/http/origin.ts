import { headers } from 'next/headers';
import { requestHost } from './request-host';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { classifyHost, hostOrigin } from '@/lib/tenancy/host';

/**
 * The origin (scheme://host) of the current request, accepted only when its host
 * is the apex or a tenant subdomain; otherwise the apex origin. Used to build
 * links in emails, so a forged Host header cannot redirect them elsewhere.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const root = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const host = requestHost(h);
  return hostOrigin(classifyHost(host, root).kind === 'unknown' ? root : host, root);
}

/** A redirect to `path` on the host the request came in on (apex or tenant; else the apex). */
export function redirectOnSameHost(request: Request, path: string, status = 303): NextResponse {
  const root = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const host = requestHost(request.headers);
  const origin = hostOrigin(classifyHost(host, root).kind === 'unknown' ? root : host, root);
  return NextResponse.redirect(new URL(path, origin), status);
}

