import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertPortFree } from '../ports.ts';
import type { AuthServices } from './context.ts';
import { connect, prepareDatabase } from './db.ts';
import { loadOrCreateKeys } from './keys.ts';
import { mailboxToken } from './mailbox-access.ts';
import { createMailer } from './mailer.ts';
import { authServerOptionsSchema, resolveConfig, type AuthServerOptions } from './options.ts';
import { createRateLimiter } from './rate-limit.ts';
import { AUTH_PREFIX, route } from './router.ts';
import { createTokenService } from './tokens.ts';

export type { AuthServerOptions, RateLimitRule } from './options.ts';

export interface AuthServer {
  /** e.g. http://127.0.0.1:54321 — what NEXT_PUBLIC_SUPABASE_URL should be. */
  url: string;
  /** sb_publishable_… (role anon): NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY. */
  publishableKey: string;
  /** sb_secret_… (role service_role): SUPABASE_SECRET_KEY. Server-side only. */
  secretKey: string;
  /** url + /auth/v1/.well-known/jwks.json */
  jwksUrl: string;
  /** url + /mailbox/ui */
  mailboxUrl: string;
  /** The mailbox token (derived from the secret key): opens the HTML inbox; local only. */
  mailboxToken: string;
  /** mailboxUrl + ?token=…: the link that opens the inbox in a browser. */
  mailboxLoginUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the local Supabase Auth stand-in: GoTrue's HTTP API under /auth/v1 over
 * the real auth.* tables, plus the local mailbox under /mailbox. Keys live in
 * `keysFile` and survive restarts.
 */
export async function startAuthServer(input: AuthServerOptions): Promise<AuthServer> {
  const { onLog, ...rest } = input;
  const options = authServerOptionsSchema.parse(rest);
  const log = onLog ?? (() => {});
  await assertPortFree(options.port, 'Auth', options.host);
  const keys = await loadOrCreateKeys(options.keysFile);
  const sql = connect(options.databaseUrl);
  try {
    await prepareDatabase(sql);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }

  const server = http.createServer();
  const listenHost = options.host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const localHost = listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost;
  const url = `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${port}`;
  const config = resolveConfig(options, options.publicUrl ?? url);
  const limiter = createRateLimiter(config);
  const tokens = createTokenService(keys);
  const services: AuthServices = { sql, config, keys, tokens, mailer: createMailer(config, log), limiter, log };

  server.on('request', (req, res) => {
    route(services, req, res).catch((error: unknown) => {
      log(`auth: response failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  log(`auth: listening on ${url}${AUTH_PREFIX} (mailbox ${url}/mailbox/ui)`);

  const token = mailboxToken(keys.secretKey);
  let stopped: Promise<void> | undefined;
  return {
    url,
    publishableKey: keys.publishableKey,
    secretKey: keys.secretKey,
    jwksUrl: `${url}${AUTH_PREFIX}/.well-known/jwks.json`,
    mailboxUrl: `${url}/mailbox/ui`,
    mailboxToken: token,
    mailboxLoginUrl: `${url}/mailbox/ui?token=${token}`,
    stop() {
      stopped ??= (async () => {
        limiter.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await sql.end({ timeout: 5 });
      })();
      return stopped;
    },
  };
}
