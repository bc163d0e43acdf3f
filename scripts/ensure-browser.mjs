#!/usr/bin/env node
// Finds a Chromium that can load an unpacked extension (Debian's unbranded build; Google
// Chrome >= 137 ignores --load-extension). Installs Debian's `chromium` when running as root
// and it is missing; otherwise says exactly what to install. Exits non-zero if none is found.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export function findChromium() {
  const fromEnv = process.env.INSYN_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

function tryInstall() {
  if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  if (!existsSync('/usr/bin/apt-get')) return false;
  console.log('Chromium not found; installing Debian package "chromium" with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  return install.status === 0;
}

export function ensureChromium() {
  let path = findChromium();
  if (!path && tryInstall()) path = findChromium();
  if (!path) {
    console.error(
      'No Chromium found. Install it and run again:\n' +
        '  Debian/Ubuntu: sudo apt-get install chromium\n' +
        '  or set INSYN_CHROMIUM=/path/to/chromium (an unbranded Chromium; Google Chrome ignores --load-extension).',
    );
    process.exit(1);
  }
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = ensureChromium();
  let version = '';
  try {
    version = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // version is informative only
  }
  console.log(`Chromium: ${path}${version ? ` (${version})` : ''}`);
}
