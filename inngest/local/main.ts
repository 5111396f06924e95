/**
 * Runs the local Inngest executor on its own: `node inngest/local/main.ts`.
 * INNGEST_LOCAL_DATABASE_URL (admin URL, required), LOCAL_INNGEST_PORT (8288),
 * INNGEST_LOCAL_SCHEMA (inngest_local). Prints "ready <url>" once listening.
 */
import { startLocalInngest } from './server.ts';

const databaseUrl = process.env.INNGEST_LOCAL_DATABASE_URL;
if (!databaseUrl) {
  console.error('Set INNGEST_LOCAL_DATABASE_URL to a Postgres admin URL (npm run dev prints one).');
  process.exit(1);
}
const executor = await startLocalInngest({
  databaseUrl,
  port: Number(process.env.LOCAL_INNGEST_PORT ?? 8288),
  schema: process.env.INNGEST_LOCAL_SCHEMA ?? 'inngest_local',
  backoffBaseMs: process.env.INNGEST_LOCAL_BACKOFF_MS ? Number(process.env.INNGEST_LOCAL_BACKOFF_MS) : undefined,
  onLog: (line) => process.stdout.write(`${line}\n`),
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
process.stdout.write(`ready ${executor.url}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void executor.stop().then(() => process.exit(0)));
}
