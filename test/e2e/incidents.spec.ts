import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  checklistSteps,
  declareIncident,
  goTo,
  incidentList,
  openConsole,
  setName,
  shippedPlaybook,
  stepRow,
  stepTitle,
  summaryCards,
  timelineRows,
  tPlus,
} from './helpers';

/**
 * Running an incident: declare it from a shipped playbook (checklist with deadlines counted from
 * the declaration), tick steps, watch them go overdue (flagged on screen, one desktop notification
 * each), move it through its statuses, keep an append-only log with corrections.
 */

test.use({ locale: 'en-US', timezoneId: 'Europe/Madrid' });

const HIJACKED = shippedPlaybook('calma.playbook.hijacked-account');
const STEPS = HIJACKED.revisions.at(-1)!.steps;
const T0 = new Date('2026-05-10T10:00:00Z');

/**
 * A deadline as the console writes it (react-intl in the UI language, the browser's time zone):
 * "HH:MM" today, and "Mon, May 11, HH:MM" on any other day than the page's today.
 */
const dueIn = (page: Page, ms: number) =>
  page.evaluate((at) => {
    const lang = document.documentElement.lang;
    const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(at);
    if (new Date(at).toDateString() === new Date().toDateString()) return time;
    return `${new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short' }).format(at)}, ${time}`;
  }, ms);

test('declare from a shipped playbook: every step, deadlines from the declaration, listed', async ({ page, appUrl }) => {
  // Preconditions on the shipped file, so a changed playbook fails here rather than obscurely below.
  expect(STEPS.map((s) => s.offsetMinutes)).toEqual([0, 5, 10, 15, 20, 30, 60, 90, 120, 240, 1440, 10080]);

  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  const before = await page.evaluate(() => Date.now());
  await declareIncident(page, { playbookTitle: HIJACKED.title.en, steps: STEPS.length });
  const after = await page.evaluate(() => Date.now());

  await expect(checklistSteps(page)).toHaveCount(STEPS.length);
  await expect(checklistSteps(page).locator('.step-title')).toHaveText(STEPS.map((s) => stepTitle(s)));
  await expect(page.locator('#checklist-title')).toContainText(`0 of ${STEPS.length} done`);

  // Each deadline: the declaration instant plus the step's offset, in local time, with its T+.
  for (const [n, step] of STEPS.entries()) {
    const due = new Set([await dueIn(page, before + step.offsetMinutes * 60_000), await dueIn(page, after + step.offsetMinutes * 60_000)]);
    const meta = checklistSteps(page).nth(n).locator('.step-meta');
    await expect(meta).toContainText(new RegExp(`^Due (${[...due].join('|')}) \\(${tPlus(step.offsetMinutes).replace(/\+/g, '\\+')}\\)`));
  }
  // Europe/Madrid is UTC+2 in May: a deadline shown in UTC would read 10:05, not 12:05.
  await expect(checklistSteps(page).nth(1).locator('.step-meta')).toContainText('Due 12:05 PM (T+5 min)');
  // A step due on another day names the day: "Due 12:00 PM" alone would read as today's noon.
  await expect(checklistSteps(page).nth(10).locator('.step-meta')).toContainText('Due Mon, May 11, 12:00 PM (T+1 d)');
  await expect(checklistSteps(page).nth(11).locator('.step-meta')).toContainText('Due Sun, May 17, 12:00 PM (T+7 d)');
  await expect(checklistSteps(page).nth(1)).toHaveClass(/\bstep-due-soon\b/);
  await expect(checklistSteps(page).nth(7)).toHaveClass(/\bstep-open\b/);
  await expect(checklistSteps(page).nth(7).locator('.step-meta')).toContainText(/(1 h 29|1 h 30) min left/);
  // The optional step says so; the role stands in for an owner when nobody holds it.
  await expect(stepRow(page, stepTitle(STEPS[9]!)).locator('.step-meta')).toContainText('Legal · optional');

  const listed = incidentList(page).getByRole('button', { name: new RegExp(HIJACKED.title.en) });
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveAttribute('aria-current', 'true');
  await expect(listed).toContainText('Declared · High ·');
  await expect(timelineRows(page)).toHaveCount(1);
  await expect(timelineRows(page).first()).toContainText(`declared the incident “${HIJACKED.title.en}”`);
  await expect(timelineRows(page).first()).toContainText('T+0 min');
});

