import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseInput } from './parse-input';
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

describe('parseInput', () => {
  it('throws validation_failed naming the field', () => {
    const schema = z.object({ name: z.string().min(2, 'Too short.') });
    expect(parseInput(schema, { name: 'ok' })).toEqual({ name: 'ok' });
    try {
      parseInput(schema, { name: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
      expect((error as AppError).message).toBe('name: Too short.');
      expect((error as AppError).details).toEqual({ formErrors: [], fieldErrors: { name: ['Too short.'] } });
    }
  });
});
