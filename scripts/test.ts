/**
 * `npm test`: the whole suite. Unit + integration (Vitest, real Postgres), then
 * `next build` and end-to-end (Playwright in Chromium against `next start`).
 * Ends with one line: "N passed, M failed".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './stack/chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): number {
  process.stdout.write(`\n=== ${title} ===\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

// 0. Types of everything (app, tests, scripts, local stack).
// `next typegen` first: it writes the route types (PageProps, LayoutProps) tsc needs.
const typegenCode = run('route types (next typegen)', bin('next'), ['typegen']);
const typecheckCode = typegenCode === 0 ? run('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) : 1;
if (typecheckCode !== 0) totals.failed += 1;

// 1. Unit and integration tests.
const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestCode = run('unit + integration (vitest)', bin('vitest'), [
  'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitestCode !== 0 && vitest.numFailedTests === 0 ? 1 : 0);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  totals.failed += 1;
}

// 2. End-to-end: build, then Playwright against `next start`.
const e2ePort = process.env.E2E_PORT ?? '3100';
let chromium: string | undefined;
try {
  chromium = ensureChromium((line) => process.stdout.write(`${line}\n`));
} catch (error) {
  process.stderr.write(`\n${(error as Error).message}\n`);
  totals.failed += 1;
}
if (chromium) {
  const buildEnv = { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e', NEXT_PUBLIC_ROOT_DOMAIN: `localhost:${e2ePort}`, NEXT_TELEMETRY_DISABLED: '1' };
  const buildCode = run('next build', bin('next'), ['build'], buildEnv);
  if (buildCode !== 0) {
    totals.failed += 1;
  } else {
    const playwrightJson = path.join(results, 'playwright.json');
    fs.rmSync(playwrightJson, { force: true });
    const e2eCode = run('end-to-end (playwright)', bin('playwright'), ['test'], {
      ...buildEnv,
      CHROMIUM_PATH: chromium,
      E2E_PORT: e2ePort,
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    });
    const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightJson);
    if (report) {
      totals.passed += report.stats.expected;
      totals.failed += report.stats.unexpected + report.stats.flaky + (e2eCode !== 0 && report.stats.unexpected === 0 ? 1 : 0);
      totals.skipped += report.stats.skipped;
    } else {
      totals.failed += 1;
    }
  }
}

const seconds = Math.round((Date.now() - started) / 1000);
process.stdout.write(`\nScreenshots and reports: test-results/ (took ${seconds}s)\n`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exit(totals.failed === 0 ? 0 : 1);
