import { formatWait } from '@/lib/rate-limit/wait';

/**
 * User-facing messages for the auth errors a person can cause. Keys are GoTrue's
 * error codes (`error.code` in supabase-js); anything unknown gets a generic line.
 */
const messages: Record<string, string> = {
  invalid_credentials: 'That email and password do not match. Check both and try again.',
  email_not_confirmed: 'Confirm your email first: open the link we sent you, then sign in.',
  user_already_exists: 'An account with this email already exists. Sign in instead, or reset your password.',
  email_exists: 'An account with this email already exists.',
  weak_password: 'Choose a stronger password: it does not meet the password rules (at least 8 characters).',
  same_password: 'The new password must be different from the current one.',
  over_request_rate_limit: 'Too many attempts right now. Try again in a few minutes.',
  over_email_send_rate_limit: 'We just sent you an email. Wait a little before asking for another.',
  otp_expired: 'This link has expired or was already used. Sign in below, or ask for a new link.',
  otp_disabled: 'Sign-in links are turned off for this workspace.',
  signup_disabled: 'New sign-ups are closed.',
  email_address_invalid: 'Enter a valid email address.',
  validation_failed: 'Some details are missing or invalid. Check the form and try again.',
  flow_state_expired: 'This sign-in link has expired. Start again from the sign-in page.',
  flow_state_not_found: 'Open the link in the same browser where you asked for it, or start again.',
  bad_code_verifier: 'Open the link in the same browser where you asked for it, or start again.',
  session_not_found: 'Your session has ended. Sign in again.',
  reauthentication_needed: 'For your safety, sign in again before changing this.',
  email_address_not_authorized: 'Email to this address is not allowed.',
  user_banned: 'This account is suspended. Contact your workspace administrator.',
  handoff_failed: 'That sign-in link is not valid any more. Sign in to continue.',
};

/** Errors about the chosen password, shown under the password field rather than above the form. */
export function isPasswordError(error: { code?: string }): boolean {
  return error.code === 'weak_password' || error.code === 'same_password';
}

export const genericAuthMessage = 'Something went wrong. Please try again in a moment.';

export function authErrorMessage(error: { code?: string; status?: number; name?: string; message?: string } | null | undefined): string {
  if (!error) return genericAuthMessage;
  // GoTrue names the wait for email sends ("…you can only request this after 42 seconds"); pass it on.
  const wait = error.code === 'over_email_send_rate_limit' ? /after (\d+) seconds?/.exec(error.message ?? '')?.[1] : undefined;
  if (wait) return `We just sent you an email. You can ask for another in ${formatWait(Number(wait))}.`;
  // supabase-js turns GoTrue's `session_not_found` into an AuthSessionMissingError without a code.
  if (error.name === 'AuthSessionMissingError') return messages.session_not_found!;
  if (error.code && Object.hasOwn(messages, error.code)) return messages[error.code]!;
  if (error.status === 429) return messages.over_request_rate_limit!;
  return genericAuthMessage;
}

/**
 * The code to send to the sign-in page as `?error=`: the page shows only fixed
 * messages for known codes, never text from the URL (no content spoofing).
 */
export function signInErrorCode(code: string | undefined): string {
  return code && Object.hasOwn(messages, code) ? code : 'unexpected_failure';
}

/** The fixed message for a `?error=` code on the sign-in page; nothing for an unknown code. */
export function signInErrorMessage(code: unknown): string | undefined {
  if (code === 'unexpected_failure') return genericAuthMessage;
  return typeof code === 'string' && Object.hasOwn(messages, code) ? messages[code] : undefined;
}
