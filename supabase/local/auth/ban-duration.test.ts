import { describe, expect, it } from 'vitest';
import { banUntil, parseGoDuration } from './ban-duration.ts';

describe('ban durations (Go time.ParseDuration)', () => {
  it.each([
    ['24h', 86_400_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
  ])('parses %s', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it.each(['', 'forever', '24', 'h', '1d', '1h 30m'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeNull();
  });

  it('maps none to an unban and nothing to no change', () => {
    expect(banUntil('none')).toBeNull();
    expect(banUntil(undefined)).toBeUndefined();
    expect(() => banUntil('forever')).toThrow(/ban duration/);
  });
});
