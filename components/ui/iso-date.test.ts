import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate } from './iso-date';

describe('parseIsoDate / toIsoDate', () => {
  it('round-trips a calendar date in local time', () => {
    const date = parseIsoDate('2026-02-28');
    expect(date?.getFullYear()).toBe(2026);
    expect(date?.getMonth()).toBe(1);
    expect(date?.getDate()).toBe(28);
    expect(toIsoDate(date!)).toBe('2026-02-28');
    expect(toIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('refuses empty, malformed and impossible dates', () => {
    for (const bad of [undefined, null, '', '2026-2-3', '2026-02-30', '2026-13-01', 'yesterday', '2026-02-28T10:00']) {
      expect(parseIsoDate(bad), String(bad)).toBeUndefined();
    }
  });
});
