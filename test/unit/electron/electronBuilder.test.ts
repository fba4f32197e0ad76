import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './paths';

const config = parse(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(
  readFileSync(join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as { properties: Record<string, unknown>; definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };

describe('electron-builder.yml', () => {
  it('sets every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("uses only fuse names electron-builder's schema knows (a misspelt fuse would be ignored)", () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(known.length).toBeGreaterThan(0);
    for (const fuse of Object.keys(config.electronFuses as object)) expect(known).toContain(fuse);
  });

  it('uses only top-level options of the schema', () => {
    for (const option of Object.keys(config)) expect(Object.keys(schema.properties)).toContain(option);
  });

  it('packages the build output, the library, and targets every platform', () => {
    expect(config).toMatchObject({
      appId: 'org.calma.console',
      productName: 'Calma',
      directories: { output: 'dist' },
      files: ['out/**', 'package.json'],
      extraResources: [{ from: 'resources/library', to: 'library' }],
      linux: { target: ['AppImage', 'deb'], category: 'Office' },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
  });
});
