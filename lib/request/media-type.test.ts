import { describe, expect, it } from 'vitest';
import { isJsonContentType, parseMediaType } from '@/lib/request/media-type';

describe('isJsonContentType', () => {
  it.each(['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', ' application/json ; foo=bar '])(
    'accepts %j',
    (header) => {
      expect(isJsonContentType(header)).toBe(true);
    },
  );

  it.each([
    'text/plain; charset=application/json',
    'text/plain; x="application/json"',
    'text/plain;application/json',
    'application/x-www-form-urlencoded; application/json',
    'multipart/form-data; boundary=application/json',
    'application/jsonx',
    'application/json-patch+json',
    'application/json; charset=latin1',
    'application/json, text/plain',
    'application/ json',
    'application/json; charset',
    'json',
    '',
    null,
    undefined,
  ])('refuses %j', (header) => {
    expect(isJsonContentType(header)).toBe(false);
  });
});

describe('parseMediaType', () => {
  it('splits the essence from the parameters', () => {
    const type = parseMediaType('Text/HTML; Charset="utf-8"; q=1');
    expect(type?.essence).toBe('text/html');
    expect(Object.fromEntries(type!.parameters)).toEqual({ charset: 'utf-8', q: '1' });
  });
});
