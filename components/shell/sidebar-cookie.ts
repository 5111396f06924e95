/**
 * The desktop sidebar's collapsed state, kept in a cookie so the server renders the
 * remembered width (no flash of the wide sidebar). Host-only like every cookie here:
 * each workspace host remembers its own choice. Not a secret and not HttpOnly.
 */
export const SIDEBAR_COOKIE = 'tf-sidebar';
const ONE_YEAR = 60 * 60 * 24 * 365;

export function isSidebarCollapsed(value: string | undefined): boolean {
  return value === 'collapsed';
}

/** The document.cookie assignment that remembers the choice for a year. */
export function sidebarCookie(collapsed: boolean): string {
  return `${SIDEBAR_COOKIE}=${collapsed ? 'collapsed' : 'expanded'}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`;
}
