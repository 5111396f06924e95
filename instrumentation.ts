/**
 * Runs once when a server instance starts: validate the environment so a missing
 * or malformed variable stops start-up with a message naming it, then resolve
 * proxy headers from the socket on every request (lib/request/forwarded-headers-hook.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertEnvAtStartup } = await import('@/lib/env-startup');
    const env = assertEnvAtStartup();
    const { installForwardedHeadersHook } = await import('@/lib/request/forwarded-headers-hook');
    installForwardedHeadersHook(env.TRUSTED_PROXIES);
  }
}
