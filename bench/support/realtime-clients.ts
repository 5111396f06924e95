import crypto from 'node:crypto';
import fs from 'node:fs';
import { RealtimeClient } from '@supabase/supabase-js';
import type postgres from 'postgres';
import { loadOrCreateKeys } from '../../supabase/local/auth/keys.ts';
import { createTokenService } from '../../supabase/local/auth/tokens.ts';

/** Tenants, members and their access tokens for the Realtime benchmark (SQL as superuser; tokens signed with the server's key). */
export interface Fixtures {
  orgs: string[];
  /** tokens[tenant][member] */
  tokens: string[][];
}

export async function createFixtures(
  admin: postgres.Sql,
  opts: { tenants: number; usersPerTenant: number; keysFile: string; url: string },
): Promise<Fixtures> {
  const tokenService = createTokenService(await loadOrCreateKeys(opts.keysFile));
  const now = Math.floor(Date.now() / 1000);
  const orgs: string[] = [];
  const tokens: string[][] = [];
  for (let t = 0; t < opts.tenants; t += 1) {
    const org = crypto.randomUUID();
    await admin`insert into public.organizations (id, name, slug) values (${org}, ${`Bench ${t}`}, ${`bench-${t}-${org.slice(0, 6)}`})`;
    orgs.push(org);
    const list: string[] = [];
    for (let u = 0; u < opts.usersPerTenant; u += 1) {
      const id = crypto.randomUUID();
      const email = `bench-${id}@example.test`;
      await admin`insert into auth.users (id, aud, role, email, created_at, updated_at) values (${id}, 'authenticated', 'authenticated', ${email}, now(), now())`;
      await admin`insert into public.memberships (org_id, user_id, role) values (${org}, ${id}, 'member')`;
      list.push(
        await tokenService.sign({
          iss: `${opts.url}/auth/v1`, sub: id, aud: 'authenticated', exp: now + 3600, iat: now, email, phone: '',
          app_metadata: {}, user_metadata: {}, role: 'authenticated', aal: 'aal1', amr: [{ method: 'password', timestamp: now }],
          session_id: crypto.randomUUID(), is_anonymous: false,
        }),
      );
    }
    tokens.push(list);
  }
  return { orgs, tokens };
}

export interface Tick {
  /** Client clock (ms since the epoch) just before the sending query. */
  sentAt: number;
  /** Postgres clock_timestamp() at the insert (ms since the epoch); the commit follows at once. */
  insertedAt: number;
}

export interface Subscriber {
  /** Called with the payload of each delivered `tick`. */
  onMessage: (tick: Tick) => void;
  close(): Promise<void>;
}

/** `perTenant` clients per tenant (each its own WebSocket), joined to the private topic `org:<id>:<suffix>`. */
export async function openSubscribers(
  server: { url: string; publishableKey: string },
  fixtures: Fixtures,
  opts: { perTenant: number; topicSuffix: string; limit?: number },
): Promise<Subscriber[]> {
  const plan: { org: string; token: string; vsn: '1.0.0' | '2.0.0' }[] = [];
  for (let i = 0; i < opts.perTenant; i += 1) {
    fixtures.orgs.forEach((org, t) => plan.push({ org, token: fixtures.tokens[t]![i % fixtures.tokens[t]!.length]!, vsn: plan.length % 2 ? '2.0.0' : '1.0.0' }));
  }
  const out: Subscriber[] = [];
  const todo = plan.slice(0, opts.limit ?? plan.length);
  for (let start = 0; start < todo.length; start += 50) {
    out.push(...(await Promise.all(todo.slice(start, start + 50).map((p) => openOne(server, p, opts.topicSuffix)))));
  }
  return out;
}

async function openOne(server: { url: string; publishableKey: string }, p: { org: string; token: string; vsn: '1.0.0' | '2.0.0' }, suffix: string): Promise<Subscriber> {
  const client = new RealtimeClient(`${server.url.replace(/^http/, 'ws')}/realtime/v1`, {
    params: { apikey: server.publishableKey },
    vsn: p.vsn,
    accessToken: async () => p.token,
  });
  await client.setAuth();
  const subscriber: Subscriber = { onMessage: () => {}, close: async () => void (await client.removeAllChannels()) };
  await new Promise<void>((resolve, reject) => {
    client
      .channel(`org:${p.org}:${suffix}`, { config: { private: true } })
      .on('broadcast', { event: 'tick' }, (message) => subscriber.onMessage(message.payload as Tick))
      .subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : reject(error ?? new Error(status))));
  });
  return subscriber;
}

/** Resident set size of a process in MB (Linux /proc). */
export function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}
