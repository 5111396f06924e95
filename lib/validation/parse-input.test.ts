import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromDetails, parseInput } from './parse-input';

describe('parseInput', () => {
  it('throws validation_failed naming the field, with structured details', () => {
    const schema = z.object({ name: z.string().min(2, 'Too short.'), slug: z.string().regex(/^[a-z]+$/, 'Lower case only.') });
    expect(parseInput(schema, { name: 'ok', slug: 'ok' })).toEqual({ name: 'ok', slug: 'ok' });
    try {
      parseInput(schema, { name: 'x', slug: 'X' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
      expect((error as AppError).message).toBe('name: Too short.');
      expect((error as AppError).details).toEqual({
        formErrors: [],
        fieldErrors: { name: ['Too short.'], slug: ['Lower case only.'] },
        field: 'name',
      });
      // Forms take every field's first message, without the "name: " prefix.
      expect(fieldErrorsFromDetails((error as AppError).details, (error as AppError).message)).toEqual({
        name: 'Too short.',
        slug: 'Lower case only.',
      });
    }
  });

  it('an issue without a path names no field', () => {
    const schema = z.object({ from: z.number(), to: z.number() }).refine((v) => v.from <= v.to, 'From must not be after to.');
    try {
      parseInput(schema, { from: 2, to: 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details).toEqual({ formErrors: ['From must not be after to.'], fieldErrors: {} });
      expect(fieldErrorsFromDetails((error as AppError).details, (error as AppError).message)).toBeUndefined();
    }
  });
});

describe('fieldErrorsFromDetails', () => {
  it('uses the field a service named with the error message', () => {
    expect(fieldErrorsFromDetails({ field: 'slug' }, 'That subdomain is already taken.')).toEqual({ slug: 'That subdomain is already taken.' });
    expect(fieldErrorsFromDetails({ reason: 'expired' }, 'x')).toBeUndefined();
    expect(fieldErrorsFromDetails(undefined, 'x')).toBeUndefined();
    expect(fieldErrorsFromDetails('slug', 'x')).toBeUndefined();
  });
});
