import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import {
  declareDialog,
  declareIncident,
  goTo,
  grantClipboard,
  incidentList,
  markClipboard,
  nav,
  openConsole,
  pdfText,
  openPlaybooks,
  playbookDetail,
  readClipboard,
  selectPlaybook,
  setName,
  SHIPPED_PLAYBOOKS,
  shippedPlaybook,
  summaryCards,
  timeline,
  timelineRows,
  toast,
  storedRows,
} from './helpers';

/**
 * Contact trees: people imported into the directory, a tree built by keyboard (added, nested,
 * reordered with Alt+arrows), its warnings on the nodes, printed to PDF; then run in an incident
 * declared from a playbook: who to call now with tel:/mailto: links and a copy button, attempts
 * recorded, an escalation to the backup fired by the clock, and every call in the timeline.
 */

test.use({ locale: 'en-US', timezoneId: 'Europe/Madrid' });

// Monday 11 May 2026, 10:00 in Madrid: 04:00 in New York.
const T0 = new Date('2026-05-11T08:00:00Z');
const HIJACKED = shippedPlaybook('calma.playbook.hijacked-account');

const PEOPLE_CSV = [
  'name,roles,phones,email,time zone,working hours,backup,verified,left',
  'Lucía Ortega,crisis-lead,+34 600 111 222,lucia@example.org,Europe/Madrid,Mon-Fri 09:00-17:00,Luis Prieto,2026-05-01,no',
  'Luis Prieto,crisis-lead,+34 600 333 444,luis@example.org,Europe/Madrid,Mon-Fri 09:00-17:00,Lucía Ortega,2026-05-01,no',
  'Carla Ruiz,legal,+1 212 555 0101,carla@example.org,America/New_York,Mon-Fri 09:00-17:00,Dani Vega,2025-12-01,no',
  'Dani Vega,legal,+34 600 777 888,dani@example.org,Europe/Madrid,,,2026-05-01,no',
  'Gus Mora,spokesperson,+34 600 999 000,,Europe/Madrid,,Dani Vega,2026-05-01,yes',
  '',
].join('\n');

async function goToView(page: Page, name: RegExp): Promise<void> {
  await nav(page).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeAttached();
}
const goToTrees = (page: Page) => goToView(page, /^(Trees|Árboles)$/);

/** People → Import CSV, confirmed: the directory the trees are built from. */
async function importPeople(page: Page, csv = PEOPLE_CSV, added = 5): Promise<void> {
  await goToView(page, /^(People|Personas)$/);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV or vCard…' }).click();
  await (await chooser).setFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('people-import-confirm').click();
  await expect(toast(page)).toContainText(`Imported: ${added} added`);
}

const editor = (page: Page) => page.getByTestId('tree-editor');
const nodes = (page: Page) => editor(page).getByTestId('tree-node');
/** The node whose own label is `label` (not one of its descendants'). */
const node = (page: Page, label: string) => nodes(page).filter({ has: page.locator(':scope > .tree-node-card .tree-node-label', { hasText: new RegExp(`^${label}$`) }) });
const minutesOf = (n: Locator) => n.locator(':scope > .tree-node-card').getByRole('spinbutton', { name: 'Move on after (minutes)' });
/** The tree as an outline, read from the DOM: one line per node, indented by nesting. */
const outline = (page: Page) =>
  editor(page).evaluate((root) =>
    [...root.querySelectorAll('[data-testid="tree-node"]')].map((li) => {
      let depth = 0;
      for (let p = li.parentElement; p && p !== root; p = p.parentElement) if (p.matches('[data-testid="tree-node"]')) depth += 1;
      return `${'  '.repeat(depth)}${li.querySelector('.tree-node-label')!.textContent}`;
    }),
  );

/** Trees → a new tree named `name`, open in the editor. */
async function goTree(page: Page, name: string): Promise<void> {
  await goToTrees(page);
  await page.getByTestId('tree-new-name').fill(name);
  await page.getByTestId('tree-new-name').press('Enter');
  await expect(editor(page).getByRole('heading', { level: 2, name })).toBeVisible();
}

async function addNode(page: Page, what: { person?: string; role?: string }, minutes = 10): Promise<void> {
  const form = editor(page).locator('form.tree-add');
  if (what.role) {
    await form.getByRole('radio', { name: 'A role (whoever holds it)' }).check();
    await form.getByTestId('tree-add-role').fill(what.role);
  } else {
    await form.getByRole('radio', { name: 'A person' }).check();
    await form.getByTestId('tree-add-person').selectOption({ label: what.person! });
  }
  await form.getByRole('spinbutton', { name: 'Move on after (minutes)' }).fill(String(minutes));
  await form.getByRole('button', { name: 'Add', exact: true }).press('Enter');
}


/**
 * The clock at T0, the directory imported, a tree of `top` (5 min) with `under` (10 min) below
 * it, and an incident running it: the call panel.
 */
async function runTwoNodeTree(page: Page, appUrl: string, names: { tree: string; top: string; under: string; incident: string }): Promise<Locator> {
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  await importPeople(page);
  await goTree(page, names.tree);
  await addNode(page, { person: names.top }, 5);
  await addNode(page, { person: names.under }, 10);
  await node(page, names.under).locator(':scope > .tree-node-card').getByRole('combobox', { name: 'Under' }).selectOption({ label: names.top });
  await expect(outline(page)).resolves.toEqual([names.top, `  ${names.under}`]);
  await declareIncident(page, { title: names.incident });
  const panel = page.getByTestId('call-tree');
  await panel.getByRole('button', { name: 'Activate' }).click();
  await expect(toast(page)).toHaveText(`Call tree “${names.tree}” activated.`);
  return panel;
}


