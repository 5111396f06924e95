import { describe, expect, it } from 'vitest';
import { cursorSchema, encodeCursor, pageLimitSchema, toPage } from '@/lib/pagination/cursor';

describe('page limit', () => {
  it('defaults to 50, coerces query strings and caps at 100', () => {
    expect(pageLimitSchema.parse(undefined)).toBe(50);
    expect(pageLimitSchema.parse('20')).toBe(20);
    for (const bad of [0, 101, 1.5, 'abc', -1]) expect(pageLimitSchema.safeParse(bad).success).toBe(false);
  });
});

describe('cursor', () => {
  const payload = { t: '2026-11-22T03:53:15.123456+00:00', k: '00000000-0000-4000-8000-000000000001' };

  it('round-trips, keeping microseconds', () => {
    expect(cursorSchema.parse(encodeCursor(payload))).toEqual(payload);
  });

  it.each(['', 'not-base64!', Buffer.from('{"t":1}').toString('base64url'), encodeCursor({ ...payload, k: 'x' }), 'a'.repeat(301)])(
    'rejects tampered cursor %#',
    (value) => {
      expect(cursorSchema.safeParse(value).success).toBe(false);
    },
  );

  it('toPage returns a next cursor only when more rows exist', () => {
    const rows = [1, 2, 3].map((n) => ({ sort_at: payload.t, id: `00000000-0000-4000-8000-00000000000${n}` }));
    const full = toPage(rows, 2, (r) => r.id, (r) => r.id);
    expect(full.items).toHaveLength(2);
    expect(cursorSchema.parse(full.nextCursor)).toEqual({ t: payload.t, k: rows[1]?.id });
    expect(toPage(rows, 3, (r) => r.id, (r) => r.id).nextCursor).toBeNull();
  });
});
