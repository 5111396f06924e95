import { spawn } from 'node:child_process';
import path from 'node:path';
import { assertPortFree } from '../../supabase/local/ports.ts';
import type { RunningService, Service } from './supervisor.ts';

const root = path.resolve(import.meta.dirname, '../..');
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');

/** `next dev` or `next start` on a port, ready when /api/health answers. */
export function nextService(opts: { mode: 'dev' | 'start'; port: number; env: Record<string, string> }): Service {
  return {
    name: 'next',
    async start(log): Promise<RunningService> {
      await assertPortFree(opts.port, 'Next.js', '0.0.0.0');
      const child = spawn(process.execPath, [nextBin, opts.mode, '--port', String(opts.port)], {
        cwd: root,
        env: { ...process.env, ...opts.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => log(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => log(chunk.toString()));
      const exited = new Promise<string>((resolve) =>
        child.on('exit', (code, signal) => resolve(`exit code ${code ?? signal}`)),
      );
      let ended = false;
      void exited.then(() => (ended = true));
      await waitForHttp(`http://127.0.0.1:${opts.port}/api/health`, () => ended);
      return {
        pids: () => (child.pid && !ended ? [child.pid] : []),
        exited,
        stop: async () => {
          if (ended) return;
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
          if (!ended) child.kill('SIGKILL');
        },
      };
    },
  };
}

async function waitForHttp(url: string, gaveUp: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('Next.js exited before it was ready (see its output above).');
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Next.js did not answer ${url} within ${timeoutMs / 1000}s.`);
}
