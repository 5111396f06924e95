import type { EmailOtpType } from '@supabase/supabase-js';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { homePathFor } from '@/lib/auth/home-path';
import { signInErrorCode } from '@/lib/auth/messages';
import { safeReturnPath } from '@/lib/auth/return-path';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { redirectOnSameHost } from '@/lib/request/origin';

const otpTypes = ['signup', 'invite', 'magiclink', 'recovery', 'email_change', 'email'] as const;
const querySchema = z.object({
  code: z.string().min(1).max(500).optional(),
  /** The PKCE flow this link belongs to (appended by supabase-js, see lib/supabase/server.ts). */
  sb_flow_id: z.string().max(100).optional(),
  token_hash: z.string().min(1).max(500).optional(),
  type: z.enum(otpTypes).optional(),
  next: z.string().max(2000).optional(),
  error_code: z.string().max(100).optional(),
  /** Set by the auth server when an email change still awaits the other address's link. */
  message: z.string().max(500).optional(),
});

/**
 * Where email links land: a PKCE `code` (from the auth server's /verify redirect)
 * or a `token_hash` + `type` (custom email templates). Starts the session, then
 * continues to `next` (same-site paths only); failures go to sign-in with a reason.
 */
export async function GET(request: NextRequest) {
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  const to = (path: string) => redirectOnSameHost(request, path);
  const fail = (code?: string) => to(`/sign-in?error=${signInErrorCode(code ?? 'otp_expired')}`);
  if (!parsed.success) return fail('validation_failed');
  const { code, sb_flow_id: flowId, token_hash, type, next, error_code, message } = parsed.data;
  if (error_code) return fail(error_code);

  const supabase = await createSupabaseServerClient();
  const destination = safeReturnPath(next, homePathFor(request.headers));
  if (code) {
    const { error } = await supabase.auth.exchangeCodeForSession(code, flowId ? { flowId } : undefined);
    if (error) return fail(error.code);
    return to(destination);
  }
  if (token_hash && type) {
    const { error } = await supabase.auth.verifyOtp({ token_hash, type: type as EmailOtpType });
    if (error) return fail(error.code);
    return to(type === 'recovery' ? '/reset-password' : destination);
  }
  // The first of two email-change confirmations: nothing changes until the other link is opened.
  if (message) return to('/check-email?reason=email-change');
  return to(destination);
}
