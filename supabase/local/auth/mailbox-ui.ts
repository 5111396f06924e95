import type { IncomingMessage } from 'node:http';
import type { AuthServices } from './context.ts';
import type { HandlerResult } from './http.ts';
import { cookieToken, isMailboxToken, mailboxCookie } from './mailbox-access.ts';
import { limitParam, listMails, type MailRow } from './mailbox.ts';

/**
 * GET /mailbox/ui: the HTML inbox. `?token=<mailbox token>` (the link the dev
 * command prints) sets the cookie and redirects to the same page without it;
 * with the cookie the inbox is shown; without it, a form asks for the token.
 */
export async function handleInboxPage(services: AuthServices, req: IncomingMessage, url: URL): Promise<HandlerResult> {
  const to = url.searchParams.get('to');
  const offered = url.searchParams.get('token');
  if (offered !== null) {
    if (!isMailboxToken(services, offered)) return { type: 'html', status: 401, body: renderLogin('That is not this server’s mailbox token.') };
    const clean = new URL('/mailbox/ui', url);
    if (to) clean.searchParams.set('to', to);
    return { type: 'redirect', location: `${clean.pathname}${clean.search}`, headers: { 'Set-Cookie': mailboxCookie(offered) } };
  }
  if (!isMailboxToken(services, cookieToken(req))) return { type: 'html', status: 401, body: renderLogin(null) };
  return { type: 'html', status: 200, body: renderInbox(await listMails(services.sql, to, limitParam(url)), to) };
}

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `
 body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
 article{border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
 header{display:flex;gap:1rem;flex-wrap:wrap;align-items:baseline} time,span{color:#555;font-size:.9rem}
 a{word-break:break-all} form{margin:1rem 0} .error{color:#a00}`;

function page(body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local mailbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head>
<body><h1>Local mailbox</h1>
${body}
</body></html>`;
}

function renderLogin(error: string | null): string {
  return page(`<p>The mailbox holds sign-in links, so it needs its token. Open the <strong>Mailbox</strong> link
<code>npm run dev</code> prints (also <code>LOCAL_MAILBOX_URL</code> in <code>.env.local</code>), or paste the token here.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="get" action="/mailbox/ui"><label>Mailbox token <input name="token" type="password" autocomplete="off" required></label> <button>Open</button></form>`);
}

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
  return page(`<p>Emails from the local auth server and the app, newest first. Links work once and expire.</p>
<form method="get" action="/mailbox/ui"><label>Recipient <input name="to" value="${esc(to ?? '')}" type="email"></label> <button>Filter</button></form>
${items || '<p>No messages yet.</p>'}`);
}
