import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { nav, storedRows, toast } from './helpers';

/**
 * Editing what others may be editing too, and destroying things by keyboard: a person's editor
 * left open while another window changes the same person, and where the focus goes when a
 * person or a tree is deleted, or the deletion is called off.
 */

test.use({ locale: 'en-US' });

const editor = (page: Page) => page.getByTestId('person-editor');
const peopleSearch = (page: Page) => page.getByTestId('people-search');
const field = (page: Page, name: string) => editor(page).getByRole('textbox', { name });
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} ${el.textContent?.trim().slice(0, 40) ?? ''}`.trim() : null;
});

async function openPeople(page: Page): Promise<void> {
  await nav(page).getByRole('button', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeAttached();
  await expect(page.locator('#people-count')).not.toHaveText('Loading…');
}

/** Alt+N, a name and a phone, Enter: a new person, saved and left open in the editor. */
async function addPerson(page: Page, name: string, phone: string): Promise<void> {
  await page.keyboard.press('Alt+n');
  await expect(field(page, 'Name')).toBeFocused();
  await field(page, 'Name').fill(name);
  await field(page, 'Phones').fill(phone);
  await field(page, 'Name').press('Enter');
  await expect(toast(page)).toHaveText(`${name} added to the directory.`);
}

async function openPerson(page: Page, name: string): Promise<void> {
  await peopleSearch(page).fill(name);
  await peopleSearch(page).press('Enter');
  await expect(field(page, 'Name')).toHaveValue(name);
}

test('an editor left open keeps what another window saved meanwhile: saving writes only the fields edited here', async ({ desk: page, context, appUrl }) => {
  await openPeople(page);
  await addPerson(page, 'Tomás Rey', '+34 600 100 102');
  await openPerson(page, 'Tomás Rey');

  // A second window adds a phone to Tomás while the first still has him open.
  const other = await context.newPage();
  await other.goto(appUrl);
  await openPeople(other);
  await openPerson(other, 'Tomás Rey');
  await field(other, 'Phones').fill('+34 600 100 102\n+34 699 000 000');
  await field(other, 'Name').press('Enter');
  await expect(toast(other)).toHaveText('Tomás Rey saved.');

  // The first window's untouched field follows the store; a note written here is saved with it.
  await expect(field(page, 'Phones')).toHaveValue('+34 600 100 102\n+34 699 000 000');
  await field(page, 'Notes').fill('Back-up spokesperson.');
  await field(page, 'Name').press('Enter');
  await expect(toast(page)).toHaveText('Tomás Rey saved.');
  await expect.poll(async () => (await storedRows<{ name: string; phones: string[]; notes: string }>(page, 'people')).find((p) => p.name === 'Tomás Rey')).toMatchObject({
    phones: ['+34 600 100 102', '+34 699 000 000'],
    notes: 'Back-up spokesperson.',
  });

  // A field edited here while the other window changed it too: what was typed here is what is saved.
  await field(page, 'Notes').fill('Spokesperson, nights.');
  await field(other, 'Notes').fill('Other note');
  await field(other, 'Name').press('Enter');
  await expect(toast(other)).toHaveText('Tomás Rey saved.');
  await expect(field(page, 'Notes')).toHaveValue('Spokesperson, nights.');
  await field(page, 'Name').press('Enter');
  await expect.poll(async () => (await storedRows<{ name: string; notes: string }>(page, 'people')).find((p) => p.name === 'Tomás Rey')?.notes).toBe('Spokesperson, nights.');
});

test('deleting a person by keyboard: Escape calls it off, and the focus is never left on nothing', async ({ desk: page }) => {
  await openPeople(page);
  await addPerson(page, 'Fede Gil', '+34 600 000 001');
  await addPerson(page, 'Fabi Paz', '+34 600 000 002');
  await addPerson(page, 'Ana Sol', '+34 600 000 003');

  // Escape in the confirmation cancels it, back on the button, and leaves the editor open.
  await openPerson(page, 'Fede Gil');
  const deletePerson = editor(page).getByRole('button', { name: 'Delete person' });
  await deletePerson.focus();
  await page.keyboard.press('Enter');
  const confirm = editor(page).getByRole('group', { name: 'Delete person' });
  await expect(confirm.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await expectAccessible(page, 'person delete confirmation');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(deletePerson).toBeFocused();
  await expect(editor(page)).toBeVisible();

  // The search found only Fede: once he is gone, the focus is back in the search box.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(toast(page)).toHaveText('Fede Gil removed from the directory.');
  await expect(editor(page)).toHaveCount(0);
  await expect(peopleSearch(page)).toBeFocused();

  // With others still listed, the focus goes to the row in the deleted one's place.
  await peopleSearch(page).fill('');
  await peopleSearch(page).press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(field(page, 'Name')).toHaveValue('Fabi Paz');
  await deletePerson.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(toast(page)).toHaveText('Fabi Paz removed from the directory.');
  await expect.poll(() => focused(page)).toMatch(/^div .*Ana Sol/);
  expect((await storedRows<{ name: string; deleted: boolean }>(page, 'people')).filter((p) => !p.deleted).map((p) => p.name).sort()).toEqual(['Ana Sol']);
});

test('deleting a tree by keyboard: Escape calls it off, and afterwards the focus is at the top of the list', async ({ desk: page }) => {
  await nav(page).getByRole('button', { name: 'Trees' }).click();
  const newName = page.getByTestId('tree-new-name');
  await newName.fill('Night shift');
  await newName.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Night shift' })).toBeVisible();

  const deleteTree = page.getByRole('button', { name: 'Delete tree' });
  await deleteTree.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('group', { name: 'Delete tree' });
  await expect(confirm.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(deleteTree).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Night shift' })).toHaveCount(0);
  await expect(newName).toBeFocused();
});
