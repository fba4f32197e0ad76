import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import {
  answerYaml,
  copyDialog,
  countText,
  goTo,
  grantClipboard,
  importLibrary,
  libraryYaml,
  markClipboard,
  readClipboard,
  resultCount,
  resultRow,
  searchFor,
  selectAnswer,
  setName,
  SHIPPED_COUNT,
  toast,
} from './helpers';

/**
 * Approval is what makes a text safe to publish. Text that is not approved (a draft, or an
 * approval that has lapsed) can still be copied in an emergency, but only after an explicit
 * confirmation, and the copy log says so. Nobody approves their own revision, nor one over a limit.
 */

test.use({ locale: 'en-US', timezoneId: 'UTC' });

const EXPIRED = {
  id: 'e2e.answer.lapsed',
  title: 'Lapsed approval notice',
  x: 'We are looking into the reports and will update this thread within the hour.',
};
const DRAFT = {
  id: 'e2e.answer.unreviewed',
  title: 'Unreviewed draft notice',
  x: 'Thank you for flagging this. Our team is checking it now and will reply here today.',
};

async function copyUnapproved(page: Page, opts: { title: string; x: string; status: 'Expired' | 'Draft'; warning: string | RegExp }) {
  const marker = await markClipboard(page);
  await goTo(page, 'answers');
  await searchFor(page, opts.title, '1 answer');
  await expect(resultRow(page, opts.title).locator('.badge')).toHaveText(opts.status);
  await selectAnswer(page, opts.title);
  await expect(page.locator('.status-line .badge')).toHaveText(opts.status);
  await page.getByRole('button', { name: 'Copy the X text' }).click();

  const dialog = copyDialog(page);
  const warning = dialog.locator('.warning');
  await expect(warning).toHaveRole('alert');
  await expect(warning).toContainText(`${opts.status}.`);
  await expect(warning).toContainText(opts.warning);
  const confirm = dialog.getByRole('checkbox', { name: 'I understand this text is not approved; copy it anyway.' });
  await expect(confirm).not.toBeChecked();
  const copy = dialog.getByRole('button', { name: 'Copy unapproved text' });
  // Focus is on the copy button: a reflexive Enter must not copy unapproved text either.
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  const error = dialog.getByRole('alert').filter({ hasText: 'Tick the box' });
  await expect(error).toHaveText('Tick the box to confirm you are copying text that is not approved.');
  await copy.click();
  await expect(error).toBeVisible();
  await expect(dialog).toBeVisible();
  expect(await readClipboard(page)).toBe(marker);
  await expect(page.locator('.copy-log li')).toHaveCount(0);

  await confirm.check();
  await expect(error).toHaveCount(0);
  await copy.click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(opts.x);
  await expect(toast(page)).toHaveText('Copied for X, recorded as not approved.');
  const log = page.locator('.copy-log li');
  await expect(log).toHaveCount(1);
  await expect(log).toContainText(/^Anonymous \(device [0-9a-f]{4}\) copied revision 1 for X \(EN\)/);
  await expect(log.locator('.badge')).toHaveText('not approved');
}

test('an expired answer copies only after confirmation, and the log says "not approved"', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await importLibrary(page, 'lapsed.yaml', libraryYaml(answerYaml({ ...EXPIRED, approval: { at: '2025-01-01T10:00:00Z', expiresAt: '2025-06-01T00:00:00Z' } })));
  await expect(toast(page)).toHaveText('Imported 1 answer and 1 revision.');
  await goTo(page, 'answers');
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT + 1));
  await copyUnapproved(page, { ...EXPIRED, status: 'Expired', warning: 'Its approval expired on Jun 1, 2025.' });
  await expect(page.locator('.status-line')).toContainText('The approval of revision 1 expired on Jun 1, 2025');
});

