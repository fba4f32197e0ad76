import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { test, expect, expectAccessible } from './fixtures';
import { countRows, nav, storedRows, toast } from './helpers';

/**
 * The people directory: import from CSV with a preview (bad files refused whole, duplicates offered
 * for merge), search as you type without accents, edit by keyboard, export, and axe on each screen.
 * Expected people come from the shipped example file, read here as plain text.
 */

const EXAMPLE = readFileSync(fileURLToPath(new URL('../../resources/examples/people.csv', import.meta.url)), 'utf8');
// Counted with Papa Parse on its own (header row, quoted notes spanning lines), not through Calma's importer.
const EXAMPLE_COUNT = Papa.parse(EXAMPLE, { header: true, skipEmptyLines: true }).data.length;
test.use({ locale: 'en-US' });

const peopleCount = (page: Page) => page.locator('#people-count');
const peopleSearch = (page: Page) => page.getByTestId('people-search');
const peopleList = (page: Page) => page.getByRole('listbox', { name: 'People' });
const personRow = (page: Page, name: string) => peopleList(page).getByRole('option').filter({ has: page.locator('.person-row-title').getByText(name, { exact: true }) });
const importDialog = (page: Page) => page.getByTestId('people-import');
const editor = (page: Page) => page.getByTestId('person-editor');

