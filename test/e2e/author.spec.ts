import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import {
  copyDialog,
  copyPreview,
  declareIncident,
  goTo,
  grantClipboard,
  readClipboard,
  searchFor,
  selectAnswer,
  shipped,
  shippedPlaybook,
  stepRow,
  stepTitle,
  storedRows,
  summaryCards,
  timeline,
  timelineRows,
} from './helpers';

/**
 * With no name set in Settings, what a person does is stored under an untranslated marker of
 * their device, and shown as "Anonymous (device 3f2a)" in English and "Anónimo (dispositivo 3f2a)"
 * in Spanish: the same rows read right in either language, and two anonymous machines differ.
 */

test.use({ locale: 'en-US', timezoneId: 'Europe/Madrid' });

const HIJACKED = shippedPlaybook('calma.playbook.hijacked-account');
const STEP = HIJACKED.revisions.at(-1)!.steps[3]!;

/** This device's id, as the console stores it. */
async function deviceId(page: Page): Promise<string> {
  const meta = await storedRows<{ key: string; value: { id: string } }>(page, 'meta');
  return meta.find((row) => row.key === 'device')!.value.id;
}

test('no name set: the timeline, the lead, the copy log and the summary say "Anonymous", with the device, in English and in Spanish', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  // The console asks for a name for as long as there is none.
  await expect(page.locator('header').getByRole('button', { name: 'Set your name' })).toBeVisible();

  await declareIncident(page, { playbookTitle: HIJACKED.title.en });
  const device = await deviceId(page);
  const short = device.slice(1, 5);
  const en = `Anonymous (device ${short})`;
  const es = `Anónimo (dispositivo ${short})`;
  await expect(timelineRows(page).first()).toContainText(`${en} declared the incident “${HIJACKED.title.en}”`);
  await expect(page.locator('.status-line')).toContainText(`Lead: ${en}.`);

  // A statement copied from the step's linked answer, recorded in the incident.
  const answer = shipped(STEP.answerIds[0]!);
  const filled = answer.revisions[0]!.texts.en.x!.replace('{{red_social}}', 'Instagram').replace('{{hora_inicio}}', '20:00');
  await stepRow(page, stepTitle(STEP)).getByRole('button', { name: /^Copy (linked answer|“.+”)$/ }).click();
  const dialog = copyDialog(page);
  await dialog.getByRole('textbox', { name: answer.variables[0]!.label.en }).fill('Instagram');
  await dialog.getByRole('textbox', { name: answer.variables[1]!.label.en }).fill('20:00');
  await expect(copyPreview(page)).toHaveText(filled);
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(filled);
  await expect(timeline(page)).toContainText(`${en} copied “${answer.title.en}” for X (EN)`);
  await expect(timelineRows(page).filter({ hasText: 'Public statement (X):' }).locator('.timeline-text')).toContainText(`${en} Public statement (X):`);
  await expect(timeline(page)).not.toContainText('anonymous');
  await expectAccessible(page, 'incident, anonymous, en');

  // Stored as the marker, never as a word of the interface.
  const entries = await storedRows<{ by: string }>(page, 'logEntries');
  const copies = await storedRows<{ by: string }>(page, 'copyEvents');
  const incidents = await storedRows<{ declaredBy: string; lead: { name: string } }>(page, 'incidents');
  expect(entries.length).toBe(2);
  expect([...entries.map((e) => e.by), ...copies.map((c) => c.by), incidents[0]!.declaredBy, incidents[0]!.lead.name]).toEqual(Array(entries.length + copies.length + 2).fill(`@anonymous/${device}`));

  // The answer's copy log on the desk says the same.
  await goTo(page, 'answers');
  await searchFor(page, answer.title.en);
  await selectAnswer(page, answer.title.en);
  await expect(page.locator('.copy-log li')).toContainText(`${en} copied revision 1 for X (EN)`);

  // The same rows, in Spanish.
  await goTo(page, 'settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await goTo(page, 'incidents');
  await expect(timelineRows(page).first()).toContainText(es);
  await expect(page.locator('.status-line')).toContainText(`Responsable: ${es}.`);
  await expect(timeline(page)).not.toContainText('Anonymous');
  await expect(timeline(page)).not.toContainText('anónimo');
  await expectAccessible(page, 'incident, anonymous, es');
  await page.getByRole('button', { name: 'Resumen ejecutivo' }).click();
  await expect(summaryCards(page).locator('.facts')).toContainText(es);
  await expect(summaryCards(page).locator('blockquote footer')).toContainText(`· ${es}`);
  await expectAccessible(page, 'summary, anonymous, es');
});
