import nodemailer from 'nodemailer';
import type { EmailMessage, EmailTransport } from './schemas';

/**
 * Delivers through an SMTP server (production): `SMTP_URL` names it, e.g.
 * `smtps://user:password@smtp.example.com:465` (`smtp://` upgrades with
 * STARTTLS when the server offers it). One connection per message.
 */
export function createSmtpTransport(options: { url: string; from: string; timeoutMs?: number }): EmailTransport {
  const timeout = options.timeoutMs ?? 10_000;
  const mailer = nodemailer.createTransport(options.url, {
    from: options.from,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    name: 'smtp',
    async send(message: EmailMessage) {
      const info = await mailer.sendMail({ to: message.to, subject: message.subject, text: message.text, html: message.html });
      if (info.rejected.length > 0) throw new Error(`the SMTP server refused ${info.rejected.length} recipient(s)`);
    },
  };
}
