import type { Db } from './db.ts';
import { json, type HandlerResult } from './http.ts';
import { isUuid } from './users.ts';

/**
 * The local inbox: every email the server would send, stored in
 * auth.local_mailbox. GET /mailbox (JSON, newest first, ?to= and ?limit=),
 * GET /mailbox/:id, DELETE /mailbox (?to= to clear one inbox), GET /mailbox/ui (HTML).
 * POST /mailbox (secret key) delivers the app's own emails: see mailbox-post.ts.
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

interface MailRow {
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

async function listMails(db: Db, to: string | null, limit: number): Promise<MailRow[]> {
  return to
    ? db<MailRow[]>`select * from auth.local_mailbox where lower(to_address) = lower(${to}) order by created_at desc, id limit ${limit}`
    : db<MailRow[]>`select * from auth.local_mailbox order by created_at desc, id limit ${limit}`;
}

function limitParam(url: URL): number {
  const value = Number(url.searchParams.get('limit') ?? 50);
  return Number.isInteger(value) && value > 0 ? Math.min(value, 500) : 50;
}

const mailboxError = (status: number, message: string): HandlerResult => json({ error: message }, status);

export async function handleMailbox(db: Db, method: string, url: URL): Promise<HandlerResult> {
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
  if (rest === 'ui' && method === 'GET') return { type: 'html', status: 200, body: renderInbox(await listMails(db, to, limitParam(url)), to) };
  if (isUuid(rest) && method === 'GET') {
    const [row] = await db<MailRow[]>`select * from auth.local_mailbox where id = ${rest}`;
    return row ? json(toJson(row)) : mailboxError(404, 'No such message');
  }
  return mailboxError(404, 'Not found');
}

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function renderInbox(rows: MailRow[], to: string | null): string {
  const items = rows
    .map(
      (row) => `<article>
  <header><strong>${esc(row.subject)}</strong> <span>to ${esc(row.to_address)}</span>
  <time datetime="${row.created_at.toISOString()}">${esc(row.created_at.toISOString().replace('T', ' ').slice(0, 19))} UTC</time></header>
  <p><a href="${esc(row.action_link)}">${esc(row.action_link)}</a></p>
  ${row.otp ? `<p>Code: <code>${esc(row.otp)}</code> · type <code>${esc(row.verification_type)}</code> · redirect to ${esc(row.redirect_to)}</p>` : ''}
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local mailbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
 body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
 article{border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
 header{display:flex;gap:1rem;flex-wrap:wrap;align-items:baseline} time,span{color:#555;font-size:.9rem}
 a{word-break:break-all} form{margin:1rem 0}
</style></head>
<body><h1>Local mailbox</h1>
<p>Emails from the local auth server, newest first. Links work once and expire.</p>
<form method="get" action="/mailbox/ui"><label>Recipient <input name="to" value="${esc(to ?? '')}" type="email"></label> <button>Filter</button></form>
${items || '<p>No messages yet.</p>'}
</body></html>`;
}
