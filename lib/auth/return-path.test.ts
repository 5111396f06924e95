import { describe, expect, it } from 'vitest';
import { hostileReturnPaths } from '@/tests/e2e/support/hostile-return-paths';
import { givenReturnPath, safeReturnPath } from './return-path';

const HOSTILE = hostileReturnPaths('globex.localhost:3000');

describe('safeReturnPath', () => {
  it.each([
    ['/account', '/account'],
    ['/projects/1?tab=a#x', '/projects/1?tab=a#x'],
    ['/invite/abc_DEF-123', '/invite/abc_DEF-123'],
    ['/members?cursor=abc%3D', '/members?cursor=abc%3D'],
    ['/account?from=e2e', '/account?from=e2e'],
    ['/a/./b/../c', '/a/c'],
    ['/a//b', '/a//b'],
    ['/new-organization', '/new-organization'],
    ['/audit?q=%25', '/audit?q=%25'],
  ])('keeps the same-host path %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it('is fed more than 40 hostile forms', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HOSTILE)('falls back for %j', (input) => {
    expect(safeReturnPath(input)).toBe('/account');
    expect(safeReturnPath(input, '/')).toBe('/');
  });

  it.each(['', undefined, null, 42, {}, '/'.padEnd(2001, 'a'), '/%25252525252f'])('falls back for %j', (input) => {
    expect(safeReturnPath(input)).toBe('/account');
  });

  it('never returns something a browser resolves to another host, whatever the input', () => {
    const pieces = ['/', '\\', '.', '..', '%2e', '%2f', '%5c', '%25', '\t', 'evil', ':', '@', '?', '#', '\uFF0F'];
    const base = new URL('http://app.test/some/page');
    let checked = 0;
    const escaped: string[] = [];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) for (const d of pieces) {
      const input = `${a}${b}${c}${d}evil.example`;
      const result = safeReturnPath(input, '/fallback');
      if (!result.startsWith('/') || result.startsWith('//') || new URL(result, base).host !== 'app.test') escaped.push(`${input} -> ${result}`);
      checked++;
    }
    expect(escaped).toEqual([]);
    expect(checked).toBe(pieces.length ** 4);
  });
});

describe('givenReturnPath', () => {
  it('keeps a safe path and gives nothing for a hostile or missing one, so the page chooses its default', () => {
    expect(givenReturnPath('/members?tab=all')).toBe('/members?tab=all');
    for (const input of [...HOSTILE, undefined, '', null]) expect(givenReturnPath(input)).toBeUndefined();
  });
});
