import { e2eStack } from './stack';

/** One email in the local auth server's mailbox (supabase/local/auth/mailbox.ts). */
export interface MailMessage {
  id: string;
  created_at: string;
  to: string;
  subject: string;
  /** signup, invite, magiclink, recovery, email_change_current, email_change_new */
  kind: string;
  verification_type: string;
  action_link: string;
  otp: string;
  token_hash: string;
  redirect_to: string;
  text: string;
}

export interface WaitForMailOptions {
  /** Only a message of this kind counts. */
  kind?: string;
  /** Messages already seen (by id) do not count: for the second mail to one address. */
  ignore?: ReadonlyArray<Pick<MailMessage, 'id'>>;
  timeoutMs?: number;
  intervalMs?: number;
}

/** Every message to `to`, newest first. The mailbox's JSON API needs the secret key. */
export async function listMail(to: string): Promise<MailMessage[]> {
  const stack = e2eStack();
  const url = new URL('/mailbox', stack.authUrl);
  url.searchParams.set('to', to);
  const response = await fetch(url, { headers: { apikey: stack.secretKey } });
  if (!response.ok) throw new Error(`Mailbox answered ${response.status} for ${to}`);
  const body = (await response.json()) as { messages: MailMessage[] };
  return body.messages;
}

/**
 * Polls the mailbox until the newest message to `to` (of `kind`, not in
 * `ignore`) arrives, and returns it. Fails with what the inbox did hold.
 */
export async function waitForMail(to: string, options: WaitForMailOptions = {}): Promise<MailMessage> {
  const { kind, ignore = [], timeoutMs = 10_000, intervalMs = 200 } = options;
  const seen = new Set(ignore.map((message) => message.id));
  const deadline = Date.now() + timeoutMs;
  let inbox: MailMessage[] = [];
  for (;;) {
    inbox = await listMail(to);
    const match = inbox.find((message) => !seen.has(message.id) && (!kind || message.kind === kind));
    if (match) return match;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const held = inbox.map((message) => `${message.kind} "${message.subject}"`).join(', ') || 'nothing';
  throw new Error(`No ${kind ?? 'new'} email to ${to} within ${timeoutMs} ms (the inbox holds: ${held}).`);
}
