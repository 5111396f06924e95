import { authOptionsFromConfigToml, withoutPerIpLimits } from '../../supabase/local/auth/config-toml.ts';
import { startAuthServer } from '../../supabase/local/auth/server.ts';
import type { RunningService, Service } from './supervisor.ts';

export interface AuthTarget {
  url: string;
  publishableKey: string;
  secretKey: string;
  /** The link that opens the local mailbox in a browser (carries the mailbox token). */
  mailboxLoginUrl: string;
}

/**
 * The local Supabase Auth stand-in (GoTrue API + mailbox), configured from
 * supabase/config.toml like a hosted project. Fills `target` once started.
 */
export function authService(opts: {
  port: number;
  databaseUrl: () => string;
  keysFile: string;
  siteUrl: string;
  redirectUrls: string[];
  /** Overrides config.toml's [auth.email] enable_confirmations (LOCAL_AUTH_CONFIRM_EMAIL). */
  requireEmailConfirmation?: boolean;
  /** false for test stacks: all their requests come from 127.0.0.1, so per-IP limits would count every test together. */
  perIpLimits?: boolean;
  target: Partial<AuthTarget>;
}): Service {
  return {
    name: 'auth',
    async start(log): Promise<RunningService> {
      const config = authOptionsFromConfigToml();
      for (const note of config.notes) log(note);
      const server = await startAuthServer({
        ...config.options,
        ...(opts.perIpLimits === false ? { rateLimits: withoutPerIpLimits(config.options.rateLimits) } : {}),
        ...(opts.requireEmailConfirmation === undefined ? {} : { requireEmailConfirmation: opts.requireEmailConfirmation }),
        port: opts.port,
        databaseUrl: opts.databaseUrl(),
        keysFile: opts.keysFile,
        siteUrl: opts.siteUrl,
        additionalRedirectUrls: opts.redirectUrls,
        // IP address forwarding, as the README asks hosted projects to turn on: the app names each
        // end user's IP in Sb-Forwarded-For, so the auth server's per-IP limits are per user.
        sbForwardedForEnabled: true,
        onLog: log,
      });
      Object.assign(opts.target, {
        url: server.url,
        publishableKey: server.publishableKey,
        secretKey: server.secretKey,
        mailboxLoginUrl: server.mailboxLoginUrl,
      });
      log(`Auth on ${server.url}/auth/v1, mailbox at ${server.mailboxUrl}`);
      return { pids: () => [], stop: () => server.stop() };
    },
  };
}
