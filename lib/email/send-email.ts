import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { parseInput } from '@/lib/validation/parse-input';
import { createLocalMailboxTransport, isLoopbackUrl } from './local-mailbox-transport';
import { createSmtpTransport } from './smtp-transport';
import { emailMessageSchema, type EmailMessage, type EmailTransport } from './schemas';

/**
 * The transport for this environment: SMTP when `SMTP_URL` is set (production),
 * else the local mailbox when Supabase is the local stand-in. Without either,
 * sending fails loudly instead of dropping mail.
 */
export function emailTransport(): EmailTransport | null {
  const values = env();
  if (values.SMTP_URL) {
    const host = values.NEXT_PUBLIC_ROOT_DOMAIN.replace(/:\d+$/, '');
    return createSmtpTransport({ url: values.SMTP_URL, from: values.EMAIL_FROM ?? `Tenantforge <no-reply@${host}>` });
  }
  if (!isLoopbackUrl(values.NEXT_PUBLIC_SUPABASE_URL)) return null;
  return createLocalMailboxTransport({ supabaseUrl: values.NEXT_PUBLIC_SUPABASE_URL, secretKey: values.SUPABASE_SECRET_KEY });
}

/** Sends one email; any delivery failure is logged and becomes 503 `unavailable`. */
export async function sendEmail(message: EmailMessage, transport = emailTransport()): Promise<void> {
  const parsed = parseInput(emailMessageSchema, message);
  if (!transport) {
    log.error('email not sent: no email transport is configured for this environment', { subject: parsed.subject });
    throw new AppError('unavailable', 'Email cannot be sent right now. Please try again later.');
  }
  try {
    await transport.send(parsed);
  } catch (error) {
    log.error('email not sent', { transport: transport.name, subject: parsed.subject, error });
    throw new AppError('unavailable', 'Email cannot be sent right now. Please try again later.');
  }
}
