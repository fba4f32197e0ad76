import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import {
  copyDialog,
  copyPreview,
  countText,
  declareIncident,
  goTo,
  grantClipboard,
  importLibrary,
  libraryYaml,
  markClipboard,
  readClipboard,
  resultCount,
  shipped,
  SHIPPED_COUNT,
  storedRows,
  timeline,
  toast,
} from './helpers';

/**
 * An approved SMS of 114 characters can become 217/160 once its blanks are filled. Over the limit
 * the dialog does not copy on Enter: it says how far over and on which channel, and asks for its
 * own tick (next to the unapproved one when both apply); the copy log records the length. All by
 * keyboard.
 */

test.use({ locale: 'en-US', timezoneId: 'UTC' });

const PRODUCT_FAULT = shipped('calma.answer.product-fault');
const SMS = PRODUCT_FAULT.revisions[0]!.texts.en.sms!;
const LINK = 'https://example.org/recall';
/** A product name that takes the filled SMS to 217 characters: 57 over. */
const LONG_PRODUCT = 'Cafetera Modelo X Deluxe 2026 with built-in grinder, two-litre tank and the limited-edition frother';
const SHORT_PRODUCT = 'Cafetera X';
const fill = (product: string) => SMS.replace('{{producto}}', product).replace('{{enlace}}', LINK);
const OVER_WARNING = '217 of 160 characters for SMS: 57 over. The channel may cut or refuse it.';

interface StoredCopy {
  answerId: string;
  channel: string;
  text: string;
  confirmedUnapproved: boolean;
  overLimit: { length: number; limit: number } | null;
}

/** Ctrl+K, the title, Enter: the copy dialog, focus in its first blank. */
async function openCopyFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('palette-input');
  await expect(input).toBeFocused();
  await page.keyboard.type(title);
  await expect(page.getByRole('dialog', { name: 'Command palette' }).locator('[role=option][aria-selected=true]')).toContainText(title);
  await page.keyboard.press('Enter');
  await expect(copyDialog(page).getByRole('heading', { name: title })).toBeVisible();
}

/** From the first blank, Shift+Tab back to the channel picker, pick by typing its name, Tab back. */
async function pickChannel(page: Page, name: string, value: string): Promise<void> {
  const channel = copyDialog(page).getByRole('combobox', { name: 'Channel' });
  await page.keyboard.press('Shift+Tab');
  await expect(channel).toBeFocused();
  await page.keyboard.type(name);
  await expect(channel).toHaveValue(value);
  await page.keyboard.press('Tab');
}

