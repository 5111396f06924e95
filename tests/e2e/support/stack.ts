import fs from 'node:fs';
import path from 'node:path';

/** URLs and keys of the running e2e stack (written by scripts/e2e-server.ts). */
export interface E2EStack {
  appUrl: string;
  rootDomain: string;
  authUrl: string;
  secretKey: string;
  publishableKey: string;
  /** Opens the mailbox's HTML inbox in a browser (sets its cookie). */
  mailboxLoginUrl: string;
  adminDbUrl: string;
  /** The local Inngest executor the app sends events to. */
  inngestUrl: string;
  /** The local Slack/webhook receiver (scripts/stack/notification-receiver.ts), allow-listed for the app. */
  receiverUrl: string;
}

export function e2eStack(): E2EStack {
  const port = process.env.E2E_PORT ?? '3100';
  const file = path.resolve(import.meta.dirname, `../../../test-results/e2e-stack-${port}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as E2EStack;
}

/** http://<slug>.localhost:<port> — Chromium resolves *.localhost to loopback. */
export function tenantUrl(slug: string, pathname = '/'): string {
  const { rootDomain } = e2eStack();
  return `http://${slug}.${rootDomain}${pathname}`;
}
