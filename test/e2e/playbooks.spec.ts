import type { Locator, Page } from '@playwright/test';
import { test as base, expect, expectAccessible } from './fixtures';
import {
  checklistSteps,
  countRows,
  declareDialog,
  exportPlaybooks,
  goTo,
  importPlaybooks,
  openConsole,
  openPlaybooks,
  playbookCount,
  playbookDetail,
  playbookFilter,
  playbookList,
  playbookRow,
  playbookSteps,
  playbooksYaml,
  playbookYaml,
  selectPlaybook,
  setName,
  shipped,
  shippedPlaybook,
  SHIPPED_PLAYBOOKS,
  stepTitle,
  toast,
  tPlus,
  type ShippedPlaybook,
} from './helpers';

/**
 * The playbook library: the shipped playbooks listed and filtered in both languages, a playbook's
 * detail (when to use it, severities, steps with deadlines, roles and answers), declaring an
 * incident from it, editing it as a new revision that someone else approves, import and export
 * all or nothing, and accessibility. Every expected value comes from resources/library/playbooks.yaml
 * (and answers.yaml for linked answers), read by the test itself.
 */

/**
 * A fixed "now" inside the validity of every shipped approval (checked below), so the shipped
 * playbooks read "Approved" whatever day the suite runs; time still flows from there.
 */
const NOW = new Date('2026-06-01T10:00:00Z');
const test = base.extend({
  desk: async ({ page, appUrl }, use) => {
    await page.clock.install({ time: NOW });
    await openConsole(page, appUrl);
    await use(page);
  },
});

test.use({ locale: 'en-US' });

const COUNT = SHIPPED_PLAYBOOKS.length;
const WAVE = shippedPlaybook('calma.playbook.negative-wave');
const WAVE_R1 = WAVE.revisions.at(-1)!;

/** The words the console must use for each role: the specification, written here. */
const ROLE: Record<'es' | 'en', Record<string, string>> = {
  en: {
    'crisis-lead': 'Crisis lead',
    'comms-lead': 'Communications lead',
    'community-manager': 'Community manager',
    spokesperson: 'Spokesperson',
    legal: 'Legal',
    'it-security': 'IT security',
    hr: 'People (HR)',
    'customer-care': 'Customer care',
    executive: 'Executive',
  },
  es: {
    'crisis-lead': 'Responsable de la crisis',
    'comms-lead': 'Responsable de comunicación',
    'community-manager': 'Community manager',
    spokesperson: 'Portavoz',
    legal: 'Asesoría jurídica',
    'it-security': 'Seguridad informática',
    hr: 'Personas (RR. HH.)',
    'customer-care': 'Atención al cliente',
    executive: 'Dirección',
  },
};
const SEVERITY: Record<'es' | 'en', string[]> = { en: ['Low', 'Medium', 'High', 'Critical'], es: ['Baja', 'Media', 'Alta', 'Crítica'] };
const LEVELS = ['low', 'medium', 'high', 'critical'] as const;

const sortedTitles = (lang: 'es' | 'en') => SHIPPED_PLAYBOOKS.map((p) => p.title[lang]).sort(new Intl.Collator(lang).compare);
/** Accent- and case-folded, as a person typing without accents expects. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The detail of `playbook` in `lang`: when to use it, its four severities, each step in order. */
async function expectDetail(page: Page, playbook: ShippedPlaybook, lang: 'es' | 'en'): Promise<void> {
  const revision = playbook.revisions.at(-1)!;
  const detail = playbookDetail(page);
  await expect(page.locator('#playbook-title')).toHaveText(playbook.title[lang]);
  await expect(detail.getByRole('heading', { level: 3, name: lang === 'en' ? 'When to use it' : 'Cuándo usarlo' })).toBeVisible();
  await expect(detail.locator('h3 + div .markdown').first()).toHaveText(squash(revision.whenToUse[lang]), { useInnerText: true });

  expect(revision.severities.map((s) => s.level)).toEqual([...LEVELS]);
  await expect(detail.locator('.severities dt')).toHaveText(SEVERITY[lang]);
  await expect(detail.locator('.severities dd')).toHaveText(LEVELS.map((l) => revision.severities.find((s) => s.level === l)!.meaning[lang]));

  const steps = playbookSteps(page);
  await expect(detail.locator('#playbook-steps-title')).toHaveText(
    lang === 'en' ? `${revision.steps.length} steps, in order` : `${revision.steps.length} pasos, en orden`,
  );
  await expect(steps).toHaveCount(revision.steps.length);
  await expect(steps.locator('.step-offset > [aria-hidden="true"]')).toHaveText(revision.steps.map((s) => tPlus(s.offsetMinutes)));
  await expect(steps.locator('.step-role')).toHaveText(revision.steps.map((s) => ROLE[lang][s.role]!));
  // Each step's text is its Markdown rendered: the first line in bold, no asterisks left.
  await expect(steps.locator('.markdown > p:first-child')).toHaveText(revision.steps.map((s) => stepTitle(s, lang)));
  await expect(steps.locator('.markdown p:first-child strong')).toHaveCount(revision.steps.length);
  for (const [n, step] of revision.steps.entries()) {
    await expect(steps.nth(n).locator('.step-answers li')).toHaveText(step.answerIds.map((id) => shipped(id).title[lang]));
  }
}

