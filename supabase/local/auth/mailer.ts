import crypto from 'node:crypto';
import type { Db } from './db.ts';
import { insertMail } from './mailbox.ts';
import type { AuthConfig } from './options.ts';

/** The emails GoTrue sends, by template. */
export type MailKind = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change_current' | 'email_change_new';

export interface OutgoingMail {
  to: string;
  kind: MailKind;
  otp: string;
  /** The token as it appears in the link (hash, with `pkce_` prefix for PKCE flows). */
  token: string;
  redirectTo: string;
  /** For email change: the address being changed to. */
  newEmail?: string;
}

export interface Mailer {
  /** Writes the mail to the local mailbox in the caller's transaction and logs its link. */
  send(db: Db, mail: OutgoingMail): Promise<string>;
  actionLink(token: string, kind: MailKind, redirectTo: string): string;
}

/** The /verify `type` a mail's link uses. */
export function verificationType(kind: MailKind): string {
  return kind === 'email_change_current' || kind === 'email_change_new' ? 'email_change' : kind;
}

const SUBJECTS: Record<MailKind, string> = {
  signup: 'Confirm Your Signup',
  invite: 'You have been invited',
  magiclink: 'Your Magic Link',
  recovery: 'Reset Your Password',
  email_change_current: 'Confirm Email Change',
  email_change_new: 'Confirm Email Change',
};

function sentence(mail: OutgoingMail): string {
  switch (mail.kind) {
    case 'signup':
      return 'Follow this link to confirm your user:';
    case 'invite':
      return 'You have been invited to create a user. Follow this link to accept the invite:';
    case 'magiclink':
      return 'Follow this link to sign in:';
    case 'recovery':
      return 'Follow this link to reset the password for your user:';
    case 'email_change_current':
    case 'email_change_new':
      return `Follow this link to confirm the update of your email to ${mail.newEmail ?? ''}:`;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function createMailer(config: AuthConfig, log: (line: string) => void): Mailer {
  const actionLink = (token: string, kind: MailKind, redirectTo: string) => {
    const query = new URLSearchParams({ token, type: verificationType(kind), redirect_to: redirectTo });
    return `${config.issuer}/verify?${query.toString()}`;
  };
  return {
    actionLink,
    async send(db, mail) {
      const link = actionLink(mail.token, mail.kind, mail.redirectTo);
      const subject = SUBJECTS[mail.kind];
      const lead = sentence(mail);
      const text = `${subject}\n\n${lead}\n${link}\n\nOr enter this code: ${mail.otp}\n`;
      const html =
        `<h2>${escapeHtml(subject)}</h2><p>${escapeHtml(lead)}</p>` +
        `<p><a href="${escapeHtml(link)}">${escapeHtml(subject)}</a></p><p>Or enter this code: ${mail.otp}</p>`;
      const bareHash = mail.token.replace(/^pkce_/, '');
      await insertMail(db, {
        id: crypto.randomUUID(),
        to: mail.to.toLowerCase(),
        subject,
        kind: mail.kind,
        verificationType: verificationType(mail.kind),
        actionLink: link,
        otp: mail.otp,
        tokenHash: bareHash,
        redirectTo: mail.redirectTo,
        text,
        html,
      });
      log(`mail to ${mail.to} (${subject}): ${link}  code ${mail.otp}`);
      return link;
    },
  };
}
