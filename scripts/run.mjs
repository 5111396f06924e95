// Entry point of `npm run dev` and `npm test` (plain JavaScript so it runs on the
// machine's Node 20 too). On a fresh clone it installs the dependencies from the
// lockfile first; then it runs the TypeScript script on the pinned Node 22.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run.mjs <script.ts> [args]');
  process.exit(2);
}

const installed = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
const stale = !fs.existsSync(installed) || fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs + 1000;
if (stale) {
  const fresh = !fs.existsSync(installed);
  // `npm install` honours the lockfile; `npm ci` refuses it when the registry lacks
  // optional packages for other platforms (some @tailwindcss/oxide builds here).
  console.log(fresh ? 'Installing dependencies…' : 'package-lock.json changed: installing…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Installing dependencies failed (see above). Check your connection to the npm registry and try again.');
    process.exit(result.status ?? 1);
  }
}

const node22 = path.join(root, 'node_modules', '.bin', 'node');
if (!fs.existsSync(node22)) {
  console.error('node_modules/.bin/node (the pinned Node 22) is missing: run `npm ci` and check that its install script ran.');
  process.exit(1);
}
const binDir = path.join(root, 'node_modules', '.bin');
const child = spawn(node22, [path.join(root, script), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` },
});
// Pass stop signals on (Ctrl-C reaches both anyway; a plain `kill` of this process would not).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
