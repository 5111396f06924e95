import { describe, expect, it } from 'vitest';
import { parseDuration, parseRetryAfter, resolveUntil, seededIds, ulid } from './time.ts';

describe('time strings, retry-after and ids', () => {
  it('parses Inngest time strings', () => {
    expect(parseDuration('300ms')).toBe(300);
    expect(parseDuration('2h45m')).toBe(9_900_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });

  it('resolves sleeps to durations or dates', () => {
    expect(resolveUntil('1s', 1000)).toBe(2000);
    expect(resolveUntil('2030-01-01T00:00:00.000Z', 0)).toBe(Date.parse('2030-01-01T00:00:00.000Z'));
    expect(resolveUntil('tomorrow', 0)).toBeUndefined();
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3', 1000)).toBe(4000);
    expect(parseRetryAfter('2030-01-01T00:00:00Z', 0)).toBe(Date.parse('2030-01-01T00:00:00Z'));
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it('makes sortable ULIDs and the same ids for the same seed', () => {
    const a = ulid(1_700_000_000_000);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ulid(1_700_000_000_001) > a).toBe(true);
    const seed = `1700000000000,${Buffer.alloc(10, 7).toString('base64')}`;
    const ids = seededIds(seed, 3)!;
    expect(new Set(ids).size).toBe(3);
    expect(seededIds(seed, 3)).toEqual(ids);
    expect(ids[0]!.slice(0, 10)).toBe(a.slice(0, 10));
    expect(seededIds('nonsense', 1)).toBeUndefined();
  });
});
