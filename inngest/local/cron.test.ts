import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCron } from './cron.ts';

const at = (iso: string) => new Date(iso);
const next = (cron: string, iso: string) => nextCronTime(cron, at(iso)).toISOString();

describe('cron schedules', () => {
  it.each([
    ['* * * * *', '2026-03-01T10:15:30.000Z', '2026-03-01T10:16:00.000Z'],
    ['*/15 * * * *', '2026-03-01T10:15:00.000Z', '2026-03-01T10:30:00.000Z'],
    ['0 9 * * MON-FRI', '2026-03-06T09:00:00.000Z', '2026-03-09T09:00:00.000Z'],
    ['30 2 1 * *', '2026-01-31T23:00:00.000Z', '2026-02-01T02:30:00.000Z'],
    ['0 0 29 2 *', '2026-03-01T00:00:00.000Z', '2028-02-29T00:00:00.000Z'],
    ['@hourly', '2026-03-01T10:59:59.000Z', '2026-03-01T11:00:00.000Z'],
    ['TZ=UTC 5 4 * * sun', '2026-03-01T04:05:00.000Z', '2026-03-08T04:05:00.000Z'],
    ['0 0 1 * 1', '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
    ['*/2 * * * * *', '2026-03-01T10:15:31.400Z', '2026-03-01T10:15:32.000Z'],
  ])('%s after %s fires at %s', (cron, after, expected) => {
    expect(next(cron, after)).toBe(expected);
  });

  it.each(['* * *', '61 * * * *', '* * * 13 *', '*/0 * * * *', 'TZ=Europe/Paris * * * * *', 'a b c d e'])('rejects %s', (cron) => {
    expect(() => parseCron(cron)).toThrow(/cron/i);
  });
});
