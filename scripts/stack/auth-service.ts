import { startAuthServer } from '../../supabase/local/auth/server.ts';
import type { RunningService, Service } from './supervisor.ts';

export interface AuthTarget {
  url: string;
  publishableKey: string;
  secretKey: string;
}

/**
 * The local Supabase Auth stand-in (GoTrue API + mailbox) and, on the same URL, the Realtime
 * stand-in (supabase-js derives `<url>/realtime/v1` from the project URL). Fills `target` once started.
 */
export function authService(opts: {
  port: number;
  databaseUrl: () => string;
  /** Login of the Realtime server (supabase_realtime_admin); without it no Realtime is served. */
  realtimeDatabaseUrl?: () => string;
  keysFile: string;
  siteUrl: string;
  redirectUrls: string[];
  /** Require confirming the email before the first sign-in (GoTrue's default). */
  requireEmailConfirmation?: boolean;
  target: Partial<AuthTarget>;
}): Service {
  return {
    name: opts.realtimeDatabaseUrl ? 'auth+realtime' : 'auth',
    async start(log): Promise<RunningService> {
      const server = await startAuthServer({
        port: opts.port,
        databaseUrl: opts.databaseUrl(),
        keysFile: opts.keysFile,
        siteUrl: opts.siteUrl,
        additionalRedirectUrls: opts.redirectUrls,
        requireEmailConfirmation: opts.requireEmailConfirmation ?? true,
        ...(opts.realtimeDatabaseUrl ? { realtime: { databaseUrl: opts.realtimeDatabaseUrl() } } : {}),
        onLog: log,
      });
      Object.assign(opts.target, {
        url: server.url,
        publishableKey: server.publishableKey,
        secretKey: server.secretKey,
      });
      const realtime = server.realtimeUrl ? `, Realtime on ${server.realtimeUrl}` : '';
      log(`Auth on ${server.url}/auth/v1${realtime}, mailbox at ${server.url}/mailbox`);
      return { pids: () => [], stop: () => server.stop() };
    },
  };
}
