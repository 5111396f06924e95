/**
 * The local auth + Realtime server in a process of its own, so the benchmark can read its
 * resident memory apart from the clients. Used by bench/realtime-latency.ts:
 * node bench/support/realtime-server.ts <port> <authDbUrl> <realtimeDbUrl> <keysFile>
 */
import { startAuthServer } from '../../supabase/local/auth/server.ts';

const [port, authDbUrl, realtimeDbUrl, keysFile] = process.argv.slice(2);
if (!port || !authDbUrl || !realtimeDbUrl || !keysFile) {
  console.error('usage: node bench/support/realtime-server.ts <port> <authDbUrl> <realtimeDbUrl> <keysFile>');
  process.exit(2);
}
const server = await startAuthServer({
  port: Number(port),
  databaseUrl: authDbUrl,
  keysFile,
  siteUrl: 'http://localhost:3000',
  realtime: { databaseUrl: realtimeDbUrl },
  onLog: (line) => {
    if (!line.startsWith('auth: listening') && !line.startsWith('realtime: listening')) process.stderr.write(`${line}\n`);
  },
});
process.stdout.write(`${JSON.stringify({ url: server.url, publishableKey: server.publishableKey })}\n`);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
