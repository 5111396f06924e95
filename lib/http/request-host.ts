/**
 * The host the client asked for: X-Forwarded-Host (set by the platform's proxy,
 * and by Next.js itself, which keeps it on the internal request it makes to render
 * a server action's redirect) or else Host. Both are client-chosen values; routing
 * trusts neither for authorization (sessions are host-only cookies; RLS decides).
 */
export function requestHost(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return (forwarded || headers.get('host') || '').toLowerCase();
}
