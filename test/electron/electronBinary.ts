import { fileURLToPath } from 'node:url';
import { findElectronBinary, type ElectronBinary } from '../../scripts/electron-binary.mjs';

/**
 * The Electron executable for the real-Electron tests, found exactly as `npm start` finds it
 * (scripts/electron-binary.mjs): ELECTRON_OVERRIDE_DIST_PATH, then node_modules/electron/dist.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const electronBinary: ElectronBinary = findElectronBinary({ repoRoot: REPO_ROOT });

/** Why the tests cannot run here, or null when they can. */
export function skipReason(binary: ElectronBinary = electronBinary): string | null {
  if (binary.found) return null;
  return `${binary.reason} Set ELECTRON_OVERRIDE_DIST_PATH to a folder containing an Electron executable to run these tests.`;
}

/**
 * What to tell Playwright's `_electron.launch`. When `require('electron')` resolves to the binary
 * (node_modules/electron/path.txt exists), Playwright is left to find it, because it then starts
 * Electron with its own loader, which holds the app's `ready` until Playwright is attached.
 * Otherwise the executable is passed explicitly.
 */
export function launchTarget(binary: ElectronBinary = electronBinary): { executablePath?: string } {
  if (!binary.found || binary.resolvableByElectronPackage) return {};
  return { executablePath: binary.path };
}
