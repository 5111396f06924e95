import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/account', '/account'],
    ['/projects/1?tab=a#x', '/projects/1?tab=a#x'],
  ])('keeps same-site path %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    'javascript:alert(1)',
    'account',
    '',
    undefined,
    null,
  ])('falls back for %s', (input) => {
    expect(safeReturnPath(input)).toBe('/account');
  });
});
