import { describe, expect, it } from 'vitest';
import { acceptInvitationSchema, emailSchema, invitationRoleSchema, invitationTokenSchema } from './schemas';
import { generateSecretToken, hashSecretToken } from '@/lib/crypto/secret-token';

describe('emailSchema', () => {
  it('trims and lower-cases', () => {
    expect(emailSchema.parse('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });

  it.each(['', 'ada', 'ada@', '@example.com', 'ada@example', 'a b@example.com', `${'a'.repeat(250)}@example.com`, 42])(
    'rejects %j',
    (value) => {
      expect(emailSchema.safeParse(value).success).toBe(false);
    },
  );
});

describe('invitationRoleSchema', () => {
  it('allows admin, member and viewer but never owner', () => {
    expect(invitationRoleSchema.options).toEqual(['admin', 'member', 'viewer']);
    expect(invitationRoleSchema.safeParse('owner').success).toBe(false);
    expect(invitationRoleSchema.safeParse('ADMIN').success).toBe(false);
  });
});

describe('invitation tokens', () => {
  it('are 43 base64url characters, random, and hashed to sha256 hex', () => {
    const a = generateSecretToken();
    const b = generateSecretToken();
    expect(a).not.toBe(b);
    expect(invitationTokenSchema.parse(a)).toBe(a);
    expect(hashSecretToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecretToken(a)).toBe(hashSecretToken(a));
    expect(hashSecretToken(a)).not.toBe(hashSecretToken(b));
  });

  it('rejects malformed tokens', () => {
    for (const bad of ['', 'short', `${generateSecretToken()}x`, "' or 1=1 --".padEnd(43, 'a')]) {
      expect(invitationTokenSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('accept input needs token, user id and email', () => {
    expect(acceptInvitationSchema.safeParse({ token: generateSecretToken() }).success).toBe(false);
  });
});
