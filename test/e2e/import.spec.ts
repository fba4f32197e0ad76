import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import {
  answerYaml,
  countText,
  exportJson,
  goTo,
  importLibrary,
  libraryYaml,
  resultCount,
  searchFor,
  SHIPPED_COUNT,
  toast,
} from './helpers';

/**
 * An import is all or nothing: a file with any problem is refused whole, every problem is listed
 * with its file, line and field, and the library is exactly as it was (same count, same export).
 */

test.use({ locale: 'en-US' });

interface IssueRow { file: string; line: string; field: string; reason: string }

async function issueRows(page: Page, headers = ['File', 'Line', 'Field', 'Problem']): Promise<IssueRow[]> {
  const table = page.getByTestId('import-issues');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(headers);
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const [file, line, field, reason] = [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { file: file!, line: line!, field: field!, reason: reason! };
    }),
  );
}

/** 1-based number of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the file`);
  return index + 1;
}

async function expectUnchanged(page: Page, before: string): Promise<void> {
  await goTo(page, 'answers');
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT));
  expect(await exportJson(page)).toBe(before);
  await goTo(page, 'answers');
}

async function closeIssues(page: Page): Promise<void> {
  const dialog = page.getByRole('alertdialog', { name: 'Import refused' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

test('a file with YAML syntax errors is refused, each error with its line', async ({ desk: page }) => {
  const before = await exportJson(page);
  expect(JSON.parse(before).answers).toHaveLength(SHIPPED_COUNT);
  const text = [
    'format: calma.answers',
    'version: 1',
    'answers:',
    '  - id: e2e.answer.broken',
    '    title: { es: "Sin cerrar, en: "Unclosed" }',
    '    tags: [uno, dos',
    '    createdBy: e2e',
    '    createdBy: e2e-again',
    '',
  ].join('\n');
  await importLibrary(page, 'broken.yaml', text);
  await expect(toast(page)).toHaveText(/^The file has \d+ problems?\. Nothing was imported and nothing changed\.$/);
  const dialog = page.getByRole('alertdialog', { name: 'Import refused' });
  await expect(dialog).toBeVisible();
  const rows = await issueRows(page);
  expect(rows.length).toBeGreaterThan(0);
  await expect(dialog).toContainText(`The file has ${rows.length} problem`);
  for (const row of rows) {
    expect(row.file).toBe('broken.yaml');
    expect(row.line).toMatch(/^\d+$/);
    expect(Number(row.line)).toBeGreaterThanOrEqual(lineOf(text, 'title:'));
    expect(Number(row.line)).toBeLessThanOrEqual(text.split('\n').length);
    expect(row.field).not.toBe('');
    expect(row.reason).not.toBe('');
  }
  // The first problem is on the line where the flow mapping breaks.
  expect(Number(rows[0]!.line)).toBe(lineOf(text, 'title:'));
  await closeIssues(page);
  await expectUnchanged(page, before);
});

const OVER_LIMIT = `Every word of this approved text was checked. ${'We are sorry for the disruption today. '.repeat(7)}`.trim();
const APPROVED = { at: '2026-01-01T00:00:00Z', expiresAt: null };

test('a schema-invalid file is refused with every problem: file, line and field', async ({ desk: page }) => {
  const before = await exportJson(page);
  const good = answerYaml({ id: 'e2e.answer.would-be-added', title: 'Would be added', x: 'A valid approved text.', approval: APPROVED });
  const unknownField = answerYaml({ id: 'e2e.answer.typo', title: 'Typo', x: 'Text.' }).replace('    tags: [e2e]', '    tags: [e2e]\n    colour: red');
  const badNumber = answerYaml({ id: 'e2e.answer.zero', title: 'Zero', x: 'Text.' }).replace('        number: 1', '        number: 0');
  const badDate = answerYaml({ id: 'e2e.answer.when', title: 'When', x: 'Text.', approval: { at: '2026-01-01T00:00:00Z', expiresAt: 'next week' } });
  const text = libraryYaml(good, unknownField, badNumber, badDate);
  await importLibrary(page, 'invalid.yaml', text);
  const rows = await issueRows(page);
  const at = (field: string) => rows.find((r) => r.field === field);

  // An unknown field (a typo, most often) names the field and points into its answer.
  const unknown = rows.find((r) => r.reason.includes('colour'));
  expect(unknown, JSON.stringify(rows)).toBeDefined();
  expect(unknown!.field).toBe('answers[1]');
  expect(Number(unknown!.line)).toBeGreaterThanOrEqual(lineOf(text, 'id: e2e.answer.typo'));
  expect(Number(unknown!.line)).toBeLessThanOrEqual(lineOf(text, 'colour: red'));

  expect(at('answers[2].revisions[0].number'), JSON.stringify(rows)).toBeDefined();
  expect(Number(at('answers[2].revisions[0].number')!.line)).toBe(lineOf(text, 'number: 0'));
  expect(at('answers[3].approvals[0].expiresAt'), JSON.stringify(rows)).toBeDefined();
  expect(Number(at('answers[3].approvals[0].expiresAt')!.line)).toBe(lineOf(text, 'expiresAt: "next week"'));
  expect(rows).toHaveLength(3);
  for (const row of rows) expect(row.file).toBe('invalid.yaml');
  await expect(page.getByRole('alertdialog', { name: 'Import refused' })).toContainText('The file has 3 problems. Nothing was imported and nothing changed.');

  await closeIssues(page);
  await expectUnchanged(page, before);
  await searchFor(page, 'Would be added', 'No answers');
});

test('an approved text over its channel limit is refused, with its line and field', async ({ desk: page }) => {
  const before = await exportJson(page);
  expect(OVER_LIMIT.length).toBeGreaterThan(280);
  const good = answerYaml({ id: 'e2e.answer.would-be-added', title: 'Would be added', x: 'A valid approved text.', approval: APPROVED });
  const over = answerYaml({ id: 'e2e.answer.over', title: 'Over the limit', x: OVER_LIMIT, approval: APPROVED });
  const text = libraryYaml(good, over);
  await importLibrary(page, 'over.yaml', text);
  const rows = await issueRows(page);
  // The same text is in both languages: one problem each.
  expect(rows.map((r) => r.field)).toEqual(['answers[1].revisions[0].texts.es.x', 'answers[1].revisions[0].texts.en.x']);
  for (const row of rows) {
    expect(row.file).toBe('over.yaml');
    // The channel as the console names it, not its id in the file.
    expect(row.reason).toBe(`approved text is over the X limit (${OVER_LIMIT.length}/280)`);
  }
  expect(Number(rows[0]!.line)).toBe(lineOf(text, `es: { x: ${JSON.stringify(OVER_LIMIT)}`));
  expect(Number(rows[1]!.line)).toBe(lineOf(text, `en: { x: ${JSON.stringify(OVER_LIMIT)}`));
  await closeIssues(page);
  await expectUnchanged(page, before);
  await searchFor(page, 'Would be added', 'No answers');
});

test('an unknown field and an over-limit approved text in one file are both reported', async ({ desk: page }) => {
  // One refusal should list every problem, so the author fixes the file in one pass.
  const over = answerYaml({ id: 'e2e.answer.over', title: 'Over the limit', x: OVER_LIMIT, approval: APPROVED })
    .replace('    tags: [e2e]', '    tags: [e2e]\n    colour: red');
  const text = libraryYaml(over);
  await importLibrary(page, 'both.yaml', text);
  const rows = await issueRows(page);
  expect(rows.find((r) => r.reason.includes('colour')), JSON.stringify(rows)).toBeDefined();
  expect(rows.find((r) => r.reason.includes('over the X limit')), `the over-limit text is not reported: ${JSON.stringify(rows)}`).toBeDefined();
});

test('a file that rewrites a shipped revision is refused whole, its valid answers too', async ({ desk: page }) => {
  const before = await exportJson(page);
  // Same ids as the shipped holding statement and its first revision, different text.
  const rewrite = answerYaml({
    id: 'calma.answer.holding-general',
    title: 'Holding statement: checking the facts',
    x: 'Rewritten history: this is not the approved holding statement.',
  });
  expect(rewrite).toContain('id: calma.answer.holding-general.r1');
  const valid = answerYaml({ id: 'e2e.answer.innocent', title: 'Innocent bystander answer', x: 'A perfectly valid text.' });
  const text = libraryYaml(valid, rewrite);
  await importLibrary(page, 'rewrite.yaml', text);
  const rows = await issueRows(page);
  // Pointed at like any other problem: the revision's id field, on its line.
  expect(rows).toEqual([{
    file: 'rewrite.yaml',
    line: String(lineOf(text, 'id: calma.answer.holding-general.r1')),
    field: 'answers[1].revisions[0].id',
    reason: 'revision calma.answer.holding-general.r1 already exists with different content',
  }]);
  await closeIssues(page);

  await expectUnchanged(page, before);
  await searchFor(page, 'Innocent bystander', 'No answers');
  // The shipped revision still has its own text.
  await searchFor(page, 'Rewritten history', 'No answers');
});

test('re-importing an export changes nothing, and a valid file adds exactly its answers', async ({ desk: page }) => {
  const before = await exportJson(page);
  await importLibrary(page, 'same.json', before);
  await expect(toast(page)).toHaveText(`Imported ${SHIPPED_COUNT} answers and ${SHIPPED_COUNT} revisions.`);
  await expectUnchanged(page, before);

  await importLibrary(page, 'one.yaml', libraryYaml(answerYaml({ id: 'e2e.answer.extra', title: 'Extra answer', x: 'Extra.' })));
  await expect(toast(page)).toHaveText('Imported 1 answer and 1 revision.');
  await goTo(page, 'answers');
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT + 1));
  const after = JSON.parse(await exportJson(page));
  expect(after.answers).toHaveLength(SHIPPED_COUNT + 1);
  expect(after.answers.filter((a: { id: string }) => a.id !== 'e2e.answer.extra')).toEqual(JSON.parse(before).answers);
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });

  const rowsEs = (page: Page) => issueRows(page, ['Archivo', 'Línea', 'Campo', 'Problema']);

  async function expectUnchangedEs(page: Page, before: string): Promise<void> {
    await goTo(page, 'answers');
    await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT, 'es'));
    expect(await exportJson(page)).toBe(before);
    await goTo(page, 'answers');
  }

  test('a file with schema and file-wide problems lists them all at once, in Spanish, and changes nothing', async ({ desk: page }) => {
    const before = await exportJson(page);
    // As the QA pass wrote it: texts over X's limit and with an undeclared blank, approved; a
    // title that is a number; and a valid answer that must not be imported either.
    const over = answerYaml({ id: 'e2e.answer.over', title: 'Sobre el límite', x: OVER_LIMIT, approval: APPROVED });
    const blank = answerYaml({ id: 'e2e.answer.blank', title: 'Hueco', x: 'Hola {{nope}}', approval: APPROVED });
    const title = answerYaml({ id: 'e2e.answer.title', title: 'Título', x: 'Texto.' }).replace(/ {4}title: .*/, '    title: 7');
    const valid = answerYaml({ id: 'e2e.answer.valid', title: 'Respuesta válida', x: 'Un texto válido.', approval: APPROVED });
    const text = libraryYaml(over, blank, title, valid);
    await importLibrary(page, 'mezcla.yaml', text);
    await expect(toast(page)).toHaveText('El archivo tiene 5 problemas. No se ha importado nada y nada ha cambiado.');
    const dialog = page.getByRole('alertdialog', { name: 'Importación rechazada' });
    await expect(dialog).toBeVisible();
    expect(await rowsEs(page)).toEqual([
      { file: 'mezcla.yaml', line: String(lineOf(text, `es: { x: ${JSON.stringify(OVER_LIMIT)}`)), field: 'answers[0].revisions[0].texts.es.x', reason: `el texto aprobado supera el límite de X (${OVER_LIMIT.length}/280)` },
      { file: 'mezcla.yaml', line: String(lineOf(text, `en: { x: ${JSON.stringify(OVER_LIMIT)}`)), field: 'answers[0].revisions[0].texts.en.x', reason: `el texto aprobado supera el límite de X (${OVER_LIMIT.length}/280)` },
      { file: 'mezcla.yaml', line: String(lineOf(text, 'es: { x: "Hola {{nope}}"')), field: 'answers[1].revisions[0].texts.es.x', reason: 'usa {{nope}}, que la respuesta no declara en variables' },
      { file: 'mezcla.yaml', line: String(lineOf(text, 'en: { x: "Hola {{nope}}"')), field: 'answers[1].revisions[0].texts.en.x', reason: 'usa {{nope}}, que la respuesta no declara en variables' },
      { file: 'mezcla.yaml', line: String(lineOf(text, 'title: 7')), field: 'answers[2].title', reason: 'se esperaba un grupo de campos (clave: valor) y hay un número' },
    ]);
    await expect(dialog).toContainText('El archivo tiene 5 problemas.');
    await expectAccessible(page, 'import issues (es)');
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await expect(dialog).toBeHidden();
    await expectUnchangedEs(page, before);
    await searchFor(page, 'Respuesta válida', 'Ninguna respuesta');
  });

  test('one tab in a YAML file is one problem: its line and column, said in Spanish', async ({ desk: page }) => {
    const before = await exportJson(page);
    const text = libraryYaml(answerYaml({ id: 'e2e.answer.tab', title: 'Tabulador', x: 'Texto.' })).replace('    createdBy: e2e-author\n    revisions', '\tcreatedBy: e2e-author\n    revisions');
    await importLibrary(page, 'tabulador.yaml', text);
    expect(await rowsEs(page)).toEqual([
      { file: 'tabulador.yaml', line: String(lineOf(text, '\tcreatedBy')), field: '—', reason: 'un tabulador sangra esta línea: YAML solo sangra con espacios (columna 1)' },
    ]);
    await expectAccessible(page, 'import syntax issue (es)');
    await page.getByRole('alertdialog', { name: 'Importación rechazada' }).getByRole('button', { name: 'Cerrar' }).click();
    await expectUnchangedEs(page, before);
  });
});
