import type { AuthServices } from '../context.ts';
import { badRequest } from '../errors.ts';
import { requireAdmin } from '../guards.ts';
import { json, type HandlerResult, type RequestContext } from '../http.ts';
import type { Route } from '../route.ts';
import { serializeUser } from '../user-json.ts';
import type { IdentityRow, UserRow } from '../users.ts';

/** GET /admin/users?page=&per_page=: newest first, with X-Total-Count and a Link header (rel next/last) as GoTrue sends. */
async function listAdminUsers(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  await requireAdmin(ctx, s);
  const page = positiveInt(ctx.url.searchParams.get('page'), 1);
  const perPage = Math.min(positiveInt(ctx.url.searchParams.get('per_page'), 50), 1000);
  const [count] = await s.sql<{ n: number }[]>`select count(*)::int as n from auth.users where aud = 'authenticated'`;
  const total = count?.n ?? 0;
  const rows = await s.sql<UserRow[]>`
    select * from auth.users where aud = 'authenticated'
    order by created_at desc, id limit ${perPage} offset ${(page - 1) * perPage}`;
  const identities = rows.length
    ? await s.sql<IdentityRow[]>`select * from auth.identities where user_id in ${s.sql(rows.map((r) => r.id))}`
    : [];
  const users = rows.map((row) => serializeUser(row, identities.filter((i) => i.user_id === row.id)));
  const last = Math.max(1, Math.ceil(total / perPage));
  const links: string[] = [];
  if (page < last) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
  links.push(`</admin/users?page=${last}&per_page=${perPage}>; rel="last"`);
  return json({ users, aud: 'authenticated' }, 200, { 'X-Total-Count': String(total), Link: links.join(', ') });
}

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1) throw badRequest('validation_failed', 'Bad Pagination Parameters');
  return Number(value);
}

export const adminListRoutes: Route[] = [{ method: 'GET', path: '/admin/users', handler: listAdminUsers }];
