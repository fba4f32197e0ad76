// Where the Electron executable is, if there is one. Used by `npm start` (start.mjs) and by the
// real-Electron tests (test/electron/electronBinary.ts), so both look in the same places.
//
// The `electron` npm package does not contain Electron: its postinstall script downloads the
// binary into node_modules/electron/dist and records the executable's name in path.txt. Where that
// script did not run (npm 11 blocks dependency install scripts until they are approved) or could
// not download, there is no binary, unless ELECTRON_OVERRIDE_DIST_PATH names a folder holding one.

import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The executable's path inside an Electron distribution folder, per platform. */
export function executableInDist(platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * @param {{ repoRoot: string, env?: Record<string, string | undefined>, platform?: string }} options
 * @returns {{ found: true, path: string, source: string, resolvableByElectronPackage: boolean }
 *   | { found: false, looked: string[], reason: string }}
 */
export function findElectronBinary({ repoRoot, env = process.env, platform = process.platform }) {
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  const recorded = readRecordedExecutable(packageDir);

  const candidates = [];
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    candidates.push({
      path: join(env.ELECTRON_OVERRIDE_DIST_PATH, recorded ?? executableInDist(platform)),
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
    });
  }
  if (recorded !== null) {
    candidates.push({ path: join(packageDir, 'dist', recorded), source: 'node_modules/electron/dist' });
  }

  for (const candidate of candidates) {
    if (isExecutableFile(candidate.path)) {
      // When path.txt exists, `require('electron')` in Node resolves to this same executable;
      // Playwright then launches it with its own loader, which it prefers.
      return { found: true, ...candidate, resolvableByElectronPackage: recorded !== null };
    }
  }

  const looked = candidates.map((candidate) => candidate.path);
  const reason =
    looked.length === 0
      ? 'No Electron binary: node_modules/electron/path.txt is missing (the electron package downloads ' +
        'its binary in a postinstall script, which did not run) and ELECTRON_OVERRIDE_DIST_PATH is not set.'
      : `No Electron executable at ${looked.join(' or ')}.`;
  return { found: false, looked, reason };
}

/** How to get the binary, for people reading the message on a machine without it. */
export const HOW_TO_INSTALL_ELECTRON = [
  'On a machine with network access, either:',
  '  npm install-scripts approve electron && npm rebuild electron   (npm 11 blocks install scripts until approved)',
  '  node node_modules/electron/install.js                          (runs the download directly)',
  'or point ELECTRON_OVERRIDE_DIST_PATH at a folder that contains an Electron executable.',
].join('\n');

function readRecordedExecutable(packageDir) {
  try {
    const recorded = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    return recorded === '' ? null : recorded;
  } catch {
    return null;
  }
}

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
