import { describe, expect, it } from 'vitest';
import { requestContextSchema } from '@/lib/db';
import { auditActionSchema, auditFilterSchema } from './schemas';

describe('requestContextSchema', () => {
  it('keeps valid ips, nulls invalid ones and cuts long user agents', () => {
    expect(requestContextSchema.parse({ requestId: 'r1', ip: '2001:db8::1', userAgent: 'x' }).ip).toBe('2001:db8::1');
    expect(requestContextSchema.parse({ requestId: 'r1', ip: '1.2.3.4, 5.6.7.8', userAgent: null }).ip).toBeNull();
    expect(requestContextSchema.parse({ requestId: 'r1', ip: null, userAgent: 'u'.repeat(600) }).userAgent).toHaveLength(512);
  });

  it('requires a request id', () => {
    expect(requestContextSchema.safeParse({ requestId: ' ', ip: null, userAgent: null }).success).toBe(false);
  });
});

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
