import { describe, expect, it } from 'vitest';
import { formatWait } from './wait';

describe('formatWait', () => {
  it.each([
    [0.2, '1 second'],
    [45, '45 seconds'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [899.5, '15 minutes'],
    [3540, '59 minutes'],
    [3600, '1 hour'],
    [3601, '1 hour 1 minute'],
    [7260, '2 hours 1 minute'],
  ])('%s s → %s (never less than the real wait)', (seconds, words) => {
    expect(formatWait(seconds)).toBe(words);
  });
});