/** An approved answer whose approval runs out at 10:00 UTC on 1 June 2026, and the console open at 09:58. */
async function lapsingAnswer(page: Page): Promise<ReturnType<typeof copyDialog>> {
  await page.clock.install({ time: new Date('2026-06-01T09:58:00Z') });
  await page.reload();
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT));
  await importLibrary(page, 'lapsing.yaml', libraryYaml(answerYaml({ ...EXPIRED, approval: { at: '2026-01-01T10:00:00Z', expiresAt: '2026-06-01T10:00:00Z' } })));
  await goTo(page, 'answers');
  await searchFor(page, EXPIRED.title, '1 answer');
  await expect(resultRow(page, EXPIRED.title).locator('.badge')).toHaveText('Approved');
  await selectAnswer(page, EXPIRED.title);
  await page.getByRole('button', { name: 'Copy the X text' }).click();
  const dialog = copyDialog(page);
  await expect(dialog.getByRole('button', { name: 'Copy', exact: true })).toBeFocused();
  return dialog;
}

test('an approval that lapses while the console is open: the list, the answer and the open copy dialog say so at once', async ({ desk: page }) => {
  const dialog = await lapsingAnswer(page);
  await page.clock.fastForward('02:01');
  await expect(dialog.locator('.warning')).toContainText('Expired.');
  await expect(dialog.getByRole('button', { name: 'Copy unapproved text' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(resultRow(page, EXPIRED.title).locator('.badge')).toHaveText('Expired');
  await expect(page.locator('.status-line .badge')).toHaveText('Expired');
});

test('Copy judges the approval at the moment it is pressed, even if the screen has not caught up', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  const dialog = await lapsingAnswer(page);
  const marker = await markClipboard(page);
  // Time moves past the expiry with no timer firing: a window in the background, its timers held back.
  await page.clock.setSystemTime(new Date('2026-06-01T10:00:30Z'));
  await expect(dialog.getByRole('button', { name: 'Copy', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert').filter({ hasText: 'changed' })).toHaveText('Its status changed while the dialog was open (now: Expired). Check it before copying.');
  expect(await readClipboard(page)).toBe(marker);
  await expect(dialog.locator('.warning')).toContainText('Expired.');
  const confirm = dialog.getByRole('checkbox', { name: 'I understand this text is not approved; copy it anyway.' });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Space');
  await dialog.getByRole('button', { name: 'Copy unapproved text' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(EXPIRED.x);
  await expect(toast(page)).toHaveText('Copied for X, recorded as not approved.');
  await expect(page.locator('.copy-log li .badge')).toHaveText('not approved');
});

test('a draft copies only after confirmation, and the log says "not approved"', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await importLibrary(page, 'draft.yaml', libraryYaml(answerYaml(DRAFT)));
  await expect(toast(page)).toHaveText('Imported 1 answer and 1 revision.');
  await goTo(page, 'answers');
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT + 1));
  await copyUnapproved(page, { ...DRAFT, status: 'Draft', warning: 'This text has not been approved.' });
  await expect(page.locator('.status-line')).toContainText('Revision 1 has not been approved.');
});

test('write a new answer, see why it cannot be approved, fix it, have someone else approve it', async ({ desk: page }) => {
  const title = 'Venue evacuation notice';
  const longText = `${'Please follow the stewards to the nearest exit and keep the aisles clear. '.repeat(4)}`.trim();
  expect(longText.length).toBeGreaterThan(280);
  const fixedText = 'Please follow the stewards to the nearest exit and keep the aisles clear. We will post updates here.';

  await setName(page, 'Ana Author');
  await goTo(page, 'answers');
  await page.getByRole('button', { name: 'New answer' }).click();
  const editor = page.getByRole('dialog', { name: 'New answer' });
  await expect(editor).toBeVisible();
  await editor.getByRole('textbox', { name: 'Title (Spanish)' }).fill('Aviso de evacuación del recinto');
  await editor.getByRole('textbox', { name: 'Title (English)' }).fill(title);
  // The editor opens on the Spanish texts.
  await expect(editor.getByRole('button', { name: 'Spanish' })).toHaveAttribute('aria-pressed', 'true');
  const x = editor.getByRole('textbox', { name: /^X\b/ });
  await x.fill(longText);
  await expect(editor.locator('#count-es-x')).toHaveText(`${longText.length} / 280 — over the limit`);
  await expect(x).toHaveAttribute('aria-invalid', 'true');
  await editor.getByRole('button', { name: 'Create answer' }).click();
  await expect(editor).toBeHidden();
  await expect(toast(page)).toHaveText('Saved.');

  // It is a draft, selected on the desk, and the count went up by one.
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT + 1));
  await expect(page.locator('#answer-title')).toHaveText(title);
  await expect(page.locator('.status-line .badge')).toHaveText('Draft');
  // The new answer is in the index (searchable at once), as a draft.
  await searchFor(page, 'evacuation', '1 answer');
  await expect(resultRow(page, title).locator('.badge')).toHaveText('Draft');
  const approve = page.getByRole('button', { name: /^Approve revision \d+$/ });
  await expect(approve).toHaveText('Approve revision 1');
  await expect(approve).toBeDisabled();
  // The reason is on screen and tied to the button for screen readers.
  await expect(approve).toHaveAccessibleDescription('Fix the texts over their limit or with undeclared blanks first.');
  await page.getByRole('button', { name: 'Spanish' }).click();
  await expect(page.locator('.variant .count.over')).toHaveText(`${longText.length} / 280`);

  // The author fixes the text: a new revision, still theirs, so still not theirs to approve.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit answer' });
  await expect(edit.getByText('Saving creates a new revision from revision 1')).toBeVisible();
  await expect(edit.getByRole('textbox', { name: /^X\b/ })).toHaveValue(longText);
  await edit.getByRole('textbox', { name: /^X\b/ }).fill(fixedText);
  await expect(edit.locator('#count-es-x')).toHaveText(`${fixedText.length} / 280`);
  await edit.getByRole('button', { name: 'Save new revision' }).click();
  await expect(edit).toBeHidden();
  await expect(approve).toHaveText('Approve revision 2');
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAccessibleDescription('You wrote this revision; someone else must approve it.');
  await expect(page.locator('.status-line')).toContainText('Revision 2 has not been approved.');

  // Someone else, on this machine, approves it.
  await setName(page, 'Bea Reviewer');
  await goTo(page, 'answers');
  await expect(page.locator('#answer-title')).toHaveText(title);
  await expect(approve).toBeEnabled();
  await approve.click();
  await expect(toast(page)).toHaveText('Revision 2 approved.');
  await expect(page.locator('.status-line .badge')).toHaveText('Approved');
  await expect(page.locator('.status-line')).toContainText('Revision 2, approved by Bea Reviewer on');
  await expect(approve).toHaveCount(0);
  // The button is gone; the focus is on Edit beside it, not lost to the page.
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  await expect(resultRow(page, title).locator('.badge')).toHaveText('Approved');
  await page.getByRole('button', { name: 'Spanish' }).click();
  await expect(page.locator('.variant-text')).toHaveText(fixedText);
});

test('Escape in the answer editor asks before throwing away unsaved changes', async ({ desk: page }) => {
  await searchFor(page, 'outage update', '3 answers');
  await selectAnswer(page, 'Service outage: still working on it');
  const editButton = page.getByRole('button', { name: 'Edit', exact: true });
  await editButton.click();
  const edit = page.getByRole('dialog', { name: 'Edit answer' });
  const x = edit.getByRole('textbox', { name: /^X\b/ });
  const before = await x.inputValue();

  // Nothing changed: Escape closes at once, from a field or from the dialog as it opened.
  await x.press('Escape');
  await expect(edit).toBeHidden();
  await expect(editButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(edit).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  // Changed: Escape asks; Escape again keeps editing, back in the field, the text kept.
  await editButton.click();
  await x.fill(`${before} Edited.`);
  await x.press('Escape');
  const discard = edit.getByRole('group', { name: 'Discard changes' });
  await expect(discard).toContainText('You have changes that are not saved.');
  await expect(discard.getByRole('button', { name: 'Discard' })).toBeFocused();
  await expectAccessible(page, 'discard confirmation');
  await page.keyboard.press('Escape');
  await expect(discard).toHaveCount(0);
  await expect(x).toBeFocused();
  await expect(x).toHaveValue(`${before} Edited.`);

  // Cancel asks too; Discard closes, and the answer is as it was.
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await discard.getByRole('button', { name: 'Discard' }).press('Enter');
  await expect(edit).toBeHidden();
  await editButton.click();
  await expect(x).toHaveValue(before);
});
