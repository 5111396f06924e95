import crypto from 'node:crypto';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import type postgres from 'postgres';
import { inject } from 'vitest';
import { loadOrCreateKeys } from '../../supabase/local/auth/keys.ts';
import { createTokenService } from '../../supabase/local/auth/tokens.ts';

/**
 * Realtime test helpers: real supabase-js clients against the local stack, access tokens
 * signed with the auth server's key, and inboxes that wait for messages (no sleeps).
 */
export type Vsn = '1.0.0' | '2.0.0';
export const VSNS: Vsn[] = ['1.0.0', '2.0.0'];

const clients = new Set<SupabaseClient>();

/** An access token for `user` as the auth server's /token issues it; `expiresIn` seconds (default 3600). */
export async function accessTokenFor(
  user: { id: string; email: string },
  opts: { expiresIn?: number; keysFile?: string; supabaseUrl?: string } = {},
): Promise<string> {
  const keys = await loadOrCreateKeys(opts.keysFile ?? inject('authKeysFile'));
  const now = Math.floor(Date.now() / 1000);
  return createTokenService(keys).sign({
    iss: `${opts.supabaseUrl ?? inject('supabaseUrl')}/auth/v1`,
    sub: user.id,
    aud: 'authenticated',
    exp: now + (opts.expiresIn ?? 3600),
    iat: now,
    email: user.email,
    phone: '',
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: {},
    role: 'authenticated',
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: now }],
    session_id: crypto.randomUUID(),
    is_anonymous: false,
  });
}

/**
 * An insert policy on realtime.messages for the test's topics only: members of an org may send
 * on `org:<id>:<prefix>…` (the app's own topics stay receive-only). Returns its removal.
 */
export async function allowMembersToSend(admin: postgres.Sql, prefix: string): Promise<() => Promise<void>> {
  const name = `realtime_test_send_${prefix.replace(/[^a-z0-9]/gi, '_')}`;
  await admin.unsafe(`
    drop policy if exists ${name} on realtime.messages;
    create policy ${name} on realtime.messages for insert to authenticated
      with check (extension = 'broadcast' and exists (
        select 1 from public.memberships m where m.user_id = auth.uid()
          and realtime.topic() like 'org:' || m.org_id::text || ':${prefix}%'));`);
  return async () => {
    await admin.unsafe(`drop policy if exists ${name} on realtime.messages`);
  };
}

/** A supabase-js client speaking `vsn`; with `token` the realtime access token comes from it (else the publishable key acts as anon). */
export function realtimeClient(opts: {
  vsn: Vsn;
  token?: () => string | null;
  url?: string;
  key?: string;
  heartbeatIntervalMs?: number;
}): SupabaseClient {
  const client = createClient(opts.url ?? inject('supabaseUrl'), opts.key ?? inject('supabasePublishableKey'), {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    ...(opts.token ? { accessToken: async () => opts.token!() } : {}),
    realtime: { vsn: opts.vsn, heartbeatIntervalMs: opts.heartbeatIntervalMs, logger: () => {} },
  });
  clients.add(client);
  return client;
}

/**
 * A client whose realtime token is already set: supabase-js fetches the `accessToken` callback
 * asynchronously, so a join sent at once would still carry the publishable key (Supabase's
 * docs say to `await supabase.realtime.setAuth()` before joining private channels).
 */
export async function authedClient(opts: Parameters<typeof realtimeClient>[0]): Promise<SupabaseClient> {
  const client = realtimeClient(opts);
  await client.realtime.setAuth();
  return client;
}

export async function closeRealtimeClients(): Promise<void> {
  await Promise.all([...clients].map((c) => c.removeAllChannels().catch(() => [])));
  clients.clear();
}

export type SubscribeResult = { status: 'SUBSCRIBED' } | { status: 'CHANNEL_ERROR' | 'TIMED_OUT' | 'CLOSED'; error?: Error };

/** Subscribes and resolves with the first outcome. */
export function subscribe(channel: RealtimeChannel): Promise<SubscribeResult> {
  return new Promise((resolve) => {
    let done = false;
    channel.subscribe((status, error) => {
      if (done) return;
      done = true;
      resolve(status === 'SUBSCRIBED' ? { status } : { status, error });
    });
  });
}

/** Subscribes and fails the test unless the channel joins. */
export async function subscribed(channel: RealtimeChannel): Promise<RealtimeChannel> {
  const result = await subscribe(channel);
  if (result.status !== 'SUBSCRIBED') throw new Error(`subscribe: ${result.status} ${'error' in result ? result.error?.message : ''}`);
  return channel;
}

/** Collects values and lets a test wait for the n-th one or for one matching a predicate. */
export class Inbox<T> {
  readonly items: T[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  push = (item: T): void => {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => (w.test() ? (w.resolve(), false) : true));
  };

  /** Resolves once `count` items arrived (rejects after `timeoutMs`, naming what was seen). */
  async atLeast(count: number, timeoutMs = 5000): Promise<T[]> {
    await this.until(() => this.items.length >= count, timeoutMs, `${count} items`);
    return this.items.slice(0, count);
  }

  async find(predicate: (item: T) => boolean, timeoutMs = 5000): Promise<T> {
    await this.until(() => this.items.some(predicate), timeoutMs, 'a matching item');
    return this.items.find(predicate) as T;
  }

  private until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${what}; got ${JSON.stringify(this.items).slice(0, 500)}`)), timeoutMs);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}
