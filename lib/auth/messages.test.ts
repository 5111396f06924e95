import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './messages';

describe('authErrorMessage', () => {
  it("passes on the auth server's own wait for email sends", () => {
    const error = { code: 'over_email_send_rate_limit', status: 429, message: 'For security purposes, you can only request this after 42 seconds.' };
    expect(authErrorMessage(error)).toBe('We just sent you an email. You can ask for another in 42 seconds.');
  });

  it('does not invent a wait it does not know', () => {
    expect(authErrorMessage({ code: 'over_request_rate_limit', status: 429, message: 'Request rate limit reached' })).toBe(
      'Too many attempts right now. Try again in a few minutes.',
    );
    expect(authErrorMessage({ status: 429 })).not.toMatch(/a minute/);
  });
});