/** Select-all and type, in whichever field has the focus. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('an approved SMS filled past 160 copies only after its own tick, and the log records 217 of 160', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  expect(SMS.length).toBeLessThanOrEqual(160);
  expect(fill(LONG_PRODUCT)).toHaveLength(217);
  const marker = await markClipboard(page);

  await openCopyFromPalette(page, PRODUCT_FAULT.title.en);
  const dialog = copyDialog(page);
  const product = dialog.getByRole('textbox', { name: 'Affected product' });
  await expect(product).toBeFocused();
  await pickChannel(page, 'SMS', 'sms');
  await expect(product).toBeFocused();
  await page.keyboard.type(LONG_PRODUCT);
  await page.keyboard.press('Tab');
  await page.keyboard.type(LINK);
  await expect(copyPreview(page)).toHaveText(fill(LONG_PRODUCT));

  // The warning names the counts and the channel; the copy button still says plain "Copy" (approved).
  const warning = dialog.getByTestId('copy-over-limit');
  await expect(warning).toContainText(OVER_WARNING);
  await expect(dialog.locator('.count')).toHaveText('217 / 160');
  const tick = dialog.getByRole('checkbox', { name: 'Copy it anyway, over the limit' });
  await expect(tick).not.toBeChecked();
  await expect(tick).toHaveAccessibleDescription(OVER_WARNING);
  await expect(dialog.getByRole('checkbox', { name: /not approved/ })).toHaveCount(0);

  // A reflexive Enter does not copy: it says why and puts the focus on the tick.
  await page.keyboard.press('Enter');
  const error = dialog.getByRole('alert').filter({ hasText: 'Tick the box' });
  await expect(error).toHaveText('Tick the box to confirm you are copying text over the limit for SMS.');
  await expect(tick).toBeFocused();
  await expect(dialog).toBeVisible();
  expect(await readClipboard(page)).toBe(marker);
  expect(await storedRows<StoredCopy>(page, 'copyEvents')).toEqual([]);
  await expectAccessible(page, 'copy dialog over the limit');

  // Space ticks, Enter then copies.
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
  await expect(error).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(fill(LONG_PRODUCT));
  await expect(toast(page)).toHaveText('Copied for SMS, recorded as over the limit.');

  const copies = await storedRows<StoredCopy>(page, 'copyEvents');
  expect(copies).toHaveLength(1);
  expect(copies[0]).toMatchObject({ answerId: PRODUCT_FAULT.id, channel: 'sms', text: fill(LONG_PRODUCT), confirmedUnapproved: false, overLimit: { length: 217, limit: 160 } });
  // The desk's copy log says so where it shows the status.
  await expect(page.locator('#answer-title')).toHaveText(PRODUCT_FAULT.title.en);
  await expect(page.locator('.copy-log li .badge')).toHaveText('over the limit (217 of 160)');
});

test('shortening the value so the text fits clears the need; a channel without a limit never asks', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await markClipboard(page);
  await openCopyFromPalette(page, PRODUCT_FAULT.title.en);
  const dialog = copyDialog(page);
  const product = dialog.getByRole('textbox', { name: 'Affected product' });
  const warning = dialog.getByTestId('copy-over-limit');
  const tick = dialog.getByRole('checkbox', { name: 'Copy it anyway, over the limit' });
  await pickChannel(page, 'SMS', 'sms');
  const placeBefore = await product.boundingBox();
  await page.keyboard.type(LONG_PRODUCT);
  await page.keyboard.press('Tab');
  await page.keyboard.type(LINK);
  await expect(warning).toContainText(OVER_WARNING);
  // The warning comes in under the preview: the field being typed in stays where it was.
  expect(await product.boundingBox()).toEqual(placeBefore);

  // Ticked, then the text made to fit: the warning goes, and the tick with it.
  await page.keyboard.press('Enter');
  await expect(tick).toBeFocused();
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
  // The tick sits after the blanks, before the buttons.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.locator('#var-enlace')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(product).toBeFocused();
  await retype(page, SHORT_PRODUCT);
  await expect(warning).toHaveCount(0);
  // Over again: asked again, the earlier tick does not carry over to new text.
  await retype(page, LONG_PRODUCT);
  await expect(warning).toContainText(OVER_WARNING);
  await expect(tick).not.toBeChecked();

  // A channel without a limit (email) never asks, whatever the length.
  await pickChannel(page, 'Email', 'email');
  await expect(dialog.locator('.count')).toContainText('characters');
  await expect(warning).toHaveCount(0);
  // Back on SMS with a value that fits: one Enter copies, recorded as within the limit.
  await pickChannel(page, 'SMS', 'sms');
  await expect(product).toBeFocused();
  await retype(page, SHORT_PRODUCT);
  await expect(warning).toHaveCount(0);
  await expect(copyPreview(page)).toHaveText(fill(SHORT_PRODUCT));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(fill(SHORT_PRODUCT));
  await expect(toast(page)).toHaveText('Copied for SMS.');
  const copies = await storedRows<StoredCopy>(page, 'copyEvents');
  expect(copies).toEqual([expect.objectContaining({ channel: 'sms', text: fill(SHORT_PRODUCT), overLimit: null })]);
  await expect(page.locator('.copy-log li .badge')).toHaveCount(0);
});

/** A draft whose SMS has a blank: over the limit and not approved, so both ticks, one after the other. */
const DRAFT_SMS_YAML = [
  '  - id: e2e.answer.draft-sms',
  '    title: { es: "Aviso SMS sin revisar", en: "Unreviewed SMS notice" }',
  '    tags: [e2e]',
  '    variables:',
  '      - name: servicio',
  '        label: { es: "Servicio", en: "Service" }',
  '    createdAt: "2025-01-01T09:00:00Z"',
  '    createdBy: e2e-author',
  '    revisions:',
  '      - id: e2e.answer.draft-sms.r1',
  '        number: 1',
  '        basedOn: null',
  '        createdAt: "2025-01-01T09:00:00Z"',
  '        createdBy: e2e-author',
  '        texts:',
  '          es: { sms: "{{servicio}} no funciona. Trabajamos en ello." }',
  '          en: { sms: "{{servicio}} is down. We are working on it." }',
].join('\n');

