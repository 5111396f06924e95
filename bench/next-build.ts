import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
/** What `next build` reads (tests excluded): a change in any of these means a new build. */
const SOURCES = [
  'app', 'components', 'lib', 'middleware.ts', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json',
  'tsconfig.json', 'tsconfig.app.json', 'postcss.config.mjs', 'tailwind.config.ts',
];
const STAMP = 'bench-build-complete';

/**
 * `next build` into `distDir` (its own folder, so the dev server's and the e2e
 * build are untouched), unless a complete build there is newer than every source file.
 */
export function ensureBuild(distDir: string, log: (line: string) => void): void {
  const stamp = path.join(root, distDir, STAMP);
  const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  if (builtAt > newestSource()) {
    log(`Reusing the build in ${distDir}/ (newer than every source file).`);
    return;
  }
  log(`Building the app into ${distDir}/ (next build)…`);
  fs.rmSync(stamp, { force: true });
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (${result.status ?? result.signal}): see its output above.`);
  fs.writeFileSync(stamp, new Date().toISOString());
}

function newestSource(): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs); // a file removed
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    } else if (!/\.test\.tsx?$/.test(file)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const source of SOURCES) visit(path.join(root, source));
  return newest;
}