test('the shipped playbooks are listed and filtered in both languages; a playbook shows its steps', async ({ desk: page }) => {
  // Preconditions on the shipped file, so a changed library fails here rather than obscurely below.
  expect(COUNT).toBe(9);
  expect(WAVE_R1.steps.some((s) => s.offsetMinutes >= 1440 && s.offsetMinutes % 1440 === 0)).toBe(true);
  expect(WAVE_R1.steps.some((s) => s.answerIds.length > 1)).toBe(true);
  for (const p of SHIPPED_PLAYBOOKS) {
    expect(p.approvals.map((a) => a.revisionId), p.id).toEqual([p.revisions.at(-1)!.id]);
    expect(new Date(p.approvals[0]!.at) <= NOW && (p.approvals[0]!.expiresAt === null || NOW < new Date(p.approvals[0]!.expiresAt)), p.id).toBe(true);
  }

  await openPlaybooks(page, COUNT);
  await expect(playbookList(page).locator('.playbook-row-title')).toHaveText(sortedTitles('en'));
  // All shipped with an approved revision 1, and reviewed.
  await expect(playbookList(page).locator('.playbook-row-meta .badge')).toHaveText(SHIPPED_PLAYBOOKS.map(() => 'Approved'));
  const bySortedTitle = [...SHIPPED_PLAYBOOKS].sort((a, b) => new Intl.Collator('en').compare(a.title.en, b.title.en));
  const reviewed = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(iso));
  await expect(playbookList(page).locator('.playbook-row-meta')).toHaveText(
    bySortedTitle.map((p) => new RegExp(`${p.revisions.at(-1)!.steps.length} steps·reviewed ${reviewed(p.lastReviewedAt!)}$`)),
  );

  // Filter: accent- and case-insensitive, on the title in either language, every word.
  const filterCases = ['publicacion', 'EXPOSICION datos', 'ACCOUNT hijacked', 'CRÍTICAS', 'cómplaint'];
  for (const query of filterCases) {
    const words = fold(query).split(/\s+/);
    const expected = SHIPPED_PLAYBOOKS.filter((p) => words.every((w) => fold(`${p.title.es} ${p.title.en}`).includes(w)))
      .map((p) => p.title.en)
      .sort(new Intl.Collator('en').compare);
    expect(expected.length, query).toBeGreaterThan(0);
    await playbookFilter(page).fill(query);
    await expect(playbookCount(page)).toHaveText(`${expected.length} of ${COUNT} playbooks match the filter.`);
    await expect(playbookList(page).locator('.playbook-row-title')).toHaveText(expected);
  }
  await playbookFilter(page).fill('zzz-no-such-playbook');
  // Nothing matches: the screen says so in words, and there is no empty listbox left to tab into.
  await expect(page.getByText('No playbook matches.')).toBeVisible();
  await expect(playbookList(page)).toHaveCount(0);
  await playbookFilter(page).press('Escape');
  await expect(playbookFilter(page)).toHaveValue('');
  await expect(playbookCount(page)).toHaveText(`${COUNT} playbooks`);

  await selectPlaybook(page, WAVE.title.en);
  await expect(playbookRow(page, WAVE.title.en)).toHaveAttribute('aria-selected', 'true');
  await expectDetail(page, WAVE, 'en');
  // The whiteboard offset is read out in words.
  const ninety = WAVE_R1.steps.findIndex((s) => s.offsetMinutes === 90);
  await expect(playbookSteps(page).nth(ninety).locator('.step-offset .visually-hidden')).toHaveText('1 hour and 30 minutes after the declaration');

  // In Spanish: titles, sort, roles, severities and linked answers, with the same playbook selected.
  await goTo(page, 'settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await openPlaybooks(page, COUNT, 'es');
  await expect(playbookList(page).locator('.playbook-row-title')).toHaveText(sortedTitles('es'));
  await expectDetail(page, WAVE, 'es');
  await playbookFilter(page).fill('publicacion');
  const publicacion = SHIPPED_PLAYBOOKS.filter((p) => fold(p.title.es).includes('publicacion')).map((p) => p.title.es).sort(new Intl.Collator('es').compare);
  await expect(playbookCount(page)).toHaveText(`${publicacion.length} de ${COUNT} protocolos coinciden con el filtro.`);
  await expect(playbookList(page).locator('.playbook-row-title')).toHaveText(publicacion);
});

