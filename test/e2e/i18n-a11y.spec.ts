import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import {
  copyDialog,
  countText,
  goTo,
  importLibrary,
  libraryYaml,
  nav,
  resultCount,
  search,
  searchFor,
  selectAnswer,
  shipped,
  SHIPPED_COUNT,
} from './helpers';

/**
 * The console speaks Spanish and English, chosen in Settings or from the palette, and is usable
 * with a keyboard and a screen reader in both themes (axe: no serious or critical violation).
 */

async function expectLanguage(page: Page, lang: 'es' | 'en'): Promise<void> {
  const en = lang === 'en';
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(nav(page).getByRole('button')).toHaveText(en ? ['Incidents', 'Answers', 'Playbooks', 'People', 'Trees', 'Summary', 'Settings'] : ['Incidentes', 'Respuestas', 'Protocolos', 'Personas', 'Árboles', 'Resumen', 'Ajustes']);
  await expect(page.getByRole('button', { name: en ? 'Commands Ctrl K' : 'Comandos Ctrl K' })).toBeVisible();
}

test.describe('language', () => {
  test.use({ locale: 'en-US' });

  test('switch language in Settings; the choice outlives a reload; "system" follows the browser', async ({ desk: page }) => {
    const answer = shipped('calma.answer.holding-general');
    await expectLanguage(page, 'en');
    await selectAnswer(page, answer.title.en);

    await goTo(page, 'settings');
    const language = page.getByRole('combobox', { name: 'Language' });
    await language.selectOption('es');
    await expectLanguage(page, 'es');
    await expect(page.getByRole('heading', { level: 2, name: 'Ajustes' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
    await expect(page.getByRole('button', { name: 'Importar biblioteca…' })).toBeVisible();

    await goTo(page, 'answers');
    await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT, 'es'));
    await expect(page.getByRole('searchbox', { name: 'Buscar respuestas' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nueva respuesta' })).toBeVisible();
    // The selected answer now reads in Spanish.
    await expect(page.locator('#answer-title')).toHaveText(answer.title.es);
    await expect(page.locator('.status-line .badge')).toHaveText('Aprobada');

    // Stored per machine: a reload (the browser still says en-US) keeps Spanish.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('calma.preferences') ?? '{}'));
    expect(stored.state.localeChoice).toBe('es');
    await page.reload();
    await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT, 'es'));
    await expectLanguage(page, 'es');

    // "Same as the system" goes back to the browser's language.
    await goTo(page, 'settings');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('system');
    await expectLanguage(page, 'en');
  });

  test('switch language from the command palette', async ({ desk: page }) => {
    await search(page).click();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('spanish');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.locator('[role=option][aria-selected=true]')).toHaveText('Switch to Spanish');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expectLanguage(page, 'es');
    await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT, 'es'));

    // In Spanish, commands match without accents: "ingles" finds "Cambiar a inglés".
    await page.keyboard.press('Control+k');
    const paleta = page.getByRole('dialog', { name: 'Paleta de comandos' });
    await expect(paleta.getByRole('combobox')).toHaveAttribute('placeholder', 'Busca una respuesta o un comando…');
    await page.keyboard.type('a ingles');
    await expect(paleta.locator('[role=option][aria-selected=true]')).toHaveText('Cambiar a inglés');
    await page.keyboard.press('Enter');
    await expectLanguage(page, 'en');
    await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT, 'en'));
  });
});

test.describe('Spanish system', () => {
  test.use({ locale: 'es-ES' });

  test('an English choice overrides a Spanish browser', async ({ desk: page }) => {
    await expectLanguage(page, 'es');
    await goTo(page, 'settings');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await expectLanguage(page, 'en');
    await goTo(page, 'answers');
    await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT, 'en'));
  });
});

const DRAFT_FILE = libraryYaml(
  [
    '  - id: e2e.answer.a11y-draft',
    '    title: { es: "Borrador de accesibilidad", en: "Accessibility draft" }',
    '    variables:',
    '      - name: hora',
    '        label: { es: "Hora", en: "Time" }',
    '        example: "18:00"',
    '    createdAt: "2026-01-01T09:00:00Z"',
    '    createdBy: e2e-author',
    '    revisions:',
    '      - id: e2e.answer.a11y-draft.r1',
    '        number: 1',
    '        createdAt: "2026-01-01T09:00:00Z"',
    '        createdBy: e2e-author',
    '        texts:',
    '          es: { x: "Actualizaremos a las {{hora}}." }',
    '          en: { x: "We will update at {{hora}}." }',
  ].join('\n'),
);

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe, ${theme} theme`, () => {
    test.use({ locale: 'en-US' });

    test(`desk, copy dialog, editor, palette, settings and import issues have no serious violations (${theme})`, async ({ desk: page }) => {
      await goTo(page, 'settings');
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByTestId('persistence').locator('strong')).not.toHaveText('…');
      await expectAccessible(page, `settings (${theme})`);

      // The desk with an approved answer with blanks selected.
      await goTo(page, 'answers');
      await searchFor(page, 'filtracion comunicado', '1 answer');
      await selectAnswer(page, shipped('calma.answer.data-leak-holding').title.en);
      await expectAccessible(page, `desk (${theme})`);

      // A draft (imported), its copy dialog with the warning, then with the refusal error.
      await importLibrary(page, 'draft.yaml', DRAFT_FILE);
      await goTo(page, 'answers');
      await searchFor(page, 'Accessibility draft', '1 answer');
      await selectAnswer(page, 'Accessibility draft');
      await expectAccessible(page, `desk with a draft (${theme})`);
      await page.getByRole('button', { name: 'Copy the X text' }).click();
      const dialog = copyDialog(page);
      await expect(dialog.locator('.warning')).toBeVisible();
      await expectAccessible(page, `copy dialog with a warning (${theme})`);
      await dialog.getByRole('textbox', { name: 'Time' }).fill('18:00');
      await dialog.getByRole('button', { name: 'Copy unapproved text' }).click();
      await expect(dialog.getByRole('alert').filter({ hasText: 'Tick the box' })).toBeVisible();
      await expectAccessible(page, `copy dialog with an error (${theme})`);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // The editor, with a text over its limit.
      await page.getByRole('button', { name: 'New answer' }).click();
      const editor = page.getByRole('dialog', { name: 'New answer' });
      await editor.getByRole('textbox', { name: /^X\b/ }).fill('x'.repeat(300));
      await expect(editor.locator('#count-es-x')).toContainText('over the limit');
      await expectAccessible(page, `editor (${theme})`);
      // Cancel with unsaved text asks first.
      await editor.getByRole('button', { name: 'Cancel' }).click();
      await expectAccessible(page, `editor, discard changes? (${theme})`);
      await editor.getByRole('group', { name: 'Discard changes' }).getByRole('button', { name: 'Discard' }).click();
      await expect(editor).toBeHidden();

      // The palette with answers and commands.
      await page.keyboard.press('Control+k');
      await page.keyboard.type('data');
      await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first()).toBeVisible();
      await expectAccessible(page, `palette (${theme})`);
      await page.keyboard.press('Escape');

      // The refusal of a bad import.
      await importLibrary(page, 'bad.yaml', 'format: calma.answers\nversion: 2\nanswers: nope\n');
      await expect(page.getByTestId('import-issues')).toBeVisible();
      await expectAccessible(page, `import issues (${theme})`);
    });
  });
}
