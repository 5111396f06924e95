import crypto from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import { createOrg, createUser, type TestOrg, type TestUser } from '../../../tests/setup/fixtures.ts';
import { accessTokenFor, authedClient, closeRealtimeClients, Inbox, subscribe, subscribed, VSNS, type Vsn } from '../../../tests/setup/realtime.ts';
import { loadOrCreateKeys } from '../auth/keys.ts';
import { inject } from 'vitest';

const admin = adminSql();
let org: TestOrg;
let member: TestUser;

beforeAll(async () => {
  member = await createUser(admin);
  org = await createOrg(admin, member);
});
afterEach(closeRealtimeClients);
afterAll(() => admin.end());

async function forgedToken(kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: member.id, role: 'authenticated', aud: 'authenticated' })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
}

/** Resolves once the wall clock passes `epochSeconds` (the condition these tests are about). */
async function clockPasses(epochSeconds: number): Promise<void> {
  while (Date.now() <= epochSeconds * 1000) await new Promise((r) => setTimeout(r, 50));
}

describe.each(VSNS)('tokens, vsn %s', (vsn: Vsn) => {
  const joinError = async (token: string) => {
    const client = await authedClient({ vsn, token: () => token });
    const result = await subscribe(client.channel(`org:${org.id}`, { config: { private: true } }));
    return result.status === 'SUBSCRIBED' ? 'SUBSCRIBED' : result.error?.message;
  };

  it('refuses expired, forged, unknown-key and malformed tokens with Realtime’s reasons', async () => {
    expect(await joinError(await accessTokenFor(member, { expiresIn: -5 }))).toMatch(/^InvalidJWTToken: Token has expired \d+ seconds ago$/);
    const { kid } = await loadOrCreateKeys(inject('authKeysFile'));
    expect(await joinError(await forgedToken(kid))).toBe('JwtSignatureError: Failed to validate JWT signature');
    expect(await joinError(await forgedToken('not-our-key'))).toBe(
      'JwtSignerError: Failed to generate JWT signer for key ID (kid) "not-our-key", check your JWT secret or JWKS configuration',
    );
    expect(await joinError('not-a-jwt')).toBe('MalformedJWT: The token provided is not a valid JWT');
  });

  it('closes a joined channel when its token expires (system message, then CLOSED)', async () => {
    const token = await accessTokenFor(member, { expiresIn: 4 });
    const client = await authedClient({ vsn, token: () => token });
    const system = new Inbox<Record<string, unknown>>();
    const statuses = new Inbox<string>();
    const channel = client.channel(`org:${org.id}`, { config: { private: true } }).on('system', {}, system.push);
    channel.subscribe((status) => statuses.push(status));
    await statuses.find((s) => s === 'SUBSCRIBED');
    const [message] = await system.atLeast(1, 8000);
    expect(message).toMatchObject({ extension: 'system', status: 'error', channel: `org:${org.id}` });
    expect(String(message?.message)).toMatch(/^Token has expired \d+ seconds ago$/);
    await statuses.find((s) => s === 'CLOSED');
  });

  it('a token refreshed through the accessToken callback keeps the channel open past the old expiry', async () => {
    const first = await accessTokenFor(member, { expiresIn: 4 });
    let current = first;
    const client = await authedClient({ vsn, token: () => current, heartbeatIntervalMs: 300 });
    const inbox = new Inbox<Record<string, unknown>>();
    const system = new Inbox<Record<string, unknown>>();
    const topic = `org:${org.id}:refresh-${crypto.randomUUID()}`;
    await subscribed(client.channel(topic, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push).on('system', {}, system.push));
    current = await accessTokenFor(member, { expiresIn: 3600 });
    await clockPasses(JSON.parse(Buffer.from(first.split('.')[1] ?? '', 'base64url').toString()).exp + 1);
    await admin`select realtime.send(${admin.json({ still: 'open' })}, 'after-expiry', ${topic}, true)`;
    expect((await inbox.atLeast(1))[0]?.payload).toMatchObject({ still: 'open' });
    expect(system.items).toEqual([]);
  });

  it('a new token that may no longer read closes the channel', async () => {
    const leaver = await createUser(admin);
    await admin`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${leaver.id}, 'member')`;
    let current = await accessTokenFor(leaver);
    const client = await authedClient({ vsn, token: () => current, heartbeatIntervalMs: 300 });
    const system = new Inbox<Record<string, unknown>>();
    await subscribed(client.channel(`org:${org.id}`, { config: { private: true } }).on('system', {}, system.push));
    await admin`delete from public.memberships where org_id = ${org.id} and user_id = ${leaver.id}`;
    current = await accessTokenFor(leaver);
    const [message] = await system.atLeast(1);
    expect(message?.message).toBe(`You do not have permissions to read from this Channel topic: org:${org.id}`);
  });
});
