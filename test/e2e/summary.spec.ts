import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import {
  copyDialog,
  copyPreview,
  declareDialog,
  declareIncident,
  goTo,
  grantClipboard,
  markClipboard,
  openConsole,
  pdfText,
  readClipboard,
  setName,
  shipped,
  shippedPlaybook,
  stepRow,
  stepTitle,
  summaryCards,
  timeline,
  timelineRows,
} from './helpers';

/**
 * The executive summary: what was said publicly and when (against the two-hour target), what was
 * decided, the checklist's figures; copyable as text or Markdown, printable to PDF, in English and
 * in Spanish. And the incident screens pass axe in both themes.
 */

test.use({ locale: 'en-US', timezoneId: 'Europe/Madrid' });

const HIJACKED = shippedPlaybook('calma.playbook.hijacked-account');
const STEPS = HIJACKED.revisions.at(-1)!.steps;
const T0 = new Date('2026-05-10T10:00:00Z');

/** Adds an entry to the incident's log with the composer. */
async function logEntry(page: Page, kind: 'Note' | 'Decision' | 'Public statement', text: string): Promise<void> {
  await page.locator('.log-composer').getByRole('radio', { name: kind }).check();
  await page.getByRole('textbox', { name: 'Entry' }).fill(text);
  await page.getByRole('button', { name: 'Add to log' }).click();
  await expect(timelineRows(page).filter({ hasText: `${kind}: ${text}` })).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Entry' })).toHaveValue('');
}

const summaryFact = (page: Page, name: string) => summaryCards(page).locator('.facts > div').filter({ has: page.locator('dt', { hasText: name }) }).locator('dd');

