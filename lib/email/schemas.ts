import { z } from 'zod';

/** One outgoing email. `link` is the message's main call to action (the local inbox shows it). */
export const emailMessageSchema = z.object({
  to: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(998)
    .regex(/^[^\r\n]*$/, 'The subject must be one line.'),
  text: z.string().min(1).max(200_000),
  html: z.string().min(1).max(500_000),
  link: z.url({ protocol: /^https?$/ }).max(2048).optional(),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;

/** A way to deliver email. Local: the auth stand-in's mailbox. Production: an SMTP or Resend transport. */
export interface EmailTransport {
  readonly name: string;
  send(message: EmailMessage): Promise<void>;
}
