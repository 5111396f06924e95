'use server';

import { isAuthSessionMissingError, type AuthError } from '@supabase/supabase-js';
import { headers } from 'next/headers';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { log } from '@/lib/log';
import { clientAddress } from '@/lib/request/client-address';
import { rateLimitRefusal } from '@/lib/rate-limit/limiter';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { confirmUrl } from './confirm-url';
import { getCurrentUser } from './current-user';
import { formFields } from './form-data';
import { authErrorMessage, isPasswordError } from './messages';
import { changeEmailSchema, magicLinkSchema, resetPasswordSchema } from './schemas';
import { fieldErrorsOf, type FormState } from '@/lib/forms/form-state';

/** Forgot password: emails a recovery link. Same answer whether or not the account exists. */
export async function forgotPasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const parsed = magicLinkSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { email: fields.email ?? '' } };
  const who = { ip: clientAddress(await headers()).ip, account: parsed.data.email };
  const refusal = await rateLimitRefusal('password_reset', who);
  if (refusal) return { message: refusal, values: { email: parsed.data.email } };
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.resetPasswordForEmail(parsed.data.email, {
    redirectTo: await confirmUrl('/reset-password'),
  });
  if (error && error.status === 429) return { message: authErrorMessage(error), values: { email: parsed.data.email } };
  redirect(`/check-email?email=${encodeURIComponent(parsed.data.email)}&reason=recovery`);
}

type ServerClient = Awaited<ReturnType<typeof createSupabaseServerClient>>;

/**
 * The session behind this browser's cookies has ended on the server (signed out
 * everywhere, or revoked), or there is none: clear the cookies and send the
 * person to sign in, instead of leaving them on a page that only looks signed in.
 */
async function signInAgain(supabase: ServerClient): Promise<never> {
  await supabase.auth.signOut({ scope: 'local' });
  redirect('/sign-in?next=%2Faccount&error=session_not_found');
}

/** supabase-js reports GoTrue's 403 `session_not_found` as an AuthSessionMissingError (no code). */
const sessionEnded = (error: AuthError) =>
  isAuthSessionMissingError(error) || error.code === 'session_not_found' || error.code === 'user_not_found';

/** Sets a new password for the signed-in user (after a recovery link, or from the account page). */
export async function setPasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const parsed = resetPasswordSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const supabase = await createSupabaseServerClient();
  if (!(await getCurrentUser())) return signInAgain(supabase);
  const { error } = await supabase.auth.updateUser({ password: parsed.data.password });
  if (error && sessionEnded(error)) return signInAgain(supabase);
  if (error && isPasswordError(error)) return { fieldErrors: { password: authErrorMessage(error) } };
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
  const user = await getCurrentUser();
  if (!user) return signInAgain(supabase);
  if (user.email === parsed.data.email) {
    return { fieldErrors: { email: 'That is already your email address.' }, values: { email: parsed.data.email } };
  }
  const { error } = await supabase.auth.updateUser(
    { email: parsed.data.email },
    { emailRedirectTo: await confirmUrl('/account?notice=email-changed') },
  );
  if (error && sessionEnded(error)) return signInAgain(supabase);
  if (error) return { message: authErrorMessage(error), values: { email: parsed.data.email } };
  return {
    ok: true,
    message: `We sent a confirmation link to ${parsed.data.email}, and one to your current address. Your email changes once you open them.`,
  };
}

/** Signs out this browser, or every session of the user ("everywhere"). */
export async function signOutAction(formData: FormData): Promise<void> {
  const scope = formData.get('scope') === 'global' ? 'global' : 'local';
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.signOut({ scope });
  if (error) {
    // The auth server could not end the session (down, or refused): this browser is signed out all the same.
    log.warn('sign-out: the auth server did not end the session', { scope, status: error.status, code: error.code });
    const store = await cookies();
    for (const cookie of store.getAll()) if (/^sb-.+-auth-token/.test(cookie.name)) store.delete(cookie.name);
  }
  redirect(scope === 'global' ? '/sign-in?notice=signed-out-everywhere' : '/sign-in?notice=signed-out');
}
