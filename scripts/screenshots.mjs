// `node scripts/screenshots.mjs`: retakes the README's screenshots (docs/*.png) from the build in
// out/ (run `npm run build` first), in English and Spanish, on a first start with the shipped
// library, so they always show the console as it is.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startRendererServer } from './serve-renderer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = [
  { file: 'docs/answers-desk-en.png', locale: 'en-US', query: 'outage update' },
  { file: 'docs/answers-desk-es.png', locale: 'es-ES', query: 'caída actualización' },
];

const server = await startRendererServer({ root: `${root}out/renderer`, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, locale: shot.locale, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(server.url);
    // The shipped library loaded and indexed: the count alone, no progress text.
    await page.locator('#result-count').filter({ hasText: /^\s*\d+ \S+$/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('desk-search').fill(shot.query);
    await page.waitForFunction((q) => document.querySelector('.results')?.getAttribute('data-query') === q, shot.query);
    await page.locator('.results [role=option]').first().click();
    await page.locator('.answer-detail h2, .detail h2').first().waitFor();
    await page.screenshot({ path: `${root}${shot.file}` });
    console.log(`wrote ${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
