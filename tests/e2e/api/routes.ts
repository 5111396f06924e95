import type { ApiRequest } from './client';

/** Every tenant API route and method, with a minimal valid-looking input (ids filled in by the suites). */
export interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  mutating: boolean;
  input: (ids: { userId: string; slug: string }) => Pick<ApiRequest, 'body' | 'query'>;
  /** The path names no row (an approval request id): a call that passes every check answers 404, not 2xx. */
  namesNoRow?: boolean;
}

/** An id no task has. */
export const NO_TASK = '0f6f4a7e-2c1b-4e0a-9b3d-6c5e4f3a2b19';

/** An id no approval request has. */
export const NO_REQUEST = '5b0c8f43-9a27-4c55-8d1e-3f6a2b7c9d10';

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
  // Approvals: ids in paths are of no request (the id matrix is tests/e2e/api/approvals.spec.ts).
  { name: 'list approvals', method: 'GET', path: '/api/approvals', mutating: false, input: () => ({ query: { filter: 'all' } }) },
  {
    name: 'ask for sign-off',
    method: 'POST',
    path: '/api/approvals',
    mutating: true,
    input: () => ({ body: { type: 'custom', subject: 'Probe sign-off', payload: { details: 'probe' } } }),
  },
  { name: 'get approval', method: 'GET', path: `/api/approvals/${NO_REQUEST}`, mutating: false, namesNoRow: true, input: () => ({}) },
  { name: 'decide approval', method: 'POST', path: `/api/approvals/${NO_REQUEST}/decisions`, mutating: true, namesNoRow: true, input: () => ({ body: { decision: 'approve' } }) },
  { name: 'cancel approval', method: 'POST', path: `/api/approvals/${NO_REQUEST}/cancel`, mutating: true, namesNoRow: true, input: () => ({ body: {} }) },
  { name: 'list tasks', method: 'GET', path: '/api/tasks', mutating: false, input: () => ({ query: { limit: '10' } }) },
  { name: 'task board', method: 'GET', path: '/api/tasks/board', mutating: false, input: () => ({}) },
  { name: 'create task', method: 'POST', path: '/api/tasks', mutating: true, input: () => ({ body: { title: 'Probe task' } }) },
  { name: 'get task', method: 'GET', path: `/api/tasks/${NO_TASK}`, mutating: false, namesNoRow: true, input: () => ({}) },
  { name: 'update task', method: 'PATCH', path: `/api/tasks/${NO_TASK}`, mutating: true, namesNoRow: true, input: () => ({ body: { title: 'Renamed' } }) },
  { name: 'delete task', method: 'DELETE', path: `/api/tasks/${NO_TASK}`, mutating: true, namesNoRow: true, input: () => ({}) },
  { name: 'move task', method: 'POST', path: `/api/tasks/${NO_TASK}/transitions`, mutating: true, namesNoRow: true, input: () => ({ body: { to: 'in_progress' } }) },
  { name: 'comment on task', method: 'POST', path: `/api/tasks/${NO_TASK}/comments`, mutating: true, namesNoRow: true, input: () => ({ body: { body: 'Probe' } }) },
  { name: 'watch task', method: 'POST', path: `/api/tasks/${NO_TASK}/watching`, mutating: true, namesNoRow: true, input: () => ({ body: { watching: true } }) },
  { name: 'approval policies', method: 'GET', path: '/api/approvals/policies', mutating: false, input: () => ({}) },
  {
    name: 'set approval policy',
    method: 'PUT',
    path: '/api/approvals/policies',
    mutating: true,
    input: () => ({ body: { type: 'custom', required: true, approverRole: 'admin', quorum: 1, expiryHours: 72 } }),
  },
  ...notificationRoutes(),
];

/** Notifications (docs/decisions/0026): id-taking routes get a random id, so allowed callers see 404 and change nothing. */
function notificationRoutes(): RouteCase[] {
  const someId = '5b0f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
  return [
    { name: 'list notifications', method: 'GET', path: '/api/notifications', mutating: false, input: () => ({ query: { limit: '10' } }) },
    { name: 'mark notifications read', method: 'POST', path: '/api/notifications/read', mutating: true, input: () => ({ body: { all: true } }) },
    { name: 'get preferences', method: 'GET', path: '/api/notifications/preferences', mutating: false, input: () => ({}) },
    {
      name: 'save preferences',
      method: 'PUT',
      path: '/api/notifications/preferences',
      mutating: true,
      input: () => ({ body: { preferences: [{ event: 'tasks/task.assigned', channel: 'email', enabled: true }] } }),
    },
    { name: 'list channels', method: 'GET', path: '/api/notifications/channels', mutating: false, input: () => ({}) },
    {
      name: 'create channel',
      method: 'POST',
      path: '/api/notifications/channels',
      mutating: true,
      input: () => ({ body: { kind: 'email', name: `Probe ${Math.random().toString(36).slice(2, 8)}` } }),
    },
    { name: 'update channel', namesNoRow: true, method: 'PATCH', path: '/api/notifications/channels', mutating: true, input: () => ({ body: { id: someId, enabled: false } }) },
    { name: 'delete channel', namesNoRow: true, method: 'DELETE', path: '/api/notifications/channels', mutating: true, input: () => ({ body: { id: someId } }) },
    { name: 'test channel', namesNoRow: true, method: 'POST', path: '/api/notifications/channels/test', mutating: true, input: () => ({ body: { id: someId } }) },
    { name: 'delivery log', method: 'GET', path: '/api/notifications/deliveries', mutating: false, input: () => ({ query: { status: 'failed' } }) },
    { name: 'retry delivery', namesNoRow: true, method: 'POST', path: '/api/notifications/deliveries/retry', mutating: true, input: () => ({ body: { id: someId } }) },
  ];
}

export const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });
export const ORG_NOT_FOUND = errorBody('not_found', 'Organization not found.');
export const MEMBER_NOT_FOUND = errorBody('not_found', 'Member not found.');
export const SIGNED_OUT = errorBody('unauthorized', 'Sign in to continue.');
export const CROSS_ORIGIN = errorBody('forbidden', 'Cross-origin requests are not allowed.');
export const EMPTY_PAGE = JSON.stringify({ data: [], nextCursor: null });
