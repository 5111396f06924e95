import { describe, expect, it } from 'vitest';
import { auditActionSchema, auditFilterSchema } from './schemas';

describe('auditActionSchema', () => {
  it('accepts area.event names only', () => {
    for (const ok of ['member.role_changed', 'organization.created', 'billing.plan.changed']) {
      expect(auditActionSchema.safeParse(ok).success).toBe(true);
    }
    for (const bad of ['member', 'Member.Left', 'member.', '.left', 'member-left', "x'; --"]) {
      expect(auditActionSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('auditFilterSchema', () => {
  const orgId = '00000000-0000-4000-8000-000000000001';
  it('coerces dates and rejects an inverted range', () => {
    const parsed = auditFilterSchema.parse({ orgId, from: '2026-01-01', to: '2026-02-01' });
    expect(parsed.from).toBeInstanceOf(Date);
    expect(parsed.limit).toBe(50);
    expect(auditFilterSchema.safeParse({ orgId, from: '2026-02-01', to: '2026-01-01' }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ orgId, from: 'yesterday' }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ orgId, limit: 500 }).success).toBe(false);
  });
});
