import { describe, expect, it } from 'vitest';
import { avatarColorOf, initialsOf } from './avatar-identity';

describe('initialsOf', () => {
  it.each([
    ['Olivia Park', 'OP'],
    ['mia.chen@example.com', 'MC'],
    ['ops@example.com', 'O'],
    ['  jean-luc  picard ', 'JP'],
    ['élodie', 'É'],
    ['', '?'],
    ['--@example.com', '?'],
  ])('%j → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('avatarColorOf', () => {
  it('gives the same id the same colour and spreads ids over the palette', () => {
    expect(avatarColorOf('user-1')).toBe(avatarColorOf('user-1'));
    const colours = new Set(Array.from({ length: 50 }, (_, i) => avatarColorOf(`user-${i}`)));
    expect(colours.size).toBeGreaterThan(5);
  });
});
