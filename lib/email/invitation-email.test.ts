import { describe, expect, it } from 'vitest';
import { emailMessageSchema } from './schemas';
import { isLocalRootDomain } from '@/lib/tenancy/host';
import { invitationEmail, invitationLink } from './invitation-email';

const base = {
  to: 'new.person@example.com',
  organizationName: 'Acme <Labs> & "Co"',
  organizationSlug: 'acme',
  rootDomain: 'localhost:3000',
  inviterEmail: 'owner@example.com',
  role: 'admin' as const,
  token: 'a'.repeat(43),
  expiresAt: new Date('2026-12-01T10:00:00Z'),
};

describe('invitationLink', () => {
  it('uses http on local roots and https elsewhere', () => {
    expect(invitationLink('acme', 'tok_en-1', 'localhost:3000')).toBe('http://acme.localhost:3000/invite/tok_en-1');
    expect(invitationLink('acme', 'tok', 'dev.localhost')).toBe('http://acme.dev.localhost/invite/tok');
    expect(invitationLink('acme', 'tok', 'tenantforge.app')).toBe('https://acme.tenantforge.app/invite/tok');
    expect(invitationLink('acme', 'tok', 'localhost.example.com')).toBe('https://acme.localhost.example.com/invite/tok');
  });

  it('recognises local roots', () => {
    expect(isLocalRootDomain('LOCALHOST:3200')).toBe(true);
    expect(isLocalRootDomain('example.com:443')).toBe(false);
  });
});

describe('invitationEmail', () => {
  it('is a valid message with the link in text, html and link', () => {
    const mail = invitationEmail(base);
    expect(emailMessageSchema.parse(mail)).toEqual(mail);
    expect(mail.link).toBe(`http://acme.localhost:3000/invite/${'a'.repeat(43)}`);
    expect(mail.text).toContain(mail.link);
    expect(mail.html).toContain(`href="${mail.link}"`);
    expect(mail.text).toContain('owner@example.com invited you to join Acme <Labs> & "Co" as an admin.');
    expect(mail.text).toContain('expires on 2026-12-01 (UTC)');
  });

  it('escapes the organization name in html', () => {
    const { html } = invitationEmail(base);
    expect(html).toContain('Acme &lt;Labs&gt; &amp; &quot;Co&quot;');
    expect(html).not.toContain('<Labs>');
  });

  it('says "a viewer" / "a member"', () => {
    expect(invitationEmail({ ...base, role: 'viewer' }).text).toContain('as a viewer.');
    expect(invitationEmail({ ...base, role: 'member' }).text).toContain('as a member.');
  });
});
