/**
 * Subdomains no organization may take. The database holds the same list in
 * public.reserved_slugs (a test keeps them equal) and enforces it on write;
 * this copy lets forms reject them instantly.
 */
export const reservedSlugs: ReadonlySet<string> = new Set([
  'www', 'app', 'api', 'admin', 'auth', 'mail', 'status', 'docs', 'billing', 'support',
  'help', 'blog', 'dashboard', 'login', 'logout', 'signin', 'sign-in', 'signup', 'sign-up',
  'register', 'account', 'accounts', 'settings', 'static', 'assets', 'cdn', 'media', 'files',
  'images', 'img', 'dev', 'staging', 'test', 'demo', 'internal', 'root', 'system', 'security',
  'abuse', 'postmaster', 'hostmaster', 'webmaster', 'noreply', 'no-reply', 'smtp', 'imap', 'pop',
  'ftp', 'ns1', 'ns2', 'dns', 'email', 'about', 'pricing', 'legal', 'terms', 'privacy',
  'careers', 'jobs', 'news', 'console', 'portal', 'oauth', 'sso', 'team', 'teams', 'org', 'orgs',
  'new', 'inngest', 'realtime', 'storage', 'functions', 'rest', 'graphql', 'supabase',
  'webhooks', 'stripe', 'localhost', 'tenantforge',
]);

export function isReservedSlug(slug: string): boolean {
  return reservedSlugs.has(slug.toLowerCase());
}
