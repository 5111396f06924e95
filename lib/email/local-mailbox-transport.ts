import { z } from 'zod';
import type { EmailMessage, EmailTransport } from './schemas';

const acceptedSchema = z.object({ id: z.string() });

/**
 * Delivers to the local auth server's inbox (`POST <supabase url>/mailbox` with
 * the secret key; supabase/local/README.md). Development and tests only: hosted
 * Supabase has no such endpoint.
 */
export function createLocalMailboxTransport(options: {
  supabaseUrl: string;
  secretKey: string;
  timeoutMs?: number;
}): EmailTransport {
  const endpoint = new URL('/mailbox', options.supabaseUrl).toString();
  return {
    name: 'local-mailbox',
    async send(message: EmailMessage) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', apikey: options.secretKey },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
      if (response.status !== 201) {
        throw new Error(`local mailbox refused the email: HTTP ${response.status} ${await response.text()}`);
      }
      acceptedSchema.parse(await response.json());
    },
  };
}

/** True for URLs on this machine (the local stack), where the mailbox transport applies. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
