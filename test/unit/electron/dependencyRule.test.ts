import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths';

// The dependency rule of the design, as enforced by eslint.config.js: each restriction fires on a
// bad snippet and stays quiet on a good one. The files need not exist; only their path matters.
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'fatal'}: ${message.message}`);
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const GLOBALS = 'no-restricted-globals';

describe.each([
  ['shared/domain/example.ts'],
  ['shared/security/example.ts'],
])('%s', (file) => {
  it.each([
    ["import { x } from '../../renderer/src/app';", IMPORTS],
    ["import { x } from '../renderer/x';", IMPORTS],
    ["import { x } from '../../electron/main/window';", IMPORTS],
    ["import { x } from '../../server/db';", IMPORTS],
    ["import { app } from 'electron';", IMPORTS],
    ["import type { WebContents } from 'electron';", IMPORTS],
    ["import { readFile } from 'node:fs/promises';", IMPORTS],
    ["import { readFile } from 'fs';", IMPORTS],
    ["import { join } from 'path';", IMPORTS],
    ["import { writeFile } from 'fs/promises';", IMPORTS],
    ["import { randomUUID } from 'crypto';", IMPORTS],
    ["export { join } from 'node:path';", IMPORTS],
    ['export const w = window.innerWidth;', GLOBALS],
    ['export const t = document.title;', GLOBALS],
    ['export const l = navigator.language;', GLOBALS],
    ["export const v = localStorage.getItem('k');", GLOBALS],
    ["export const r = indexedDB.open('calma');", GLOBALS],
    ['export const e = process.env.HOME;', GLOBALS],
    ["export const b = Buffer.from('x');", GLOBALS],
  ])('flags %s', async (code, rule) => {
    expect((await problems(file, code)).some((problem) => problem.startsWith(rule))).toBe(true);
  });

  it('accepts imports of shared code, zod and web-standard globals', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { isAppUrl } from './appOrigin';",
      "import { fold } from '../text/fold';",
      'export const schema = z.string();',
      "export const ok = isAppUrl('app://calma/') && fold('Ñ') && new URL('https://example.com') && crypto.randomUUID();",
      "export const localWindow = { window: 1 }.window;",
    ].join('\n');
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('renderer/', () => {
  const file = 'renderer/src/features/answers/AnswerView.tsx';

  it.each([
    ["import { ipcRenderer } from 'electron';"],
    ["import { clipboard } from 'electron/renderer';"],
    ["import { readFile } from 'node:fs';"],
    ["import { join } from 'path';"],
    ["import { EventEmitter } from 'events';"],
    ["import { createMainWindow } from '../../../../electron/main/window';"],
    ["import { db } from '../../../../server/db';"],
  ])('flags %s', async (code) => {
    expect((await problems(file, code)).some((problem) => problem.startsWith(IMPORTS))).toBe(true);
  });

  it('accepts shared code, packages and its own folders, including a renderToString from react-dom/server', async () => {
    const code = [
      "import type { CalmaBridge } from '@shared/ipc/contract';",
      "import { fold } from '../../../../shared/text/fold';",
      "import { useLiveQuery } from 'dexie-react-hooks';",
      "import { renderToString } from 'react-dom/server';",
      "import { host } from '../../host';",
      'export const used = [fold, useLiveQuery, renderToString, host];',
      'export type Bridge = CalmaBridge;',
      'export const width = window.innerWidth + document.title.length;',
    ].join('\n');
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('electron/', () => {
  const file = 'electron/main/services/example.ts';

  it.each([
    ["import { App } from '../../../renderer/src/app/App';"],
    ["import { db } from '../../../server/db';"],
  ])('flags %s', async (code) => {
    expect((await problems(file, code)).some((problem) => problem.startsWith(IMPORTS))).toBe(true);
  });

  it('accepts Electron, Node and shared code', async () => {
    const code = [
      "import { app } from 'electron';",
      "import { readFile } from 'node:fs/promises';",
      "import { ipcContract } from '../../../shared/ipc/contract';",
      "import { isAppUrl } from '@shared/security/appOrigin';",
      'export const used = [app, readFile, ipcContract, isAppUrl, process.platform];',
    ].join('\n');
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('server/', () => {
  const file = 'server/src/routes/example.ts';

  it.each([
    ["import { App } from '../../../renderer/src/app/App';"],
    ["import { createMainWindow } from '../../../electron/main/window';"],
  ])('flags %s', async (code) => {
    expect((await problems(file, code)).some((problem) => problem.startsWith(IMPORTS))).toBe(true);
  });

  it('accepts Node and shared code', async () => {
    const code = [
      "import { createServer } from 'node:http';",
      "import { ipcContract } from '../../../shared/ipc/contract';",
      'export const used = [createServer, ipcContract];',
    ].join('\n');
    expect(await problems(file, code)).toEqual([]);
  });
});
