import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { callTreeStatus, type CallTreeStatus } from '../../../shared/contactTrees';
import type { Incident, Lang, Person } from '../../../shared/domain';
import { buildDeclaration } from '../../../shared/incidents/declare';
import { summarizeIncident } from '../../../shared/incidents/summary';
import { callTreeText } from '../../../renderer/src/features/summary/callsText';
import { summaryToText } from '../../../renderer/src/features/summary/summaryText';
import { MESSAGES, type Translate } from '../../../renderer/src/i18n/I18nProvider';
import type { MessageId } from '../../../renderer/src/i18n/messages/en';
import { attempt, MIN, person, personNode, roleNode, tree } from '../contactTrees/fixtures';

const DECLARED = '2026-05-11T08:00:00.000Z';
const ACTIVATED = Date.parse(DECLARED) + 5 * MIN;

function i18n(locale: Lang) {
  const intl = createIntl({ locale, messages: MESSAGES[locale], timeZone: 'UTC' });
  const t: Translate = (id: MessageId, values) => intl.formatMessage({ id }, values);
  const when = (at: string | number) => intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  return { intl, t, when };
}

const people: Person[] = [person('lucia', { name: 'Lucía', backupId: 'luis' }), person('luis', { name: 'Luis' }), person('dani', { name: 'Dani', roles: ['legal'] })];
const byId = new Map(people.map((p) => [p.id, p]));
const main = { ...tree([personNode('top', 'lucia', null, 0, 10), roleNode('legal', 'legal', 'top', 0)]), name: 'Head office' };

function incident(fields: Partial<Incident>): Incident {
  const { incident: base } = buildDeclaration({
    incidentId: 'inc-1', title: 'Outage', severity: 'high', lead: { personId: null, name: 'Ana' }, declaredAt: DECLARED, declaredBy: 'ana', playbookId: null, revision: null, people: [], newId: () => 'e1',
  });
  return { ...base, clock: { contactTreeId: 'x', contactTreeActivatedAt: 'x' }, ...fields };
}
const running = incident({ contactTreeId: 'tree-1', contactTreeActivatedAt: new Date(ACTIVATED).toISOString() });
const statusAt = (now: number, calls = [] as ReturnType<typeof attempt>[], inc = running): CallTreeStatus =>
  callTreeStatus({ incident: inc, tree: main, people, attempts: calls, now });

describe('the call tree, in the summary’s words', () => {
  it('says plainly when there is no tree, a missing one, or one never activated', () => {
    const { t, when } = i18n('en');
    expect(callTreeText({ kind: 'none' }, t, when, byId)).toEqual({ line: 'None chosen for this incident.', toReach: null });
    expect(callTreeText({ kind: 'missing', treeId: 't', activatedAt: null }, t, when, byId).line).toMatch(/^The chosen tree is not on this machine/);
    expect(callTreeText({ kind: 'chosen', treeId: 't', treeName: 'Head office' }, t, when, byId)).toEqual({
      line: '“Head office”, chosen but not activated: nobody has been called through it yet.',
      toReach: null,
    });
  });

  it('gives the counts, says when nobody was reached, and names who to call now', () => {
    const { t, when } = i18n('en');
    const text = callTreeText(statusAt(ACTIVATED + MIN), t, when, byId);
    expect(text.line).toBe(`“Head office”, activated ${when(ACTIVATED)}: 0 of 2 reached, 2 pending, 0 failed. Nobody reached yet.`);
    expect(text.toReach).toEqual({ people: ['Lucía'], empty: null });
  });

  it('says who stands in for whom, and the role a person is called for', () => {
    const { t, when } = i18n('en');
    const escalated = callTreeText(statusAt(ACTIVATED + 11 * MIN, [attempt('top', 'lucia', 'escalated', ACTIVATED + 10 * MIN)]), t, when, byId);
    expect(escalated.toReach?.people).toEqual(['Luis, backup for Lucía']);
    const reached = callTreeText(statusAt(ACTIVATED + 3 * MIN, [attempt('top', 'lucia', 'reached', ACTIVATED + 2 * MIN)]), t, when, byId);
    expect(reached.line).toBe(`“Head office”, activated ${when(ACTIVATED)}: 1 of 2 reached, 1 pending, 0 failed.`);
    expect(reached.toReach?.people).toEqual(['Dani (Role: Legal)']);
  });

  it('says when everyone was reached or tried, with nobody left to call', () => {
    const { t, when } = i18n('en');
    const calls = [attempt('top', 'lucia', 'reached', ACTIVATED + MIN), attempt('legal', 'dani', 'unavailable', ACTIVATED + 2 * MIN)];
    const done = callTreeText(statusAt(ACTIVATED + 3 * MIN, calls), t, when, byId);
    expect(done.line).toContain('1 of 2 reached, 0 pending, 1 failed.');
    expect(done.toReach).toEqual({ people: [], empty: 'Every node has been reached or tried.' });
  });
});

describe('the summary as text and Markdown', () => {
  const entries = (inc: Incident, calls: CallTreeStatus) => [{ summary: summarizeIncident(inc, [], [], ACTIVATED + MIN), calls }];

  it('carries the call tree status and who is still to reach, in plain text and Markdown', () => {
    const { t, intl, when } = i18n('en');
    const plain = summaryToText(entries(running, statusAt(ACTIVATED + MIN)), 'text', t, intl, 'en', byId);
    expect(plain).toContain(`• Call tree: “Head office”, activated ${when(ACTIVATED)}: 0 of 2 reached, 2 pending, 0 failed. Nobody reached yet.\n\nStill to reach now:\n• Lucía\n`);
    const markdown = summaryToText(entries(running, statusAt(ACTIVATED + MIN)), 'markdown', t, intl, 'en', byId);
    expect(markdown).toContain('- Call tree: “Head office”');
    expect(markdown).toContain('Still to reach now:\n- Lucía\n');
  });

  it('says so when an incident has no tree, and when nobody is left to call', () => {
    const { t, intl } = i18n('en');
    const none = summaryToText(entries(incident({}), { kind: 'none' }), 'text', t, intl, 'en', byId);
    expect(none).toContain('• Call tree: None chosen for this incident.');
    expect(none).not.toContain('Still to reach now');
    const calls = [attempt('top', 'lucia', 'reached', ACTIVATED + MIN), attempt('legal', 'dani', 'reached', ACTIVATED + 2 * MIN)];
    const done = summaryToText(entries(running, statusAt(ACTIVATED + 3 * MIN, calls)), 'markdown', t, intl, 'en', byId);
    expect(done).toContain('- Still to reach now: Every node has been reached or tried.');
  });

  it('is written in Spanish too, with no message id left raw', () => {
    const { t, intl, when } = i18n('es');
    const escalated = statusAt(ACTIVATED + 11 * MIN, [attempt('top', 'lucia', 'escalated', ACTIVATED + 10 * MIN)]);
    const text = summaryToText(entries(running, escalated), 'text', t, intl, 'es', byId);
    expect(text).toContain(`• Cadena de llamadas: «Head office», activado el ${when(ACTIVATED)}: 0 de 2 localizados, 2 pendientes, 0 sin localizar. Todavía no se ha localizado a nadie.`);
    expect(text).toContain('Por localizar ahora:\n• Luis, suplente de Lucía\n');
    const chosen = summaryToText(entries(running, { kind: 'chosen', treeId: 'tree-1', treeName: 'Head office' }), 'markdown', t, intl, 'es', byId);
    expect(chosen).toContain('- Cadena de llamadas: «Head office», elegido pero sin activar');
    expect(text + chosen).not.toMatch(/callTree\.|summary\./);
  });
});