async function openPeople(page: Page): Promise<void> {
  await nav(page).getByRole('button', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeAttached();
  await expect(peopleCount(page)).not.toHaveText('Loading…');
}

async function importPeople(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV or vCard…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await expect(importDialog(page)).toBeVisible();
}

async function importExample(page: Page): Promise<void> {
  await importPeople(page, 'people.csv', EXAMPLE);
  await expect(page.getByTestId('people-import-summary')).toHaveText(`${EXAMPLE_COUNT} to add, 0 to merge, 0 skipped.`);
  await page.getByTestId('people-import-confirm').click();
  await expect(importDialog(page)).toBeHidden();
  await expect(peopleCount(page)).toHaveText(`${EXAMPLE_COUNT} people`);
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await pending;
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('a file with bad rows is listed whole and writes nothing; a good one fills the directory', async ({ desk: page }) => {
  await openPeople(page);
  await expect(peopleCount(page)).toHaveText('No people');
  // The empty directory says so once, in the list, and the detail says how to fill it.
  await expect(page.locator('.desk.people .results')).toHaveText('The directory is empty.');
  await expect(page.getByRole('region', { name: 'Person' })).toHaveText('Add people one by one with “New person” (Alt+N), or import a CSV or vCard file.');
  const outboxBefore = await countRows(page, 'outbox');

  const bad = [
    'nombre;correo;zona horaria;horario;suplente',
    'Ana Buena;ana@example.org;Europe/Madrid;lun-vie 9:00-17:00;',
    'Berta Mala;berta-at-example.org;Europe/Madrid;;',
    'Carlos Zona;carlos@example.org;Mars/Olympus;;',
    ';sin.nombre@example.org;;;',
    'Dora Horas;dora@example.org;;siempre;Nadie Conocido',
  ].join('\r\n');
  await importPeople(page, 'mal.csv', bad);
  const dialog = importDialog(page);
  await expect(dialog.getByRole('alert')).toHaveText('This file has 5 problems. Nothing will be imported: fix the file and import it again.');
  const rows = dialog.getByTestId('people-import-errors').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toHaveText(['3', '2', 'Email', '“berta-at-example.org” is not an email address.'].join(''));
  await expect(rows.nth(1)).toContainText('Mars/Olympus” is not a time zone name');
  await expect(rows.nth(2)).toHaveText(['5', '—', 'Name', 'A name is needed.'].join(''));
  await expect(rows.nth(3)).toContainText('“siempre” is not working hours');
  await expect(rows.nth(4)).toContainText('Backup “Nadie Conocido” is not in this file nor in the directory');
  await expect(dialog.getByTestId('people-import-confirm')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(await countRows(page, 'people')).toBe(0);
  expect(await countRows(page, 'outbox')).toBe(outboxBefore);
  await expect(peopleCount(page)).toHaveText('No people');

  // Cancelling a good preview writes nothing either.
  await importPeople(page, 'people.csv', EXAMPLE);
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
  expect(await countRows(page, 'people')).toBe(0);

  await importExample(page);
  await expect(toast(page)).toHaveText(`Imported: ${EXAMPLE_COUNT} added, 0 merged, 0 skipped.`);
  expect(await countRows(page, 'people')).toBe(EXAMPLE_COUNT);
  expect(await countRows(page, 'outbox')).toBe(outboxBefore + 1);
  await expect(personRow(page, 'Lucía Ferrer Vidal')).toBeVisible();
  await expect(personRow(page, 'Carmen Ibáñez')).toContainText('left');
});

test('a duplicate is offered for merge and merged; search ignores accents; editing by keyboard', async ({ desk: page }) => {
  await openPeople(page);
  await importExample(page);

  // Same email (other case) as Tomás, a new phone and a note: merged into him, one new person added.
  await importPeople(page, 'update.csv', 'name,email,phone,notes\nTomás Rey,TOMAS.REY@example.org,+34 699 000 000,Back-up spokesperson.\nPaula Nueva,paula@example.org,,\n');
  const dialog = importDialog(page);
  await expect(dialog.getByTestId('people-import-duplicate')).toHaveText(/Line 2: Tomás Rey has the same email as Tomás Rey Castro \(in the directory\)\./);
  await expect(dialog.getByRole('radio', { name: 'Merge' })).toBeChecked();
  await expect(page.getByTestId('people-import-summary')).toHaveText('1 to add, 1 to merge, 0 skipped.');
  await dialog.getByRole('radio', { name: 'Skip' }).check();
  await expect(page.getByTestId('people-import-summary')).toHaveText('1 to add, 0 to merge, 1 skipped.');
  await dialog.getByRole('radio', { name: 'Merge' }).check();
  // A merge keeps the name already there unless the file's is chosen.
  await dialog.getByRole('checkbox', { name: 'Use the name in the file, “Tomás Rey”, instead of “Tomás Rey Castro”' }).check();
  await page.getByTestId('people-import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(peopleCount(page)).toHaveText(`${EXAMPLE_COUNT + 1} people`);

  // Search: no accents, any case, digits of a phone.
  await peopleSearch(page).fill('tomas');
  await expect(peopleCount(page)).toHaveText(`1 match among ${EXAMPLE_COUNT + 1} people`);
  await personRow(page, 'Tomás Rey').click();
  await expect(editor(page).getByRole('textbox', { name: 'Phones' })).toHaveValue('+34 600 100 102\n+34 699 000 000');
  await expect(editor(page).getByRole('textbox', { name: 'Notes' })).toHaveValue('Back-up spokesperson.');
  await peopleSearch(page).fill('IBANEZ');
  await expect(peopleList(page).getByRole('option')).toHaveText([/Carmen Ibáñez/]);
  await peopleSearch(page).fill('600100105');
  await expect(peopleList(page).getByRole('option')).toHaveText([/Nuria Campos/]);
  await peopleSearch(page).fill('community');
  await expect(peopleCount(page)).toHaveText(`2 matches among ${EXAMPLE_COUNT + 1} people`);

  // Keyboard: ↓ into the list, ↓ to the second, Enter edits, Enter saves, Escape returns to the list.
  await peopleSearch(page).fill('nuria');
  await peopleSearch(page).press('ArrowDown');
  await expect(personRow(page, 'Nuria Campos')).toBeFocused();
  await page.keyboard.press('Enter');
  const name = editor(page).getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await expect(editor(page).getByTestId('person-warnings')).toContainText('No backup: nobody takes over if they cannot be reached.');
  await expect(editor(page).getByTestId('person-warnings')).toContainText('Details never verified.');

  // A bad value is refused at its field and nothing is saved.
  const zone = editor(page).getByRole('combobox', { name: 'Time zone' });
  await zone.fill('Mars/Base');
  await zone.press('Enter');
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(editor(page)).toContainText('“Mars/Base” is not a time zone name');
  await zone.fill('Europe/Madrid');

  await name.fill('Nuria Campos Gil');
  await editor(page).getByTestId('person-backup').selectOption({ label: 'Lucía Ferrer Vidal (lucia.ferrer@example.org)' });
  await editor(page).getByRole('button', { name: 'Mark verified today' }).click();
  await name.press('Enter');
  await expect(toast(page)).toHaveText('Nuria Campos Gil saved.');
  await expect(editor(page).getByTestId('person-warnings')).toHaveCount(0);
  await name.press('Escape');
  await expect(editor(page)).toHaveCount(0);
  await expect(personRow(page, 'Nuria Campos Gil')).toBeFocused();
  await page.keyboard.press('/');
  await expect(peopleSearch(page)).toBeFocused();
  await peopleSearch(page).fill('campos gil');
  await expect(peopleList(page).getByRole('option')).toHaveText([/Nuria Campos Gil/]);
  const stored = await storedRows<{ id: string; name: string; email: string; phones: string[]; roles: string[]; notes: string; timeZone: string; verifiedAt: string | null; backupId: string | null }>(page, 'people');
  const nuria = stored.find((p) => p.name === 'Nuria Campos Gil')!;
  expect(nuria.verifiedAt).not.toBeNull();
  // Only the edited fields were written: the rest of her record is as the file had it.
  expect(nuria).toMatchObject({ email: 'nuria.campos@example.org', phones: ['+34 600 100 105'], roles: ['legal'], notes: 'External counsel on call at night.' });
  expect(stored.find((p) => p.name === 'Tomás Rey')).toMatchObject({ email: 'tomas.rey@example.org', roles: ['comms-lead', 'spokesperson'], timeZone: 'Europe/Madrid' });
  expect(nuria.backupId).toBe(stored.find((p) => p.name === 'Lucía Ferrer Vidal')!.id);

  // A new person from the keyboard.
  await page.keyboard.press('Alt+n');
  await expect(editor(page).getByRole('heading', { name: 'New person' })).toBeVisible();
  await expect(name).toBeFocused();
  await name.fill('Raúl Nuevo');
  await editor(page).getByRole('textbox', { name: 'Email' }).fill('raul@example.org');
  await name.press('Enter');
  await expect(toast(page)).toHaveText('Raúl Nuevo added to the directory.');
  await peopleSearch(page).fill('');
  await expect(peopleCount(page)).toHaveText(`${EXAMPLE_COUNT + 2} people`);
});

test('export CSV and vCard: everyone, the one who left marked, formulas defused', async ({ desk: page }) => {
  await openPeople(page);
  await importExample(page);
  const csv = await download(page, 'Export CSV');
  expect(csv.name).toMatch(/^calma-people-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('name,roles,phones,email,time zone,working hours,backup,notes,verified,left');
  // The phone starts with "+", which a spreadsheet would run as a formula: quoted with an apostrophe.
  expect(lines).toContain(`Carmen Ibáñez,hr,"'+34 600 100 107",carmen.ibanez@example.org,Europe/Madrid,Mon-Fri 08:00-15:00,lucia.ferrer@example.org,,2025-06-30,yes`);
  const cells = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(cells.map((r) => r[0])).toEqual(['name', ...cells.slice(1).map((r) => r[0]!).sort((a, b) => a.localeCompare(b, 'en'))]);
  expect(cells).toHaveLength(EXAMPLE_COUNT + 1);
  for (const cell of cells.flat()) expect(cell).not.toMatch(/^[=+\-@]/);

  // The export imports back as duplicates of everyone: nothing new.
  await importPeople(page, csv.name, csv.text);
  await expect(page.getByTestId('people-import-summary')).toHaveText(`0 to add, ${EXAMPLE_COUNT} to merge, 0 skipped.`);
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();

  const vcf = await download(page, 'Export vCard');
  expect(vcf.name).toMatch(/\.vcf$/);
  expect(vcf.text.match(/BEGIN:VCARD/g)).toHaveLength(EXAMPLE_COUNT);
  expect(vcf.text).toContain('FN:Óscar Blanco');
  expect(vcf.text).toContain('X-CALMA-LEFT;VALUE=TEXT:true');

  // And the vCard reads back the same way: everyone is already here.
  await importPeople(page, vcf.name, vcf.text);
  await expect(page.getByTestId('people-import-summary')).toHaveText(`0 to add, ${EXAMPLE_COUNT} to merge, 0 skipped.`);
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
  expect(await countRows(page, 'people')).toBe(EXAMPLE_COUNT);
});

test('the list over a long directory: rows follow the results in place, keyboard, focus and type-to-find', async ({ desk: page }) => {
  // 120 people, every tenth of whom has left: four first names so typing a letter finds a block.
  const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego'];
  const people = Array.from({ length: 120 }, (_, k) => ({ name: `${FIRST[k % 4]} Test${String(k + 1).padStart(3, '0')}`, left: (k + 1) % 10 === 0 }));
  const csv = ['name,email,left', ...people.map((p, k) => `${p.name},p${k + 1}@example.org,${p.left ? 'yes' : ''}`)].join('\n');
  // In name order, as the list shows them (numbers compare as numbers).
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  await openPeople(page);
  await importPeople(page, 'many.csv', csv);
  await page.getByTestId('people-import-confirm').click();
  await expect(peopleCount(page)).toHaveText('120 people');

  const list = peopleList(page);
  const row = (index: number) => list.locator(`[role="option"][data-index="${index}"]`);
  const focused = () => page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    return { index: e.dataset['index'], posinset: e.getAttribute('aria-posinset'), setsize: e.getAttribute('aria-setsize'), name: e.querySelector('.person-row-title')?.textContent };
  });

  // A new result set is written into the rows already there (the same elements), and what a row
  // shows follows its person: the "left" badge comes and goes with them, the selection too.
  const first = await row(0).elementHandle();
  await expect(row(0).locator('.person-row-title')).toHaveText('Ana Test001');
  await peopleSearch(page).fill('test010');
  await expect(list.getByRole('option')).toHaveText([/Bruno Test010\s*left/]);
  await peopleSearch(page).fill('test011');
  await expect(list.getByRole('option')).toHaveText(['Carla Test011p11@example.org']);
  await expect(row(0).getByText('left', { exact: true })).toHaveCount(0);
  expect(await first!.evaluate((e) => e.isConnected && e.getAttribute('data-index') === '0')).toBe(true);
  await peopleSearch(page).fill('bruno');
  await expect(peopleCount(page)).toHaveText('30 matches among 120 people');
  await expect(row(1).locator('.person-row-title')).toHaveText('Bruno Test006');
  await row(1).click();
  await expect(row(1)).toHaveAttribute('aria-selected', 'true');
  await expect(row(0)).toHaveAttribute('aria-selected', 'false');
  // Bruno Test006 is fifth among "test00", and the selection moves there with him.
  await peopleSearch(page).fill('test00');
  await expect(list.getByRole('option').nth(0)).toHaveAttribute('aria-setsize', '9');
  await expect(row(4).locator('.person-row-title')).toHaveText('Bruno Test006');
  await expect(list.locator('[aria-selected="true"]')).toHaveCount(1);
  await expect(row(4)).toHaveAttribute('aria-selected', 'true');

  // Keyboard over the whole directory: each move focuses the row of the person it lands on.
  await peopleSearch(page).fill('');
  await expect(peopleCount(page)).toHaveText('120 people');
  await row(0).click();
  await expect(row(0)).toBeFocused();
  for (let k = 1; k <= 14; k += 1) {
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ index: String(k), posinset: String(k + 1), setsize: '120', name: sorted[k]!.name });
  }
  await expect(row(14)).toBeInViewport();
  await page.keyboard.press('End');
  expect(await focused()).toEqual({ index: '119', posinset: '120', setsize: '120', name: sorted[119]!.name });
  await page.keyboard.press('PageUp');
  const afterPageUp = await focused();
  expect(Number(afterPageUp.index)).toBeLessThan(119);
  expect(afterPageUp.name).toBe(sorted[Number(afterPageUp.index)]!.name);
  await page.keyboard.press('Home');
  expect(await focused()).toEqual({ index: '0', posinset: '1', setsize: '120', name: sorted[0]!.name });

  // Scrolled far away and back with the wheel, the focused row stays rendered, focused and the same element.
  const focusedRow = await page.evaluateHandle(() => document.activeElement!);
  await list.hover();
  await page.mouse.wheel(0, 3000);
  await expect(row(0)).not.toBeInViewport();
  expect(await focusedRow.evaluate((e) => e === document.activeElement && e.isConnected)).toBe(true);
  await page.mouse.wheel(0, -3000);
  await expect(row(0)).toBeInViewport();
  expect(await focusedRow.evaluate((e) => e === document.activeElement && e.isConnected)).toBe(true);
  expect(await focused()).toEqual({ index: '0', posinset: '1', setsize: '120', name: sorted[0]!.name });

  // Type-to-find: a letter jumps to the next name starting with it.
  await page.keyboard.press('d');
  const found = await focused();
  expect(found.name).toBe(sorted.find((p) => p.name.startsWith('D'))!.name);
  await expect(list.locator(`[role="option"][data-index="${found.index}"]`)).toHaveAttribute('aria-selected', 'true');
});

async function importPeopleBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV or vCard…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await expect(importDialog(page)).toBeVisible();
}

