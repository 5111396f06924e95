import type { ApiRequest } from './client';

/** Every tenant API route and method, with a minimal valid-looking input (ids filled in by the suites). */
export interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  mutating: boolean;
  input: (ids: { userId: string; slug: string }) => Pick<ApiRequest, 'body' | 'query'>;
}

export const ROUTES: RouteCase[] = [
  { name: 'list members', method: 'GET', path: '/api/admin/users', mutating: false, input: () => ({ query: { limit: '10' } }) },
  {
    name: 'invite',
    method: 'POST',
    path: '/api/admin/users',
    mutating: true,
    input: () => ({ body: { email: `probe-${Math.random().toString(36).slice(2, 8)}@example.com`, role: 'viewer' } }),
  },
  {
    name: 'change role',
    method: 'POST',
    path: '/api/admin/role-bindings',
    mutating: true,
    input: ({ userId }) => ({ body: { userId, role: 'viewer' } }),
  },
  { name: 'remove member', method: 'DELETE', path: '/api/admin/role-bindings', mutating: true, input: ({ userId }) => ({ body: { userId } }) },
  { name: 'get organization', method: 'GET', path: '/api/admin/organizations/current', mutating: false, input: () => ({}) },
  {
    name: 'update organization',
    method: 'PATCH',
    path: '/api/admin/organizations/current',
    mutating: true,
    input: () => ({ body: { name: 'Renamed by probe' } }),
  },
  {
    name: 'delete organization',
    method: 'DELETE',
    path: '/api/admin/organizations/current',
    mutating: true,
    input: ({ slug }) => ({ body: { confirmation: slug } }),
  },
  { name: 'audit log', method: 'GET', path: '/api/audit', mutating: false, input: () => ({ query: { limit: '10' } }) },
];

export const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });
export const ORG_NOT_FOUND = errorBody('not_found', 'Organization not found.');
export const MEMBER_NOT_FOUND = errorBody('not_found', 'Member not found.');
export const SIGNED_OUT = errorBody('unauthorized', 'Sign in to continue.');
export const CROSS_ORIGIN = errorBody('forbidden', 'Cross-origin requests are not allowed.');
export const EMPTY_PAGE = JSON.stringify({ data: [], nextCursor: null });
