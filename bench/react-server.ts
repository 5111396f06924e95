/**
 * Import first in a bench script that loads server modules (lib/db, lib/env):
 * they start with `import 'server-only'`, which resolves to an empty module only
 * under Node's `react-server` condition (as in Next.js's server bundles). Without
 * that condition this re-runs the script with it and exits with its status.
 */
import { spawnSync } from 'node:child_process';

const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const hasCondition = flags.some((flag, i) => /^(--conditions|-C)=react-server$/.test(flag) || (/^(--conditions|-C)$/.test(flag) && flags[i + 1] === 'react-server'));
if (!hasCondition) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