test('a statement issued from a step\'s linked answer: clipboard, timeline, and the summary', async ({ page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  await declareIncident(page, { playbookTitle: HIJACKED.title.en });

  const step = STEPS[3]!;
  const answer = shipped(step.answerIds[0]!);
  expect(answer.id).toBe('calma.answer.hijacked-account-alert');
  expect(answer.variables.map((v) => v.name)).toEqual(['red_social', 'hora_inicio']);
  const filled = answer.revisions[0]!.texts.en.x!.replace('{{red_social}}', 'Instagram').replace('{{hora_inicio}}', '11:58');
  await markClipboard(page);

  await stepRow(page, stepTitle(step)).getByRole('button', { name: `Copy “${answer.title.en}”` }).click();
  const dialog = copyDialog(page);
  await expect(dialog.getByRole('heading', { name: answer.title.en })).toBeVisible();
  // It opens tied to the incident the step belongs to, recording the copy as a public statement.
  await expect(dialog.getByRole('combobox', { name: 'Incident' }).locator('option:checked')).toHaveText(HIJACKED.title.en);
  const asStatement = dialog.getByRole('checkbox', { name: 'Record it in the incident\'s log as a public statement' });
  await expect(asStatement).toBeChecked();
  await dialog.getByRole('textbox', { name: answer.variables[0]!.label.en }).fill('Instagram');
  await dialog.getByRole('textbox', { name: answer.variables[1]!.label.en }).fill('11:58');
  await expect(copyPreview(page)).toHaveText(filled);
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(filled);

  await expect(timelineRows(page)).toHaveCount(3);
  await expect(timeline(page)).toContainText(`Ana Ortega copied “${answer.title.en}” for X (EN)`);
  const statementRow = timelineRows(page).filter({ hasText: 'Public statement (X):' });
  await expect(statementRow).toHaveCount(1);
  await expect(statementRow.locator('.timeline-text')).toHaveText(`Ana Ortega Public statement (X): ${filled}Correct`);
  await expect(statementRow).toHaveClass(/\bkind-statement\b/);

  await page.getByRole('button', { name: 'Executive summary' }).click();
  await expect(summaryCards(page)).toHaveCount(1);
  const last = summaryCards(page).getByRole('region', { name: 'Last public statement' });
  await expect(last.locator('blockquote p')).toHaveText(filled);
  await expect(last.locator('blockquote footer')).toContainText('· Ana Ortega');
  await expect(summaryFact(page, 'First public answer')).toHaveText(/^May 10, 2026, 12:00 PM, within the 2-hour target$/);
  await expect(summaryFact(page, 'First public answer')).not.toHaveClass(/\blate\b/);

  // A second incident whose first statement comes after two hours says so, and is marked.
  await declareIncident(page, { title: 'Slow start' });
  await page.clock.fastForward('02:01:00');
  await page.getByRole('button', { name: 'Executive summary' }).click();
  await expect(summaryFact(page, 'First public answer')).toHaveText('Not yet, and the 2-hour target has passed');
  await expect(summaryFact(page, 'First public answer')).toHaveClass(/\blate\b/);
  await goTo(page, 'incidents');
  await logEntry(page, 'Public statement', 'We are looking into it.');
  await page.getByRole('button', { name: 'Executive summary' }).click();
  await expect(summaryFact(page, 'First public answer')).toHaveText(/^May 10, 2026, 2:01 PM, after the 2-hour target$/);
  await expect(summaryFact(page, 'First public answer')).toHaveClass(/\blate\b/);
});

test('copying a step\'s answer in a resolved incident shows the incident it records in; unticked, no statement', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await declareIncident(page, { playbookTitle: HIJACKED.title.en });
  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.locator('.status-line .badge').first()).toHaveText('Resolved');
  const answer = shipped(STEPS[3]!.answerIds[0]!);

  await stepRow(page, stepTitle(STEPS[3]!)).getByRole('button', { name: `Copy “${answer.title.en}”` }).click();
  const dialog = copyDialog(page);
  await expect(dialog.getByRole('heading', { name: answer.title.en })).toBeVisible();
  // What the picker shows is where the copy goes: the resolved incident, not a hidden choice.
  await expect(dialog.getByRole('combobox', { name: 'Incident' }).locator('option:checked')).toHaveText(HIJACKED.title.en);
  await dialog.getByRole('checkbox', { name: 'Record it in the incident\'s log as a public statement' }).uncheck();
  await dialog.getByRole('textbox', { name: answer.variables[0]!.label.en }).fill('Instagram');
  await dialog.getByRole('textbox', { name: answer.variables[1]!.label.en }).fill('11:58');
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toContain('our Instagram account has been compromised since 11:58');

  await expect(timelineRows(page)).toHaveCount(3);
  await expect(timelineRows(page).nth(2)).toContainText(`copied “${answer.title.en}” for X (EN)`);
  await expect(timelineRows(page).filter({ hasText: 'Public statement' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Executive summary' }).click();
  await expect(summaryCards(page).getByRole('region', { name: 'Last public statement' })).toContainText('No public statement yet.');
});


test('summary export: text and Markdown on the clipboard, and a PDF, in English and in Spanish', async ({ page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  await declareIncident(page, { playbookTitle: HIJACKED.title.en });
  await page.getByRole('checkbox', { name: stepTitle(STEPS[0]!) }).check();
  await expect(stepRow(page, stepTitle(STEPS[0]!))).toHaveClass(/\bstep-done\b/);
  const statement = 'Our Instagram account was compromised at 11:58. Please do not open links sent from it.';
  await logEntry(page, 'Public statement', 'Holding line: we are checking what happened.');
  await logEntry(page, 'Public statement', statement);
  await logEntry(page, 'Decision', 'Warn followers from the website and LinkedIn.');

  await page.getByRole('button', { name: 'Executive summary' }).click();
  const card = summaryCards(page);
  await expect(card).toHaveCount(1);
  const figures = `1 of ${STEPS.length} done, 0 overdue`;
  await expect(summaryFact(page, 'Checklist')).toHaveText(figures);
  await expect(card.getByRole('region', { name: 'Last public statement' }).locator('blockquote p')).toHaveText(statement);

  await markClipboard(page);
  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect(page.getByTestId('toast')).toHaveText('Summary copied as text.');
  const text = await readClipboard(page);
  expect(text).toMatch(/^EXECUTIVE SUMMARY\n/);
  expect(text).toContain(`${HIJACKED.title.en}\n${'='.repeat(HIJACKED.title.en.length)}`);
  expect(text).toContain('• Status: Declared · Severity: High');
  expect(text).toContain(`• Checklist: ${figures}`);
  expect(text).toContain('• Lead: Ana Ortega');
  expect(text).toMatch(new RegExp(`Last public statement \\([^)]+\\):\\n {4}${statement.replace(/\./g, '\\.')}`));
  expect(text).not.toContain('Holding line');
  expect(text).toContain('• May 10, 2026, 12:00 PM — Warn followers from the website and LinkedIn.');
  // No call tree was chosen for it, and the summary says so rather than leaving it out.
  expect(text).toContain('• Call tree: None chosen for this incident.');

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByTestId('toast')).toHaveText('Summary copied as Markdown.');
  const markdown = await readClipboard(page);
  expect(markdown).toMatch(/^# Executive summary\n/);
  expect(markdown).toContain(`## ${HIJACKED.title.en}\n`);
  expect(markdown).toContain('- Status: Declared · Severity: High');
  expect(markdown).toContain(`- Checklist: ${figures}`);
  expect(markdown).toContain(`\n> ${statement}\n`);
  expect(markdown).toContain('- Call tree: None chosen for this incident.');

  // Print / PDF calls window.print in a browser; Chromium's own PDF of the page stands in for it.
  await expect(card.locator('.chart .recharts-area')).toHaveCount(3);
  // The time axis never says the same time twice (the first minutes of an incident once read
  // "12:03 PM" ten times over), and its last label is not cut off by the chart's edge.
  const axis = card.locator('.chart .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  const times = await axis.allTextContents();
  expect(times.length).toBeGreaterThan(1);
  expect(new Set(times).size).toBe(times.length);
  const svg = (await card.locator('.chart svg.recharts-surface[role="application"]').boundingBox())!;
  const last = (await axis.last().boundingBox())!;
  expect(last.x + last.width).toBeLessThanOrEqual(svg.x + svg.width);
  await expect(card.locator('.chart-legend li')).toHaveText(['Done', 'Open', 'Overdue']);
  const en = pdfText(await page.pdf());
  for (const expected of ['Executive summary', HIJACKED.title.en, 'Last public statement', statement, `Checklist ${figures}`, 'Status Declared', 'Lead Ana Ortega', 'Call tree None chosen for this incident.']) {
    expect(en, `PDF (en) has "${expected}"`).toContain(expected);
  }
  // What is only for the screen stays off paper.
  expect(en).not.toContain('Copy as Markdown');
  expect(en).not.toContain('Incidents Answers');

  await goTo(page, 'settings');
  await page.getByTestId('language-select').selectOption('es');
  await goTo(page, 'summary');
  await expect(page.getByRole('heading', { level: 2, name: 'Resumen ejecutivo' })).toBeVisible();
  const cifras = `1 de ${STEPS.length} hechos, 0 vencidos`;
  await expect(summaryFact(page, 'Lista de pasos')).toHaveText(cifras);
  await expect(card.locator('.chart .recharts-area')).toHaveCount(3);
  // The legend speaks Spanish too, to screen readers as well (no "legend icon" names in English).
  await expect(card.locator('.chart-legend li')).toHaveText(['Hechos', 'Pendientes', 'Vencidos']);
  await expect(card.getByRole('img', { name: /legend icon/ })).toHaveCount(0);
  const es = pdfText(await page.pdf());
  for (const expected of ['Resumen ejecutivo', HIJACKED.title.en, 'Último comunicado público', statement, `Lista de pasos ${cifras}`, 'Estado Declarado', 'Responsable Ana Ortega', 'Decisiones clave', 'Cadena de llamadas No se ha elegido ninguna para este incidente.']) {
    expect(es, `PDF (es) has "${expected}"`).toContain(expected);
  }
  expect(es).not.toContain('Executive summary');

  // The checklist speaks the UI's language too, times included (the browser itself says en-US).
  await goTo(page, 'incidents');
  const primero = stepRow(page, stepTitle(STEPS[0]!, 'es'));
  await expect(primero.locator('.step-meta')).toContainText('Vence a las 12:00 (T+0 min) · Hecho por Ana Ortega a las 12:00 ·');
  await page.getByRole('button', { name: 'Resumen ejecutivo' }).click();

  await page.getByRole('button', { name: 'Copiar como texto' }).click();
  await expect(page.getByTestId('toast')).toHaveText('Resumen copiado como texto.');
  const texto = await readClipboard(page);
  expect(texto).toMatch(/^RESUMEN EJECUTIVO\n/);
  expect(texto).toContain('• Estado: Declarado · Gravedad: Alta');
  expect(texto).toContain(`• Lista de pasos: ${cifras}`);
  expect(texto).toContain(statement);
  expect(texto).toContain('• Cadena de llamadas: No se ha elegido ninguna para este incidente.');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe (${theme}): incidents with a running incident, the declare dialog, the summary`, async ({ page, appUrl }) => {
    await page.clock.install({ time: T0 });
    await openConsole(page, appUrl);
    await goTo(page, 'settings');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await setName(page, 'Ana Ortega');

    // Every state a step can show: done, overdue, due soon, open, optional; and every kind of log line.
    await declareIncident(page, { playbookTitle: HIJACKED.title.en });
    await page.getByRole('checkbox', { name: stepTitle(STEPS[0]!) }).check();
    await logEntry(page, 'Decision', 'Warn followers from the website.');
    await logEntry(page, 'Public statement', 'Our Instagram account was compromised.');
    await logEntry(page, 'Note', 'Support case 4711.');
    await page.getByRole('button', { name: 'Mark active' }).click();
    await page.clock.fastForward('11:00');
    await expect(stepRow(page, stepTitle(STEPS[1]!))).toHaveClass(/\bstep-overdue\b/);
    await expect(stepRow(page, stepTitle(STEPS[3]!))).toHaveClass(/\bstep-due-soon\b/);
    await expectAccessible(page, `incidents (${theme})`);

    // The correction state of the composer, and the empty-entry error.
    await timelineRows(page).filter({ hasText: 'Decision:' }).getByRole('button', { name: 'Correct' }).click();
    await page.getByRole('button', { name: 'Add correction' }).click();
    await expect(page.locator('.log-composer').getByRole('alert')).toBeVisible();
    await expectAccessible(page, `incidents, correcting (${theme})`);
    await page.locator('.log-composer .note').getByRole('button', { name: 'Cancel' }).click();

    await page.getByTestId('declare-button').click();
    await declareDialog(page).getByTestId('declare-playbook').selectOption({ label: HIJACKED.title.en });
    await expect(declareDialog(page).getByText(/^12 steps from revision 1/)).toBeVisible();
    await expectAccessible(page, `declare dialog (${theme})`);
    await declareDialog(page).getByTestId('declare-title').fill('');
    await declareDialog(page).getByTestId('declare-title').press('Enter');
    await expect(declareDialog(page).getByRole('alert')).toHaveText('Give the incident a title.');
    await expectAccessible(page, `declare dialog with an error (${theme})`);
    await page.keyboard.press('Escape');
    await expect(declareDialog(page)).toBeHidden();

    await page.getByRole('button', { name: 'Executive summary' }).click();
    await expect(summaryCards(page).locator('.chart .recharts-area')).toHaveCount(3);
    await expect(summaryCards(page).getByRole('region', { name: 'Overdue steps' })).toBeVisible();
    await expectAccessible(page, `summary (${theme})`);
  });
}