test('two people sharing a phone are flagged but kept apart by default, in the file and against the directory', async ({ desk: page }) => {
  await openPeople(page);
  await importPeople(page, 'office.csv', 'name,email,phone\nAna Uno,ana@example.org,+34 910 000 000\nBea Dos,bea@example.org,+34 910 000 000\n');
  const dialog = importDialog(page);
  const duplicate = dialog.getByTestId('people-import-duplicate');
  await expect(duplicate).toContainText('Line 3: Bea Dos has the same phone as Ana Uno (line 2 of this file).');
  await expect(duplicate).toContainText('The names differ: “Bea Dos” and “Ana Uno”.');
  await expect(duplicate).toContainText('The emails differ: bea@example.org and ana@example.org.');
  await expect(duplicate).toContainText('Keep both is suggested: they may be two people sharing a phone number.');
  // Focus starts on the decision, not on Import.
  await expect(dialog.getByRole('radio', { name: 'Keep both' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Keep both' })).toBeFocused();
  await expect(page.getByTestId('people-import-summary')).toHaveText('2 to add, 0 to merge, 0 skipped.');
  // Choosing Merge offers the file's name and email, neither taken unless ticked.
  await dialog.getByRole('radio', { name: 'Merge' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Use the name in the file, “Bea Dos”, instead of “Ana Uno”' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Use the email in the file, bea@example.org, instead of ana@example.org' })).not.toBeChecked();
  await expect(page.getByTestId('people-import-summary')).toHaveText('1 to add, 1 to merge, 0 skipped.');
  await expectAccessible(page, 'import dialog with a shared phone');
  await dialog.getByRole('radio', { name: 'Keep both' }).check();
  await page.getByTestId('people-import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(toast(page)).toHaveText('Imported: 2 added, 0 merged, 0 skipped.');
  const people = () => storedRows<{ name: string; email: string; phones: string[] }>(page, 'people').then((rows) => rows.map((p) => [p.name, p.email, p.phones]).sort());
  expect(await people()).toEqual([['Ana Uno', 'ana@example.org', ['+34 910 000 000']], ['Bea Dos', 'bea@example.org', ['+34 910 000 000']]]);

  // The same against the directory: a third person at the switchboard is added, no one is renamed.
  await importPeople(page, 'carla.csv', 'name,email,phone\nCarla Tres,carla@example.org,+34 910 000 000\n');
  await expect(dialog.getByTestId('people-import-duplicate')).toContainText('Line 2: Carla Tres has the same phone as Ana Uno (in the directory).');
  await expect(dialog.getByRole('radio', { name: 'Keep both' })).toBeChecked();
  await page.getByTestId('people-import-confirm').click();
  await expect(dialog).toBeHidden();
  expect(await people()).toEqual([
    ['Ana Uno', 'ana@example.org', ['+34 910 000 000']],
    ['Bea Dos', 'bea@example.org', ['+34 910 000 000']],
    ['Carla Tres', 'carla@example.org', ['+34 910 000 000']],
  ]);
});

test('a Windows-1252 file (Excel on Windows) imports with its accents, and the preview says how it was read', async ({ desk: page }) => {
  await openPeople(page);
  // Latin-1 letters, and Windows-1252's own curly quotes (0x93, 0x94), which ISO-8859-1 lacks.
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const bytes = Buffer.concat([latin1('nombre;correo;notas\r\nJosé Pérez;jose@example.org;Portavoz '), Buffer.from([0x93]), latin1('suplente'), Buffer.from([0x94]), latin1('\r\nMaría Ibáñez;maria@example.org;\r\n')]);
  await importPeopleBytes(page, 'excel.csv', bytes);
  const dialog = importDialog(page);
  await expect(dialog.getByTestId('people-import-encoding')).toHaveText('This file is not UTF-8: it was read as Windows-1252 (Western European). Check the accents before importing.');
  await expect(dialog.getByTestId('people-import-rows').locator('tbody tr')).toHaveText([/José Pérez/, /María Ibáñez/]);
  await expectAccessible(page, 'import dialog of a Windows-1252 file');
  await expect(dialog.getByTestId('people-import-confirm')).toBeFocused();
  await page.getByTestId('people-import-confirm').click();
  await expect(dialog).toBeHidden();
  const stored = await storedRows<{ name: string; notes: string }>(page, 'people');
  expect(stored.map((p) => [p.name, p.notes]).sort()).toEqual([['José Pérez', 'Portavoz “suplente”'], ['María Ibáñez', '']]);

  // An empty file says so.
  await importPeople(page, 'empty.csv', '');
  await expect(dialog.getByTestId('people-import-errors')).toContainText('The file is empty.');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: directory, editor and import dialog (${theme})`, async ({ desk: page }) => {
    await nav(page).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await openPeople(page);
    await expectAccessible(page, `empty directory (${theme})`);
    await importPeople(page, 'bad.csv', 'name,email\nAna,not-an-email\n');
    await expectAccessible(page, `import dialog with errors (${theme})`);
    await importDialog(page).getByRole('button', { name: 'Close' }).click();
    await importExample(page);
    await importPeople(page, 'dup.csv', 'name,email\nLucía,lucia.ferrer@example.org\nNew One,new@example.org\n');
    await expectAccessible(page, `import dialog with a duplicate (${theme})`);
    await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expectAccessible(page, `directory (${theme})`);
    await personRow(page, 'Carmen Ibáñez').click();
    await expect(editor(page)).toBeVisible();
    await editor(page).getByRole('textbox', { name: 'Email' }).fill('bad');
    await editor(page).getByRole('button', { name: 'Save' }).click();
    await expect(editor(page).getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, `editor with warnings and an error (${theme})`);
  });
}

/** What has the keyboard focus, as "TAG|text" (never <body> after an action, QA 4 bug 4). */
const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return `${a?.tagName ?? ''}|${(a?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)}`;
  });

test('a new person by keyboard: a phone someone has is asked about, the focus lands on them, Escape goes to their row', async ({ desk: page }) => {
  await openPeople(page);
  await importExample(page);
  await page.keyboard.press('Alt+n');
  const name = editor(page).getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await name.fill('Zoe Nueva');
  // Carmen's phone written with the international 00 prefix: the same number.
  await editor(page).getByRole('textbox', { name: 'Phones' }).fill('0034 600 100 107');
  await name.press('Enter');
  const clash = editor(page).getByTestId('person-clash');
  await expect(clash).toContainText('Carmen Ibáñez already has the phone +34 600 100 107.');
  const saveAnyway = clash.getByRole('button', { name: 'Save anyway' });
  await expect(saveAnyway).toBeFocused();
  await expect(clash).toHaveAccessibleDescription(/Carmen Ibáñez already has the phone/);
  await expect(toast(page)).toHaveText('Someone already has these details: check before saving.');
  await expectAccessible(page, 'editor asking about a shared phone');
  expect(await storedRows(page, 'people')).toHaveLength(EXAMPLE_COUNT);

  await page.keyboard.press('Enter');
  await expect(toast(page)).toHaveText('Zoe Nueva added to the directory.');
  await expect(editor(page).getByRole('heading', { level: 2, name: 'Zoe Nueva' })).toBeFocused();
  expect(await focusedElement(page)).toBe('H2|Zoe Nueva');
  await page.keyboard.press('Escape');
  await expect(editor(page)).toHaveCount(0);
  await expect(personRow(page, 'Zoe Nueva')).toBeFocused();
  expect(await focusedElement(page)).toMatch(/^DIV\|Zoe Nueva/);
  await expect(personRow(page, 'Zoe Nueva')).toHaveAttribute('aria-selected', 'true');
  // Enter opens her again.
  await page.keyboard.press('Enter');
  await expect(editor(page).getByRole('heading', { level: 2, name: 'Zoe Nueva' })).toBeVisible();
});

test('an email someone has is almost certainly them: the editor offers to open that person, and saves nothing', async ({ desk: page }) => {
  await openPeople(page);
  await importExample(page);
  await page.keyboard.press('Alt+n');
  await editor(page).getByRole('textbox', { name: 'Name' }).fill('C. Ibáñez');
  const email = editor(page).getByRole('textbox', { name: 'Email' });
  await email.fill('CARMEN.IBANEZ@example.org');
  await email.press('Enter');
  const clash = editor(page).getByTestId('person-clash');
  await expect(clash).toContainText('Carmen Ibáñez already has the email carmen.ibanez@example.org: this is almost certainly the same person.');
  const open = clash.getByRole('button', { name: 'Open Carmen Ibáñez instead (this form is not saved)' });
  await expect(open).toBeFocused();
  await expectAccessible(page, 'editor asking about a shared email');
  // Escape takes the warning away and goes back to the field, not out of the editor.
  await page.keyboard.press('Escape');
  await expect(clash).toHaveCount(0);
  await expect(email).toBeFocused();
  await email.press('Enter');
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor(page).getByRole('heading', { level: 2, name: 'Carmen Ibáñez' })).toBeFocused();
  expect(await storedRows(page, 'people')).toHaveLength(EXAMPLE_COUNT);
});

test('deleting a person moves the focus to the row in their place, or to the search box when none is left', async ({ desk: page }) => {
  await openPeople(page);
  await importExample(page);
  const rows = await peopleList(page).getByRole('option').locator('.person-row-title').allInnerTexts();
  await personRow(page, rows[1]!).click();
  await editor(page).getByRole('button', { name: 'Delete person' }).click();
  await expect(editor(page).getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(peopleCount(page)).toHaveText(`${EXAMPLE_COUNT - 1} people`);
  await expect(personRow(page, rows[2]!)).toBeFocused();
  expect(await focusedElement(page)).toMatch(new RegExp(`^DIV\\|${rows[2]}`));

  await peopleSearch(page).fill(rows[3]!);
  await expect(peopleList(page).getByRole('option')).toHaveCount(1);
  await peopleSearch(page).press('Enter');
  await expect(editor(page).getByRole('textbox', { name: 'Name' })).toBeFocused();
  await editor(page).getByRole('button', { name: 'Delete person' }).press('Enter');
  await page.keyboard.press('Enter');
  await expect(peopleCount(page)).toHaveText(`Nobody matches among ${EXAMPLE_COUNT - 2} people`);
  await expect(peopleSearch(page)).toBeFocused();
});

test('a binary file picked as CSV is "not a CSV file"; a roster that names backups imports twice', async ({ desk: page }) => {
  await openPeople(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV or vCard…' }).click();
  await (await chooser).setFiles({ name: 'foto.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 255, 254]) });
  await expect(importDialog(page).getByTestId('people-import-errors')).toContainText('“foto.csv” is not a CSV file: it holds binary data');
  await expect(importDialog(page)).not.toContainText('Unknown column');
  await expect(importDialog(page).getByTestId('people-import-encoding')).toHaveCount(0);
  await expectAccessible(page, 'import dialog refusing a binary file');
  await importDialog(page).getByRole('button', { name: 'Close' }).click();

  // UTF-16 saved without its byte-order mark: told what it is and what to do, not "binary data".
  const utf16 = Buffer.from('nombre;correo\r\nJosé Ibáñez;jose@example.org\r\n', 'utf16le');
  const chooser16 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV or vCard…' }).click();
  await (await chooser16).setFiles({ name: 'unicode.csv', mimeType: 'text/csv', buffer: utf16 });
  await expect(importDialog(page).getByTestId('people-import-errors')).toContainText('“unicode.csv” looks like UTF-16 without a byte-order mark. Save it as UTF-8');
  await expect(importDialog(page)).not.toContainText('binary data');
  await expect(importDialog(page).getByTestId('people-import-encoding')).toHaveCount(0);
  await importDialog(page).getByRole('button', { name: 'Close' }).click();

  const roster = [
    'nombre;teléfono;correo;suplente',
    'José Ibáñez;+34 600 111 222;jose@example.org;Marta Soler',
    'Marta Soler;+34 600 333 444;marta@example.org;José Ibáñez',
    'Duplicado Email;+34 600 999 999;JOSE@example.org;',
  ].join('\r\n');
  await importPeople(page, 'roster.csv', roster);
  await page.getByTestId('people-import-confirm').click();
  await expect(peopleCount(page)).toHaveText('3 people');
  await importPeople(page, 'roster.csv', roster);
  await expect(importDialog(page).getByTestId('people-import-errors')).toHaveCount(0);
  await expect(page.getByTestId('people-import-summary')).toHaveText('0 to add, 3 to merge, 0 skipped.');
  await page.getByTestId('people-import-confirm').click();
  await expect(peopleCount(page)).toHaveText('3 people');
});
