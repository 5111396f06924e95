import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthServices } from './context.ts';
import { AuthHttpError, GatewayError, OAuthStyleError, errorResponse, type ApiVersion } from './errors.ts';
import { resolveApiKey } from './guards.ts';
import { adminLinkRoutes } from './handlers/admin-links.ts';
import { adminListRoutes } from './handlers/admin-list.ts';
import { adminUserRoutes } from './handlers/admin-users.ts';
import { metaRoutes } from './handlers/meta.ts';
import { otpRoutes } from './handlers/otp.ts';
import { signupRoutes } from './handlers/signup.ts';
import { tokenRoutes } from './handlers/token.ts';
import { userRoutes } from './handlers/user.ts';
import { verifyRoutes } from './handlers/verify.ts';
import {
  API_VERSION_HEADER,
  announcesBody,
  clientIp,
  header,
  json,
  jsonBodyReader,
  negotiateApiVersion,
  writeResult,
  type HandlerResult,
  type RequestContext,
} from './http.ts';
import { handleMailbox } from './mailbox.ts';
import { MAILBOX_HEADERS } from './mailbox-access.ts';
import { handleMailboxPost } from './mailbox-post.ts';
import { handleInboxPage } from './mailbox-ui.ts';
import type { Route } from './route.ts';

export const AUTH_PREFIX = '/auth/v1';

const ROUTES: Route[] = [
  ...metaRoutes,
  ...signupRoutes,
  ...tokenRoutes,
  ...otpRoutes,
  ...verifyRoutes,
  ...userRoutes,
  ...adminListRoutes,
  ...adminUserRoutes,
  ...adminLinkRoutes,
];

function match(method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | null {
  const segments = path.split('/').filter(Boolean);
  let pathMatched = false;
  for (const route of ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      const value = segments[i] ?? '';
      if (part.startsWith(':')) {
        const decoded = safeDecode(value);
        if (decoded === null) return false;
        params[part.slice(1)] = decoded;
        return true;
      }
      return part === value;
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? 'method' : null;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      header(req, 'access-control-request-headers') ??
      'authorization, apikey, content-type, x-client-info, x-supabase-api-version, x-retry-count',
    'Access-Control-Expose-Headers': 'X-Total-Count, Link, X-Supabase-Api-Version',
    'Access-Control-Max-Age': '86400',
  };
}

const isMailboxPath = (pathname: string) => pathname === '/mailbox' || pathname.startsWith('/mailbox/');

/**
 * Handles one HTTP request: /auth/v1/* (GoTrue, CORS for browser clients as GoTrue
 * sends), /mailbox* (the local inbox: no CORS, a credential on every request; see
 * mailbox-access.ts), / (index).
 */
export async function route(services: AuthServices, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), services.config.publicUrl);
  const method = (req.method ?? 'GET').toUpperCase();
  const apiVersion: ApiVersion = negotiateApiVersion(req.headers[API_VERSION_HEADER.toLowerCase()]);
  const base: Record<string, string> = isMailboxPath(url.pathname) ? { ...MAILBOX_HEADERS } : { ...corsHeaders(req) };
  if (apiVersion) base[API_VERSION_HEADER] = apiVersion;

  let result: HandlerResult;
  try {
    result = await dispatch(services, req, url, method, apiVersion);
  } catch (error) {
    const expected = error instanceof AuthHttpError || error instanceof GatewayError || error instanceof OAuthStyleError;
    if (!expected) {
      services.log(`auth: ${method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const { status, body } = errorResponse(error, apiVersion);
    result = json(body, status);
  }
  if (!res.headersSent) writeResult(res, result, base);
}

async function dispatch(
  services: AuthServices,
  req: IncomingMessage,
  url: URL,
  method: string,
  apiVersion: ApiVersion,
): Promise<HandlerResult> {
  const mailbox = isMailboxPath(url.pathname);
  // No preflight answer for the mailbox: a page on another origin can neither send it credentials nor read a reply.
  if (mailbox && method === 'OPTIONS') throw new AuthHttpError(405, 'method_not_allowed', 'The mailbox does not answer cross-origin requests');
  if (method === 'OPTIONS') return { type: 'empty', status: 204 };
  if (url.search.includes('%00') || url.pathname.includes('%00')) {
    throw new AuthHttpError(400, 'validation_failed', 'NUL characters are not allowed in the URL');
  }
  if (mailbox) {
    if (url.pathname === '/mailbox' && method === 'POST') return handleMailboxPost(services, req, url);
    if (url.pathname === '/mailbox/ui' && method === 'GET') return handleInboxPage(services, req, url);
    return handleMailbox(services, req, method, url);
  }
  if (url.pathname === '/' && method === 'GET') {
    return json({ name: 'supabase-local', auth: `${services.config.issuer}`, mailbox: `${services.config.publicUrl}/mailbox/ui` });
  }
  if (url.pathname !== AUTH_PREFIX && !url.pathname.startsWith(`${AUTH_PREFIX}/`)) {
    throw new AuthHttpError(404, 'not_found', `No route for ${method} ${url.pathname}`);
  }
  const path = url.pathname.slice(AUTH_PREFIX.length) || '/';
  const found = match(method, path);
  if (found === null) {
    throw new AuthHttpError(404, 'not_found', `The local auth server does not implement ${method} ${AUTH_PREFIX}${path} (see supabase/local/README.md)`);
  }
  if (found === 'method') throw new AuthHttpError(405, 'method_not_allowed', `${method} is not allowed on ${AUTH_PREFIX}${path}`);
  const { route: target, params } = found;
  const base = { req, url };
  const key = target.open && !header(req, 'apikey') && !url.searchParams.get('apikey') ? null : resolveApiKey(services, base);
  const ctx: RequestContext = {
    req,
    url,
    method,
    path,
    params,
    ip: clientIp(req, services.config.sbForwardedForEnabled && key?.role === 'service_role'),
    userAgent: header(req, 'user-agent'),
    apiVersion,
    apiKeyRole: key?.role ?? null,
    apiKey: key?.key ?? null,
    json: jsonBodyReader(req),
    hasBody: () => announcesBody(req),
  };
  return target.handler(ctx, services);
}
