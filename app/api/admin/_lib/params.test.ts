import { describe, expect, it } from 'vitest';
import { encodeCursor } from '@/lib/pagination/cursor';
import { isStorableInstant } from '@/lib/pagination/cursor';
import { cursorParam, instantParam, optionalParam } from './params';

const id = '6f1f4a4e-4f0e-4c7a-9a57-3c1f0e0b2a11';

describe('isStorableInstant', () => {
  it('refuses what Postgres cannot store', () => {
    expect(isStorableInstant('2026-01-31T10:00:00.123456+00:00')).toBe(true);
    expect(isStorableInstant('2026-01-31')).toBe(true);
    expect(isStorableInstant('0001-01-01T00:00:00Z')).toBe(true);
    expect(isStorableInstant('2026-01-31T10:00:00-15:59')).toBe(true);
    expect(isStorableInstant('0000-01-01T00:00:00Z')).toBe(false);
    expect(isStorableInstant('0000-01-01')).toBe(false);
    expect(isStorableInstant('2026-01-31T10:00:00+16:00')).toBe(false);
    expect(isStorableInstant('2026-01-31T10:00:00-23:59')).toBe(false);
  });
});

describe('cursorParam', () => {
  it('keeps a valid cursor as the same string', () => {
    const cursor = encodeCursor({ t: '2026-01-31T10:00:00.123456+00:00', k: id });
    expect(cursorParam.parse(cursor)).toBe(cursor);
  });

  it('refuses garbage, oversize and unstorable timestamps', () => {
    expect(cursorParam.safeParse('not-a-cursor').success).toBe(false);
    expect(cursorParam.safeParse('x'.repeat(301)).success).toBe(false);
    expect(cursorParam.safeParse(encodeCursor({ t: '0000-01-01T00:00:00Z', k: id })).success).toBe(false);
    expect(cursorParam.safeParse(encodeCursor({ t: '2026-01-01T00:00:00+23:00', k: id })).success).toBe(false);
  });
});

describe('instantParam', () => {
  const from = instantParam('From', 'start');
  const to = instantParam('To', 'end');

  it('turns a bare date into the start or the end of that UTC day', () => {
    expect(from.parse('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(to.parse('2026-03-01').toISOString()).toBe('2026-03-01T23:59:59.999Z');
  });

  it('keeps date-times with offsets', () => {
    expect(to.parse('2026-03-01T12:00:00+02:00').toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });

  it('refuses other formats with a message naming the parameter', () => {
    for (const bad of ['1', 'yesterday', '2026-02-30', '2026-03-01T12:00:00', '0000-01-01', '2026-13-01', '']) {
      const result = from.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^From must be a date/);
    }
    expect(from.safeParse(5).success).toBe(false);
  });
});

describe('optionalParam', () => {
  it('treats an empty value as absent', () => {
    const schema = optionalParam(instantParam('From', 'start'));
    expect(schema.parse('')).toBeUndefined();
    expect(schema.parse(undefined)).toBeUndefined();
    expect(schema.safeParse('nope').success).toBe(false);
  });
});
