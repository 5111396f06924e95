import { invitationTokenSchema } from './schemas';

/** The path of an invitation link on its organization's host. */
export function invitationPath(token: string): string {
  return `/invite/${encodeURIComponent(token)}`;
}

/** The token of an invitation link's path (`/invite/<token>`, e.g. a sign-up's `next`), or null for any other path. */
export function invitationTokenFromPath(path: string | null | undefined): string | null {
  const match = /^\/invite\/([^/?#]+)$/.exec(path ?? '');
  if (!match) return null;
  const parsed = invitationTokenSchema.safeParse(match[1]);
  return parsed.success ? parsed.data : null;
}
