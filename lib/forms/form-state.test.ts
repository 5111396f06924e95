import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf, formErrorsFor } from './form-state';

describe('formErrorsFor', () => {
  it('puts each error on the field the form shows', () => {
    expect(formErrorsFor({ fieldErrors: { email: 'Enter a valid email address.' } }, ['email', 'role'])).toEqual({
      message: undefined,
      fieldErrors: { email: 'Enter a valid email address.' },
    });
  });

  it('folds errors of fields the form does not show into the form message, once', () => {
    const state = { message: 'Could not invite.', fieldErrors: { orgId: 'Not found.', userId: 'Not found.', email: 'Taken.' } };
    expect(formErrorsFor(state, ['email'])).toEqual({ message: 'Could not invite. Not found.', fieldErrors: { email: 'Taken.' } });
  });

  it('shows nothing as an error on success, and a plain message as the form message', () => {
    expect(formErrorsFor({ ok: true, message: 'Saved.' }, ['name'])).toEqual({ fieldErrors: {} });
    expect(formErrorsFor({ message: 'Try again in 2 minutes.' }, ['name'])).toEqual({ message: 'Try again in 2 minutes.', fieldErrors: {} });
    expect(formErrorsFor({}, ['name'])).toEqual({ message: undefined, fieldErrors: {} });
  });
});

describe('fieldErrorsOf', () => {
  it('keeps the first message per top-level field, without a field prefix', () => {
    const schema = z.object({ email: z.email('Enter a valid email address.').min(100, 'Too short.') });
    const parsed = schema.safeParse({ email: 'x' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toEqual({ email: 'Enter a valid email address.' });
  });
});
