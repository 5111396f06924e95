import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { AuthServices } from './context.ts';
import { unprocessable } from './errors.ts';
import { json, jsonBodyReader, type HandlerResult } from './http.ts';
import { requireSecretKey } from './mailbox-access.ts';
import { insertMail } from './mailbox.ts';

/**
 * POST /mailbox: the app's own emails (invitations, notifications) delivered to
 * the local inbox, standing in for the SMTP/Resend transport production uses.
 * Secret key only (`apikey` header), like the admin API. Body:
 * `{ to, subject, text, html, link? }` → 201 `{ id }`; the mail is listed with
 * kind `app` and `link` as its `action_link`.
 */
const headerSafe = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, 'must be a single line');

export const appMailSchema = z.object({
  to: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  subject: headerSafe(998),
  text: z.string().min(1).max(200_000),
  html: z.string().min(1).max(500_000),
  link: z.url({ protocol: /^https?$/ }).max(2048).optional(),
});

export async function handleMailboxPost(services: AuthServices, req: IncomingMessage, url: URL): Promise<HandlerResult> {
  requireSecretKey(services, req, url);
  const body = await jsonBodyReader(req)();
  const parsed = appMailSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw unprocessable('validation_failed', `${where}${issue?.message ?? 'invalid mail'}`);
  }
  const mail = parsed.data;
  const id = crypto.randomUUID();
  await insertMail(services.sql, {
    id,
    to: mail.to,
    subject: mail.subject,
    kind: 'app',
    verificationType: '',
    actionLink: mail.link ?? '',
    otp: '',
    tokenHash: '',
    redirectTo: '',
    text: mail.text,
    html: mail.html,
  });
  services.log(`mail to ${mail.to} (${mail.subject})${mail.link ? `: ${mail.link}` : ''}`);
  return json({ id }, 201);
}
