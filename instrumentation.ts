/**
 * Runs once when a server instance starts: validate the environment so a missing
 * or malformed variable stops start-up with a message naming it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertEnvAtStartup } = await import('@/lib/env-startup');
    assertEnvAtStartup();
  }
}
