import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  copyDialog,
  countText,
  grantClipboard,
  markClipboard,
  readClipboard,
  resultCount,
  searchFor,
  selectAnswer,
  shipped,
  SHIPPED_COUNT,
} from './helpers';

/**
 * Calma is for the moment the network is gone. The console must keep working offline: the page
 * already open, and the page opened again (a reload, a new window) with no network at all.
 */

test.use({ locale: 'en-US' });

/** Search, open and copy an approved answer without variables: the whole desk, offline. */
async function searchOpenCopy(page: Page): Promise<void> {
  const answer = shipped('calma.answer.holding-reply');
  expect(answer.variables).toEqual([]);
  const marker = await markClipboard(page);
  await searchFor(page, 'verificamos', /(^|\s)\d+ answers?$/);
  await selectAnswer(page, answer.title.en);
  await page.getByRole('button', { name: 'Copy the X text' }).click();
  await expect(copyDialog(page).getByRole('button', { name: 'Copy', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(copyDialog(page)).toBeHidden();
  await expect.poll(() => readClipboard(page)).toBe(answer.revisions[0]!.texts.en.x);
  expect(marker).not.toBe(answer.revisions[0]!.texts.en.x);
  await expect(page.locator('.copy-log li')).toHaveCount(1);
}

test('the open console keeps working when the network drops', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await searchOpenCopy(page);
});

test('the console loads again with no network (reload while offline)', async ({ desk: page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  // Whatever makes the app available offline (a service worker) must be in place after one visit.
  await expect
    .soft(
      () => expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker?.getRegistration())?.active?.state ?? 'none'), { timeout: 5_000 }).toBe('activated'),
      'after one online visit, an active service worker is registered to serve the app offline',
    )
    .toPass({ timeout: 6_000 });

  expect(await page.evaluate(() => crossOriginIsolated), 'served online, the console is cross-origin isolated').toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT), { timeout: 20_000 });
  // Served from the service worker's cache, the page keeps its isolation headers, so search still
  // answers through shared memory (renderer/src/features/search/replySlot.ts).
  expect(await page.evaluate(() => crossOriginIsolated), 'served offline from the cache, the console is still isolated').toBe(true);
  await searchOpenCopy(page);

  // A second tab opened offline works too.
  const second = await context.newPage();
  await second.goto(appUrl);
  await expect(resultCount(second)).toHaveText(countText(SHIPPED_COUNT), { timeout: 20_000 });
});