test('build a tree by keyboard, see its warnings, print it; run it in an incident with an escalation', async ({ page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  await importPeople(page);

  // A new tree.
  await goToTrees(page);
  await expect(page.getByText('No contact trees yet.')).toBeVisible();
  await expectAccessible(page, 'trees view (empty)');
  const name = page.getByTestId('tree-new-name');
  await name.press('Enter');
  await expect(page.locator('#tree-new-error')).toHaveText('A tree needs a name.');
  await name.fill('Head office');
  await name.press('Enter');
  await expect(editor(page).getByRole('heading', { level: 2, name: 'Head office' })).toBeVisible();

  // Bad input is refused, nothing is added.
  await editor(page).locator('form.tree-add').getByRole('button', { name: 'Add', exact: true }).click();
  await expect(editor(page).locator('form.tree-add [role="alert"]')).toHaveText('Choose the person to add.');
  await expect(nodes(page)).toHaveCount(0);

  // Everyone at the top first, then the shape by keyboard.
  await addNode(page, { person: 'Lucía Ortega' }, 5);
  await addNode(page, { person: 'Carla Ruiz' });
  await addNode(page, { role: 'spokesperson' });
  await addNode(page, { person: 'Gus Mora (has left)' });
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', 'Carla Ruiz', 'Role: Spokesperson', 'Gus Mora']);

  await minutesOf(node(page, 'Carla Ruiz')).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(toast(page)).toHaveText('Carla Ruiz: 1 of 1 under Lucía Ortega.');
  // The focus stays on the control that moved.
  await expect(minutesOf(node(page, 'Carla Ruiz'))).toBeFocused();
  await minutesOf(node(page, 'Role: Spokesperson')).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight'); // under Carla now (the sibling above it)
  await page.keyboard.press('Alt+ArrowLeft'); // back out, right after Carla
  await minutesOf(node(page, 'Gus Mora')).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(toast(page)).toHaveText('Gus Mora: 1 of 3 under Lucía Ortega.');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(toast(page)).toHaveText('Gus Mora is already first.');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', '  Carla Ruiz', '  Gus Mora', '  Role: Spokesperson']);
  await expect(minutesOf(node(page, 'Gus Mora'))).toBeFocused();

  // Minutes: a bad value is flagged and not saved.
  const carlaMinutes = minutesOf(node(page, 'Carla Ruiz'));
  await carlaMinutes.fill('0');
  await expect(carlaMinutes).toHaveAttribute('aria-invalid', 'true');
  await expect(node(page, 'Carla Ruiz').locator(':scope > .tree-node-card .error')).toHaveText('Enter whole minutes from 1 to 1440. The last valid value is kept.');
  await carlaMinutes.fill('8');
  await expect(carlaMinutes).not.toHaveAttribute('aria-invalid', 'true');

  // Warnings on the nodes themselves.
  const warningsOf = (label: string) => node(page, label).locator(':scope > .tree-node-card [data-testid="node-warnings"] li');
  await expect(warningsOf('Lucía Ortega')).toHaveCount(0);
  await expect(warningsOf('Carla Ruiz')).toHaveText([
    '⚠ Carla Ruiz’s details were last verified on Dec 1, 2025, more than 90 days ago.',
    '⚠ Carla Ruiz is outside working hours now (09:00–17:00, America/New_York).',
  ]);
  await expect(warningsOf('Gus Mora')).toHaveText(['⚠ Gus Mora has left the organisation and is never called.', '⚠ No backup: if Dani Vega does not answer, nobody else is called.']);
  await expect(warningsOf('Role: Spokesperson')).toHaveText(['⚠ Nobody holds the role Spokesperson.']);
  await expect(node(page, 'Carla Ruiz').locator(':scope > .tree-node-card .tree-node-sequence')).toHaveText('Calls: Carla Ruiz → Dani Vega');
  await expect(page.locator('.tree-list [aria-current="true"]')).toContainText('4 nodes · 3 nodes with warnings');
  await expectAccessible(page, 'tree editor');

  // Print: the browser's print dialog is asked for; the page as printed is the tree for the wall.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await editor(page).getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const printed = pdfText(await page.pdf());
  for (const expected of ['Call tree: Head office', 'Lucía Ortega (move on after 5 min)', '+34 600 111 222', 'lucia@example.org', 'then Luis Prieto', 'Carla Ruiz (move on after 8 min)', 'Nobody holds the role Spokesperson.', 'Gus Mora has left the organisation']) {
    expect(printed, `PDF has "${expected}"`).toContain(expected);
  }
  expect(printed).not.toContain('Add to the tree');
  expect(printed).not.toContain('Move up');

  // An incident from a playbook; its call tree is chosen and activated.
  await declareIncident(page, { playbookTitle: HIJACKED.title.en });
  const panel = page.getByTestId('call-tree');
  await expect(panel.getByRole('combobox', { name: 'Call tree' })).toHaveValue(/.+/);
  await panel.getByRole('button', { name: 'Activate' }).click();
  await expect(toast(page)).toHaveText('Call tree “Head office” activated.');
  await expect(panel.getByTestId('call-progress')).toHaveText('0 of 4 reached · 1 being called · 3 waiting · 0 not reached');

  const card = (who: string) => panel.getByTestId('call-card').filter({ has: page.locator('.call-card-head strong', { hasText: who }) });
  const lucia = card('Lucía Ortega');
  await expect(panel.getByTestId('call-card')).toHaveCount(1);
  await expect(lucia.getByRole('link', { name: 'Call Lucía Ortega at +34 600 111 222' })).toHaveAttribute('href', 'tel:+34600111222');
  await expect(lucia.getByRole('link', { name: 'lucia@example.org' })).toHaveAttribute('href', 'mailto:lucia@example.org');
  await expect(lucia.locator('.call-countdown')).toHaveText(/^Moves on to Luis Prieto in [45]:\d\d$/);
  // Links leave Calma only through the host's allow-listed openExternal (a new window in a browser).
  await page.evaluate(() => {
    (window as unknown as { opened: string[] }).opened = [];
    window.open = (url?: string | URL) => {
      (window as unknown as { opened: string[] }).opened.push(String(url));
      return null;
    };
  });
  await lucia.getByRole('link', { name: 'Call Lucía Ortega at +34 600 111 222' }).click();
  await lucia.getByRole('link', { name: 'lucia@example.org' }).click();
  expect(await page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual(['tel:+34600111222', 'mailto:lucia@example.org']);
  await markClipboard(page);
  await lucia.getByRole('button', { name: 'Copy contact details' }).click();
  await expect.poll(() => readClipboard(page)).toBe('Lucía Ortega\n+34 600 111 222\nlucia@example.org');
  await expectAccessible(page, 'incident call panel');

  await lucia.getByRole('button', { name: 'No answer' }).click();
  await expect(toast(page)).toHaveText('Lucía Ortega: No answer, recorded.');
  await expect(lucia).toContainText(/Last: Lucía Ortega, No answer at 10:0\d AM \(Ana Ortega\)/);

  // Five minutes without reaching her: the console moves to her backup, says so and records it.
  await page.clock.fastForward('05:01');
  await expect(toast(page)).toHaveText('No answer from Lucía Ortega in 5 min. Call Luis Prieto now.');
  const luis = card('Luis Prieto');
  await expect(luis).toBeVisible();
  await expect(luis.locator('.badge')).toHaveText('Backup');
  // Lucía is listed under him, with buttons of her own ("Reached late"): his are the exact ones.
  await luis.getByRole('button', { name: 'Reached', exact: true }).click();

  // Lucía's branches open: Carla (and her backup next), Gus's backup Dani (Gus left), the role nobody holds fails at once.
  await expect(panel.getByTestId('call-progress')).toHaveText('1 of 4 reached · 2 being called · 0 waiting · 1 not reached');
  await expect(panel.getByTestId('call-card').locator('.call-card-head strong')).toHaveText(['Carla Ruiz', 'Dani Vega']);
  await card('Carla Ruiz').getByRole('button', { name: 'Wrong number' }).click();
  await expect(card('Dani Vega')).toHaveCount(2);

  // The calls are in the timeline, escalation included.
  await expect(timeline(page)).toContainText('Ana Ortega called Lucía Ortega: no answer');
  // Calma's timer made it: a sentence with no author (whoever's console ran the timer is nobody's business).
  await expect(timeline(page)).toContainText('Call tree: Lucía Ortega did not answer in 5:00; moved on to Luis Prieto');
  await expect(timeline(page)).not.toContainText('Ana Ortega Call tree');
  await expect(timeline(page)).toContainText('Ana Ortega called Luis Prieto: reached');
  await expect(timeline(page)).toContainText('Ana Ortega called Carla Ruiz: wrong number');
  await expect(timeline(page).locator('article.timeline-row.kind-call')).toHaveCount(4);

  // The escalation happened once: not again at the next ticks, nor after a reload.
  await page.clock.fastForward('00:30');
  await page.reload();
  await openConsole(page, appUrl);
  await goToView(page, /^Incidents$/);
  await expect(timeline(page).locator('article.timeline-row.kind-call')).toHaveCount(4);
  await expect(timelineRows(page).filter({ hasText: 'call tree:' })).toHaveCount(1);
  await expect(panel.getByTestId('call-card').locator('.call-card-head strong')).toHaveText(['Dani Vega', 'Dani Vega']);
  await expectAccessible(page, 'incident call panel, calls under way');
});

test('by mouse: re-parent, move out, remove a node; rename and delete a tree (tombstone); an incident whose tree went says so', async ({ page, appUrl }) => {
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  await importPeople(page);
  await goToTrees(page);
  await page.getByTestId('tree-new-name').fill('Night shift');
  await page.getByRole('button', { name: 'Create tree' }).click();
  await expect(toast(page)).toHaveText('Tree “Night shift” created. Add the first person to call.');
  await addNode(page, { person: 'Lucía Ortega' });
  await addNode(page, { person: 'Luis Prieto' });
  await addNode(page, { person: 'Dani Vega' });

  const under = (label: string) => node(page, label).locator(':scope > .tree-node-card').getByRole('combobox', { name: 'Under' });
  await under('Luis Prieto').selectOption({ label: 'Lucía Ortega' });
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', '  Luis Prieto', 'Dani Vega']);
  // A node cannot go under itself or its own descendants: they are not offered.
  await expect(under('Lucía Ortega').locator('option')).toHaveText(['Top of the tree', 'Dani Vega']);
  await under('Dani Vega').selectOption({ label: '— Luis Prieto' });
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', '  Luis Prieto', '    Dani Vega']);

  await node(page, 'Luis Prieto').locator(':scope > .tree-node-card').getByRole('button', { name: 'Remove' }).click();
  await expect(toast(page)).toHaveText('Luis Prieto removed; the nodes under it moved up.');
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', '  Dani Vega']);
  await node(page, 'Dani Vega').locator(':scope > .tree-node-card').getByRole('button', { name: 'Out of its parent' }).click();
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', 'Dani Vega']);
  // At the edge the button is aria-disabled (it keeps the focus) and says why when pressed.
  const out = node(page, 'Dani Vega').locator(':scope > .tree-node-card').getByRole('button', { name: 'Out of its parent' });
  await expect(out).toHaveAttribute('aria-disabled', 'true');
  await out.click({ force: true });
  await expect(toast(page)).toHaveText('Dani Vega is already at the top.');

  // The tree survives a reload: it was saved as it was edited.
  await page.reload();
  await openConsole(page, appUrl);
  await goToTrees(page);
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', 'Dani Vega']);

  const rename = editor(page).getByRole('textbox', { name: 'Tree name' });
  await rename.fill('  ');
  await editor(page).getByRole('button', { name: 'Rename' }).click();
  await expect(editor(page).locator('.tree-rename .error')).toHaveText('A tree needs a name.');
  await rename.fill('Night shift (EU)');
  await rename.press('Enter');
  await expect(editor(page).getByRole('heading', { level: 2 })).toHaveText('Night shift (EU)');
  await expect(page.locator('.tree-list [aria-current="true"]')).toContainText('Night shift (EU)');

  await declareIncident(page, { title: 'Night outage' });
  const panel = page.getByTestId('call-tree');
  await panel.getByRole('button', { name: 'Activate' }).click();
  await expect(panel.getByTestId('call-card')).toHaveCount(2);

  await goToTrees(page);
  await editor(page).getByRole('button', { name: 'Delete tree' }).click();
  await expectAccessible(page, 'tree editor, confirming a delete');
  await editor(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(toast(page)).toHaveText('Tree “Night shift (EU)” deleted.');
  await expect(page.getByText('No contact trees yet.')).toBeVisible();
  // A tombstone, so that the delete reaches every machine: the row stays, marked deleted.
  const rows = await storedRows<{ name: string; deleted: boolean }>(page, 'contactTrees');
  expect(rows.map(({ name, deleted }) => ({ name, deleted }))).toEqual([{ name: 'Night shift (EU)', deleted: true }]);

  await goToView(page, /^Incidents$/);
  await expect(panel.locator('.warning')).toHaveText('The call tree of this incident was deleted. Choose another one.');
  await expect(panel).toContainText('There are no contact trees yet.');
  await expect(panel.getByTestId('call-card')).toHaveCount(0);
});

test('a playbook names its tree: declared incidents preselect it, activating starts it, the summary counts the calls', async ({ page, context, appUrl }) => {
  await grantClipboard(context, appUrl);
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  await importPeople(page);
  await goTree(page, 'Head office');
  await addNode(page, { person: 'Lucía Ortega' }, 5);
  await addNode(page, { person: 'Carla Ruiz' });

  // The playbook editor names the tree, with a labelled select, by keyboard.
  await openPlaybooks(page, SHIPPED_PLAYBOOKS.length);
  await selectPlaybook(page, HIJACKED.title.en);
  const fact = playbookDetail(page).getByTestId('playbook-tree-fact');
  await expect(fact).toHaveText('None');
  await playbookDetail(page).getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = page.getByRole('dialog', { name: 'Edit playbook' });
  const choice = editor.getByRole('combobox', { name: 'Call tree to activate' });
  await expect(choice.locator('option')).toHaveText(['None', 'Head office']);
  await expect(choice).toHaveAccessibleDescription(/the calls start only when someone activates it in the incident/);
  await choice.focus();
  await page.keyboard.press('ArrowDown');
  await expect(choice.locator('option:checked')).toHaveText('Head office');
  await expectAccessible(page, 'playbook editor, call tree chosen');
  await editor.getByRole('button', { name: 'Save new revision' }).click();
  await expect(toast(page)).toHaveText('New revision saved. It needs approval.');
  // A change of tree is a change to approve: revision 1 (no tree) stays in force until then.
  await expect(fact).toHaveText('None');
  await setName(page, 'Bruno Approver');
  await openPlaybooks(page, SHIPPED_PLAYBOOKS.length);
  await playbookDetail(page).getByRole('button', { name: 'Approve revision 2' }).click();
  await expect(toast(page)).toHaveText('Revision 2 of the playbook approved.');
  await expect(fact).toHaveText('Head office');
  await setName(page, 'Ana Ortega');

  // Declared from it: the dialog says the tree comes preselected, not started.
  await goTo(page, 'incidents');
  await page.getByTestId('declare-button').click();
  await declareDialog(page).getByTestId('declare-playbook').selectOption({ label: HIJACKED.title.en });
  await expect(declareDialog(page).getByTestId('declare-tree')).toHaveText('Call tree: “Head office” will be preselected. The calls start only when someone activates it in the incident.');
  await expectAccessible(page, 'declare dialog, playbook with a call tree');
  await page.keyboard.press('Enter');
  await expect(declareDialog(page)).toBeHidden();
  const panel = page.getByTestId('call-tree');
  await expect(panel.getByTestId('call-tree-suggested')).toHaveText('The playbook suggests the call tree “Head office”. It has not started: activate it when you are ready to call.');
  await expect(panel.getByRole('combobox', { name: 'Call tree' }).locator('option:checked')).toHaveText('Head office');
  await expect(panel.getByTestId('call-card')).toHaveCount(0);
  await expect(panel.getByTestId('call-progress')).toHaveCount(0);
  await expectAccessible(page, 'incident call panel, tree suggested');
  // Nothing runs by itself: no escalation after the first person's time.
  await page.clock.fastForward('06:00');
  await expect(timeline(page).locator('article.timeline-row.kind-call')).toHaveCount(0);

  // Another incident, with no tree, for the summary across open incidents.
  await declareIncident(page, { title: 'Website down' });
  const summaryOfAll = async () => {
    await goTo(page, 'summary');
    await page.getByTestId('summary-select').selectOption('all');
    await expect(summaryCards(page)).toHaveCount(2);
  };
  await summaryOfAll();
  const card = (title: string) => summaryCards(page).filter({ has: page.getByRole('heading', { level: 3, name: title }) });
  await expect(card(HIJACKED.title.en).getByTestId('summary-calls')).toHaveText('“Head office”, chosen but not activated: nobody has been called through it yet.');
  await expect(card('Website down').getByTestId('summary-calls')).toHaveText('None chosen for this incident.');
  await expect(summaryCards(page).getByTestId('summary-to-reach')).toHaveCount(0);

  // Activated: the summary counts the calls, nobody reached yet, and names who to call now.
  await goTo(page, 'incidents');
  await incidentList(page).getByRole('button', { name: new RegExp(HIJACKED.title.en) }).click();
  await panel.getByRole('button', { name: 'Activate' }).click();
  await expect(toast(page)).toHaveText('Call tree “Head office” activated.');
  await expect(panel.getByTestId('call-progress')).toHaveText('0 of 2 reached · 2 being called · 0 waiting · 0 not reached');
  await summaryOfAll();
  const calls = card(HIJACKED.title.en).getByTestId('summary-calls');
  await expect(calls).toHaveText(/^“Head office”, activated May 11, 2026, 10:0\d AM: 0 of 2 reached, 2 pending, 0 failed\. Nobody reached yet\.$/);
  await expect(card(HIJACKED.title.en).getByTestId('summary-to-reach').locator('li')).toHaveText(['Lucía Ortega', 'Carla Ruiz']);

  // Lucía is reached; Carla's number is wrong, so her backup Dani is the one to reach now.
  await goTo(page, 'incidents');
  const callCard = (who: string) => panel.getByTestId('call-card').filter({ has: page.locator('.call-card-head strong', { hasText: who }) });
  await callCard('Lucía Ortega').getByRole('button', { name: 'Reached' }).click();
  await callCard('Carla Ruiz').getByRole('button', { name: 'Wrong number' }).click();
  await expect(callCard('Dani Vega')).toBeVisible();
  await summaryOfAll();
  await expect(calls).toHaveText(/: 1 of 2 reached, 1 pending, 0 failed\.$/);
  await expect(card(HIJACKED.title.en).getByTestId('summary-to-reach').locator('li')).toHaveText(['Dani Vega, backup for Carla Ruiz']);
  await expectAccessible(page, 'summary with call trees');

  await markClipboard(page);
  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect(toast(page)).toHaveText('Summary copied as text.');
  const text = await readClipboard(page);
  expect(text).toMatch(/• Call tree: “Head office”, activated May 11, 2026, 10:0\d AM: 1 of 2 reached, 1 pending, 0 failed\.\n\nStill to reach now:\n• Dani Vega, backup for Carla Ruiz\n/);
  expect(text).toContain('• Call tree: None chosen for this incident.');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(toast(page)).toHaveText('Summary copied as Markdown.');
  expect(await readClipboard(page)).toContain('Still to reach now:\n- Dani Vega, backup for Carla Ruiz\n');

  // Printed for the executives, the running tree's figures and who to reach are on paper too.
  const printed = pdfText(await page.pdf());
  expect(printed).toMatch(/Call tree “Head office”, activated May 11, 2026, 10:0\d AM: 1 of 2 reached, 1 pending, 0 failed\./);
  expect(printed).toContain('Still to reach now Dani Vega, backup for Carla Ruiz');
  expect(printed).toContain('Call tree None chosen for this incident.');
});

test('the directory changes mid-run: someone marked as left after her escalation, her backup still times out and the node gives up, then he calls back', async ({ page, appUrl }) => {
  // Carla (5 min), whose backup is Dani; Luis under her, called once Carla's node is settled.
  const panel = await runTwoNodeTree(page, appUrl, { tree: 'Left mid-run', top: 'Carla Ruiz', under: 'Luis Prieto', incident: 'Directory changes' });
  const card = (who: string) => panel.getByTestId('call-card').filter({ has: page.locator('.call-card-head strong', { hasText: who }) });
  await card('Carla Ruiz').getByRole('button', { name: 'No answer' }).click();
  // Said before the clock jumps: a message still showing when the timeout comes is kept above it.
  await expect(toast(page)).toHaveText('Carla Ruiz: No answer, recorded.');
  await page.clock.fastForward('05:01');
  await expect(toast(page)).toHaveText('No answer from Carla Ruiz in 5 min. Call Dani Vega now.');
  await expect(card('Dani Vega')).toBeVisible();

  // In People, Carla is marked as having left the organisation.
  await goToView(page, /^People$/);
  await page.getByRole('listbox', { name: 'People' }).getByRole('option').filter({ hasText: 'Carla Ruiz' }).click();
  const personEditor = page.getByTestId('person-editor');
  await personEditor.getByRole('checkbox', { name: /left the organisation/ }).check();
  await personEditor.getByRole('button', { name: 'Save' }).click();
  // Added under the call tree's joined lines if they are still shown (see useAnnouncer).
  await expect(toast(page).locator('span').last()).toHaveText('Carla Ruiz saved.');
  await goToView(page, /^Incidents$/);

  // Dani is still the one to call, with the rest of her five minutes; Carla is still named (she left, she is not gone).
  const dani = card('Dani Vega');
  await expect(panel.getByTestId('call-card')).toHaveCount(1);
  await expect(dani).toContainText(/Last: Carla Ruiz, Moved on to the backup at 10:05 AM \(Ana Ortega\)/);
  await expect(dani.locator('.call-countdown')).toHaveText(/^Nobody else to call: gives up in [1-4]:\d\d$/);
  await expect(panel.getByTestId('call-progress')).toHaveText('0 of 2 reached · 1 being called · 1 waiting · 0 not reached');
  await expectAccessible(page, 'incident call panel, backup of someone who left');

  // Her time runs out at T+10: the node gives up, says so, and Luis's turn opens with his full ten minutes.
  await page.clock.fastForward('05:00');
  await expect(toast(page)).toHaveText('Nobody reached for Carla Ruiz: everyone listed was tried. The calls under it go on.');
  await expect(panel.getByTestId('call-progress')).toHaveText('0 of 2 reached · 1 being called · 0 waiting · 1 not reached');
  await expect(panel.getByTestId('call-card').locator('.call-card-head strong')).toHaveText(['Luis Prieto']);
  await expect(card('Luis Prieto').locator('.call-countdown')).toHaveText(/^Moves on to Lucía Ortega in (10:00|9:[0-5]\d)$/);
  await expect(timeline(page)).toContainText('Call tree: Carla Ruiz did not answer in 5:00; moved on to Dani Vega');
  await expect(timeline(page)).toContainText('Call tree: Dani Vega did not answer in 5:00; nobody else was left to call');
  await panel.getByText('The whole tree').click();
  const carlaNode = panel.getByTestId('call-node').filter({ hasText: 'Carla Ruiz' }).first();
  await expect(carlaNode.locator('.badge')).toHaveText('Not reached');
  await expect(carlaNode.locator('.call-attempts li')).toHaveText([/Carla Ruiz: No answer/, /Carla Ruiz: Moved on to the backup/, /Dani Vega: Gave up: nobody else to call/]);
  await expectAccessible(page, 'incident call panel, a node given up after a directory change');

  // Dani calls back after the node gave up: the node is listed as not reached, with a call back to
  // record for each person tried, and recording it reaches the node. By keyboard.
  const notReached = panel.getByTestId('not-reached-card');
  await expect(notReached).toHaveCount(1);
  await expect(notReached.locator('.call-card-head strong')).toHaveText('Carla Ruiz');
  await expect(notReached.getByTestId('call-earlier').locator('p:first-child')).toHaveText([
    'Carla Ruiz: no answer in 5:00, moved on to Dani Vega',
    'Dani Vega: no answer in 5:00; nobody else was left to call',
  ]);
  await notReached.getByRole('group', { name: 'Record a call back from Dani Vega' }).getByRole('button', { name: 'Reached late' }).focus();
  await page.keyboard.press('Enter');
  // Added under the call tree's joined lines if they are still shown (see useAnnouncer).
  await expect(toast(page).locator('span').last()).toHaveText('Dani Vega: Reached, recorded.');
  await expect(panel.getByTestId('not-reached-card')).toHaveCount(0);
  await expect(panel.getByRole('heading', { level: 4, name: 'Call now' })).toBeFocused();
  await expect(panel.getByTestId('call-progress')).toHaveText('1 of 2 reached · 1 being called · 0 waiting · 0 not reached');
  await expect(timeline(page)).toContainText('Ana Ortega called Dani Vega: reached, after the calls had moved on from them');
  await expect(carlaNode.locator('.badge')).toHaveText('Reached');

  // Two escalation records, each its own row, and no error on the way.
  const calls = await storedRows<{ id: string; outcome: string; personId: string }>(page, 'callAttempts');
  const escalations = calls.filter((c) => c.outcome === 'escalated');
  expect(escalations).toHaveLength(2);
  expect(new Set(escalations.map((c) => c.id)).size).toBe(2);
  expect(new Set(escalations.map((c) => c.personId)).size).toBe(2);
});

test('a call answered late: after the move to the backup, the first person calls back and the node is reached', async ({ page, appUrl }) => {
  // Lucía (5 min), whose backup is Luis; Carla under her, called once Lucía's node is reached.
  const panel = await runTwoNodeTree(page, appUrl, { tree: 'Answered late', top: 'Lucía Ortega', under: 'Carla Ruiz', incident: 'Late answer' });
  const card = (who: string) => panel.getByTestId('call-card').filter({ has: page.locator('.call-card-head strong', { hasText: who }) });
  await expect(card('Lucía Ortega').getByTestId('call-earlier')).toHaveCount(0);

  // Her five minutes run out: the card moves to Luis, and still shows her, with her own buttons.
  await page.clock.fastForward('05:01');
  await expect(toast(page)).toHaveText('No answer from Lucía Ortega in 5 min. Call Luis Prieto now.');
  const luis = card('Luis Prieto');
  const earlier = luis.getByTestId('call-earlier');
  await expect(earlier).toHaveCount(1);
  await expect(earlier.locator('p').first()).toHaveText('Lucía Ortega: no answer in 5:00, moved on to Luis Prieto');
  const hers = earlier.getByRole('group', { name: 'Record a call back from Lucía Ortega' });
  await expect(hers.getByRole('button')).toHaveText(['Reached late', 'Voicemail', 'No answer', 'Wrong number', 'Unavailable']);
  await expect(hers.getByRole('button').first()).toHaveAccessibleName('Reached late (Lucía Ortega)');
  // Luis's own controls are all there, his countdown running.
  const his = luis.getByRole('group', { name: 'Record the call to Luis Prieto' });
  await expect(his.getByRole('button')).toHaveText(['Reached', 'Voicemail', 'No answer', 'Wrong number', 'Unavailable']);
  await expect(luis.locator('.call-countdown')).toHaveText(/^Nobody else to call: gives up in [45]:\d\d$/);
  await expectAccessible(page, 'incident call panel, a backup called with the earlier person listed');

  // The lead calls Luis, no answer; half a minute after the move, Lucía calls back. By keyboard.
  await his.getByRole('button', { name: 'No answer' }).click();
  // Added under the call tree's joined lines if they are still shown (see useAnnouncer).
  await expect(toast(page).locator('span').last()).toHaveText('Luis Prieto: No answer, recorded.');
  await page.clock.fastForward('00:30');
  await hers.getByRole('button', { name: 'Reached late' }).focus();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toHaveText('Lucía Ortega reached after the move to Luis Prieto: Luis Prieto no longer needs calling for this node.');

  // The node is reached: Luis is no longer to call, Carla's turn opens, the keyboard is back on the list.
  await expect(panel.getByTestId('call-progress')).toHaveText('1 of 2 reached · 1 being called · 0 waiting · 0 not reached');
  await expect(panel.getByTestId('call-card').locator('.call-card-head strong')).toHaveText(['Carla Ruiz']);
  await expect(panel.getByRole('heading', { level: 4, name: 'Call now' })).toBeFocused();
  await expect(card('Carla Ruiz').locator('.call-countdown')).toHaveText(/^Moves on to Dani Vega in (10:00|9:[0-5]\d)$/);

  // In order in the timeline, Luis's attempt kept; in the whole tree, the reach says it came late.
  const callRows = timeline(page).locator('article.timeline-row.kind-call .timeline-text');
  await expect(callRows).toHaveText([
    'Call tree: Lucía Ortega did not answer in 5:00; moved on to Luis Prieto',
    'Ana Ortega called Luis Prieto: no answer',
    'Ana Ortega called Lucía Ortega: reached, after the move to Luis Prieto',
  ]);
  await panel.getByText('The whole tree').click();
  const luciaNode = panel.getByTestId('call-node').filter({ hasText: 'Lucía Ortega' }).first();
  await expect(luciaNode.locator('.badge')).toHaveText('Reached');
  await expect(luciaNode.locator('.call-attempts li')).toHaveText([
    /Lucía Ortega: Moved on to the backup \(Ana Ortega\)$/,
    /Luis Prieto: No answer \(Ana Ortega\)$/,
    /Lucía Ortega: Reached \(late, after the move to Luis Prieto\) \(Ana Ortega\)$/,
  ]);
  await expectAccessible(page, 'incident call panel, a node reached late');

  // Luis's time would have run out at T+10: nothing escalates a reached node, not even after a reload.
  await page.clock.fastForward('05:00');
  await page.reload();
  await openConsole(page, appUrl);
  await goToView(page, /^Incidents$/);
  await expect(callRows).toHaveCount(3);
  await expect(timelineRows(page).filter({ hasText: 'call tree:' })).toHaveCount(1);
  await expect(panel.getByTestId('call-progress')).toHaveText('1 of 2 reached · 1 being called · 0 waiting · 0 not reached');
  const calls = await storedRows<{ personId: string; outcome: string }>(page, 'callAttempts');
  // Nothing was deleted: her escalation and late reach, and Luis's own attempt.
  const whose = Object.fromEntries(calls.map((c) => [c.outcome, c.personId]));
  expect(calls).toHaveLength(3);
  expect(Object.keys(whose).sort()).toEqual(['escalated', 'no-answer', 'reached']);
  expect(whose.reached).toBe(whose.escalated);
  expect(whose['no-answer']).not.toBe(whose.reached);
});

test('a tree for the wall: someone nobody can call, the same person twice, a person refused under herself; the list names each tree; paper prints hours, not "now" (en, es)', async ({ page, appUrl }) => {
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  // Mía has neither a phone nor an email; her backup Luis has both.
  await importPeople(page, PEOPLE_CSV.replace(/\n$/, '\nMía Sanz,,,,Europe/Madrid,,Luis Prieto,2026-05-01,no\n'), 6);
  await goTree(page, 'Night shift 🌙');
  const form = editor(page).locator('form.tree-add');
  const addUnder = async (person: string, under: string) => {
    await form.getByTestId('tree-add-person').selectOption({ label: person });
    await form.getByTestId('tree-add-under').selectOption({ label: under });
    await form.getByRole('button', { name: 'Add', exact: true }).press('Enter');
  };
  await addNode(page, { person: 'Lucía Ortega' }, 5);
  await addUnder('Mía Sanz', 'Lucía Ortega');
  await expect(toast(page)).toHaveText('Mía Sanz added under Lucía Ortega.');

  // Lucía is marked as in the tree already; under herself (or below her own node) she is refused, with the reason.
  await addUnder('Lucía Ortega (already in the tree)', '— Mía Sanz');
  await expect(form.locator('[role="alert"]')).toHaveText('Lucía Ortega cannot go under their own node: choose another place in “Under”.');
  await expect(form.getByTestId('tree-add-under')).toHaveAttribute('aria-invalid', 'true');
  await expect(nodes(page)).toHaveCount(2);
  await expectAccessible(page, 'tree editor, add refused under herself');

  // Elsewhere she may be added twice: both places say where the other one is.
  await addUnder('Luis Prieto', 'Top of the tree');
  await addUnder('Lucía Ortega (already in the tree)', 'Luis Prieto');
  await addUnder('Carla Ruiz', 'Luis Prieto');
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', '  Mía Sanz', 'Luis Prieto', '  Lucía Ortega', '  Carla Ruiz']);
  const warningsAt = (i: number) => nodes(page).nth(i).locator(':scope > .tree-node-card [data-testid="node-warnings"] li');
  await expect(warningsAt(0)).toHaveText(['⚠ Lucía Ortega is in this tree more than once; also at: under Luis Prieto.']);
  await expect(warningsAt(1)).toHaveText(['⚠ Mía Sanz has no phone or email in the directory.']);
  await expect(warningsAt(2)).toHaveCount(0);
  await expect(warningsAt(3)).toHaveText(['⚠ Lucía Ortega is in this tree more than once; also at: the top of the tree.']);
  await expect(warningsAt(4)).toContainText(['⚠ Carla Ruiz’s details were last verified on Dec 1, 2025, more than 90 days ago.', '⚠ Carla Ruiz is outside working hours now (09:00–17:00, America/New_York).']);
  await expect(editor(page).locator('.tree-head')).toContainText('5 nodes · 4 nodes with warnings');

  // In the list, the tree's name is the button's name; its counts are its description.
  const link = page.locator('.tree-list').getByRole('button', { name: 'Night shift 🌙', exact: true });
  await expect(link).toHaveAccessibleName('Night shift 🌙');
  await expect(link).toHaveAccessibleDescription('5 nodes · 4 nodes with warnings');
  await expectAccessible(page, 'tree editor, duplicate and no-contact warnings');

  // On paper: the printout alone, with when it was printed and everyone's hours, and nothing about "now".
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await editor(page).getByRole('button', { name: 'Print' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.tree-printout')).toBeVisible();
  await expect(editor(page)).toBeHidden();
  await expect(page.locator('.tree-list')).toBeHidden();
  await expect(page.locator('.tree-printout').getByRole('button')).toHaveCount(0);
  // Back to no emulation: page.pdf() prints with the print stylesheet unless told the media is screen.
  await page.emulateMedia({ media: null });
  const printed = pdfText(await page.pdf());
  expect(printed).toMatch(/Printed Mon, May 11, 2026, 10:0\d AM GMT\+2\. Check the screen for changes since\./);
  for (const expected of [
    'Lucía Ortega · +34 600 111 222 · lucia@example.org · hours Mon-Fri 09:00-17:00, Europe/Madrid',
    'Mía Sanz · no set hours, Europe/Madrid',
    'Mía Sanz has no phone or email in the directory.',
    'Carla Ruiz · +1 212 555 0101 · carla@example.org · hours Mon-Fri 09:00-17:00, America/New_York',
    'Lucía Ortega is in this tree more than once; also at: under Luis Prieto.',
    'Carla Ruiz’s details were last verified on Dec 1, 2025',
  ]) {
    expect(printed, `PDF has "${expected}"`).toContain(expected);
  }
  expect(printed).not.toContain('outside working hours');
  expect(printed).not.toContain('Add to the tree');

  // In Spanish: announcements and warnings without gender agreement, and the same paper.
  await goTo(page, 'settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await goToTrees(page);
  await expect(warningsAt(1)).toHaveText(['⚠ Mía Sanz: no hay teléfono ni correo en el directorio.']);
  await expect(warningsAt(3)).toHaveText(['⚠ Lucía Ortega está más de una vez en este árbol; también en: arriba del todo.']);
  const esForm = editor(page).locator('form.tree-add');
  await esForm.getByTestId('tree-add-person').selectOption({ label: 'Dani Vega' });
  await esForm.getByTestId('tree-add-under').selectOption({ label: 'Luis Prieto' });
  await esForm.getByRole('button', { name: 'Añadir', exact: true }).press('Enter');
  await expect(toast(page)).toHaveText('Dani Vega: se ha añadido debajo de Luis Prieto.');
  await nodes(page).nth(5).locator(':scope > .tree-node-card').getByRole('button', { name: 'Quitar' }).click();
  await expect(toast(page)).toHaveText('Dani Vega: se ha quitado del árbol; los nodos que tenía debajo suben un nivel.');
  await nodes(page).nth(0).locator(':scope > .tree-node-card').getByRole('spinbutton').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(toast(page)).toHaveText('Lucía Ortega: ya está en primer lugar.');
  const esLink = page.locator('.tree-list').getByRole('button', { name: 'Night shift 🌙', exact: true });
  await expect(esLink).toHaveAccessibleDescription('5 nodos · 4 nodos con avisos');
  await expectAccessible(page, 'tree editor, es');
  await editor(page).getByRole('button', { name: 'Imprimir' }).click();
  const impreso = pdfText(await page.pdf());
  expect(impreso).toMatch(/Impreso el lun, 11 may 2026, 10:0\d CEST\./);
  for (const expected of ['Lucía Ortega · +34 600 111 222 · lucia@example.org · horario lun-vie 09:00-17:00, Europe/Madrid', 'Mía Sanz · sin horario fijo, Europe/Madrid']) {
    expect(impreso, `PDF has "${expected}"`).toContain(expected);
  }
  expect(impreso).not.toContain('fuera de su horario');
});

test('the console asleep through three deadlines: the backups get a fresh turn, all three are said, the timeline says when the time ran out (Activate by keyboard keeps the focus)', async ({ page, appUrl }) => {
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  await importPeople(page);
  // Three top nodes of two minutes: their deadlines are the same instant.
  await goTree(page, 'Night shift');
  await addNode(page, { person: 'Lucía Ortega' }, 2);
  await addNode(page, { person: 'Carla Ruiz' }, 2);
  await addNode(page, { person: 'Dani Vega' }, 2);
  await expect(outline(page)).resolves.toEqual(['Lucía Ortega', 'Carla Ruiz', 'Dani Vega']);
  await declareIncident(page, { title: 'Server room flood' });
  const panel = page.getByTestId('call-tree');
  // Activate by keyboard: the form goes, the focus lands on "Call now", not on the page.
  await panel.getByRole('button', { name: 'Activate' }).focus();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toHaveText('Call tree “Night shift” activated.');
  await expect(panel.getByRole('heading', { level: 4, name: 'Call now' })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H4');

  // The laptop sleeps for ten minutes: the three turns ran out at 10:02, the console notices at 10:10.
  await page.clock.fastForward('10:00');
  const late = '(time ran out at 10:02 AM; noticed at 10:10 AM, when the console was running again)';
  await expect(toast(page).locator('span')).toHaveText([
    'Server room flood: 3 calls ran out of time.',
    `No answer from Lucía Ortega in 2 min. Call Luis Prieto now. ${late}`,
    `No answer from Carla Ruiz in 2 min. Call Dani Vega now. ${late}`,
    `Nobody reached for Dani Vega: everyone listed was tried. The calls under it go on. ${late}`,
  ]);
  // The backups get a whole turn from when the console noticed: nobody cascades down the chain unseen.
  const card = (who: string) => panel.getByTestId('call-card').filter({ has: page.locator('.call-card-head strong', { hasText: who }) });
  await expect(panel.getByTestId('call-card').locator('.call-card-head strong')).toHaveText(['Luis Prieto', 'Dani Vega']);
  await expect(card('Luis Prieto').locator('.call-countdown')).toHaveText(/^Nobody else to call: gives up in (2:00|1:[0-5]\d)$/);
  await expect(panel.getByTestId('not-reached-card')).toHaveCount(1);
  await expect(panel.getByTestId('not-reached-reason')).toHaveText('Everyone listed was tried.');

  // In the timeline, in the order the times ran out then in tree order, by nobody, each saying it was noticed late.
  const callRows = timeline(page).locator('article.timeline-row.kind-call .timeline-text');
  await expect(callRows).toHaveText([
    `Call tree: Lucía Ortega did not answer in 2:00; moved on to Luis Prieto ${late}`,
    `Call tree: Carla Ruiz did not answer in 2:00; moved on to Dani Vega ${late}`,
    `Call tree: Dani Vega did not answer in 2:00; nobody else was left to call ${late}`,
  ]);
  await expect(timeline(page).locator('article.timeline-row.kind-call strong')).toHaveCount(0);
  const calls = await storedRows<{ personId: string; at: string; dueAt: string | null }>(page, 'callAttempts');
  // When the time ran out: two minutes after the activation, the same for all three.
  const [incident] = await storedRows<{ contactTreeActivatedAt: string }>(page, 'incidents');
  const dueAt = new Date(Date.parse(incident!.contactTreeActivatedAt) + 2 * 60_000).toISOString();
  expect(calls.map((c) => c.dueAt)).toEqual([dueAt, dueAt, dueAt]);
  const at = calls.map((c) => Date.parse(c.at)).sort((a, b) => a - b);
  expect(new Set(at).size).toBe(3);
  expect(at[0]).toBeGreaterThanOrEqual(Date.parse('2026-05-11T08:10:00.000Z'));
  await expectAccessible(page, 'incident call panel, three escalations noticed late');
});

test('people deleted from the directory while their tree runs: the node goes on down the chain, then shows as not reached with why; the delete says which incident; no copy of a bare name', async ({ page, appUrl }) => {
  await page.clock.install({ time: T0 });
  await openConsole(page, appUrl);
  await setName(page, 'Ana Ortega');
  await importPeople(page, [
    'name,roles,phones,email,time zone,working hours,backup,verified,left',
    'Ana Alba,,+34 600 100 100,,Europe/Madrid,,Bea Bravo,2026-05-01,no',
    'Bea Bravo,,+34 600 200 200,,Europe/Madrid,,Cris Cano,2026-05-01,no',
    'Cris Cano,,,,Europe/Madrid,,,2026-05-01,no',
    '',
  ].join('\n'), 3);
  await goTree(page, 'Chain');
  await addNode(page, { person: 'Ana Alba' }, 2);
  await declareIncident(page, { title: 'Power cut' });
  const panel = page.getByTestId('call-tree');
  await panel.getByRole('button', { name: 'Activate' }).click();
  await expect(panel.getByRole('heading', { level: 4, name: 'Call now' })).toBeFocused();
  const card = (who: string) => panel.getByTestId('call-card').filter({ has: page.locator('.call-card-head strong', { hasText: who }) });
  await card('Ana Alba').getByRole('button', { name: 'No answer' }).click();
  await page.clock.fastForward('02:01');
  await expect(card('Bea Bravo')).toBeVisible();

  // People → Bea → Delete person: the confirmation names the incident whose tree is calling her.
  const deletePerson = async (name: string, warns = true) => {
    await goToView(page, /^People$/);
    await page.getByRole('listbox', { name: 'People' }).getByRole('option').filter({ hasText: name }).click();
    const personEditor = page.getByTestId('person-editor');
    await personEditor.getByRole('button', { name: 'Delete person' }).click();
    if (warns) {
      await expect(personEditor.getByTestId('delete-running-tree-warning')).toHaveText(`${name} is in the running call tree of Power cut. Their calls will move on to the next person.`);
      await expectAccessible(page, 'delete confirmation naming a running call tree');
    } else {
      await expect(personEditor.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
      await expect(personEditor.getByTestId('delete-running-tree-warning')).toHaveCount(0);
    }
    await personEditor.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(toast(page)).toContainText(`${name} removed from the directory.`);
    await goToView(page, /^Incidents$/);
  };
  await deletePerson('Bea Bravo');

  // Cris takes over the rest of the turn; the history still names Ana; Cris has no phone nor email: no copy button.
  const cris = card('Cris Cano');
  await expect(cris).toBeVisible();
  await expect(cris).toContainText('No phone or email in the directory.');
  await expect(cris.getByRole('button', { name: 'Copy contact details' })).toHaveCount(0);
  await expect(cris.getByTestId('call-earlier').locator('p').first()).toHaveText('Ana Alba: no answer in 2:00, moved on to Cris Cano');
  await expectAccessible(page, 'incident call panel, a person with no contact details');

  // Ana and Cris deleted too: nobody is left, and the node stays in sight as not reached, saying why, with Ana's call back.
  await deletePerson('Cris Cano');
  // Her node has given up (nobody is left): no open call of hers to warn about.
  await deletePerson('Ana Alba', false);
  await expect(panel.getByTestId('call-card')).toHaveCount(0);
  const notReached = panel.getByTestId('not-reached-card');
  await expect(notReached).toHaveCount(1);
  // Headed by her name, marked as the history marks it, not as "someone no longer in the directory".
  await expect(notReached.locator('.call-card-head strong')).toHaveText('Ana Alba (deleted from the directory)');
  await expect(notReached.getByTestId('not-reached-reason')).toHaveText(
    'Nobody left in the directory to call. No longer callable: Ana Alba (deleted from the directory), Bea Bravo (deleted from the directory), and Cris Cano (deleted from the directory).',
  );
  await expect(notReached.getByTestId('call-earlier').locator('p').first()).toHaveText('Ana Alba (deleted from the directory): no answer in 2:00, moved on to the next person');
  await expect(notReached).not.toContainText('nobody else was left');
  await expect(panel.getByTestId('call-progress')).toHaveText('0 of 1 reached · 0 being called · 0 waiting · 1 not reached');
  await expect(timeline(page)).toContainText('Call tree: Ana Alba did not answer in 2:00; moved on to the next person');
  await expectAccessible(page, 'incident call panel, a node left with nobody');
  // She calls back after all: the node is reached.
  await notReached.getByRole('group', { name: 'Record a call back from Ana Alba (deleted from the directory)' }).getByRole('button', { name: /^Reached late/ }).click();
  await expect(panel.getByTestId('call-progress')).toHaveText('1 of 1 reached · 0 being called · 0 waiting · 0 not reached');
});
