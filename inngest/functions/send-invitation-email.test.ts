import crypto from 'node:crypto';
import { InngestTestEngine } from '@inngest/test';
import { describe, expect, it } from 'vitest';
import type { InvitationCreated } from '../events';
import { sendInvitationEmail } from './send-invitation-email';

async function inbox(to: string): Promise<{ subject: string; action_link: string }[]> {
  const response = await fetch(`${process.env.NEXT_PUBLIC_SUPABASE_URL}/mailbox?to=${encodeURIComponent(to)}`, {
    headers: { apikey: process.env.SUPABASE_SECRET_KEY ?? '' },
  });
  return ((await response.json()) as { messages: { subject: string; action_link: string }[] }).messages;
}

const invitation = (email: string): InvitationCreated => ({
  orgId: crypto.randomUUID(),
  invitationId: crypto.randomUUID(),
  email,
  role: 'member',
  organizationName: 'Acme',
  organizationSlug: 'acme',
  inviterEmail: 'owner@acme.test',
  token: crypto.randomBytes(32).toString('base64url'),
  expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
});

describe('send-invitation-email (with @inngest/test, real local mailbox)', () => {
  it('emails the accept link in one retried step', async () => {
    const data = invitation(`invitee-${crypto.randomUUID().slice(0, 8)}@example.test`);
    const t = new InngestTestEngine({ function: sendInvitationEmail, events: [{ name: 'members/invitation.created', data }] });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ sentTo: data.email });
    expect(ctx.step.run).toHaveBeenCalledWith('send-email', expect.any(Function));
    const [mail] = await inbox(data.email);
    expect(mail?.subject).toBe('You are invited to join Acme on Tenantforge');
    expect(mail?.action_link).toBe(`http://acme.localhost:3000/invite/${data.token}`);
  });

  it('refuses an event that does not match its schema, without sending anything', async () => {
    const data = { ...invitation(`bad-${crypto.randomUUID().slice(0, 8)}@example.test`), token: 'short' };
    const t = new InngestTestEngine({ function: sendInvitationEmail, events: [{ name: 'members/invitation.created', data }] });
    const { error } = await t.execute();
    expect(error).toMatchObject({ name: 'EventValidationError', message: expect.stringMatching(/token/) });
    expect(await inbox(data.email)).toEqual([]);
  });
});
