import type { NextRequest } from 'next/server';
import { safeReturnPath } from '@/lib/auth/return-path';
import { redirectOnSameHost } from '@/lib/request/origin';
import { createSupabaseServerClient } from '@/lib/supabase/server';

/**
 * Where a page sends a browser whose access token still verifies but whose
 * session the database no longer knows (signed out everywhere, revoked). The
 * auth server decides: if it also refuses the session, the cookies are cleared
 * and the person signs in again; if the session is in fact alive, nothing is
 * cleared (so a link to this route cannot sign anyone out).
 */
export async function GET(request: NextRequest) {
  const next = safeReturnPath(request.nextUrl.searchParams.get('next'), '/');
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.getUser();
  if (!error) return redirectOnSameHost(request, next);
  await supabase.auth.signOut({ scope: 'local' });
  return redirectOnSameHost(request, `/sign-in?next=${encodeURIComponent(next)}&error=session_not_found`);
}
