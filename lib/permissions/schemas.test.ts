import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { outranksOrEquals, roleSchema, roles } from './schemas';
import { z } from 'zod';

describe('roles', () => {
  it('orders owner > admin > member > viewer', () => {
    expect(roles).toEqual(['owner', 'admin', 'member', 'viewer']);
    expect(outranksOrEquals('owner', 'owner')).toBe(true);
    expect(outranksOrEquals('admin', 'admin')).toBe(true);
    expect(outranksOrEquals('admin', 'owner')).toBe(false);
    expect(outranksOrEquals('member', 'admin')).toBe(false);
    expect(outranksOrEquals('viewer', 'member')).toBe(false);
    expect(outranksOrEquals('member', 'viewer')).toBe(true);
  });

  it('rejects unknown roles', () => {
    expect(roleSchema.safeParse('superadmin').success).toBe(false);
    expect(roleSchema.safeParse('Owner').success).toBe(false);
  });
});
