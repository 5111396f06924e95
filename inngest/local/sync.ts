/**
 * Asks an app to sync its functions: a PUT to its serve endpoint makes the SDK post them
 * to the executor's /fn/register (the SDK spec's "Sync Request"). Throws with the app's answer.
 */
export async function syncApp(serveUrl: string, timeoutMs = 120_000): Promise<{ message: string; modified: boolean }> {
  let response: Response;
  try {
    response = await fetch(serveUrl, { method: 'PUT', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Error(`Could not reach ${serveUrl} to sync it: ${(error as Error).message}`);
  }
  const text = await response.text();
  if (response.status !== 200) throw new Error(`Syncing ${serveUrl} failed (${response.status}): ${text.slice(0, 500)}`);
  return JSON.parse(text) as { message: string; modified: boolean };
}
