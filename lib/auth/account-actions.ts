'use server';

import { redirect } from 'next/navigation';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { requestOrigin } from '@/lib/http/origin';
import { formFields } from './form-data';
import { authErrorMessage } from './messages';
import { changeEmailSchema, fieldErrorsOf, magicLinkSchema, resetPasswordSchema, type FormState } from './schemas';

/** Forgot password: emails a recovery link. Same answer whether or not the account exists. */
export async function forgotPasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const parsed = magicLinkSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { email: fields.email ?? '' } };
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.resetPasswordForEmail(parsed.data.email, {
    redirectTo: `${await requestOrigin()}/auth/confirm?next=/reset-password`,
  });
  if (error && error.status === 429) return { message: authErrorMessage(error), values: { email: parsed.data.email } };
  redirect(`/check-email?email=${encodeURIComponent(parsed.data.email)}&reason=recovery`);
}

/** Sets a new password for the signed-in user (after a recovery link, or from the account page). */
export async function setPasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const parsed = resetPasswordSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const supabase = await createSupabaseServerClient();
  const { data: claims } = await supabase.auth.getClaims();
  if (!claims) return { message: authErrorMessage({ code: 'session_not_found' }) };
  const { error } = await supabase.auth.updateUser({ password: parsed.data.password });
  if (error) return { message: authErrorMessage(error) };
  if (fields.from === 'reset') redirect('/account?notice=password-reset');
  return { ok: true, message: 'Your password was changed.' };
}

/** Starts an email change: the new address must confirm before it takes effect. */
export async function changeEmailAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const parsed = changeEmailSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { email: fields.email ?? '' } };
  const supabase = await createSupabaseServerClient();
  const { data: claims } = await supabase.auth.getClaims();
  if (!claims) return { message: authErrorMessage({ code: 'session_not_found' }) };
  if (claims.claims.email === parsed.data.email) {
    return { fieldErrors: { email: 'That is already your email address.' }, values: { email: parsed.data.email } };
  }
  const { error } = await supabase.auth.updateUser(
    { email: parsed.data.email },
    { emailRedirectTo: `${await requestOrigin()}/auth/confirm?next=/account%3Fnotice%3Demail-changed` },
  );
  if (error) return { message: authErrorMessage(error), values: { email: parsed.data.email } };
  return {
    ok: true,
    message: `We sent a confirmation link to ${parsed.data.email}. Your email changes when you open it.`,
  };
}

/** Signs out this browser, or every session of the user ("everywhere"). */
export async function signOutAction(formData: FormData): Promise<void> {
  const scope = formData.get('scope') === 'global' ? 'global' : 'local';
  const supabase = await createSupabaseServerClient();
  await supabase.auth.signOut({ scope });
  redirect(scope === 'global' ? '/sign-in?notice=signed-out-everywhere' : '/sign-in?notice=signed-out');
}
