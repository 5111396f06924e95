import type { AuthConfig } from './options.ts';

/**
 * GoTrue's redirect rules: a target on the site URL's host is allowed; otherwise
 * it must match an entry of the allow list, where `*` matches within one host
 * label or path segment and `**` matches anything (gobwas/glob with separators
 * `.` and `/`). Anything else falls back to the Referer (if allowed) or the site URL.
 */
export function isRedirectAllowed(config: AuthConfig, target: string): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return config.additionalRedirectUrls.some((pattern) => globToRegExp(pattern).test(target));
  }
  const site = new URL(config.siteUrl);
  if (url.hostname === site.hostname) return true;
  return config.additionalRedirectUrls.some((pattern) => globToRegExp(pattern).test(target));
}

const globCache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const cached = globCache.get(pattern);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += 1;
    } else if (char === '*') {
      source += '[^./]*';
    } else if (char === '?') {
      source += '[^./]';
    } else {
      source += char.replace(/[\\^$+.()|[\]{}]/g, '\\$&');
    }
  }
  const regexp = new RegExp(`^${source}$`);
  globCache.set(pattern, regexp);
  return regexp;
}

/** The redirect target for a request: `redirect_to` if allowed, else an allowed Referer, else the site URL. */
export function resolveRedirect(config: AuthConfig, requested: string | null | undefined, referer: string | null): string {
  if (requested && isRedirectAllowed(config, requested)) return requested;
  if (referer && isRedirectAllowed(config, referer)) return referer;
  return config.siteUrl;
}
