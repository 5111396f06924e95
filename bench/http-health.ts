/**
 * Requests/s and latency of GET /api/health (Next.js + middleware + one DB round trip)
 * against a running server (npm run dev, or next start). Loopback only.
 * Run: node bench/http-health.ts [url=http://127.0.0.1:3000/api/health] [total=2000] [concurrency=20]
 */
import { drive, summarize } from './stats.ts';

const url = new URL(process.argv[2] ?? 'http://127.0.0.1:3000/api/health');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !url.hostname.endsWith('.localhost')) {
  console.error('This benchmark only targets loopback addresses.');
  process.exit(1);
}
const total = Number(process.argv[3] ?? 2000);
const concurrency = Number(process.argv[4] ?? 20);
await fetch(url); // warm up (dev compiles on first request)
const run = await drive(total, concurrency, async () => {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(String(response.status));
});
console.log(summarize(`GET ${url.pathname}`, run.samples, run.wallMs, run.errors));
