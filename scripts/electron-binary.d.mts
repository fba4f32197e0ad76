// Types for electron-binary.mjs (TypeScript here does not read .mjs files).
export type ElectronBinary =
  | { found: true; path: string; source: string; resolvableByElectronPackage: boolean }
  | { found: false; looked: string[]; reason: string };

export declare function executableInDist(platform: string): string;
export declare function findElectronBinary(options: {
  repoRoot: string;
  env?: Record<string, string | undefined>;
  platform?: string;
}): ElectronBinary;
export declare const HOW_TO_INSTALL_ELECTRON: string;