test('tick and untick a step: the box, "Done by", and both lines in the timeline, by name', async ({ desk: page }) => {
  await setName(page, 'Ana Ortega');
  await declareIncident(page, { playbookTitle: HIJACKED.title.en });
  await expect(page.locator('.status-line')).toContainText('Lead: Ana Ortega.');
  await expect(timelineRows(page).first()).toContainText(`Ana Ortega declared the incident “${HIJACKED.title.en}”`);

  const title = stepTitle(STEPS[1]!);
  const row = stepRow(page, title);
  const box = page.getByRole('checkbox', { name: title });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(box).toBeChecked();
  await expect(row).toHaveClass(/\bstep-done\b/);
  await expect(row.locator('.step-meta')).toContainText(/Done by Ana Ortega at \d\d:\d\d [AP]M/);
  await expect(page.locator('#checklist-title')).toContainText(`1 of ${STEPS.length} done`);
  await expect(timelineRows(page)).toHaveCount(2);
  await expect(timelineRows(page).nth(1)).toContainText(`Ana Ortega ticked “${title}”`);

  // Stored, not just drawn: a reload shows the same.
  await page.reload();
  await goTo(page, 'incidents');
  await expect(box).toBeChecked();
  await expect(row.locator('.step-meta')).toContainText('Done by Ana Ortega');

  await box.uncheck();
  await expect(box).not.toBeChecked();
  await expect(row).not.toHaveClass(/\bstep-done\b/);
  await expect(row.locator('.step-meta')).not.toContainText('Done by');
  await expect(row.locator('.step-meta')).toContainText(/ left|Overdue by/);
  await expect(page.locator('#checklist-title')).toContainText(`0 of ${STEPS.length} done`);
  await expect(timelineRows(page)).toHaveCount(3);
  await expect(timelineRows(page).nth(2)).toContainText(`Ana Ortega unticked “${title}”`);
  // Only that step changed.
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
});

