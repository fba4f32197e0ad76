import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths';

// A sandboxed preload cannot load files: the built preload must be one self-contained script.
const BUILT_PRELOAD = join(REPO_ROOT, 'out', 'preload', 'index.cjs');

function builtPreload(): string {
  if (!existsSync(BUILT_PRELOAD)) {
    throw new Error(`${BUILT_PRELOAD} does not exist: run \`npm run build\` first (the test runner builds before unit tests).`);
  }
  return readFileSync(BUILT_PRELOAD, 'utf8');
}

describe('built out/preload/index.cjs', () => {
  it("requires nothing but 'electron'", () => {
    const required = [...builtPreload().matchAll(/\brequire\s*\(\s*([^)]*?)\s*\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['"electron"']));
  });

  it('is CommonJS with no ES module syntax or dynamic import', () => {
    const code = builtPreload();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('exposes the bridge through contextBridge', () => {
    expect(builtPreload()).toMatch(/exposeInMainWorld/);
  });
});