/** "Declare an incident from this playbook": the dialog opens on it; Enter declares. */
async function declareFromDetail(page: Page, playbookId: string, title: string, steps: number, revision: number): Promise<void> {
  await playbookDetail(page).getByRole('button', { name: 'Declare an incident from this playbook' }).click();
  const dialog = declareDialog(page);
  await expect(dialog).toBeVisible();
  const picker = dialog.getByTestId('declare-playbook');
  await expect(picker).toHaveValue(playbookId);
  await expect(picker.locator('option:checked')).toHaveText(title);
  await expect(dialog.getByText(`${steps} steps from revision ${revision}, with deadlines counted from now.`)).toBeVisible();
  await expect(dialog.getByTestId('declare-title')).toHaveValue(title);
  await expect(picker).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeAttached();
  await expect(page.locator('#incident-title')).toHaveText(title);
}

test('declare an incident from a playbook: preselected in the dialog, Enter declares, its steps become the checklist', async ({ desk: page }) => {
  const playbook = shippedPlaybook('calma.playbook.data-leak');
  const steps = playbook.revisions.at(-1)!.steps;
  await openPlaybooks(page, COUNT);
  await selectPlaybook(page, playbook.title.en);
  await declareFromDetail(page, playbook.id, playbook.title.en, steps.length, 1);
  await expect(checklistSteps(page)).toHaveCount(steps.length);
  await expect(checklistSteps(page).locator('.step-title')).toHaveText(steps.map((s) => stepTitle(s)));
  await expect(page.locator('#checklist-title')).toContainText(`0 of ${steps.length} done`);
});

const NEW_STEP = {
  en: '**Check the e2e step.**\n\nTell the *whole* team.',
  es: '**Revisar el paso e2e.**\n\nAvisar a *todo* el equipo.',
  title: { en: 'Check the e2e step.', es: 'Revisar el paso e2e.' },
  offset: 300,
};

