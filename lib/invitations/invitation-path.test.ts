import { describe, expect, it } from 'vitest';
import { generateSecretToken } from '@/lib/crypto/secret-token';
import { invitationPath, invitationTokenFromPath } from './invitation-path';

describe('invitation paths', () => {
  it('round-trips a token', () => {
    const token = generateSecretToken();
    expect(invitationTokenFromPath(invitationPath(token))).toBe(token);
  });

  it.each([undefined, null, '', '/', '/invite', '/invite/', '/invite/short', `/invite/${'A'.repeat(43)}/x`, `/invite/${'A'.repeat(43)}?x=1`, `/account?next=/invite/${'A'.repeat(43)}`, `//invite/${'A'.repeat(43)}`])(
    'finds no token in %j',
    (path) => {
      expect(invitationTokenFromPath(path)).toBeNull();
    },
  );
});
