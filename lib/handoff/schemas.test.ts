import { describe, expect, it } from 'vitest';
import { handoffCodeSchema, hostSchema } from './schemas';

describe('hostSchema', () => {
  it.each([
    ['acme.localhost:3000', 'acme.localhost:3000'],
    ['ACME.Example.com', 'acme.example.com'],
    ['acme.example.com.', 'acme.example.com'],
    ['localhost:3000', 'localhost:3000'],
  ])('normalizes %s', (input, expected) => {
    expect(hostSchema.parse(input)).toBe(expected);
  });

  it.each(['', 'https://acme.example.com', 'acme.example.com/path', '-acme.example.com', 'acme..example.com', 'a b.com', 'acme.com:abc'])(
    'rejects %j',
    (host) => {
      expect(hostSchema.safeParse(host).success).toBe(false);
    },
  );
});

describe('handoffCodeSchema', () => {
  it('accepts 43 base64url characters only', () => {
    expect(handoffCodeSchema.safeParse('a'.repeat(43)).success).toBe(true);
    expect(handoffCodeSchema.safeParse('a'.repeat(42)).success).toBe(false);
    expect(handoffCodeSchema.safeParse('+'.repeat(43)).success).toBe(false);
  });
});
