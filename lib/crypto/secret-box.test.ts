import { describe, expect, it } from 'vitest';
import { createSecretBox, generateSecretKey, SecretBoxError, secretKeysSchema } from './secret-box';

const keys = (value: string) => secretKeysSchema.parse(value);

describe('secret box (AES-256-GCM with key ids)', () => {
  const k1 = generateSecretKey('k1');
  const k2 = generateSecretKey('k2');

  it('seals with the first key and opens what it sealed; ciphertexts never repeat or show the plaintext', () => {
    const box = createSecretBox(keys(`${k2},${k1}`));
    const a = box.seal('https://hooks.slack.com/services/T0/B0/secret', 'channel:1');
    const b = box.seal('https://hooks.slack.com/services/T0/B0/secret', 'channel:1');
    expect(a.keyId).toBe('k2');
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.ciphertext).not.toContain('slack');
    expect(box.open(a, 'channel:1')).toBe('https://hooks.slack.com/services/T0/B0/secret');
  });

  it('rotation: a secret sealed under the old key opens once a new key is put first, and not after the old one is dropped', () => {
    const old = createSecretBox(keys(k1)).seal('s3cret', 'c');
    expect(createSecretBox(keys(`${k2},${k1}`)).open(old, 'c')).toBe('s3cret');
    expect(() => createSecretBox(keys(k2)).open(old, 'c')).toThrow(/key k1, which SECRETS_ENCRYPTION_KEYS no longer lists/);
  });

  it('refuses another context, a tampered ciphertext and a key with the same id but other bytes', () => {
    const box = createSecretBox(keys(k1));
    const sealed = box.seal('s3cret', 'org:a');
    expect(() => box.open(sealed, 'org:b')).toThrow(SecretBoxError);
    const raw = Buffer.from(sealed.ciphertext, 'base64url');
    raw.writeUInt8(raw.at(-1)! ^ 1, raw.length - 1);
    expect(() => box.open({ ...sealed, ciphertext: raw.toString('base64url') }, 'org:a')).toThrow(/does not open/);
    expect(() => box.open({ ...sealed, ciphertext: 'AAAA' }, 'org:a')).toThrow(/truncated/);
    expect(() => createSecretBox(keys(generateSecretKey('k1'))).open(sealed, 'org:a')).toThrow(/does not open/);
  });

  it.each(['', 'k1', 'k1:short', `k1:${Buffer.alloc(31).toString('base64')}`, `bad id:${Buffer.alloc(32).toString('base64')}`, `${generateSecretKey('k1')},${generateSecretKey('k1')}`])(
    'refuses a malformed key list %j',
    (value) => {
      expect(secretKeysSchema.safeParse(value).success).toBe(false);
    },
  );
});
