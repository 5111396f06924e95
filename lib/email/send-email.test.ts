import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createLocalMailboxTransport, isLoopbackUrl } from './local-mailbox-transport';
import { emailTransport, sendEmail } from './send-email';
import type { EmailMessage, EmailTransport } from './schemas';

const supabaseUrl = () => process.env.NEXT_PUBLIC_SUPABASE_URL ?? '';

async function inbox(to: string): Promise<{ subject: string; kind: string; action_link: string; text: string }[]> {
  const response = await fetch(`${supabaseUrl()}/mailbox?to=${encodeURIComponent(to)}`, {
    headers: { apikey: process.env.SUPABASE_SECRET_KEY ?? '' },
  });
  return ((await response.json()) as { messages: { subject: string; kind: string; action_link: string; text: string }[] }).messages;
}

const message = (to: string): EmailMessage => ({
  to,
  subject: 'Hello from the app',
  text: 'Open http://acme.localhost:3000/x',
  html: '<p>Open <a href="http://acme.localhost:3000/x">x</a></p>',
  link: 'http://acme.localhost:3000/x',
});

describe('sendEmail through the local mailbox (real auth server)', () => {
  it('delivers to the inbox of the local auth server', async () => {
    const to = `send-${crypto.randomUUID().slice(0, 8)}@example.com`;
    expect(emailTransport()?.name).toBe('local-mailbox');
    await sendEmail(message(to));
    const [mail] = await inbox(to);
    expect(mail).toMatchObject({ subject: 'Hello from the app', kind: 'app', action_link: 'http://acme.localhost:3000/x' });
  });

  it('turns a refused delivery into 503 unavailable', async () => {
    const to = `refused-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const wrongKey = createLocalMailboxTransport({ supabaseUrl: supabaseUrl(), secretKey: 'sb_secret_wrong-key-123456' });
    await expect(sendEmail(message(to), wrongKey)).rejects.toMatchObject({ code: 'unavailable', status: 503 });
    expect(await inbox(to)).toEqual([]);
  });

  it('fails loudly without a transport, and validates the message first', async () => {
    await expect(sendEmail(message('a@example.com'), null)).rejects.toMatchObject({ code: 'unavailable' });
    const never: EmailTransport = { name: 'never', send: () => Promise.reject(new Error('must not be called')) };
    const error = await sendEmail({ ...message('a@example.com'), subject: 'two\nlines' }, never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
  });

  it('treats only loopback Supabase URLs as local', () => {
    expect(isLoopbackUrl('http://127.0.0.1:54321')).toBe(true);
    expect(isLoopbackUrl('http://localhost:54321')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:54321')).toBe(true);
    expect(isLoopbackUrl('https://abcd.supabase.co')).toBe(false);
  });
});
