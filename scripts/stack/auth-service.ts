import { startAuthServer } from '../../supabase/local/auth/server.ts';
import type { RunningService, Service } from './supervisor.ts';

export interface AuthTarget {
  url: string;
  publishableKey: string;
  secretKey: string;
}

/** The local Supabase Auth stand-in (GoTrue API + mailbox). Fills `target` once started. */
export function authService(opts: {
  port: number;
  databaseUrl: () => string;
  keysFile: string;
  siteUrl: string;
  redirectUrls: string[];
  /** Require confirming the email before the first sign-in (GoTrue's default). */
  requireEmailConfirmation?: boolean;
  target: Partial<AuthTarget>;
}): Service {
  return {
    name: 'auth',
    async start(log): Promise<RunningService> {
      const server = await startAuthServer({
        port: opts.port,
        databaseUrl: opts.databaseUrl(),
        keysFile: opts.keysFile,
        siteUrl: opts.siteUrl,
        additionalRedirectUrls: opts.redirectUrls,
        requireEmailConfirmation: opts.requireEmailConfirmation ?? true,
        // IP address forwarding, as the README asks hosted projects to turn on: the app names each
        // end user's IP in Sb-Forwarded-For, so the auth server's per-IP limits are per user.
        sbForwardedForEnabled: true,
        onLog: log,
      });
      Object.assign(opts.target, {
        url: server.url,
        publishableKey: server.publishableKey,
        secretKey: server.secretKey,
      });
      log(`Auth on ${server.url}/auth/v1, mailbox at ${server.url}/mailbox`);
      return { pids: () => [], stop: () => server.stop() };
    },
  };
}
