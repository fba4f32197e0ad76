import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  copyDialog,
  copyPreview,
  countText,
  goTo,
  grantClipboard,
  markClipboard,
  readClipboard,
  resultCount,
  resultList,
  search,
  searchFor,
  shipped,
  SHIPPED,
  SHIPPED_COUNT,
  toast,
  type ShippedAnswer,
} from './helpers';

/**
 * Search as you type (accent- and plural-tolerant), keyboard into the list, fill the blanks, copy
 * exactly the filled text, and see the copy in the log. Then the same in one breath from the
 * command palette.
 */

test.use({ locale: 'en-US' });

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** Reference matcher: answers with a word starting with every query word, accents and case ignored. */
function expectedHits(query: string): ShippedAnswer[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  return SHIPPED.filter((a) => {
    const all = [a.title.es, a.title.en, ...a.tags, ...a.scenarios]
      .concat(a.revisions.flatMap((r) => (['es', 'en'] as const).flatMap((l) => Object.values(r.texts[l]))));
    const words = fold(all.join(' ')).match(/\p{L}+/gu) ?? [];
    return terms.every((t) => words.some((w) => w.startsWith(t)));
  });
}

async function visibleTitles(page: Page): Promise<string[]> {
  return (await resultList(page).locator('.answer-row-title').allTextContents()).sort();
}

const rawLibrary = readFileSync(fileURLToPath(new URL('../../resources/library/answers.yaml', import.meta.url)), 'utf8');

test('search ignores accents, and finds plurals from a singular and singulars from a plural', async ({ desk: page }) => {
  // Preconditions on the library: these words exist only accented / only in the plural.
  expect(rawLibrary).toContain('filtración');
  expect(rawLibrary.toLowerCase()).not.toContain('filtracion');
  expect(rawLibrary).toContain('compañeros');
  expect(rawLibrary).not.toMatch(/compa[nñ]ero\b/);

  // "filtracion" (no accent) must find the answers that say "filtración".
  const leak = expectedHits('filtracion');
  expect(leak.length).toBeGreaterThan(1);
  await searchFor(page, 'filtracion', countText(leak.length));
  expect(await visibleTitles(page)).toEqual(leak.map((a) => a.title.en).sort());

  // "companero" (singular, n for ñ) must find the one answer that says "compañeros".
  const staff = expectedHits('companero');
  expect(staff.map((a) => a.id)).toEqual(['calma.answer.employee-post-policy-reminder']);
  await searchFor(page, 'companero', '1 answer');
  expect(await visibleTitles(page)).toEqual([staff[0]!.title.en]);

  // A plural finds what its singular finds, in either language.
  const leakEn = expectedHits('leak');
  expect(leakEn.length).toBeGreaterThan(1);
  await searchFor(page, 'leaks', countText(leakEn.length));
  expect(await visibleTitles(page)).toEqual(leakEn.map((a) => a.title.en).sort());
  await searchFor(page, 'filtraciones', countText(leak.length));

  // Accented query with a capital: same result as without.
  await searchFor(page, 'FILTRACIÓN', countText(leak.length));

  // A word nowhere in the library: nothing, said in words.
  await searchFor(page, 'zxqvbnm', 'No answers');
  await expect(page.getByText('No answer matches')).toBeVisible();
  await expect(resultList(page)).toHaveCount(0);

  // Clearing the search brings the whole library back.
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT));
  await expect(search(page)).toHaveValue('');
});

