import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import { startRendererServer, type RendererServer } from '../../scripts/serve-renderer.mjs';

// CALMA_E2E_ROOT: serve another copy of the built renderer (e.g. a snapshot, while a build runs).
export const rendererRoot = process.env.CALMA_E2E_ROOT ?? fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/**
 * `appUrl`: the built renderer served on a loopback port for the whole worker (the same server
 * `npm start` uses). Each test gets a fresh browser context, so a fresh IndexedDB: a first start.
 */
export const test = base.extend<{ desk: Page }, { appUrl: string }>({
  appUrl: [
    async ({}, use) => {
      const server: RendererServer = await startRendererServer({ root: rendererRoot, port: 0, host: '127.0.0.1' });
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  /** The console opened on the answers desk, with the default library loaded and indexed. */
  desk: async ({ page, appUrl }, use) => {
    await page.goto(appUrl);
    // A count alone: not "Preparing search…", nor "Indexing: n of m answers…" while the index builds.
    await expect(page.locator('#result-count')).toHaveText(/^\s*\d+ (answers?|respuestas?)$/, { timeout: 20_000 });
    await use(page);
  },
});

export { expect };

/** No serious or critical axe violations on what is on screen now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}
