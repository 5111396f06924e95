import { describe, expect, it } from 'vitest';
import { organizationNameSchema, slugMessages, slugSchema, updateOrganizationSchema } from './schemas';

function reason(slug: unknown): string | null {
  const result = slugSchema.safeParse(slug);
  return result.success ? null : (result.error.issues[0]?.message ?? 'unknown');
}

describe('slugSchema', () => {
  it.each(['acme', 'a1b', 'my-company-42', '123', 'a'.repeat(40)])('accepts %s', (slug) => {
    expect(reason(slug)).toBeNull();
  });

  it('trims and lower-cases before checking', () => {
    expect(slugSchema.parse('  Acme-Corp ')).toBe('acme-corp');
  });

  it.each([
    ['ab', slugMessages.tooShort],
    ['', slugMessages.tooShort],
    ['a'.repeat(41), slugMessages.tooLong],
    ['acme_corp', slugMessages.characters],
    ['acmé', slugMessages.characters],
    ['acme.corp', slugMessages.characters],
    ["x'; drop table organizations;--", slugMessages.characters],
    ['-acme', slugMessages.edgeHyphen],
    ['acme-', slugMessages.edgeHyphen],
    ['xn--acme', slugMessages.doubleHyphen],
    ['www', slugMessages.reserved],
    ['API', slugMessages.reserved],
    ['billing', slugMessages.reserved],
    ['sign-up', slugMessages.reserved],
  ])('rejects %j: %s', (slug, message) => {
    expect(reason(slug)).toBe(message);
  });

  it('rejects non-strings with a clear message', () => {
    expect(reason(42)).toBe('The subdomain is required.');
    expect(reason(undefined)).toBe('The subdomain is required.');
  });
});

describe('organizationNameSchema', () => {
  it('trims and bounds the name', () => {
    expect(organizationNameSchema.parse('  Acme Inc. ')).toBe('Acme Inc.');
    expect(organizationNameSchema.safeParse('   ').success).toBe(false);
    expect(organizationNameSchema.safeParse('x'.repeat(101)).success).toBe(false);
    expect(organizationNameSchema.safeParse('Acme\u0000').success).toBe(false);
    expect(organizationNameSchema.parse('Ünïcødé 株式会社')).toBe('Ünïcødé 株式会社');
  });
});

describe('updateOrganizationSchema', () => {
  it('needs at least one change', () => {
    const orgId = '00000000-0000-4000-8000-000000000001';
    expect(updateOrganizationSchema.safeParse({ orgId }).success).toBe(false);
    expect(updateOrganizationSchema.safeParse({ orgId, name: 'New' }).success).toBe(true);
    expect(updateOrganizationSchema.safeParse({ orgId: 'nope', name: 'New' }).success).toBe(false);
  });
});
