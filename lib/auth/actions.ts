'use server';

import type { AuthError } from '@supabase/supabase-js';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signUpThroughInvitation } from '@/lib/invitations/invited-sign-up';
import { clientAddress } from '@/lib/request/client-address';
import { rateLimitRefusal, recordRateLimitFailure, type RateLimitSubject } from '@/lib/rate-limit/limiter';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { confirmUrl } from './confirm-url';
import { homePath } from './home-path';
import { formFields } from './form-data';
import { authErrorMessage, isPasswordError } from './messages';
import { safeReturnPath } from './return-path';
import { magicLinkSchema, signInSchema, signUpSchema } from './schemas';
import { fieldErrorsOf, type FormState } from '@/lib/forms/form-state';

/** Who a rate limit counts for this request: the client IP (trusted chain) and the email address. */
async function limitSubject(email: string): Promise<RateLimitSubject> {
  return { ip: clientAddress(await headers()).ip, account: email };
}

/** Sign-up form: creates the account and sends the confirmation email. */
export async function signUpAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const values = { name: fields.name ?? '', email: fields.email ?? '' };
  const parsed = signUpSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const next = safeReturnPath(fields.next, await homePath());
  const refusal = await rateLimitRefusal('sign_up', await limitSubject(parsed.data.email));
  if (refusal) return { message: refusal, values };
  // Through an invitation link for this address: confirmed already, joins at once (redirects when it applies).
  const invitedRefusal = await signUpThroughInvitation(parsed.data, next);
  if (invitedRefusal) return signUpFailure(invitedRefusal, values);
  const supabase = await createSupabaseServerClient();
  const { data, error } = await supabase.auth.signUp({
    email: parsed.data.email,
    password: parsed.data.password,
    options: {
      data: parsed.data.name ? { full_name: parsed.data.name } : {},
      emailRedirectTo: await confirmUrl(next),
    },
  });
  if (error) return signUpFailure(error, values);
  if (data.session) redirect(next);
  redirect(`/check-email?email=${encodeURIComponent(parsed.data.email)}&reason=signup&next=${encodeURIComponent(next)}`);
}

/** A refused sign-up: password problems under the password field, the rest above the form. */
function signUpFailure(error: AuthError, values: Record<string, string>): FormState {
  if (isPasswordError(error)) return { fieldErrors: { password: authErrorMessage(error) }, values };
  return { message: authErrorMessage(error), values };
}

/** Password sign-in. */
export async function signInAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const values = { email: fields.email ?? '' };
  const parsed = signInSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const who = await limitSubject(parsed.data.email);
  const refusal = await rateLimitRefusal('sign_in', who);
  if (refusal) return { message: refusal, values };
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.signInWithPassword(parsed.data);
  if (error?.code === 'invalid_credentials') await recordRateLimitFailure('sign_in', who);
  if (error) return { message: authErrorMessage(error), values };
  redirect(safeReturnPath(fields.next, await homePath()));
}

/** Magic link: emails a one-time sign-in link. Says the same whether or not the account exists. */
export async function magicLinkAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const values = { email: fields.email ?? '' };
  const parsed = magicLinkSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const next = safeReturnPath(fields.next, await homePath());
  const refusal = await rateLimitRefusal('magic_link', await limitSubject(parsed.data.email));
  if (refusal) return { message: refusal, values };
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.signInWithOtp({
    email: parsed.data.email,
    options: {
      shouldCreateUser: false,
      emailRedirectTo: await confirmUrl(next),
    },
  });
  if (error && error.status === 429) return { message: authErrorMessage(error), values };
  redirect(`/check-email?email=${encodeURIComponent(parsed.data.email)}&reason=magic-link`);
}

/** Sends the confirmation email again. */
export async function resendConfirmationAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const parsed = magicLinkSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const next = safeReturnPath(fields.next, await homePath());
  const refusal = await rateLimitRefusal('sign_up', await limitSubject(parsed.data.email));
  if (refusal) return { message: refusal };
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.resend({
    type: 'signup',
    email: parsed.data.email,
    options: { emailRedirectTo: await confirmUrl(next) },
  });
  if (error) return { message: authErrorMessage(error) };
  return { ok: true, message: 'We sent the email again. It can take a minute to arrive.' };
}
