import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { declareIncident, goTo, openConsole, setName, timeline, timelineRows } from './helpers';

/**
 * A long incident log (more than the timeline reads up front): the timeline shows its first
 * entries, reads the rest behind them, and stays live for entries added here and in another window.
 */

test.use({ locale: 'en-US', timezoneId: 'Europe/Madrid' });

const NOTES = 1500;

/**
 * Writes `count` notes into the only incident's log, and an overdue step, with the browser's own
 * IndexedDB (what a sync of a long-running incident leaves on a machine), a millisecond apart just after the declaration
 * (so notes added later in the test come after them).
 */
function seedLongIncident(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('calma');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['incidents', 'checklistItems', 'logEntries'], 'readwrite');
          const incidents = tx.objectStore('incidents').getAll();
          incidents.onsuccess = () => {
            const [incident] = incidents.result as { id: string; declaredAt: string }[];
            if (!incident) return reject(new Error('no incident to write notes for'));
            // A step already overdue, whose instructions (Markdown) show open by themselves.
            tx.objectStore('checklistItems').put({
              id: `${incident.id}.overdue`, clock: {}, deleted: false, incidentId: incident.id, order: 0,
              text: { en: 'Call the bank\n\nAsk for the *fraud* desk.', es: 'Llamar al banco\n\nPedir el departamento de *fraude*.' },
              role: '', ownerId: null, ownerName: 'Lola', stepId: null, dueAt: new Date(Date.parse(incident.declaredAt) - 60_000).toISOString(), required: true,
              done: false, doneBy: null, doneAt: null, doneEntryId: null, answerIds: [], source: 'adhoc',
            });
            for (let i = 1; i <= n; i += 1) {
              tx.objectStore('logEntries').put({
                id: `seeded-${String(i).padStart(5, '0')}`, incidentId: incident.id, kind: 'note', text: `note ${i}`, by: 'Seeder',
                at: new Date(Date.parse(incident.declaredAt) + i).toISOString(),
                correctsId: null, answerId: null, revisionId: null, channel: null, itemId: null, action: null, status: null,
              });
            }
          };
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    count,
  );
}

const toBottom = (page: Page) => timeline(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
const lastRow = (page: Page) => timelineRows(page).last();

test('a long log: first entries, then all of it read, in order; live for notes added here and in another window', async ({ page, context, appUrl }) => {
  await openConsole(page, appUrl);
  await setName(page, 'Lola');
  await declareIncident(page, { title: 'Long night' });
  await seedLongIncident(page, NOTES);
  await page.reload();
  await openConsole(page, appUrl);
  await goTo(page, 'incidents');

  // The overdue step shows its instructions, open.
  await expect(page.locator('.step-overdue .step-how[open] .markdown em')).toHaveText('fraud');

  // The declaration first; then, once all is read, the feed is no longer busy and knows its size.
  await expect(timelineRows(page).first()).toContainText('declared the incident “Long night”');
  await expect(timeline(page)).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('#timeline-title')).toContainText(`${(NOTES + 1).toLocaleString('en-US')} events`);
  await expect(timelineRows(page).first()).toHaveAttribute('aria-setsize', String(NOTES + 1));
  await expect(timeline(page).locator('.timeline-unread')).toHaveCount(0);

  // The end of the log is there, in time order.
  await toBottom(page);
  await expect(lastRow(page)).toContainText(`Seeder Note: note ${NOTES}`);
  await expect(lastRow(page)).toHaveAttribute('aria-posinset', String(NOTES + 1));

  // A note added here lands at the end.
  await page.getByRole('textbox', { name: 'Entry' }).fill('Handing over to the morning shift.');
  await page.getByRole('button', { name: 'Add to log' }).click();
  await expect(page.locator('#timeline-title')).toContainText(`${(NOTES + 2).toLocaleString('en-US')} events`);
  await toBottom(page);
  await expect(lastRow(page)).toContainText('Lola Note: Handing over to the morning shift.');

  // A note added in another window shows here too.
  const other = await context.newPage();
  await openConsole(other, appUrl);
  await goTo(other, 'incidents');
  await expect(other.locator('#timeline-title')).toContainText(`${(NOTES + 2).toLocaleString('en-US')} events`);
  await other.getByRole('textbox', { name: 'Entry' }).fill('Press office called back.');
  await other.getByRole('button', { name: 'Add to log' }).click();
  await expect(page.locator('#timeline-title')).toContainText(`${(NOTES + 3).toLocaleString('en-US')} events`);
  await toBottom(page);
  await expect(lastRow(page)).toContainText('Lola Note: Press office called back.');
  await expect(lastRow(page)).toHaveAttribute('aria-posinset', String(NOTES + 3));
  await other.close();

  await expectAccessible(page, 'incident with a long log');
});
