import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, inject } from 'vitest';
import type { MailMessage } from '../../../tests/e2e/support/mailbox.ts';
import { findFreePort } from '../ports.ts';
import { withoutPerIpLimits } from './config-toml.ts';
import { startAuthServer, type AuthServer, type AuthServerOptions } from './server.ts';

/** Test helpers for the auth server suites (not a test file itself). */

export const SITE_URL = 'http://localhost:3000';
export const TENANT_CALLBACK = 'http://acme.localhost:3000/auth/callback';

// Every request of a suite comes from 127.0.0.1; per-IP limits are tested on their own server.
const RELAXED_IP_LIMITS = withoutPerIpLimits();

const tempDirs = new Set<string>();
// Registered while the importing test file is collected, so it runs when that file's tests are done.
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
});

/** A temporary folder removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export interface TestAuthServer extends AuthServer {
  keysFile: string;
  logs: string[];
}

export async function startTestAuthServer(
  overrides: Partial<Omit<AuthServerOptions, 'databaseUrl' | 'port'>> = {},
): Promise<TestAuthServer> {
  const keysFile = overrides.keysFile ?? path.join(tempDir('tenantforge-auth-'), 'auth-keys.json');
  const logs: string[] = [];
  const server = await startAuthServer({
    port: await findFreePort(),
    databaseUrl: inject('databaseAuthUrl'),
    keysFile,
    siteUrl: SITE_URL,
    additionalRedirectUrls: ['http://*.localhost:3000/**'],
    rateLimits: RELAXED_IP_LIMITS,
    onLog: (line) => logs.push(line),
    ...overrides,
  });
  return { ...server, keysFile, logs };
}

/**
 * One test server for the importing file: started in beforeAll, stopped in afterAll.
 * The handle reads through to that server, so it can be kept at module level.
 */
export function useAuthServer(overrides: Parameters<typeof startTestAuthServer>[0] = {}): TestAuthServer {
  let started: TestAuthServer | undefined;
  beforeAll(async () => {
    started = await startTestAuthServer(overrides);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const current = (): TestAuthServer => {
    if (!started) throw new Error('the test auth server starts in beforeAll: use it in hooks and tests');
    return started;
  };
  return {
    get url() { return current().url; },
    get publishableKey() { return current().publishableKey; },
    get secretKey() { return current().secretKey; },
    get jwksUrl() { return current().jwksUrl; },
    get mailboxUrl() { return current().mailboxUrl; },
    get mailboxToken() { return current().mailboxToken; },
    get mailboxLoginUrl() { return current().mailboxLoginUrl; },
    get keysFile() { return current().keysFile; },
    get logs() { return current().logs; },
    stop: () => current().stop(),
  };
}

export function anonClient(server: AuthServer, flowType: 'implicit' | 'pkce' = 'implicit'): SupabaseClient {
  return createClient(server.url, server.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType },
  });
}

export function adminClient(server: AuthServer): SupabaseClient {
  return createClient(server.url, server.secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export const GOOD_PASSWORD = 'violet-harbor-47-lantern';

/** A mailbox message as GET /mailbox lists it (the e2e helpers read the same JSON). */
export type Mail = MailMessage;

export async function mailsTo(server: AuthServer, email: string): Promise<Mail[]> {
  const response = await fetch(`${server.url}/mailbox?to=${encodeURIComponent(email)}`, { headers: { apikey: server.secretKey } });
  if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
  const body = (await response.json()) as { messages: Mail[] };
  return body.messages;
}

export async function latestMail(server: AuthServer, email: string, kind?: string): Promise<Mail> {
  const mail = (await mailsTo(server, email)).find((m) => !kind || m.kind === kind);
  if (!mail) throw new Error(`no ${kind ?? ''} mail for ${email}`);
  return mail;
}

export interface Followed {
  status: number;
  location: URL;
  query: URLSearchParams;
  fragment: URLSearchParams;
}

/** Opens an email link like a browser would, without following the redirect. */
export async function followLink(link: string): Promise<Followed> {
  const response = await fetch(link, { redirect: 'manual' });
  const raw = response.headers.get('location');
  if (!raw) throw new Error(`no redirect from ${link} (status ${response.status}: ${await response.text()})`);
  const location = new URL(raw);
  return {
    status: response.status,
    location,
    query: location.searchParams,
    fragment: new URLSearchParams(location.hash.replace(/^#/, '')),
  };
}

/** Signs up and confirms through the mailbox link; returns a signed-in client. */
export async function signedInUser(server: AuthServer, tag: string, password = GOOD_PASSWORD) {
  const email = uniqueEmail(tag);
  const admin = adminClient(server);
  const { data, error } = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  if (error || !data.user) throw error ?? new Error('createUser returned no user');
  const client = anonClient(server);
  const signIn = await client.auth.signInWithPassword({ email, password });
  if (signIn.error || !signIn.data.session) throw signIn.error ?? new Error('no session');
  return { email, password, userId: data.user.id, client, session: signIn.data.session };
}

/** Raw request helper for protocol-level checks (malformed bodies, headers). */
export async function raw(
  server: AuthServer,
  method: string,
  pathAndQuery: string,
  init: { body?: string; headers?: Record<string, string>; key?: 'publishable' | 'secret' | 'none' } = {},
) {
  const key = init.key ?? 'publishable';
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Supabase-Api-Version': '2024-01-01',
    ...(key === 'none' ? {} : { apikey: key === 'secret' ? server.secretKey : server.publishableKey }),
    ...init.headers,
  };
  const response = await fetch(`${server.url}/auth/v1${pathAndQuery}`, { method, headers, body: init.body });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body: body as Record<string, unknown> };
}
