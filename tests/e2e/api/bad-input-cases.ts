import { encodeCursor } from '../../../lib/pagination/cursor';
import type { ApiRequest } from './client';

/**
 * Malformed requests for the bad-input suite: wrong types, oversize strings,
 * unicode, SQL-looking strings, missing fields, bad JSON, arrays instead of
 * objects, huge bodies, forged tokens. Each names the exact 4xx it must get.
 */
export interface BadCase {
  name: string;
  as: 'admin' | 'owner';
  request: Omit<ApiRequest, 'slug' | 'token'>;
  status: number;
}

const USERS = '/api/admin/users';
const BINDINGS = '/api/admin/role-bindings';
const ORG = '/api/admin/organizations/current';
const AUDIT = '/api/audit';
const uuid = '7d3c2c55-4f0a-4f57-9d6e-2b1f5b1f0a11';
const json = { 'content-type': 'application/json' };

const body = (method: string, path: string, value: unknown, as: BadCase['as'] = 'admin') => ({ method, path, body: value, as });
const raw = (method: string, path: string, text: string | Buffer, headers: Record<string, string> = json) => ({ method, path, raw: text, headers });
const query = (path: string, params: Record<string, string>) => ({ method: 'GET', path, query: params });

export function badCases(ownSlug: string, otherSlug: string, tokens: { defaultSecret: string; forgedNone: string; tampered: string }): BadCase[] {
  const cases: BadCase[] = [];
  const add = (name: string, status: number, spec: Omit<ApiRequest, 'slug' | 'token'> & { as?: BadCase['as'] }) => {
    const { as = 'admin', ...request } = spec;
    cases.push({ name, as, request, status });
  };

  // POST /api/admin/users (invite)
  add('invite: truncated JSON', 400, raw('POST', USERS, '{"email":'));
  add('invite: array body', 400, raw('POST', USERS, '[{"email":"a@example.com","role":"member"}]'));
  add('invite: JSON string body', 400, raw('POST', USERS, '"a@example.com"'));
  add('invite: JSON null body', 400, raw('POST', USERS, 'null'));
  add('invite: number body', 400, raw('POST', USERS, '42'));
  add('invite: form-encoded body', 400, raw('POST', USERS, 'email=a%40example.com&role=member', { 'content-type': 'application/x-www-form-urlencoded' }));
  add('invite: JSON without content type', 400, raw('POST', USERS, '{"email":"a@example.com","role":"member"}', {}));
  add('invite: JSON named only in a parameter', 400, raw('POST', USERS, '{"email":"param-ct@example.com","role":"member"}', { 'content-type': 'text/plain; charset=application/json' }));
  add('invite: JSON-like media type', 400, raw('POST', USERS, '{"email":"jsonx-ct@example.com","role":"member"}', { 'content-type': 'application/jsonx' }));
  add('invite: empty object', 422, body('POST', USERS, {}));
  add('invite: missing email', 422, body('POST', USERS, { role: 'member' }));
  add('invite: missing role', 422, body('POST', USERS, { email: 'missing-role@example.com' }));
  add('invite: email is a number', 422, body('POST', USERS, { email: 12345, role: 'member' }));
  add('invite: email is an array', 422, body('POST', USERS, { email: ['a@example.com'], role: 'member' }));
  add('invite: email is an operator object', 422, body('POST', USERS, { email: { $ne: null }, role: 'member' }));
  add('invite: email 300 characters', 422, body('POST', USERS, { email: `${'a'.repeat(288)}@example.com`, role: 'member' }));
  add('invite: email SQL-looking', 422, body('POST', USERS, { email: "'; drop table public.memberships; --", role: 'member' }));
  add('invite: email unicode domain', 422, body('POST', USERS, { email: 'josé@exämple.com', role: 'member' }));
  add('invite: email with header injection', 422, body('POST', USERS, { email: 'a@example.com\r\nBcc: b@example.com', role: 'member' }));
  add('invite: email with NUL', 422, body('POST', USERS, { email: 'nul\u0000@example.com', role: 'member' }));
  add('invite: role owner', 422, body('POST', USERS, { email: 'owner-invite@example.com', role: 'owner' }));
  add('invite: role unknown', 422, body('POST', USERS, { email: 'su@example.com', role: 'superadmin' }));
  add('invite: role upper case', 422, body('POST', USERS, { email: 'caps@example.com', role: 'ADMIN' }));
  add('invite: role unicode look-alike', 422, body('POST', USERS, { email: 'lookalike@example.com', role: 'аdmin' }));
  add('invite: role emoji', 422, body('POST', USERS, { email: 'emoji@example.com', role: '👑' }));
  add('invite: role is a number', 422, body('POST', USERS, { email: 'num-role@example.com', role: 1 }));
  add('invite: __proto__ smuggles the role', 422, raw('POST', USERS, '{"email":"proto@example.com","__proto__":{"role":"admin"}}'));
  add('invite: 100 KB body', 413, raw('POST', USERS, JSON.stringify({ email: 'big@example.com', role: 'member', pad: 'x'.repeat(100_000) })));
  add('invite: 2 MB body', 413, raw('POST', USERS, Buffer.alloc(2 * 1024 * 1024, 'a')));
  const multibyte = JSON.stringify({ email: 'mb@example.com', role: 'member', pad: '€'.repeat(30_000) });
  add('invite: 30 000 characters but 90 KB of UTF-8', 413, raw('POST', USERS, multibyte));
  add('invite: the same, chunked (no Content-Length)', 413, { ...raw('POST', USERS, multibyte), chunked: true });
  add('invite: 100 KB chunked', 413, { ...raw('POST', USERS, 'x'.repeat(100_000)), chunked: true });
  add('invite: deeply nested JSON', 422, raw('POST', USERS, `{"email":${'['.repeat(5000)}${']'.repeat(5000)},"role":"member"}`));

  // POST /api/admin/role-bindings
  add('role: empty object', 422, body('POST', BINDINGS, {}));
  add('role: userId not a uuid', 422, body('POST', BINDINGS, { userId: '123', role: 'viewer' }));
  add('role: userId SQL-looking', 422, body('POST', BINDINGS, { userId: "1' or '1'='1", role: 'viewer' }));
  add('role: userId with trailing SQL', 422, body('POST', BINDINGS, { userId: `${uuid}; delete from public.memberships`, role: 'viewer' }));
  add('role: userId is a number', 422, body('POST', BINDINGS, { userId: 42, role: 'viewer' }));
  add('role: userId null', 422, body('POST', BINDINGS, { userId: null, role: 'viewer' }));
  add('role: userId with a Cyrillic look-alike', 422, body('POST', BINDINGS, { userId: uuid.replace('a', 'а'), role: 'viewer' }));
  add('role: userId 10 000 characters', 422, body('POST', BINDINGS, { userId: 'f'.repeat(10_000), role: 'viewer' }));
  add('role: role is a number', 422, body('POST', BINDINGS, { userId: uuid, role: 3 }));
  add('role: role unknown', 422, body('POST', BINDINGS, { userId: uuid, role: 'root' }));
  add('role: role missing', 422, body('POST', BINDINGS, { userId: uuid }));
  add('role: bad JSON', 400, raw('POST', BINDINGS, "{userId: 'x'}"));
  add('role: array body', 400, raw('POST', BINDINGS, `[{"userId":"${uuid}","role":"viewer"}]`));

  // DELETE /api/admin/role-bindings
  add('remove: no userId at all', 422, { method: 'DELETE', path: BINDINGS });
  add('remove: userId in query not a uuid', 422, { method: 'DELETE', path: BINDINGS, query: { userId: 'abc' } });
  add('remove: userId in query with NUL', 422, { method: 'DELETE', path: BINDINGS, query: { userId: `${uuid}\u0000` } });
  add('remove: userId is an array', 422, body('DELETE', BINDINGS, { userId: [uuid] }));
  add('remove: userId is an object', 422, body('DELETE', BINDINGS, { userId: { id: uuid } }));
  add('remove: bad JSON', 400, raw('DELETE', BINDINGS, '{"userId":"'));

  // PATCH /api/admin/organizations/current
  add('org: nothing to change', 422, body('PATCH', ORG, {}));
  add('org: empty name', 422, body('PATCH', ORG, { name: '   ' }));
  add('org: name 101 characters', 422, body('PATCH', ORG, { name: 'n'.repeat(101) }));
  add('org: name with a control character', 422, body('PATCH', ORG, { name: 'Acme\u0007Bell' }));
  add('org: name with NUL', 422, body('PATCH', ORG, { name: 'Acme\u0000' }));
  add('org: name is a number', 422, body('PATCH', ORG, { name: 7 }));
  add('org: name is an array', 422, body('PATCH', ORG, { name: ['Acme'] }));
  add('org: slug too short', 422, body('PATCH', ORG, { slug: 'ab' }));
  add('org: slug 41 characters', 422, body('PATCH', ORG, { slug: 'a'.repeat(41) }));
  add('org: slug reserved', 422, body('PATCH', ORG, { slug: 'www' }));
  add('org: slug unicode', 422, body('PATCH', ORG, { slug: 'über-acme' }));
  add('org: slug SQL-looking', 422, body('PATCH', ORG, { slug: "acme'; drop table public.organizations; --" }));
  add('org: slug leading hyphen', 422, body('PATCH', ORG, { slug: '-acme' }));
  add('org: slug taken by another tenant', 409, body('PATCH', ORG, { slug: otherSlug }));
  add('org: bad JSON', 400, raw('PATCH', ORG, '{"name":"x",}'));

  // DELETE /api/admin/organizations/current (as the owner: only the confirmation stands in the way)
  add('delete org: no confirmation', 422, body('DELETE', ORG, {}, 'owner'));
  add('delete org: confirmation is a number', 422, body('DELETE', ORG, { confirmation: 1 }, 'owner'));
  add('delete org: wrong slug', 422, body('DELETE', ORG, { confirmation: otherSlug }, 'owner'));
  add('delete org: upper-case slug', 422, body('DELETE', ORG, { confirmation: ownSlug.toUpperCase() }, 'owner'));
  add('delete org: SQL-looking confirmation', 422, body('DELETE', ORG, { confirmation: "' or 1=1 --" }, 'owner'));
  add('delete org: confirmation 101 characters', 422, body('DELETE', ORG, { confirmation: 'c'.repeat(101) }, 'owner'));
  add('delete org: slug with a Cyrillic look-alike', 422, body('DELETE', ORG, { confirmation: ownSlug.replace('a', 'а') }, 'owner'));
  add('delete org: confirmation as an array', 422, body('DELETE', ORG, { confirmation: [ownSlug] }, 'owner'));

  // GET /api/admin/users
  for (const limit of ['0', '101', '-1', 'abc', '1.5', '1e309', '']) add(`members: limit=${JSON.stringify(limit)}`, 422, query(USERS, { limit }));
  add('members: cursor garbage', 422, query(USERS, { cursor: 'not-a-cursor' }));
  add('members: cursor year 0000', 422, query(USERS, { cursor: encodeCursor({ t: '0000-01-01T00:00:00+00:00', k: uuid }) }));
  add('members: cursor offset +23:00', 422, query(USERS, { cursor: encodeCursor({ t: '2026-01-01T00:00:00+23:00', k: uuid }) }));
  add('members: cursor 10 000 characters', 422, query(USERS, { cursor: 'A'.repeat(10_000) }));
  add('members: search 101 characters', 422, query(USERS, { search: 's'.repeat(101) }));
  add('members: search with NUL', 422, query(USERS, { search: 'a\u0000b' }));

  // GET /api/audit
  add('audit: actor not a uuid', 422, query(AUDIT, { actor: 'admin' }));
  add('audit: action SQL-looking', 422, query(AUDIT, { action: "member.removed' or 1=1 --" }));
  add('audit: action upper case', 422, query(AUDIT, { action: 'DROP TABLE audit_log' }));
  add('audit: action 65 characters', 422, query(AUDIT, { action: `member.${'a'.repeat(58)}` }));
  add('audit: from is a word', 422, query(AUDIT, { from: 'yesterday' }));
  add('audit: from is not a real day', 422, query(AUDIT, { from: '2026-02-30' }));
  add('audit: from year 0000', 422, query(AUDIT, { from: '0000-01-01' }));
  add('audit: to offset +23:00', 422, query(AUDIT, { to: '2026-01-01T00:00:00+23:00' }));
  add('audit: from after to', 422, query(AUDIT, { from: '2026-02-01', to: '2026-01-01' }));
  add('audit: limit 1000', 422, query(AUDIT, { limit: '1000' }));
  add('audit: cursor garbage', 422, query(AUDIT, { cursor: '%%%' }));

  // Notifications (channels, preferences, notification centre, delivery log)
  const CHANNELS = '/api/notifications/channels';
  const secret = 'whsec_0123456789abcdef';
  add('channel: kind unknown', 422, body('POST', CHANNELS, { kind: 'sms', name: 'Texts' }));
  add('channel: name missing', 422, body('POST', CHANNELS, { kind: 'email' }));
  add('channel: name 81 characters', 422, body('POST', CHANNELS, { kind: 'email', name: 'n'.repeat(81) }));
  add('channel: name only spaces', 422, body('POST', CHANNELS, { kind: 'email', name: '   ' }));
  add('channel: unknown field (a secret on email)', 422, body('POST', CHANNELS, { kind: 'email', name: 'Mail', secret }));
  add('channel: slack without URL', 422, body('POST', CHANNELS, { kind: 'slack', name: 'Slack' }));
  add('channel: slack URL over http', 422, body('POST', CHANNELS, { kind: 'slack', name: 'Slack', webhookUrl: 'http://hooks.slack.com/services/x' }));
  add('channel: webhook to metadata', 422, body('POST', CHANNELS, { kind: 'webhook', name: 'Meta', url: 'https://169.254.169.254/latest/meta-data', secret }));
  add('channel: webhook to decimal loopback', 422, body('POST', CHANNELS, { kind: 'webhook', name: 'Loop', url: 'https://2130706433/', secret }));
  add('channel: webhook to IPv4-mapped IPv6', 422, body('POST', CHANNELS, { kind: 'webhook', name: 'Mapped', url: 'https://[::ffff:10.0.0.1]/', secret }));
  add('channel: webhook with credentials', 422, body('POST', CHANNELS, { kind: 'webhook', name: 'Creds', url: 'https://user:pw@example.com/hook', secret }));
  add('channel: webhook to localhost', 422, body('POST', CHANNELS, { kind: 'webhook', name: 'Local', url: 'https://localhost/hook', secret }));
  add('channel: webhook secret too short', 422, body('POST', CHANNELS, { kind: 'webhook', name: 'Short', url: 'https://example.com/hook', secret: 'short' }));
  add('channel: webhook URL is an object', 422, body('POST', CHANNELS, { kind: 'webhook', name: 'Obj', url: { href: 'https://example.com' }, secret }));
  add('channel update: id not a uuid', 422, body('PATCH', CHANNELS, { id: 'channel-1', enabled: false }));
  add('channel update: enabled is a string', 422, body('PATCH', CHANNELS, { id: uuid, enabled: 'no' }));
  add('channel update: another tenant-looking id', 404, body('PATCH', CHANNELS, { id: uuid, name: 'x' }));
  add('channel delete: missing id', 422, body('DELETE', CHANNELS, {}));
  add('channel test: id is an array', 422, body('POST', `${CHANNELS}/test`, { id: [uuid] }));
  add('preferences: unknown event', 422, body('PUT', '/api/notifications/preferences', { preferences: [{ event: 'tasks/task.exploded', channel: 'email', enabled: true }] }));
  add('preferences: unknown channel', 422, body('PUT', '/api/notifications/preferences', { preferences: [{ event: 'tasks/task.assigned', channel: 'fax', enabled: true }] }));
  add('preferences: not a list', 422, body('PUT', '/api/notifications/preferences', { preferences: { event: 'tasks/task.assigned' } }));
  add('preferences: 101 entries', 422, body('PUT', '/api/notifications/preferences', { preferences: Array.from({ length: 101 }, () => ({ event: 'tasks/task.assigned', channel: 'email', enabled: true })) }));
  add('mark read: empty ids', 422, body('POST', '/api/notifications/read', { ids: [] }));
  add('mark read: all is false', 422, body('POST', '/api/notifications/read', { all: false }));
  add('mark read: ids not uuids', 422, body('POST', '/api/notifications/read', { ids: ["1' or '1'='1"] }));
  add('notifications: unread=yes', 422, query('/api/notifications', { unread: 'yes' }));
  add('deliveries: status unknown', 422, query('/api/notifications/deliveries', { status: 'exploded' }));
  add('deliveries: channelId not a uuid', 422, query('/api/notifications/deliveries', { channelId: '42' }));
  add('deliveries: limit 0', 422, query('/api/notifications/deliveries', { limit: '0' }));
  add('retry: id missing', 422, body('POST', '/api/notifications/deliveries/retry', {}));
  add('retry: unknown id', 404, body('POST', '/api/notifications/deliveries/retry', { id: uuid }));

  // Methods and credentials
  add('PUT is not a method of the members route', 405, { method: 'PUT', path: USERS, body: { email: 'put@example.com' } });
  add('PATCH is not a method of the audit route', 405, { method: 'PATCH', path: AUDIT, body: {} });
  add('Basic credentials', 401, { method: 'GET', path: USERS, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
  add('token signed with the well-known local HS256 secret', 401, { method: 'GET', path: USERS, headers: { authorization: `Bearer ${tokens.defaultSecret}` } });
  add('unsigned token (alg none)', 401, { method: 'GET', path: USERS, headers: { authorization: `Bearer ${tokens.forgedNone}` } });
  add('token with a tampered payload', 401, { method: 'POST', path: BINDINGS, body: { userId: uuid, role: 'owner' }, headers: { authorization: `Bearer ${tokens.tampered}` } });

  return cases;
}