test('keyboard into the list, fill the blanks, copy exactly the filled text', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  const answer = shipped('calma.answer.data-leak-holding');
  const template = answer.revisions[0]!.texts.en.x!;
  expect(answer.variables.map((v) => v.name)).toEqual(['hora', 'enlace']);
  expect(template).toContain('{{hora}}');
  expect(template).toContain('{{enlace}}');
  const marker = await markClipboard(page);

  await searchFor(page, 'filtracion', countText(expectedHits('filtracion').length));

  // ↓ from the search box goes to the first result, then arrows move through the list.
  await search(page).focus();
  await expect(search(page)).toHaveAccessibleDescription(/↓ or Enter to the results/);
  await page.keyboard.press('ArrowDown');
  const focusedRow = resultList(page).locator('[role=option]:focus');
  await expect(focusedRow).toHaveCount(1);
  await expect(focusedRow).toHaveAttribute('aria-posinset', '1');
  for (let i = 0; i < 6 && (await focusedRow.locator('.answer-row-title').textContent()) !== answer.title.en; i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(focusedRow.locator('.answer-row-title')).toHaveText(answer.title.en);
  // Moving through the list shows the answer in the detail pane.
  await expect(page.locator('#answer-title')).toHaveText(answer.title.en);
  await page.keyboard.press('Enter');

  const dialog = copyDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: answer.title.en })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Channel' })).toHaveValue('x');
  await expect(dialog.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  const hora = dialog.getByRole('textbox', { name: 'Time of the next update' });
  const enlace = dialog.getByRole('textbox', { name: 'Page with the latest information' });
  // Focus waits in the first blank, so typing and Enter is all it takes.
  await expect(hora).toBeFocused();
  await expect(copyPreview(page)).toHaveText(template);

  // Enter with every blank empty: refused, naming the blanks; nothing reaches the clipboard.
  await page.keyboard.press('Enter');
  const error = dialog.getByRole('alert').filter({ hasText: 'Fill in every blank' });
  await expect(error).toHaveText('Fill in every blank before copying: Time of the next update, Page with the latest information.');
  await expect(hora).toHaveAttribute('aria-invalid', 'true');
  expect(await readClipboard(page)).toBe(marker);

  // One blank filled, one still empty: refused again, naming only the empty one.
  await page.keyboard.type('18:30');
  await page.keyboard.press('Enter');
  await expect(error).toHaveText('Fill in every blank before copying: Page with the latest information.');
  await expect(enlace).toBeFocused();
  await expect(enlace).toHaveAttribute('aria-invalid', 'true');
  expect(await readClipboard(page)).toBe(marker);

  const link = 'https://example.org/incident-42';
  await page.keyboard.type(link);
  const filled = template.replace('{{hora}}', '18:30').replace('{{enlace}}', link);
  expect(filled).not.toContain('{{');
  await expect(copyPreview(page)).toHaveText(filled);
  await expect(error).toHaveCount(0);

  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(filled);
  await expect(toast(page)).toHaveText('Copied for X.');

  // The copy log in the detail pane records it, as approved text.
  const log = page.locator('.copy-log li');
  await expect(log).toHaveCount(1);
  await expect(log).toContainText(/^Anonymous \(device [0-9a-f]{4}\) copied revision 1 for X \(EN\) on /);
  await expect(log).not.toContainText('not approved');
  await expect(page.getByText('Nobody has copied this answer yet.')).toHaveCount(0);
});

test('command palette: Ctrl+K from anywhere, type, ArrowDown, Enter, Enter copies', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  const marker = await markClipboard(page);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = page.getByTestId('palette-input');

  // From Settings, with nothing focused in particular.
  await goTo(page, 'settings');
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // From inside a text field (the desk's search box) too.
  await goTo(page, 'answers');
  await search(page).click();
  await page.keyboard.press('Control+k');
  await expect(input).toBeFocused();

  const hits = expectedHits('unauthorised');
  expect(hits.length).toBeGreaterThan(1);
  expect(hits.every((a) => a.variables.length === 0)).toBe(true);
  await page.keyboard.type('unauthorised');
  const answerOptions = palette.getByRole('option').filter({ has: page.locator('.badge') });
  await expect(answerOptions).toHaveCount(hits.length);
  const active = palette.locator('[role=option][aria-selected=true]');
  const first = await active.locator('span').first().textContent();
  await page.keyboard.press('ArrowDown');
  await expect(active).toHaveCount(1);
  await expect(active.locator('span').first()).not.toHaveText(first!);
  await expect(input).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!);
  const title = (await active.locator('span').first().textContent())!;
  const answer = hits.find((a) => a.title.en === title);
  expect(answer, `palette showed "${title}"`).toBeDefined();

  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const dialog = copyDialog(page);
  await expect(dialog.getByRole('heading', { name: title })).toBeVisible();
  const copy = dialog.getByRole('button', { name: 'Copy', exact: true });
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(answer!.revisions[0]!.texts.en.x);
  expect(answer!.revisions[0]!.texts.en.x).not.toBe(marker);
  // The palette also selected the answer on the desk, so its copy log is on screen.
  await expect(page.locator('#answer-title')).toHaveText(title);
  await expect(page.locator('.copy-log li')).toContainText(/^Anonymous \(device [0-9a-f]{4}\) copied revision 1 for X \(EN\)/);
});
