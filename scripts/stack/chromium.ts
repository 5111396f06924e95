import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Finds the Chromium the browser tests use. On Debian as root, installs the
 * distribution's package when it is missing; anywhere else explains how to get one.
 */
export function ensureChromium(log: (line: string) => void): string {
  const configured = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(configured)) return configured;
  const debian = fs.existsSync('/etc/debian_version');
  const root = process.getuid?.() === 0;
  if (debian && root && !process.env.CHROMIUM_PATH) {
    log('Chromium is missing: installing Debian\'s chromium package (apt-get)…');
    const apt = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    execFileSync('apt-get', ['update', '-qq'], apt);
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], apt);
    if (fs.existsSync(configured)) return configured;
  }
  throw new Error(
    `No Chromium at ${configured}. The browser tests need one:\n` +
      '  Debian/Ubuntu: sudo apt-get install chromium   (then /usr/bin/chromium exists)\n' +
      '  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH to its executable.',
  );
}
