import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Helpers shared by the browser end-to-end tests. Expected values come from the shipped YAML
 * itself (read here with the yaml package, not through Calma's own parser), so a test checks the
 * console against the library file, not against the code under test.
 */

export interface ShippedAnswer {
  id: string;
  title: { es: string; en: string };
  tags: string[];
  scenarios: string[];
  variables: { name: string; label: { es: string; en: string } }[];
  revisions: { id: string; number: number; texts: Record<'es' | 'en', Record<string, string>> }[];
}

const LIBRARY_PATH = fileURLToPath(new URL('../../resources/library/answers.yaml', import.meta.url));
export const SHIPPED: ShippedAnswer[] = (parse(readFileSync(LIBRARY_PATH, 'utf8')) as { answers: ShippedAnswer[] }).answers;
export const SHIPPED_COUNT = SHIPPED.length;

export function shipped(id: string): ShippedAnswer {
  const answer = SHIPPED.find((a) => a.id === id);
  if (!answer) throw new Error(`no shipped answer ${id}`);
  return answer;
}

/** The title the list shows first on a fresh start: titles sorted as the locale sorts them. */
export function firstTitle(lang: 'es' | 'en'): string {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return SHIPPED.map((a) => a.title[lang]).sort(collator.compare)[0]!;
}

export const countText = (n: number, lang: 'es' | 'en' = 'en') => (lang === 'en' ? `${n} answers` : `${n} respuestas`);

export async function grantClipboard(context: BrowserContext, appUrl: string): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl).origin });
}

export const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
export const writeClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);