test('not approved and over the limit: Enter asks for each tick in turn, and the log says both', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await importLibrary(page, 'draft-sms.yaml', libraryYaml(DRAFT_SMS_YAML));
  await expect(toast(page)).toHaveText('Imported 1 answer and 1 revision.');
  await goTo(page, 'answers');
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT + 1));
  const marker = await markClipboard(page);
  await openCopyFromPalette(page, 'Unreviewed SMS notice');
  const dialog = copyDialog(page);
  await expect(dialog.getByRole('combobox', { name: 'Channel' })).toHaveValue('sms');
  const service = 'x'.repeat(150);
  await page.keyboard.type(service);
  const text = `${service} is down. We are working on it.`;
  await expect(copyPreview(page)).toHaveText(text);
  const warning = dialog.getByTestId('copy-over-limit');
  await expect(warning).toContainText(`${text.length} of 160 characters for SMS: ${text.length - 160} over.`);
  const unapproved = dialog.getByRole('checkbox', { name: 'I understand this text is not approved; copy it anyway.' });
  const over = dialog.getByRole('checkbox', { name: 'Copy it anyway, over the limit' });

  await page.keyboard.press('Enter');
  await expect(unapproved).toBeFocused();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Tick the box' })).toHaveText('Tick the box to confirm you are copying text that is not approved.');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(over).toBeFocused();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Tick the box' })).toHaveText('Tick the box to confirm you are copying text over the limit for SMS.');
  expect(await readClipboard(page)).toBe(marker);
  await expectAccessible(page, 'copy dialog, not approved and over the limit');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(text);
  await expect(toast(page)).toHaveText('Copied for SMS, recorded as not approved and over the limit.');
  const copies = await storedRows<StoredCopy>(page, 'copyEvents');
  expect(copies).toEqual([expect.objectContaining({ text, confirmedUnapproved: true, overLimit: { length: text.length, limit: 160 } })]);
});

test('a copy over the limit made for an incident says so in its timeline', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await declareIncident(page, { title: 'Recall night' });
  await openCopyFromPalette(page, PRODUCT_FAULT.title.en);
  const dialog = copyDialog(page);
  const incident = dialog.getByRole('combobox', { name: 'Incident' });
  await page.keyboard.press('Shift+Tab');
  await expect(incident).toBeFocused();
  await page.keyboard.type('Recall night');
  await expect(incident.locator('option:checked')).toHaveText('Recall night');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('SMS');
  await expect(dialog.getByRole('combobox', { name: 'Channel' })).toHaveValue('sms');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('checkbox', { name: 'Record it in the incident\'s log as a public statement' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Affected product' })).toBeFocused();
  await page.keyboard.type(LONG_PRODUCT);
  await page.keyboard.press('Tab');
  await page.keyboard.type(LINK);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('checkbox', { name: 'Copy it anyway, over the limit' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(fill(LONG_PRODUCT));

  await goTo(page, 'incidents');
  await expect(page.locator('#incident-title')).toHaveText('Recall night');
  await expect(timeline(page)).toContainText(`copied “${PRODUCT_FAULT.title.en}” for SMS (EN), over the limit (217 of 160)`);
});
