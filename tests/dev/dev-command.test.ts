import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPortFree, findFreePort } from '@/supabase/local/ports';

const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules/.bin/node');
const started: ChildProcess[] = [];

// Stop a dev command the way a person does (Ctrl-C), so it stops what it started;
// SIGKILL only if it hangs.
afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
});

interface Dev {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function startDev(env: Record<string, string>): Dev {
  const child = spawn(node, ['scripts/dev.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATABASE_ADMIN_URL: '',
      NEXT_PUBLIC_SUPABASE_URL: '',
      NEXT_PUBLIC_ROOT_DOMAIN: '',
      NEXT_DIST_DIR: '.next-devtest',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

async function waitFor(dev: Dev, text: string, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (!dev.output().includes(text)) {
    if (Date.now() > deadline || dev.child.exitCode !== null) throw new Error(`never saw "${text}":\n${dev.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm run dev', () => {
  it('starts Postgres and Next, stops both on Ctrl-C, and keeps the data on restart', { timeout: 240_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devcmd-'));
    fs.chmodSync(dir, 0o755); // so the cluster stays in it when we are root (the postgres system user must reach it)
    const env = {
      PORT: String(await findFreePort()),
      LOCAL_POSTGRES_PORT: String(await findFreePort()),
      LOCAL_AUTH_PORT: String(await findFreePort()),
      LOCAL_INNGEST_PORT: String(await findFreePort()),
      LOCAL_DATA_DIR: path.join(dir, 'data'),
      LOCAL_ENV_FILE: path.join(dir, '.env.local'),
    };
    const first = startDev(env);
    await waitFor(first, 'Tenantforge is running');
    expect(first.output()).toContain(`http://localhost:${env.PORT}`);
    expect(first.output()).toContain(`ws://127.0.0.1:${env.LOCAL_AUTH_PORT}/realtime/v1/websocket`);
    const envFile = fs.readFileSync(env.LOCAL_ENV_FILE, 'utf8');
    expect(envFile).toMatch(/^DATABASE_URL=postgres:\/\/authenticator:/m);
    // The mailbox link carries its token (the mailbox answers nobody without it).
    const mailboxUrl = /^LOCAL_MAILBOX_URL=(.*)$/m.exec(envFile)![1]!;
    expect(mailboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mailbox\/ui\?token=[A-Za-z0-9_-]{43}$/);
    expect(first.output()).toContain(`Mailbox    ${mailboxUrl}`);
    expect((await fetch(mailboxUrl.replace(/\?token=.*$/, ''))).status).toBe(401);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
    // The Inngest executor runs, the app synced its functions, and the app is pointed at it.
    expect(first.output()).toContain(`Jobs       http://127.0.0.1:${env.LOCAL_INNGEST_PORT}`);
    expect(envFile).toContain(`INNGEST_BASE_URL=http://127.0.0.1:${env.LOCAL_INNGEST_PORT}`);
    await waitFor(first, "synced the app's functions");
    const executorPage = await (await fetch(`http://127.0.0.1:${env.LOCAL_INNGEST_PORT}/`)).text();
    expect(executorPage).toContain('tenantforge-send-invitation-email');

    const adminUrl = /^DATABASE_ADMIN_URL=(.*)$/m.exec(envFile)![1]!;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin`create table kept (v text)`;
    await admin`insert into kept values ('still here')`;
    await admin.end();

    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
    await expect(assertPortFree(Number(env.LOCAL_POSTGRES_PORT), 'Postgres')).resolves.toBeUndefined();
    await expect(assertPortFree(Number(env.PORT), 'Next.js', '0.0.0.0')).resolves.toBeUndefined();
    await expect(assertPortFree(Number(env.LOCAL_INNGEST_PORT), 'Inngest executor')).resolves.toBeUndefined();

    const second = startDev(env);
    await waitFor(second, 'Tenantforge is running');
    const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
    expect(await again`select v from kept`).toEqual([{ v: 'still here' }]);
    await again.end();
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });

  it('explains a port in use and exits non-zero', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devcmd-'));
    const busy = await findFreePort();
    const { createServer } = await import('node:net');
    const server = createServer().listen(busy, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const dev = startDev({
        PORT: String(await findFreePort()),
        LOCAL_POSTGRES_PORT: String(busy),
        LOCAL_AUTH_PORT: String(await findFreePort()),
        LOCAL_INNGEST_PORT: String(await findFreePort()),
        LOCAL_DATA_DIR: path.join(dir, 'data'),
        LOCAL_ENV_FILE: path.join(dir, '.env.local'),
      });
      expect(await dev.exit).toBe(1);
      expect(dev.output()).toContain(`Port ${busy} (Postgres) is already in use`);
      expect(fs.existsSync(path.join(dir, 'data', 'postgres'))).toBe(false);
    } finally {
      server.close();
    }
  });

  it('names the Inngest executor when its port is taken, before starting anything', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devcmd-'));
    const busy = await findFreePort();
    const { createServer } = await import('node:net');
    const server = createServer().listen(busy, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const dev = startDev({
        PORT: String(await findFreePort()),
        LOCAL_POSTGRES_PORT: String(await findFreePort()),
        LOCAL_AUTH_PORT: String(await findFreePort()),
        LOCAL_INNGEST_PORT: String(busy),
        LOCAL_DATA_DIR: path.join(dir, 'data'),
        LOCAL_ENV_FILE: path.join(dir, '.env.local'),
      });
      expect(await dev.exit).toBe(1);
      expect(dev.output()).toContain(`Port ${busy} (Inngest executor) is already in use`);
      expect(fs.existsSync(path.join(dir, 'data', 'postgres'))).toBe(false);
    } finally {
      server.close();
    }
  });

  it('refuses a dirty data folder and leaves it as it was', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devcmd-'));
    fs.mkdirSync(path.join(dir, 'data', 'postgres'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'data', 'postgres', 'important.txt'), 'keep me');
    const dev = startDev({
      PORT: String(await findFreePort()),
      LOCAL_POSTGRES_PORT: String(await findFreePort()),
      LOCAL_AUTH_PORT: String(await findFreePort()),
      LOCAL_INNGEST_PORT: String(await findFreePort()),
      LOCAL_DATA_DIR: path.join(dir, 'data'),
      LOCAL_ENV_FILE: path.join(dir, '.env.local'),
    });
    expect(await dev.exit).toBe(1);
    expect(dev.output()).toMatch(/is not empty but holds no Postgres cluster/);
    expect(fs.readdirSync(path.join(dir, 'data', 'postgres'))).toEqual(['important.txt']);
  });
});
