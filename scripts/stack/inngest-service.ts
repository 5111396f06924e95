import { startLocalInngest } from '../../inngest/local/server.ts';
import { syncApp } from '../../inngest/local/sync.ts';
import type { RunningService, Service } from './supervisor.ts';

/**
 * The local Inngest executor (inngest/local/), started after Next.js so it can sync the app:
 * a PUT to the app's serve endpoint, repeated every few seconds so functions added while
 * `next dev` runs are picked up (as the Inngest Dev Server polls its apps).
 */
export function inngestService(opts: {
  port: number;
  databaseUrl: () => string;
  serveUrl: string;
  /** Wait for the first sync before reporting started (the e2e stack); `npm run dev` does not, so it is ready sooner. */
  waitForSync?: boolean;
  resyncMs?: number;
  target?: { url?: string };
}): Service {
  return {
    name: 'inngest',
    async start(log): Promise<RunningService> {
      const executor = await startLocalInngest({ port: opts.port, databaseUrl: opts.databaseUrl(), onLog: log });
      if (opts.target) opts.target.url = executor.url;
      log(`Inngest executor on ${executor.url} (runs at ${executor.url}/)`);
      let synced = false;
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      const sync = async () => {
        try {
          const { modified } = await syncApp(opts.serveUrl);
          if (!synced || modified) log(`synced the app's functions from ${opts.serveUrl}`);
          synced = true;
        } catch (error) {
          log(`${(error as Error).message} (trying again)`);
        }
        if (!stopped) timer = setTimeout(() => void sync(), synced ? (opts.resyncMs ?? 10_000) : 2_000);
      };
      if (opts.waitForSync) await sync();
      else void sync();
      return {
        pids: () => [],
        stop: async () => {
          stopped = true;
          clearTimeout(timer);
          await executor.stop();
        },
      };
    },
  };
}