/** The English text of every step in the editor, in the order it shows them. */
const editorTexts = (editor: Locator) => editor.getByTestId('step-editor').locator('textarea[lang="en"]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

test('edit a playbook: add, write, preview and reorder a step; refused when empty; revision 2 waits for another person to approve it', async ({ desk: page }) => {
  const r1 = WAVE_R1.steps;
  // Where the new step ends up: after four moves up and one down from the end.
  const at = r1.length - 3;
  const r2Texts = [...r1.slice(0, at).map((s) => s.text.en), NEW_STEP.en, ...r1.slice(at).map((s) => s.text.en)];
  const r2Titles = [...r1.slice(0, at).map((s) => stepTitle(s)), NEW_STEP.title.en, ...r1.slice(at).map((s) => stepTitle(s))];

  await setName(page, 'Ana Editor');
  await openPlaybooks(page, COUNT);
  await selectPlaybook(page, WAVE.title.en);
  expect(await countRows(page, 'playbookRevisions')).toBe(COUNT);

  await playbookDetail(page).getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = page.getByRole('dialog', { name: 'Edit playbook' });
  await expect(editor).toContainText('Saving writes revision 2, based on revision 1.');
  const stepEditors = editor.getByTestId('step-editor');
  const step = (n: number) => editor.getByRole('group', { name: `Step ${n}`, exact: true });
  await expect(stepEditors).toHaveCount(r1.length);
  expect(await editorTexts(editor)).toEqual(r1.map((s) => s.text.en));

  // Add a step: it comes last, and the keyboard goes to its first field.
  await editor.getByRole('button', { name: 'Add a step' }).click();
  await expect(stepEditors).toHaveCount(r1.length + 1);
  const added = step(r1.length + 1);
  await expect(added.getByRole('combobox', { name: 'Role' })).toBeFocused();
  const en = added.getByRole('textbox', { name: 'Text (English)' });
  const es = added.getByRole('textbox', { name: 'Text (Spanish)' });
  await expect(en).toHaveValue('');
  await expect(es).toHaveValue('');

  // A step with no text in either language (blanks count as none) is refused, and nothing is written.
  await en.fill('   ');
  await editor.getByRole('button', { name: 'Save new revision' }).click();
  const errors = editor.getByTestId('playbook-editor-errors');
  await expect(errors).toHaveText(`Step ${r1.length + 1}: write what to do, in at least one language.`);
  await expect(en).toHaveAttribute('aria-invalid', 'true');
  await expect(es).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByTestId('playbook-editor-status')).toHaveText(/^1 problem to fix before saving\.\s?$/);
  await expect(editor).toBeVisible();
  expect(await countRows(page, 'playbookRevisions')).toBe(COUNT);

  // Write it in both languages, with a deadline; the problem goes away as it is fixed.
  await en.fill(NEW_STEP.en);
  await expect(errors).toBeHidden();
  await es.fill(NEW_STEP.es);
  const offset = added.getByRole('spinbutton', { name: 'Deadline, in minutes after the declaration' });
  await offset.fill(String(NEW_STEP.offset));
  await expect(added.locator('.offset-preview')).toHaveText(tPlus(NEW_STEP.offset));

  // The Markdown preview renders the bold and italic text, in each language.
  await added.getByRole('button', { name: 'Preview' }).click();
  await expect(added.getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');
  const previewEn = added.getByRole('group', { name: 'Preview (English)' });
  await expect(previewEn.locator('strong')).toHaveText(NEW_STEP.title.en);
  await expect(previewEn.locator('em')).toHaveText('whole');
  await expect(previewEn).not.toContainText('*');
  await expect(added.getByRole('group', { name: 'Preview (Spanish)' }).locator('strong')).toHaveText(NEW_STEP.title.es);

  // Reorder with the buttons: the moved step keeps the focus, on the button pressed.
  await expect(step(1).getByRole('button', { name: 'Move up' })).toHaveAttribute('aria-disabled', 'true');
  await expect(added.getByRole('button', { name: 'Move down' })).toHaveAttribute('aria-disabled', 'true');
  for (const n of [r1.length + 1, r1.length]) {
    await step(n).getByRole('button', { name: 'Move up' }).click();
    await expect(step(n - 1).getByRole('textbox', { name: 'Text (English)' })).toHaveValue(NEW_STEP.en);
    await expect(step(n - 1).getByRole('button', { name: 'Move up' })).toBeFocused();
  }
  await expect(editor.getByTestId('playbook-editor-status')).toHaveText(new RegExp(`^“${NEW_STEP.title.en.replace('.', '\\.')}” moved to position ${r1.length - 1} of ${r1.length + 1}\\.`));

  // And with Alt+↑ / Alt+↓ from inside the step: the focus stays in the text being written.
  await step(r1.length - 1).getByRole('textbox', { name: 'Text (English)' }).focus();
  for (const [key, n] of [['Alt+ArrowUp', r1.length - 2], ['Alt+ArrowUp', r1.length - 3], ['Alt+ArrowDown', r1.length - 2]] as const) {
    await page.keyboard.press(key);
    const moved = step(n).getByRole('textbox', { name: 'Text (English)' });
    await expect(moved).toHaveValue(NEW_STEP.en);
    await expect(moved).toBeFocused();
  }
  expect(at + 1).toBe(r1.length - 2);
  expect(await editorTexts(editor)).toEqual(r2Texts);
  await expect(editor.getByTestId('playbook-editor-status')).toHaveText(new RegExp(`moved to position ${at + 1} of ${r1.length + 1}\\.`));

  // Save: revision 2 is a draft; revision 1 stays approved and in force.
  await editor.getByRole('button', { name: 'Save new revision' }).click();
  await expect(editor).toBeHidden();
  await expect(toast(page)).toHaveText('New revision saved. It needs approval.');
  expect(await countRows(page, 'playbookRevisions')).toBe(COUNT + 1);
  const detail = playbookDetail(page);
  await expect(detail.locator('.status-line')).toContainText('Revision 1, approved by calma on');
  await expect(detail.locator('.playbook-draft-note')).toContainText('Revision 2 by Ana Editor is waiting for approval; what you read below is the revision in force.');
  await expect(playbookRow(page, WAVE.title.en)).toContainText('newer draft');
  await expect(playbookSteps(page)).toHaveCount(r1.length);
  // Nobody approves their own revision.
  const approve = detail.getByRole('button', { name: 'Approve revision 2' });
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAccessibleDescription('You wrote this revision; someone else must approve it.');
  // The draft can be read, new step where it was put.
  await detail.getByRole('button', { name: 'Read draft revision 2' }).click();
  await expect(playbookSteps(page)).toHaveCount(r1.length + 1);
  await expect(playbookSteps(page).locator('.markdown > p:first-child')).toHaveText(r2Titles);
  await expect(playbookSteps(page).nth(at).locator('.step-offset > [aria-hidden="true"]')).toHaveText(tPlus(NEW_STEP.offset));
  await detail.getByRole('button', { name: 'Read draft revision 2' }).click();
  await expect(playbookSteps(page)).toHaveCount(r1.length);

  // New incidents still use the approved revision 1.
  await declareFromDetail(page, WAVE.id, WAVE.title.en, r1.length, 1);
  await expect(checklistSteps(page)).toHaveCount(r1.length);
  await expect(checklistSteps(page).locator('.step-title')).toHaveText(r1.map((s) => stepTitle(s)));

  // Someone else approves revision 2: it is now the one in force, and new incidents have the new step.
  await setName(page, 'Bruno Approver');
  await openPlaybooks(page, COUNT);
  await expect(page.locator('#playbook-title')).toHaveText(WAVE.title.en);
  await expect(approve).toBeEnabled();
  await approve.click();
  await expect(toast(page)).toHaveText('Revision 2 of the playbook approved.');
  await expect(detail.locator('.status-line')).toContainText('Revision 2, approved by Bruno Approver on');
  await expect(detail.locator('.playbook-draft-note')).toBeHidden();
  await expect(detail.getByRole('button', { name: /^Approve revision/ })).toHaveCount(0);
  await expect(playbookRow(page, WAVE.title.en)).not.toContainText('newer draft');
  // Approving is a review: the list says when.
  await expect(playbookRow(page, WAVE.title.en)).toContainText(`reviewed ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(NOW)}`);
  await expect(playbookSteps(page).locator('.markdown > p:first-child')).toHaveText(r2Titles);
  await expect(playbookSteps(page).nth(at).locator('.step-role')).toHaveText(ROLE.en['crisis-lead']!);

  await declareFromDetail(page, WAVE.id, WAVE.title.en, r1.length + 1, 2);
  await expect(checklistSteps(page)).toHaveCount(r1.length + 1);
  await expect(checklistSteps(page).locator('.step-title')).toHaveText(r2Titles);

  // What the console wrote is a valid library file: its export imports back, changing nothing.
  await openPlaybooks(page, COUNT);
  const exported = await exportPlaybooks(page, 'json');
  const wave = (JSON.parse(exported) as { playbooks: ShippedPlaybook[] }).playbooks.find((p) => p.id === WAVE.id)!;
  expect(wave.revisions.map((r) => [r.number, r.steps.length])).toEqual([[1, r1.length], [2, r1.length + 1]]);
  expect(wave.approvals.map((a) => a.by)).toEqual(['calma', 'Bruno Approver']);
  await importPlaybooks(page, 'edited.json', exported);
  await expect(toast(page)).toHaveText(`Imported ${COUNT} playbooks (${COUNT + 1} revisions).`);
  expect(await exportPlaybooks(page, 'json')).toBe(exported);
});

interface IssueRow { file: string; line: string; field: string; reason: string }

async function issueRows(page: Page): Promise<IssueRow[]> {
  const table = page.getByTestId('import-issues');
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const [file, line, field, reason] = [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { file: file!, line: line!, field: field!, reason: reason! };
    }),
  );
}