/** Puts a marker on the clipboard, so a test can tell "nothing was copied" from "copied the same". */
export async function markClipboard(page: Page): Promise<string> {
  const marker = `calma-e2e-marker-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await writeClipboard(page, marker);
  expect(await readClipboard(page)).toBe(marker);
  return marker;
}

export const resultCount = (page: Page) => page.locator('#result-count');
export const search = (page: Page) => page.getByTestId('desk-search');
export const resultList = (page: Page) => page.getByRole('listbox', { name: /^(Answers|Respuestas)$/ });
export const copyDialog = (page: Page) => page.getByRole('dialog').filter({ has: page.locator('#copy-title') });
export const copyPreview = (page: Page) => page.getByTestId('copy-preview');
export const toast = (page: Page) => page.getByTestId('toast');
export const nav = (page: Page) => page.getByRole('navigation');

export type View = 'incidents' | 'answers' | 'playbooks' | 'summary' | 'settings';
const VIEW_LABEL: Record<View, RegExp> = {
  incidents: /^(Incidents|Incidentes)$/,
  answers: /^(Answers|Respuestas)$/,
  playbooks: /^(Playbooks|Protocolos)$/,
  summary: /^(Summary|Resumen)$/,
  settings: /^(Settings|Ajustes)$/,
};

export async function goTo(page: Page, view: View): Promise<void> {
  const label = VIEW_LABEL[view];
  await nav(page).getByRole('button', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeAttached();
}

/** Settings → Your name. */
export async function setName(page: Page, name: string): Promise<void> {
  await goTo(page, 'settings');
  const field = page.getByRole('textbox', { name: /^(Your name|Tu nombre)$/ });
  await field.fill(name);
  await expect(field).toHaveValue(name);
}

/** Settings → Import library…, answering the browser's file chooser with `text` named `name`. */
export async function importLibrary(page: Page, name: string, text: string): Promise<void> {
  await goTo(page, 'settings');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^(Import library…|Importar biblioteca…)$/ }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text, 'utf8') });
}

/** Settings → Export as JSON; returns the downloaded file's text. */
export async function exportJson(page: Page): Promise<string> {
  await goTo(page, 'settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^(Export as JSON|Exportar en JSON)$/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^calma-answers-\d{4}-\d{2}-\d{2}\.json$/);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Types a query in the desk's search box and waits for the count to settle on `expected`. */
export async function searchFor(page: Page, query: string, expected?: RegExp | string): Promise<void> {
  await search(page).fill(query);
  if (expected !== undefined) await expect(resultCount(page)).toHaveText(expected);
}

/** The result row whose title is exactly `title` (a row's accessible name also holds its status and tags). */
export const resultRow = (page: Page, title: string) =>
  resultList(page).getByRole('option').filter({ has: page.locator('.answer-row-title').getByText(title, { exact: true }) });

/** Selects a result row by its title (a click, as a person would) and waits for its detail. */
export async function selectAnswer(page: Page, title: string): Promise<void> {
  await resultRow(page, title).click();
  await expect(page.locator('#answer-title')).toHaveText(title);
}

/** A minimal valid answer in the exchange format (YAML), for import tests. */
export function answerYaml(opts: {
  id: string;
  title: string;
  x: string;
  approval?: { at: string; expiresAt: string | null; by?: string };
  extraRevisionYaml?: string;
}): string {
  const { id, title, x, approval } = opts;
  const lines = [
    `  - id: ${id}`,
    `    title: { es: ${JSON.stringify(title)}, en: ${JSON.stringify(title)} }`,
    `    tags: [e2e]`,
    `    createdAt: "2025-01-01T09:00:00Z"`,
    `    createdBy: e2e-author`,
    `    revisions:`,
    `      - id: ${id}.r1`,
    `        number: 1`,
    `        basedOn: null`,
    `        createdAt: "2025-01-01T09:00:00Z"`,
    `        createdBy: e2e-author`,
    `        texts:`,
    `          es: { x: ${JSON.stringify(x)} }`,
    `          en: { x: ${JSON.stringify(x)} }`,
  ];
  if (approval) {
    lines.push(
      `    approvals:`,
      `      - id: ${id}.a1`,
      `        revisionId: ${id}.r1`,
      `        kind: approve`,
      `        by: ${approval.by ?? 'e2e-approver'}`,
      `        at: ${JSON.stringify(approval.at)}`,
      `        expiresAt: ${approval.expiresAt === null ? 'null' : JSON.stringify(approval.expiresAt)}`,
    );
  }
  return lines.join('\n');
}

export const libraryYaml = (...answers: string[]) => ['format: calma.answers', 'version: 1', 'answers:', ...answers, ''].join('\n');

// ——— Incidents and the executive summary ———

export interface ShippedPlaybookStep {
  id: string;
  role: string;
  offsetMinutes: number;
  required: boolean;
  answerIds: string[];
  text: { es: string; en: string };
}
export interface ShippedPlaybook {
  id: string;
  title: { es: string; en: string };
  scenario: string;
  lastReviewedAt: string | null;
  revisions: {
    id: string;
    number: number;
    whenToUse: { es: string; en: string };
    severities: { level: 'low' | 'medium' | 'high' | 'critical'; meaning: { es: string; en: string } }[];
    steps: ShippedPlaybookStep[];
  }[];
  approvals: { id: string; revisionId: string; kind: string; by: string; at: string; expiresAt: string | null }[];
}

const PLAYBOOKS_PATH = fileURLToPath(new URL('../../resources/library/playbooks.yaml', import.meta.url));
export const SHIPPED_PLAYBOOKS: ShippedPlaybook[] = (parse(readFileSync(PLAYBOOKS_PATH, 'utf8')) as { playbooks: ShippedPlaybook[] }).playbooks;

export function shippedPlaybook(id: string): ShippedPlaybook {
  const playbook = SHIPPED_PLAYBOOKS.find((p) => p.id === id);
  if (!playbook) throw new Error(`no shipped playbook ${id}`);
  return playbook;
}

/** A step's title as the checklist shows it: its first line, without Markdown marks. */
export const stepTitle = (step: ShippedPlaybookStep, lang: 'es' | 'en' = 'en') => step.text[lang].split('\n')[0]!.replace(/[*_`#]/g, '');

/** "T+5 min", "T+1 h 30 min", "T+1 d": the whiteboard offset, written here independently of the app. */
export function tPlus(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return `T+${d} d${h ? ` ${h} h` : ''}`;
  if (h) return `T+${h} h${m ? ` ${m} min` : ''}`;
  return `T+${m} min`;
}

/**
 * Opens the console (for tests that must set things up before the first load, such as the
 * clock) and waits, as the desk fixture does, until the library is loaded and indexed.
 */
export async function openConsole(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await expect(resultCount(page)).toHaveText(/^\s*\d+ (answers?|respuestas?)$/, { timeout: 20_000 });
}

export const declareDialog = (page: Page) => page.getByRole('dialog').filter({ has: page.locator('#declare-title') });
export const incidentList = (page: Page) => page.locator('aside.incident-list');
export const incidentDetail = (page: Page) => page.locator('section.detail.incident');
export const checklistSteps = (page: Page) => page.getByTestId('checklist-step');
export const timeline = (page: Page) => page.getByTestId('timeline');
export const timelineRows = (page: Page) => timeline(page).locator('article.timeline-row');
export const summaryCards = (page: Page) => page.getByTestId('summary-card');

/** The checklist row whose title is `title`. */
export const stepRow = (page: Page, title: string) =>
  checklistSteps(page).filter({ has: page.locator('.step-title').getByText(title, { exact: true }) });

/**
 * Incidents → "Declare incident", picks `playbookTitle` (or none), sets a title if given, and
 * presses Enter in the form. Waits until the new incident is the one on screen.
 */
export async function declareIncident(page: Page, opts: { playbookTitle?: string; title?: string; steps?: number } = {}): Promise<void> {
  await goTo(page, 'incidents');
  await page.getByTestId('declare-button').click();
  const dialog = declareDialog(page);
  await expect(dialog).toBeVisible();
  if (opts.playbookTitle) {
    // The playbooks load after the answers on a first start: selectOption waits for the option.
    await dialog.getByTestId('declare-playbook').selectOption({ label: opts.playbookTitle });
    if (opts.steps !== undefined) await expect(dialog.getByText(new RegExp(`^${opts.steps} (steps?|pasos?) `))).toBeVisible();
  }
  const title = dialog.getByTestId('declare-title');
  const expected = opts.title ?? opts.playbookTitle!;
  if (opts.title !== undefined) {
    await title.fill(opts.title);
    await title.press('Enter');
  } else {
    // The playbook's title fills the incident's; Enter right where the playbook was picked declares.
    await expect(title).toHaveValue(expected);
    await expect(dialog.getByTestId('declare-playbook')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(dialog).toBeHidden();
  await expect(page.locator('#incident-title')).toHaveText(expected);
}

// ——— Playbooks ———

export const playbookCount = (page: Page) => page.locator('#playbook-count');
export const playbookFilter = (page: Page) => page.getByTestId('playbook-filter');
export const playbookList = (page: Page) => page.getByRole('listbox', { name: /^(Playbooks|Protocolos)$/ });
export const playbookDetail = (page: Page) => page.getByTestId('playbook-detail');
export const playbookSteps = (page: Page) => playbookDetail(page).getByTestId('playbook-step');

/** The list row whose title is exactly `title`. */
export const playbookRow = (page: Page, title: string) =>
  playbookList(page).getByRole('option').filter({ has: page.locator('.playbook-row-title').getByText(title, { exact: true }) });

/** Playbooks view, waiting until the library is loaded (the playbooks load after the answers on a first start). */
export async function openPlaybooks(page: Page, count: number, lang: 'es' | 'en' = 'en'): Promise<void> {
  await goTo(page, 'playbooks');
  await expect(playbookCount(page)).toHaveText(lang === 'en' ? `${count} playbooks` : `${count} protocolos`);
}

/** Selects a playbook by its title (a click) and waits for its detail. */
export async function selectPlaybook(page: Page, title: string): Promise<void> {
  await playbookRow(page, title).click();
  await expect(page.locator('#playbook-title')).toHaveText(title);
}

/** Playbooks → Export playbooks as YAML/JSON; returns the downloaded file's text. */
export async function exportPlaybooks(page: Page, as: 'yaml' | 'json'): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: as === 'json' ? 'Export playbooks as JSON' : 'Export playbooks as YAML' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^calma-playbooks-\\d{4}-\\d{2}-\\d{2}\\.${as}$`));
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Playbooks → Import playbooks…, answering the browser's file chooser with `text` named `name`. */
export async function importPlaybooks(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import playbooks…' }).click();
  await (await chooser).setFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'application/yaml', buffer: Buffer.from(text, 'utf8') });
}

/** One read of a whole store of the console's IndexedDB, with the browser's own API (not Dexie). */
function readStore<T>(page: Page, store: string, read: 'count' | 'getAll'): Promise<T> {
  return page.evaluate(
    ([name, how]) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('calma');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const objects = db.transaction(name, 'readonly').objectStore(name);
          const request = how === 'count' ? objects.count() : objects.getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [store, read] as const,
  );
}

/** How many rows a store of the console's IndexedDB holds. */
export function countRows(page: Page, store: string): Promise<number> {
  return readStore<number>(page, store, 'count');
}

/** Every row of a store of the console's IndexedDB, as stored (tombstones included). */
export function storedRows<T>(page: Page, store: string): Promise<T[]> {
  return readStore<T[]>(page, store, 'getAll');
}

/** A minimal valid playbook in the exchange format (YAML), for import tests; `stepIds` name its steps. */
export function playbookYaml(opts: { id: string; title: string; revisionId?: string; stepIds: string[]; stepText?: string }): string {
  const { id, title, stepIds } = opts;
  const lines = [
    `  - id: ${id}`,
    `    title: { es: ${JSON.stringify(title)}, en: ${JSON.stringify(title)} }`,
    `    scenario: negative-wave`,
    `    createdAt: "2025-01-01T09:00:00Z"`,
    `    createdBy: e2e-author`,
    `    revisions:`,
    `      - id: ${opts.revisionId ?? `${id}.r1`}`,
    `        number: 1`,
    `        whenToUse: { es: "Cuando haga falta.", en: "When needed." }`,
    `        severities: []`,
    `        createdAt: "2025-01-01T09:00:00Z"`,
    `        createdBy: e2e-author`,
    `        steps:`,
  ];
  stepIds.forEach((stepId, n) =>
    lines.push(
      `          - id: ${stepId}`,
      `            role: comms-lead`,
      `            offsetMinutes: ${n * 10}`,
      `            text: { es: ${JSON.stringify(opts.stepText ?? `Paso ${n + 1}`)}, en: ${JSON.stringify(opts.stepText ?? `Step ${n + 1}`)} }`,
    ),
  );
  return lines.join('\n');
}

export const playbooksYaml = (...playbooks: string[]) => ['format: calma.playbooks', 'version: 1', 'playbooks:', ...playbooks, ''].join('\n');

/** The text of a PDF as pdftotext reads it (poppler-utils), whitespace collapsed to single spaces. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'calma-pdf-'));
  try {
    const file = join(dir, 'printed.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
