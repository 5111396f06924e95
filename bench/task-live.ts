/**
 * A task moved in browser A, seen in browser B: the board's whole live path (the move's
 * POST through the API and withRls, the database trigger's broadcast, the local Realtime
 * server, realtime-js in B, B's refetch of the board and its render). For each of N moves
 * A records the time just before its request and B the time the card shows in the target
 * column (a MutationObserver in the page); prints p50/p95/p99/max of the difference.
 * Builds into .next-bench and starts the e2e stack (scripts/e2e-server.ts) on a free port.
 * Run: node bench/task-live.ts [moves=200]
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import postgres from 'postgres';
import { findFreePort } from '../supabase/local/ports.ts';
import { ensureBuild } from './next-build.ts';
import { percentile } from './stats.ts';

const moves = Number(process.argv[2] ?? '200');
if (!Number.isInteger(moves) || moves < 1) {
  console.error('usage: node bench/task-live.ts [moves=200]');
  process.exit(2);
}
const DIST_DIR = '.next-bench';
ensureBuild(DIST_DIR, (line) => console.log(line));
const port = await findFreePort();
process.env.E2E_PORT = String(port);
const root = path.resolve(import.meta.dirname, '..');
const server = spawn(process.execPath, [path.join(root, 'scripts/e2e-server.ts')], {
  cwd: root, env: { ...process.env, E2E_PORT: String(port), NEXT_DIST_DIR: DIST_DIR }, stdio: ['ignore', 'ignore', 'inherit'], detached: true,
});
const stop = () => { try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* already gone */ } };
process.on('exit', stop);
// The server writes its stack file once every service (the executor last) is up.
const stackFile = path.join(root, `test-results/e2e-stack-${port}.json`);
for (let i = 0; i < 600 && !fs.existsSync(stackFile); i += 1) await new Promise((resolve) => setTimeout(resolve, 500));

// The stack's URLs and keys, as scripts/e2e-server.ts wrote them.
const stack = JSON.parse(fs.readFileSync(stackFile, 'utf8')) as {
  rootDomain: string; authUrl: string; secretKey: string; adminDbUrl: string;
};
const sql = postgres(stack.adminDbUrl, { max: 2, onnotice: () => {} });
const tag = crypto.randomBytes(4).toString('hex');
const [org] = await sql<{ id: string; slug: string }[]>`
  insert into public.organizations (name, slug) values ('Bench Live', ${`bench-live-${tag}`}) returning id, slug`;
const authAdmin = createClient(stack.authUrl, stack.secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
const users: { id: string; email: string; password: string }[] = [];
for (const name of ['a', 'b']) {
  const email = `bench-${name}-${tag}@example.com`;
  const password = `Bench-${crypto.randomBytes(8).toString('hex')}-live`;
  const { data, error } = await authAdmin.auth.admin.createUser({ email, password, email_confirm: true });
  if (error || !data.user) throw new Error(`createUser ${email}: ${error?.message}`);
  users.push({ id: data.user.id, email, password });
  await sql`insert into public.memberships (org_id, user_id, role) values (${org!.id}, ${data.user.id}, 'member')`;
}
const tenantUrl = (slug: string, pathname: string) => `http://${slug}.${stack.rootDomain}${pathname}`;
const [task] = await sql<{ id: string }[]>`
  insert into public.tasks (org_id, title, created_by) values (${org!.id}, 'Moving card', ${users[0]!.id}) returning id`;
const taskId = task!.id;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
/** A browser signed in on the tenant host (its sign-in page), on the board. */
async function openBoard(user: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(tenantUrl(org!.slug, '/sign-in?next=%2Ftasks'));
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(tenantUrl(org!.slug, '/tasks'), { timeout: 60_000 });
  await page.getByRole('status', { name: 'Live: changes appear as they happen' }).waitFor({ timeout: 60_000 });
  return page;
}
const [a, b] = [await openBoard(users[0]!), await openBoard(users[1]!)];

const samples: number[] = [];
let errors = 0;
for (let i = 0; i < moves; i += 1) {
  const to = i % 2 === 0 ? 'in_progress' : 'todo';
  await b.evaluate(([id, column]) => {
    const w = window as unknown as { seenAt: number | null; observer?: MutationObserver };
    w.seenAt = null;
    w.observer?.disconnect();
    const check = () => {
      if (w.seenAt === null && document.querySelector(`[data-column="${column}"] [data-card-id="${id}"]`)) w.seenAt = Date.now();
    };
    w.observer = new MutationObserver(check);
    w.observer.observe(document.body, { childList: true, subtree: true });
  }, [taskId, to]);
  const sentAt = await a.evaluate(async ([id, column]) => {
    const at = Date.now();
    const res = await fetch(`/api/tasks/${id}/transitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: column, afterId: null }) });
    if (!res.ok) throw new Error(`move answered ${res.status}`);
    return at;
  }, [taskId, to]);
  const seenAt = await b.waitForFunction(() => (window as unknown as { seenAt: number | null }).seenAt, undefined, { timeout: 10_000 })
    .then((handle) => handle.jsonValue() as Promise<number>, () => null);
  if (seenAt === null) errors += 1;
  else samples.push(seenAt - sentAt);
}
const line = (p: number) => percentile(samples, p).toFixed(0);
console.log(`task move in A → visible in B: ${samples.length} moves, p50 ${line(50)} ms, p95 ${line(95)} ms, p99 ${line(99)} ms, max ${line(100)} ms; not seen within 10 s: ${errors}`);
console.log(`target p95 <= 250 ms: ${percentile(samples, 95) <= 250 ? 'met' : 'not met'}`);
await browser.close();
await sql.end();
stop();
process.exit(0);
