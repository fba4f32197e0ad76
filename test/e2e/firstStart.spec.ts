import { test, expect } from './fixtures';
import { countText, firstTitle, goTo, nav, resultCount, resultList, resultRow, SHIPPED_COUNT } from './helpers';

/**
 * A first start (a fresh browser profile, so an empty IndexedDB): the shipped library is loaded and
 * indexed without any action, in the language of the system, and Settings says whether the browser
 * agreed to keep the data.
 */

test('the shipped library has 36 answers', () => {
  // Guards the numbers the other tests rely on: if the library changes, this says so first.
  expect(SHIPPED_COUNT).toBe(36);
});

for (const { locale, lang, answers, settings } of [
  { locale: 'en-US', lang: 'en', answers: 'Answers', settings: 'Settings' },
  { locale: 'es-ES', lang: 'es', answers: 'Respuestas', settings: 'Ajustes' },
] as const) {
  test.describe(`first start in ${locale}`, () => {
    test.use({ locale });

    test('loads the default library and shows it in the system language', async ({ desk: page }) => {
      await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT, lang));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(nav(page).getByRole('button', { name: answers, exact: true })).toHaveAttribute('aria-current', 'page');
      // The list is sorted by title in the UI language: the first title is on screen.
      await expect(resultList(page).getByRole('option').first()).toContainText(firstTitle(lang));
      await expect(resultRow(page, firstTitle(lang))).toBeVisible();

      await goTo(page, 'settings');
      await expect(page.getByRole('heading', { level: 2, name: settings })).toBeVisible();
      const persistence = page.getByTestId('persistence');
      // The result of navigator.storage.persisted(), in words: never left at the placeholder.
      const results = lang === 'en'
        ? /Storage: (persistent \(the browser will not clear it\)|best effort \(the browser may clear it when the disk is full\)|persistence not available here)/
        : /Almacenamiento: (persistente \(el navegador no lo borrará\)|sin garantía \(el navegador podría borrarlo si el disco se llena\)|aquí no hay almacenamiento persistente)/;
      await expect(persistence).toHaveText(results);
      // And it agrees with what the browser itself reports.
      const persisted = await page.evaluate(() => navigator.storage.persisted());
      await expect(persistence.locator('strong')).toHaveText(
        lang === 'en'
          ? persisted ? 'persistent (the browser will not clear it)' : 'best effort (the browser may clear it when the disk is full)'
          : persisted ? 'persistente (el navegador no lo borrará)' : 'sin garantía (el navegador podría borrarlo si el disco se llena)',
      );
      // The counts in Settings come from the database, not from the index.
      await expect(page.getByText(lang === 'en' ? `${SHIPPED_COUNT} answers, 0 copies logged` : `${SHIPPED_COUNT} respuestas, 0 copias registradas`)).toBeVisible();
    });
  });
}

test('a second start does not load the library again', async ({ desk: page }) => {
  // The first start wrote the shipped answers and playbooks with one mutation each (two outbox
  // entries); a restart that re-imported them would add entries even though the rows are identical.
  await goTo(page, 'settings');
  const counts = page.getByText(/^36 answers, 0 copies logged, \d+ changes? waiting to sync\.$/);
  await expect(counts).toHaveText(/, 2 changes waiting/);
  await page.reload();
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT));
  await goTo(page, 'settings');
  await expect(counts).toHaveText(/, 2 changes waiting/);
});

test('a first start and a reload leave nothing in the console: no error, no failed load', async ({ page, appUrl }) => {
  // A missing file (the tab's icon was one) shows only as a console error, not as a page response.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.goto(appUrl);
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT), { timeout: 20_000 });
  await page.reload();
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT), { timeout: 20_000 });
  // The tab shows Calma's icon, from this build's own files.
  const icon = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    return link && { sameOrigin: new URL(link.href).origin === location.origin, status: (await fetch(link.href)).status };
  });
  expect(icon).toEqual({ sameOrigin: true, status: 200 });
  expect(problems).toEqual([]);
});