/** Replaces the browser's Notification with a recorder (kept in sessionStorage, so it outlives reloads). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (location.protocol !== 'http:') return;
    const KEY = 'e2e.notifications';
    class RecordingNotification extends EventTarget {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options?: { body?: string }) {
        super();
        const seen = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown[];
        sessionStorage.setItem(KEY, JSON.stringify([...seen, { title, body: options?.body ?? '' }]));
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true, writable: true });
  });
}
const notifications = (page: Page) =>
  page.evaluate(() => (JSON.parse(sessionStorage.getItem('e2e.notifications') ?? '[]') as { title: string; body: string }[]).map((n) => `${n.title} | ${n.body}`));

test('overdue: the step is flagged, and one desktop notification per overdue step, across time and a reload', async ({ page, context, appUrl }) => {
  await context.grantPermissions(['notifications'], { origin: new URL(appUrl).origin });
  await recordNotifications(page);
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await declareIncident(page, { playbookTitle: HIJACKED.title.en });
  const note = (n: number) => `Overdue step: ${HIJACKED.title.en} | ${stepTitle(STEPS[n]!)}`;

  // T+0: the first step is due at the declaration itself, so it is overdue at once; the T+5 one is not yet.
  await expect.poll(() => notifications(page), { timeout: 15_000 }).toEqual([note(0)]);
  const t5 = stepRow(page, stepTitle(STEPS[1]!));
  await expect(t5).toHaveClass(/\bstep-due-soon\b/);
  await expect(t5.locator('.step-meta')).not.toContainText('Overdue');

  await page.clock.fastForward('06:00');
  await expect(t5).toHaveClass(/\bstep-overdue\b/);
  await expect(t5.locator('.state-overdue')).toHaveText(/^Overdue by 1 min$/);
  await expect(page.locator('#checklist-title')).toContainText(`0 of ${STEPS.length} done, 2 overdue`);
  await expect(stepRow(page, stepTitle(STEPS[2]!))).not.toHaveClass(/\bstep-overdue\b/);
  await expect.poll(() => notifications(page)).toEqual([note(0), note(1)]);

  // More time: the T+10 step joins; the two already notified are not notified again.
  await page.clock.fastForward('05:00');
  await expect(stepRow(page, stepTitle(STEPS[2]!))).toHaveClass(/\bstep-overdue\b/);
  await expect(t5.locator('.state-overdue')).toHaveText(/^Overdue by 6 min$/);
  await expect.poll(() => notifications(page)).toEqual([note(0), note(1), note(2)]);

  // A reload forgets nothing: the notified steps are stored. Only the T+15 step is new.
  await page.reload();
  await expect(page.locator('#result-count')).toHaveText(/\d+ answers/, { timeout: 20_000 });
  await goTo(page, 'incidents');
  await expect(t5).toHaveClass(/\bstep-overdue\b/);
  await page.clock.fastForward('05:00');
  await expect(stepRow(page, stepTitle(STEPS[3]!))).toHaveClass(/\bstep-overdue\b/);
  await expect.poll(() => notifications(page)).toEqual([note(0), note(1), note(2), note(3)]);
  // And the watcher keeps running without repeating any of them.
  await page.clock.fastForward('00:30');
  await expect(page.locator('#checklist-title')).toContainText('4 overdue');
  expect(await notifications(page)).toEqual([note(0), note(1), note(2), note(3)]);

  // A step done before its deadline never notifies: tick the T+20 step, pass its deadline.
  await page.getByRole('checkbox', { name: stepTitle(STEPS[4]!) }).check();
  await expect(stepRow(page, stepTitle(STEPS[4]!))).toHaveClass(/\bstep-done\b/);
  await page.clock.fastForward('15:00');
  await expect(stepRow(page, stepTitle(STEPS[5]!))).toHaveClass(/\bstep-overdue\b/);
  await expect.poll(() => notifications(page)).toEqual([note(0), note(1), note(2), note(3), note(5)]);
});

test('status: declared → active → monitoring → resolved → reopened, each in the timeline; resolved leaves the open summary', async ({ desk: page }) => {
  await setName(page, 'Ana Ortega');
  await declareIncident(page, { playbookTitle: HIJACKED.title.en });
  await declareIncident(page, { title: 'Second front: press enquiries' });
  await expect(checklistSteps(page)).toHaveCount(0);
  await incidentList(page).getByRole('button', { name: new RegExp(HIJACKED.title.en) }).click();
  await expect(page.locator('#incident-title')).toHaveText(HIJACKED.title.en);

  const actions = page.getByRole('group', { name: 'Change status' });
  const badge = page.locator('.status-line .badge').first();
  const steps: [string, string, string[]][] = [
    ['Mark active', 'Active', ['Move to monitoring', 'Resolve']],
    ['Move to monitoring', 'Monitoring', ['Mark active', 'Resolve']],
    ['Resolve', 'Resolved', ['Reopen']],
  ];
  await expect(badge).toHaveText('Declared');
  await expect(actions.getByRole('button')).toHaveText(['Mark active', 'Resolve', 'Executive summary']);
  for (const [n, [button, status, next]] of steps.entries()) {
    await actions.getByRole('button', { name: button, exact: true }).click();
    await expect(badge).toHaveText(status);
    await expect(actions.getByRole('button')).toHaveText([...next, 'Executive summary']);
    await expect(timelineRows(page)).toHaveCount(n + 2);
    await expect(timelineRows(page).nth(n + 1)).toContainText(`Ana Ortega changed the status to ${status}`);
  }
  // Resolved: listed after the open one.
  await expect(incidentList(page).locator('.incident-link-title')).toHaveText(['Second front: press enquiries', HIJACKED.title.en]);
  await expect(incidentList(page).getByRole('button', { name: new RegExp(HIJACKED.title.en) })).toContainText('Resolved · High');

  await goTo(page, 'summary');
  await page.getByTestId('summary-select').selectOption('all');
  await expect(summaryCards(page)).toHaveCount(1);
  await expect(summaryCards(page).getByRole('heading', { level: 3 })).toHaveText('Second front: press enquiries');
  // The resolved one can still be summarised on its own.
  await page.getByTestId('summary-select').selectOption({ label: HIJACKED.title.en });
  await expect(summaryCards(page)).toHaveCount(1);
  await expect(summaryCards(page)).toContainText('StatusResolved');

  await goTo(page, 'incidents');
  await incidentList(page).getByRole('button', { name: new RegExp(HIJACKED.title.en) }).click();
  await actions.getByRole('button', { name: 'Reopen' }).click();
  await expect(badge).toHaveText('Active');
  await expect(timelineRows(page)).toHaveCount(5);
  await expect(timelineRows(page).nth(4)).toContainText('Ana Ortega changed the status to Active');
  await goTo(page, 'summary');
  await page.getByTestId('summary-select').selectOption('all');
  // Open incidents, newest declaration first.
  await expect(summaryCards(page).getByRole('heading', { level: 3 })).toHaveText(['Second front: press enquiries', HIJACKED.title.en]);
});

test('log: a decision, then its correction; both stay in the timeline and the summary shows the corrected text', async ({ desk: page }) => {
  await setName(page, 'Ana Ortega');
  await declareIncident(page, { playbookTitle: HIJACKED.title.en });
  const entry = page.getByRole('textbox', { name: 'Entry' });
  const original = 'Take the Instagram account offline until support answers.';
  const corrected = 'Keep the Instagram account online; post the warning from the website.';

  // An empty entry is refused.
  await page.getByRole('button', { name: 'Add to log' }).click();
  await expect(page.locator('.log-composer').getByRole('alert')).toHaveText('Write the entry first.');

  // A note with Ctrl+Enter, then a decision.
  await entry.fill('Platform support case 4711 opened.');
  await entry.press('Control+Enter');
  await expect(timelineRows(page)).toHaveCount(2);
  await expect(timelineRows(page).nth(1)).toContainText('Ana Ortega Note: Platform support case 4711 opened.');
  await expect(entry).toHaveValue('');
  await page.getByRole('radio', { name: 'Decision' }).check();
  await entry.fill(original);
  await page.getByRole('button', { name: 'Add to log' }).click();
  await expect(timelineRows(page)).toHaveCount(3);
  const decision = timelineRows(page).nth(2);
  await expect(decision).toContainText(`Ana Ortega Decision: ${original}`);

  await decision.getByRole('button', { name: 'Correct' }).click();
  await expect(page.locator('.log-composer .note')).toContainText(`Correcting: “${original}”. The original stays in the log.`);
  await expect(entry).toBeFocused();
  await entry.fill(corrected);
  await page.getByRole('button', { name: 'Add correction' }).click();
  await expect(timelineRows(page)).toHaveCount(4);
  await expect(decision).toContainText(`Decision: ${original}`);
  await expect(decision.locator('.badge')).toHaveText('corrected');
  await expect(timelineRows(page).nth(3)).toContainText(`Ana Ortega Correction: ${corrected}`);
  await expect(page.locator('.log-composer .note')).toHaveCount(0);

  await page.getByRole('button', { name: 'Executive summary' }).click();
  const card = summaryCards(page);
  await expect(card).toHaveCount(1);
  const decisions = card.getByRole('region', { name: 'Key decisions' });
  await expect(decisions.getByRole('listitem')).toHaveCount(1);
  await expect(decisions.getByRole('listitem')).toContainText(corrected);
  await expect(decisions).not.toContainText(original);

  // Correcting the correction: every line stays, and the summary follows the newest text.
  const again = 'Keep the account online; warn from the website and LinkedIn.';
  await goTo(page, 'incidents');
  await timelineRows(page).nth(3).getByRole('button', { name: 'Correct' }).click();
  await expect(page.locator('.log-composer .note')).toContainText(`Correcting: “${corrected}”.`);
  await entry.fill(again);
  await entry.press('Control+Enter');
  await expect(timelineRows(page)).toHaveCount(5);
  await expect(timelineRows(page).locator('.timeline-text')).toContainText([`Decision: ${original}`, `Correction: ${corrected}`, `Correction: ${again}`]);
  await page.getByRole('button', { name: 'Executive summary' }).click();
  await expect(decisions.getByRole('listitem')).toHaveCount(1);
  await expect(decisions.getByRole('listitem')).toContainText(again);
});

test('offline from the first reload: declare, tick, log and summarise with no network', async ({ desk: page, context, appUrl }) => {
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker?.getRegistration())?.active?.state ?? 'none'), { timeout: 10_000 }).toBe('activated');
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#result-count')).toHaveText(/^\d+ answers$/, { timeout: 20_000 });
  // Chromium's emulation leaves navigator.onLine true after a reload, so ask the network itself.
  const reachServer = () =>
    page.evaluate((url) => fetch(`${url}e2e-offline-probe-${Date.now()}`, { cache: 'no-store' }).then(() => 'reached', () => 'unreachable'), appUrl);
  expect(await reachServer()).toBe('unreachable');

  await setName(page, 'Ana Ortega');
  await declareIncident(page, { playbookTitle: HIJACKED.title.en, steps: STEPS.length });
  await expect(checklistSteps(page)).toHaveCount(STEPS.length);
  await page.getByRole('checkbox', { name: stepTitle(STEPS[0]!) }).check();
  await expect(stepRow(page, stepTitle(STEPS[0]!)).locator('.step-meta')).toContainText('Done by Ana Ortega');
  await page.getByRole('textbox', { name: 'Entry' }).fill('Working offline from the back office.');
  await page.getByRole('button', { name: 'Add to log' }).click();
  await expect(timelineRows(page)).toHaveCount(3);
  await expect(timelineRows(page).nth(2)).toContainText('Note: Working offline from the back office.');

  await page.getByRole('button', { name: 'Executive summary' }).click();
  const card = summaryCards(page);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(HIJACKED.title.en);
  await expect(card).toContainText(`1 of ${STEPS.length} done`);
  // The chart's code is its own chunk, fetched only for the summary: it must come from the cache.
  await expect(card.locator('.chart .recharts-area')).toHaveCount(3);
  expect(await reachServer()).toBe('unreachable');
});

test('a long checklist renders the steps on screen only, and scrolling, Tab and ticking reach its last step', async ({ page, appUrl }) => {
  const COUNT = 32;
  await openConsole(page, appUrl);
  await setName(page, 'Lola');
  await declareIncident(page, { title: 'Many steps' });
  const form = page.locator('form.add-step');
  for (let n = 1; n <= COUNT; n += 1) {
    await form.getByLabel('Step').fill(`Long step ${n}`);
    await form.getByLabel('Due in minutes from declaration').fill(String(n));
    await form.getByLabel('Step').press('Enter');
    await expect(page.locator('#checklist-title')).toContainText(`0 of ${n} done`);
  }
  // Far fewer rows in the page than steps; each says where it stands among all of them.
  await page.locator('section.detail.incident').evaluate((el) => el.scrollTo(0, 0));
  const rendered = await checklistSteps(page).count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(COUNT);
  await expect(checklistSteps(page).first()).toHaveAttribute('aria-setsize', String(COUNT));
  await expect(checklistSteps(page).first()).toHaveAttribute('aria-posinset', '1');

  // Tab walks down the steps, rendering the next ones as it goes, until the last step's box.
  await page.getByRole('checkbox', { name: 'Long step 1', exact: true }).focus();
  const last = page.getByRole('checkbox', { name: `Long step ${COUNT}`, exact: true });
  const focusedStep = () => page.evaluate(() => document.activeElement?.closest('[data-testid=checklist-step]')?.getAttribute('aria-posinset') ?? null);
  const seen = new Set<string>();
  for (let presses = 0; presses < COUNT * 5; presses += 1) {
    const at = await focusedStep();
    if (at) seen.add(at);
    if (at === String(COUNT) && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox'))) break;
    await page.keyboard.press('Tab');
  }
  // Every step was reached on the way, in order, none skipped.
  expect([...seen].map(Number)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('Space');
  await expect(last).toBeChecked();
  await expect(page.locator('#checklist-title')).toContainText(`1 of ${COUNT} done`);

  // Scrolling back to the top shows the first step again, unticked.
  await page.locator('section.detail.incident').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.getByRole('checkbox', { name: 'Long step 1', exact: true })).not.toBeChecked();
  await expect(stepRow(page, 'Long step 1')).toBeInViewport();
});
