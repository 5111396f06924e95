import type { IncomingMessage } from 'node:http';
import type { AuthServices } from './context.ts';
import type { Db } from './db.ts';
import { json, type HandlerResult } from './http.ts';
import { requireSecretKey } from './mailbox-access.ts';
import { isUuid } from './users.ts';

/**
 * The local inbox: every email the server would send, stored in
 * auth.local_mailbox. GET /mailbox (JSON, newest first, ?to= and ?limit=),
 * GET /mailbox/:id, DELETE /mailbox (?to= to clear one inbox): secret key only
 * (mailbox-access.ts). The HTML inbox is mailbox-ui.ts; POST /mailbox (the app's
 * own emails) is mailbox-post.ts.
 */
export interface StoredMail {
  id: string;
  to: string;
  subject: string;
  kind: string;
  verificationType: string;
  actionLink: string;
  otp: string;
  tokenHash: string;
  redirectTo: string;
  text: string;
  html: string;
}

export interface MailRow {
  id: string;
  created_at: Date;
  to_address: string;
  subject: string;
  kind: string;
  verification_type: string;
  action_link: string;
  otp: string;
  token_hash: string;
  redirect_to: string;
  text_body: string;
  html_body: string;
}

export async function insertMail(db: Db, mail: StoredMail): Promise<void> {
  await db`
    insert into auth.local_mailbox (id, to_address, subject, kind, verification_type, action_link, otp, token_hash,
                                    redirect_to, text_body, html_body)
    values (${mail.id}, ${mail.to}, ${mail.subject}, ${mail.kind}, ${mail.verificationType}, ${mail.actionLink}, ${mail.otp},
            ${mail.tokenHash}, ${mail.redirectTo}, ${mail.text}, ${mail.html})`;
}

const toJson = (row: MailRow) => ({
  id: row.id,
  created_at: row.created_at.toISOString(),
  to: row.to_address,
  subject: row.subject,
  kind: row.kind,
  verification_type: row.verification_type,
  action_link: row.action_link,
  otp: row.otp,
  token_hash: row.token_hash,
  redirect_to: row.redirect_to,
  text: row.text_body,
  html: row.html_body,
});

export async function listMails(db: Db, to: string | null, limit: number): Promise<MailRow[]> {
  return to
    ? db<MailRow[]>`select * from auth.local_mailbox where lower(to_address) = lower(${to}) order by created_at desc, id limit ${limit}`
    : db<MailRow[]>`select * from auth.local_mailbox order by created_at desc, id limit ${limit}`;
}

export function limitParam(url: URL): number {
  const value = Number(url.searchParams.get('limit') ?? 50);
  return Number.isInteger(value) && value > 0 ? Math.min(value, 500) : 50;
}

const mailboxError = (status: number, message: string): HandlerResult => json({ error: message }, status);

export async function handleMailbox(services: AuthServices, req: IncomingMessage, method: string, url: URL): Promise<HandlerResult> {
  requireSecretKey(services, req, url);
  const db = services.sql;
  const rest = url.pathname.replace(/^\/mailbox\/?/, '');
  const to = url.searchParams.get('to');
  if (rest === '' && method === 'GET') {
    const rows = await listMails(db, to, limitParam(url));
    return json({ messages: rows.map(toJson) });
  }
  if (rest === '' && method === 'DELETE') {
    if (to) await db`delete from auth.local_mailbox where lower(to_address) = lower(${to})`;
    else await db`delete from auth.local_mailbox`;
    return { type: 'empty', status: 204 };
  }
  if (isUuid(rest) && method === 'GET') {
    const [row] = await db<MailRow[]>`select * from auth.local_mailbox where id = ${rest}`;
    return row ? json(toJson(row)) : mailboxError(404, 'No such message');
  }
  return mailboxError(404, 'Not found');
}
