import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { IPC_CHANNELS, type CalmaBridge } from '../../shared/ipc/contract';
import { launchTarget, REPO_ROOT, skipReason } from './electronBinary';

// The security baseline, checked in a real Electron: the built app (npm run build) launched from
// the repository with a throwaway profile. Skipped, with the reason, where no Electron binary exists.

const reason = skipReason();
test.skip(reason !== null, reason ?? '');
test.describe.configure({ mode: 'serial' });

/** What the tests reach in the page and in the main process. */
type PageGlobals = typeof globalThis & { calma: CalmaBridge; require?: unknown; process?: unknown };
type MainGlobals = typeof globalThis & { calmaTest: { openedExternally: string[]; navigationAttempts: string[] } };

const APP_DOCUMENT = /^app:\/\/calma\/index\.html(#.*)?$/;

let app: ElectronApplication;
let page: Page;
let userDataDir: string;

test.beforeAll(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'calma-electron-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  delete env.ELECTRON_RUN_AS_NODE;

  app = await _electron.launch({
    ...launchTarget(),
    args: ['.'],
    cwd: REPO_ROOT,
    env: { ...env, CALMA_USER_DATA_DIR: userDataDir },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');

  // Nothing a test does may reach the user's real browser: the OS hand-off is replaced by a
  // recorder (Playwright's documented way to stub main-process modules), after the allow-list.
  const stubbed = await app.evaluate(({ shell }) => {
    const state = { openedExternally: [] as string[], navigationAttempts: [] as string[] };
    (globalThis as MainGlobals).calmaTest = state;
    const recorder = async (url: string) => {
      state.openedExternally.push(url);
    };
    shell.openExternal = recorder;
    return shell.openExternal === recorder;
  });
  expect(stubbed).toBe(true);
});

test.afterAll(async () => {
  await app?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('opens one window titled Calma, loaded from app://calma, with the test profile', async () => {
  const state = await app.evaluate(({ app: electronApp, BrowserWindow }) => ({
    windows: BrowserWindow.getAllWindows().length,
    title: BrowserWindow.getAllWindows()[0]?.getTitle(),
    userData: electronApp.getPath('userData'),
  }));
  expect(state.windows).toBe(1);
  expect(state.title).toContain('Calma');
  expect(state.userData).toBe(userDataDir);
  expect(page.url()).toMatch(APP_DOCUMENT);
});

test('the window runs with the secure web preferences', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences is undocumented (so untyped) but is what Electron's own tests use.
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown> | null;
    };
    const all = contents.getLastWebPreferences() ?? {};
    return {
      contextIsolation: all.contextIsolation,
      sandbox: all.sandbox,
      nodeIntegration: all.nodeIntegration,
      nodeIntegrationInWorker: all.nodeIntegrationInWorker,
      webSecurity: all.webSecurity,
      webviewTag: all.webviewTag,
    };
  });
  expect(preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    webviewTag: false,
  });
});

test('the page sees exactly the contract on window.calma, and no Node', async () => {
  const seen = await page.evaluate(() => {
    const globals = globalThis as PageGlobals;
    return {
      methods: Object.keys(globals.calma).sort(),
      allFunctions: Object.values(globals.calma).every((method) => typeof method === 'function'),
      require: typeof globals.require,
      process: typeof globals.process,
    };
  });
  expect(seen.methods).toEqual([...IPC_CHANNELS].sort());
  expect(seen.allFunctions).toBe(true);
  expect(seen.require).toBe('undefined');
  expect(seen.process).toBe('undefined');
});

test('a request the contract refuses is rejected with its code', async () => {
  const message = await page.evaluate(() =>
    (globalThis as PageGlobals).calma['secrets.get']({ key: '../../etc/passwd' }).then(
      () => 'resolved',
      (error: Error) => error.message,
    ),
  );
  expect(message).toMatch(/^\[invalid\] /);
});

test("window.calma['clipboard.writeText'] reaches the system clipboard", async () => {
  const text = `Calma e2e ${Date.now()}`;
  const result = await page.evaluate((value) => (globalThis as PageGlobals).calma['clipboard.writeText']({ text: value }), text);
  expect(result).toEqual({ ok: true });
  await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toBe(text);
});

test('window.open is denied; an https link is handed to the allow-list, a file: link is not opened', async () => {
  const results = await page.evaluate(() => [
    window.open('https://example.com/') === null,
    window.open('file:///etc/passwd') === null,
  ]);
  expect(results).toEqual([true, true]);
  expect(app.windows()).toHaveLength(1);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await expect
    .poll(() => app.evaluate(() => (globalThis as MainGlobals).calmaTest.openedExternally))
    .toEqual(['https://example.com/']);
});

test('navigating the window to https://example.com is denied', async () => {
  await app.evaluate(({ BrowserWindow }) => {
    const { navigationAttempts } = (globalThis as MainGlobals).calmaTest;
    BrowserWindow.getAllWindows()[0]?.webContents.on('will-navigate', (event) => {
      navigationAttempts.push(event.url);
    });
  });
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });

  // The attempt reached the main process…
  await expect
    .poll(() => app.evaluate(() => (globalThis as MainGlobals).calmaTest.navigationAttempts))
    .toContain('https://example.com/');
  // …and, given time to commit had it been allowed, the window is still on the app.
  await page.waitForTimeout(500);
  const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
  expect(url).toMatch(APP_DOCUMENT);
  expect(page.url()).toMatch(APP_DOCUMENT);
});

test('the page is granted no permission', async () => {
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
});

test('the Content-Security-Policy blocks an injected inline script', async () => {
  // (Not eval: code run through Playwright's evaluate is exempt from the CSP's eval check.)
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'globalThis.calmaInlineScriptRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { ran: (globalThis as { calmaInlineScriptRan?: boolean }).calmaInlineScriptRan === true, violations };
  });
  expect(result.ran).toBe(false);
  expect(result.violations).toContain('script-src-elem');
});

test('the page is cross-origin isolated, so search answers come back through shared memory', async () => {
  // app:// sends COOP and COEP (shared/security/isolation.ts); without them the search worker falls
  // back to messages, which Chromium delivers a frame late after each keystroke.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});
