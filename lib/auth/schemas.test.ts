import { describe, expect, it } from 'vitest';
import { authErrorMessage, genericAuthMessage } from './messages';
import { resetPasswordSchema, signUpSchema } from './schemas';
import { fieldErrorsOf } from '@/lib/forms/form-state';

describe('auth form schemas', () => {
  it('normalises the email and accepts a good sign-up', () => {
    const parsed = signUpSchema.parse({ email: '  Ada@Example.COM ', password: 'correct horse battery' });
    expect(parsed.email).toBe('ada@example.com');
    expect(parsed.name).toBe('');
  });

  it('gives one clear message per field', () => {
    const result = signUpSchema.safeParse({ email: 'nope', password: 'short' });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      email: 'Enter a valid email address.',
      password: 'Use at least 8 characters.',
    });
  });

  it('refuses mismatched new passwords', () => {
    const result = resetPasswordSchema.safeParse({ password: 'abcdefgh1', confirm: 'abcdefgh2' });
    expect(fieldErrorsOf(result.error!)).toEqual({ confirm: 'The two passwords do not match.' });
  });

  it('rejects wrong types without throwing', () => {
    expect(signUpSchema.safeParse({ email: 42, password: ['x'] }).success).toBe(false);
  });
});

describe('auth error messages', () => {
  it('explains known GoTrue codes and hides unknown ones', () => {
    expect(authErrorMessage({ code: 'invalid_credentials' })).toMatch(/do not match/);
    expect(authErrorMessage({ code: 'weird_internal', status: 500 })).toBe(genericAuthMessage);
    expect(authErrorMessage({ status: 429 })).toMatch(/Too many attempts/);
    expect(authErrorMessage({ name: 'AuthSessionMissingError', status: 400 })).toMatch(/session has ended/);
  });
});