/** 1-based number of the `nth` (0-based) line of `text` that contains `needle`. */
function lineOf(text: string, needle: string, nth = 0): number {
  const numbers = text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (numbers[nth] === undefined) throw new Error(`"${needle}" is not in the file ${nth + 1} times`);
  return numbers[nth]!;
}

async function closeIssues(page: Page, count: number): Promise<void> {
  const dialog = page.getByRole('alertdialog', { name: 'Import refused' });
  await expect(dialog).toContainText(`The file has ${count} problem${count === 1 ? '' : 's'}. Nothing was imported and nothing changed.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** The library is as it was: same count, same rows, and the same export to the byte. */
async function expectUnchanged(page: Page, before: string, rows: number): Promise<void> {
  await expect(playbookCount(page)).toHaveText(`${COUNT} playbooks`);
  expect(await countRows(page, 'playbookRevisions')).toBe(rows);
  expect(await exportPlaybooks(page, 'json')).toBe(before);
}

test('export as JSON and import it back changes nothing; a file with problems is refused whole, each problem located', async ({ desk: page }) => {
  await openPlaybooks(page, COUNT);
  const before = await exportPlaybooks(page, 'json');
  const exported = JSON.parse(before) as { format: string; playbooks: ShippedPlaybook[] };
  expect(exported.format).toBe('calma.playbooks');
  expect(exported.playbooks.map((p) => p.id).sort()).toEqual(SHIPPED_PLAYBOOKS.map((p) => p.id).sort());
  expect(exported.playbooks.find((p) => p.id === WAVE.id)!.revisions.map((r) => r.steps.map((s) => s.id))).toEqual([WAVE_R1.steps.map((s) => s.id)]);
  const rows = await countRows(page, 'playbookRevisions');
  expect(rows).toBe(COUNT);

  // Re-import of the export: accepted, nothing new.
  await importPlaybooks(page, 'same.json', before);
  await expect(toast(page)).toHaveText(`Imported ${COUNT} playbooks (${COUNT} revisions).`);
  await expectUnchanged(page, before, rows);
  await importPlaybooks(page, 'same.yaml', await exportPlaybooks(page, 'yaml'));
  await expect(toast(page)).toHaveText(`Imported ${COUNT} playbooks (${COUNT} revisions).`);
  await expectUnchanged(page, before, rows);

  // An unknown field (a typo) and a step id used twice: both reported, with file, line and field.
  const typo = playbookYaml({ id: 'e2e.playbook.typo', title: 'Typo playbook', stepIds: ['e2e.step.a', 'e2e.step.b', 'e2e.step.a'] })
    .replace('            role: comms-lead', '            role: comms-lead\n            colour: red');
  const good = playbookYaml({ id: 'e2e.playbook.would-be-added', title: 'Would be added', stepIds: ['e2e.step.one'] });
  const text = playbooksYaml(good, typo);
  await importPlaybooks(page, 'invalid.yaml', text);
  await expect(toast(page)).toHaveText('The file has 2 problems. Nothing was imported and nothing changed.');
  const issues = await issueRows(page);
  expect(issues, JSON.stringify(issues)).toHaveLength(2);
  const unknown = issues.find((r) => r.reason.includes('colour'));
  expect(unknown, JSON.stringify(issues)).toBeDefined();
  expect(unknown!.field).toBe('playbooks[1].revisions[0].steps[0]');
  expect(Number(unknown!.line)).toBeGreaterThanOrEqual(lineOf(text, 'id: e2e.step.a'));
  expect(Number(unknown!.line)).toBeLessThanOrEqual(lineOf(text, 'colour: red'));
  const duplicate = issues.find((r) => r !== unknown);
  expect(duplicate).toEqual({
    file: 'invalid.yaml',
    line: String(lineOf(text, 'id: e2e.step.a', 1)),
    field: 'playbooks[1].revisions[0].steps[2].id',
    reason: 'duplicate step id "e2e.step.a" in this revision',
  });
  expect(unknown!.file).toBe('invalid.yaml');
  await closeIssues(page, 2);
  await expectUnchanged(page, before, rows);
  await playbookFilter(page).fill('Would be added');
  // Nothing matches: the screen says so in words, and there is no empty listbox left to tab into.
  await expect(page.getByText('No playbook matches.')).toBeVisible();
  await expect(playbookList(page)).toHaveCount(0);
  await playbookFilter(page).fill('');

  // A revision that reuses a shipped revision's id with other content rewrites history: the whole
  // file is refused, its valid new playbook too.
  const rewrite = playbookYaml({ id: WAVE.id, title: WAVE.title.en, revisionId: WAVE_R1.id, stepIds: [WAVE_R1.steps[0]!.id], stepText: 'Rewritten history.' });
  const innocent = playbookYaml({ id: 'e2e.playbook.innocent', title: 'Innocent bystander', stepIds: ['e2e.step.one'] });
  const history = playbooksYaml(innocent, rewrite);
  await importPlaybooks(page, 'rewrite.yaml', history);
  expect(await issueRows(page)).toEqual([{
    file: 'rewrite.yaml',
    line: String(lineOf(history, `id: ${WAVE_R1.id}`)),
    field: 'playbooks[1].revisions[0].id',
    reason: `revision ${WAVE_R1.id} already exists with different content`,
  }]);
  await closeIssues(page, 1);
  await expectUnchanged(page, before, rows);
  await playbookFilter(page).fill('Innocent');
  // Nothing matches: the screen says so in words, and there is no empty listbox left to tab into.
  await expect(page.getByText('No playbook matches.')).toBeVisible();
  await expect(playbookList(page)).toHaveCount(0);
  await playbookFilter(page).fill('');
  await selectPlaybook(page, WAVE.title.en);
  await expect(playbookSteps(page)).toHaveCount(WAVE_R1.steps.length);
  await expect(playbookSteps(page).first().locator('.markdown > p:first-child')).toHaveText(stepTitle(WAVE_R1.steps[0]!));

  // A valid file adds exactly its playbooks, listed as the UI language sorts, whatever language
  // the browser says: in Spanish ñ is a letter of its own, after n; numbers by value.
  const added = ['Ñandú e2e', 'Simulacro 10 e2e', 'Nube e2e', 'Simulacro 9 e2e'];
  const esOrder = ['Nube e2e', 'Ñandú e2e', 'Simulacro 9 e2e', 'Simulacro 10 e2e'];
  expect([...added].sort(new Intl.Collator('es', { numeric: true }).compare)).toEqual(esOrder);
  await importPlaybooks(page, 'four.yaml', playbooksYaml(...added.map((title, n) => playbookYaml({ id: `e2e.playbook.p${n}`, title, stepIds: [`e2e.playbook.p${n}.s1`] }))));
  await expect(toast(page)).toHaveText(`Imported ${added.length} playbooks (${added.length} revisions).`);
  await expect(playbookCount(page)).toHaveText(`${COUNT + added.length} playbooks`);
  expect(await countRows(page, 'playbookRevisions')).toBe(rows + added.length);
  const after = JSON.parse(await exportPlaybooks(page, 'json')) as { playbooks: { id: string }[] };
  expect(after.playbooks.filter((p) => !p.id.startsWith('e2e.'))).toEqual(exported.playbooks);
  expect(after.playbooks.filter((p) => p.id.startsWith('e2e.'))).toHaveLength(added.length);
  await goTo(page, 'settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await openPlaybooks(page, COUNT + added.length, 'es');
  await playbookFilter(page).fill('e2e');
  await expect(playbookList(page).locator('.playbook-row-title')).toHaveText(esOrder);
});

test('axe: the playbook detail and the editor with a step preview open, in light and dark themes', async ({ desk: page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await goTo(page, 'settings');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await openPlaybooks(page, COUNT);
    await selectPlaybook(page, WAVE.title.en);
    await expect(playbookSteps(page).first().locator('.step-answers li, .markdown').first()).toBeVisible();
    // Linked answers resolved to their titles (not the loading mark).
    await expect(playbookSteps(page).nth(2).locator('.step-answers button')).toHaveCount(WAVE_R1.steps[2]!.answerIds.length);
    await expectAccessible(page, `playbook detail (${theme})`);

    await playbookDetail(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Edit playbook' });
    const first = editor.getByRole('group', { name: 'Step 1', exact: true });
    await first.getByRole('button', { name: 'Preview' }).click();
    await expect(first.getByRole('group', { name: 'Preview (English)' }).locator('strong')).toHaveText(stepTitle(WAVE_R1.steps[0]!));
    await expectAccessible(page, `playbook editor with a preview (${theme})`);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor).toBeHidden();
  }
});
