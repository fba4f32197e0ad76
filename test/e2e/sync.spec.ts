import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { declareIncident, goTo, openConsole, setName, shippedPlaybook, stepRow, stepTitle, timeline } from './helpers';

/**
 * Team sync in the browser console, against the real team server (a child process on loopback,
 * PGlite in a temporary folder): two people enrol, both go offline, both work on the same
 * incident, both come back, and both consoles end up showing the same thing, disputed step included.
 */
const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const MAIN = join(process.cwd(), 'server/src/main.ts');
const HIJACKED = shippedPlaybook('calma.playbook.hijacked-account');
const STEPS = HIJACKED.revisions.at(-1)!.steps;
const [STEP1, STEP2] = STEPS.map((s) => stepTitle(s));

let dataDir: string;
let server: ChildProcess | null = null;
let serverUrl: string;
const codes: { ana: string; luis: string } = { ana: '', luis: '' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function admin(...args: string[]): Promise<{ code: string }> {
  const { stdout } = await run(TSX, [MAIN, 'admin', ...args, '--json'], { env: { ...process.env, CALMA_DATA_DIR: dataDir, LOG_LEVEL: 'error' } });
  const printed = JSON.parse(stdout.trim().split('\n').at(-1)!) as { code?: string; admin?: { code: string } };
  return { code: printed.admin?.code ?? printed.code! };
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'calma-e2e-server-'));
  codes.ana = (await admin('create-team', '--name', 'Equipo de crisis', '--admin', 'Ana Ortega')).code;
  codes.luis = (await admin('invite', '--name', 'Luis Pardo', '--role', 'lead')).code;
  const port = await freePort();
  serverUrl = `http://127.0.0.1:${port}`;
  server = spawn(TSX, [MAIN], { env: { ...process.env, CALMA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: 'inherit' });
  await expect
    .poll(async () => (await fetch(`${serverUrl}/health`).then((r) => r.status).catch(() => 0)), { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function join_(page: Page, name: string, code: string): Promise<void> {
  await setName(page, name);
  await goTo(page, 'settings');
  const team = page.getByTestId('team-settings');
  await team.getByLabel('Team server address').fill(serverUrl);
  await team.getByLabel('Enrolment code').fill(code);
  await team.getByLabel('Name of this machine').fill(`${name}'s laptop`);
  await team.getByRole('button', { name: 'Join the team' }).click();
  await expect(page.getByTestId('team-person')).toHaveText(name);
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
}

const synced = (page: Page) => expect(page.getByTestId('sync-status')).toHaveText(/^Up to date · synced /, { timeout: 20_000 });

test('two consoles offline on the same incident converge when back online, and show the disputed step', async ({ browser, appUrl }) => {
  const anaContext = await browser.newContext();
  const luisContext = await browser.newContext();
  const ana = await anaContext.newPage();
  const luis = await luisContext.newPage();
  await openConsole(ana, appUrl);
  await openConsole(luis, appUrl);

  await join_(ana, 'Ana Ortega', codes.ana);
  await expectAccessible(ana, 'settings, in a team');
  await join_(luis, 'Luis Pardo', codes.luis);

  // Ana declares; Luis receives it live (the server pokes his console).
  await declareIncident(ana, { playbookTitle: HIJACKED.title.en, steps: STEPS.length });
  await synced(ana);
  await goTo(luis, 'incidents');
  await luis.locator('aside.incident-list button.incident-link', { hasText: HIJACKED.title.en }).click({ timeout: 20_000 });
  await expect(luis.locator('#incident-title')).toHaveText(HIJACKED.title.en, { timeout: 20_000 });

  // Both lose the network and keep working.
  await anaContext.setOffline(true);
  await luisContext.setOffline(true);
  await expect(ana.getByTestId('sync-status')).toContainText('Offline', { timeout: 20_000 });

  await stepRow(ana, STEP1!).getByRole('checkbox').check();
  await stepRow(ana, STEP2!).getByRole('checkbox').check();
  await stepRow(luis, STEP1!).getByRole('checkbox').check();
  await stepRow(luis, STEP1!).getByRole('checkbox').uncheck();
  await expect(ana.getByTestId('sync-status')).toContainText('changes waiting');
  await expect(luis.getByTestId('sync-status')).toContainText('changes waiting');

  // Back online: both push, pull and settle on one state.
  await anaContext.setOffline(false);
  await luisContext.setOffline(false);
  await synced(ana);
  await synced(luis);
  for (const page of [ana, luis]) await goTo(page, 'incidents');

  for (const page of [ana, luis]) {
    await expect(stepRow(page, STEP2!).getByRole('checkbox')).toBeChecked({ timeout: 20_000 });
    await expect(stepRow(page, STEP1!).getByTestId('step-disputed')).toBeVisible({ timeout: 20_000 });
    await expect(timeline(page)).toContainText('Luis Pardo');
  }
  const shown = await stepRow(ana, STEP1!).getByRole('checkbox').isChecked();
  await expect(stepRow(luis, STEP1!).getByRole('checkbox')).toBeChecked({ checked: shown });
  await expectAccessible(ana, 'incident with a disputed step');

  // Luis settles it; Ana sees the dispute go.
  await stepRow(luis, STEP1!).getByRole('button', { name: /^Confirm / }).click();
  await expect(stepRow(ana, STEP1!).getByTestId('step-disputed')).toHaveCount(0, { timeout: 20_000 });

  await anaContext.close();
  await luisContext.close();
});
