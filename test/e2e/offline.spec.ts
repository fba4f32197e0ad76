import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startRendererServer } from '../../scripts/serve-renderer.mjs';
import { test, expect, expectAccessible, rendererRoot } from './fixtures';
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

test('a new release reaching an open console is offered as a reload, not left unseen', async ({ page }) => {
  // A server of our own over a copy of the build, so the test can put a "new release" on it.
  const dir = mkdtempSync(join(tmpdir(), 'calma-release-'));
  cpSync(rendererRoot, dir, { recursive: true });
  const server = await startRendererServer({ root: dir, port: 0, host: '127.0.0.1' });
  const notice = page.getByTestId('update-notice');
  const loaded = () => expect(resultCount(page)).toHaveText(countText(SHIPPED_COUNT), { timeout: 20_000 });
  try {
    await page.goto(server.url);
    await loaded();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 }).toBe(true);
    // The first visit: the worker that takes over caches this very build, so there is nothing to offer.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await expect(notice).toHaveCount(0);
    await page.reload();
    await loaded();
    await expect(notice).toHaveCount(0);

    // Nothing to offer either when a worker of the same build takes over again (its cache renamed).
    const swPath = join(dir, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const [, oldCache] = /const CACHE = '([^']+)'/.exec(sw)!;
    writeFileSync(swPath, sw.replace(oldCache!, `${oldCache}-same`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`${oldCache}-same`]);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    await expect(notice).toHaveCount(0);

    // A new release on the server: its entry script has a new name (the hash of its content), which
    // the shell and the worker's list of files name, and the worker a new cache.
    const shellPath = join(dir, 'index.html');
    const shell = readFileSync(shellPath, 'utf8');
    const [, entry] = /<script type="module" crossorigin src="\.\/(assets\/index-[^"]+\.js)"/.exec(shell)!;
    const nextEntry = entry!.replace(/\.js$/, '-next.js');
    cpSync(join(dir, entry!), join(dir, nextEntry));
    writeFileSync(shellPath, shell.replace(entry!, nextEntry));
    writeFileSync(swPath, sw.replace(oldCache!, `${oldCache}-next`).replace(`"./${entry}"`, `"./${nextEntry}"`));
    // Browsers look for a new worker on navigation and now and then; the test asks at once.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(notice).toHaveText('A new version of Calma is installed. Save what you are editing, then reload to use it; nothing saved is lost. Reload');
    await expect(page.getByTestId('toast')).toHaveText('A new version of Calma is installed. Save what you are editing, then reload to use it; nothing saved is lost.');
    await expectAccessible(page, 'update notice');

    await notice.getByRole('button', { name: 'Reload' }).focus();
    await page.keyboard.press('Enter');
    await loaded();
    await expect(notice).toHaveCount(0);
    expect(await page.evaluate(() => caches.keys())).toEqual([`${oldCache}-next`]);
    expect(await page.evaluate(() => document.querySelector('script[type="module"]')?.getAttribute('src'))).toBe(`./${nextEntry}`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
