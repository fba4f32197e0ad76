import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../shared/domain';
import { ServicesProvider, type Services } from '../../../renderer/src/app/services';
import { seedDefaultLibrary } from '../../../renderer/src/features/library/defaultLibrary';
import { draftFrom } from '../../../renderer/src/features/playbooks/draft';
import { PlaybookDetail } from '../../../renderer/src/features/playbooks/PlaybookDetail';
import { EditorForm } from '../../../renderer/src/features/playbooks/PlaybookEditor';
import { StepEditor } from '../../../renderer/src/features/playbooks/StepEditor';
import { playbookViews, readPlaybookRows, type PlaybookView } from '../../../renderer/src/features/playbooks/usePlaybooks';
import { I18nProvider } from '../../../renderer/src/i18n/I18nProvider';
import { freshDb, mutateFor } from '../db/fixtures';
import { createIntl } from 'react-intl';
import { en } from '../../../renderer/src/i18n/messages/en';

/**
 * Server-side renders of the playbook screens (there is no DOM in unit tests): every shipped
 * playbook renders in both languages with its deadlines, roles and actions, and nothing throws.
 * Keyboard, focus and axe checks need a browser and belong to the end-to-end suite.
 */
async function views(): Promise<{ services: Services; views: PlaybookView[] }> {
  const db = freshDb();
  const mutate = mutateFor(db);
  await seedDefaultLibrary(db, mutate);
  const result = playbookViews(await readPlaybookRows(db), new Date('2026-03-01T10:00:00Z'));
  return { services: { db, mutate, host: {} as Services['host'], search: {} as Services['search'], sync: {} as Services['sync'] }, views: result };
}

const render = (services: Services, locale: Lang, node: React.ReactNode) =>
  renderToStaticMarkup(
    <ServicesProvider services={services}>
      <I18nProvider locale={locale}>{node}</I18nProvider>
    </ServicesProvider>,
  );

describe('reading playbooks', () => {
  it('reads only live playbooks, each with its own revisions and playbook approvals', async () => {
    const { services, views: all } = await views();
    expect(all.map((v) => v.state.status)).toEqual(Array(9).fill('approved'));
    for (const v of all) {
      expect(v.revisions.every((r) => r.playbookId === v.playbook.id)).toBe(true);
      expect(v.approvals.map((a) => [a.subject, a.subjectId])).toEqual([['playbook', v.playbook.id]]);
    }
    // Answer approvals live in the same table and are left out.
    expect((await services.db.approvals.toArray()).filter((a) => a.subject === 'answer').length).toBeGreaterThan(0);
  });
});

describe('playbook detail', () => {
  it('renders every shipped playbook in both languages', async () => {
    const { services, views: all } = await views();
    expect(all).toHaveLength(9);
    for (const view of all) {
      for (const locale of ['en', 'es'] as const) {
        const html = render(services, locale, <PlaybookDetail view={view} locale={locale} headingRef={null} />);
        expect(html).toContain(view.playbook.title[locale]);
        expect(html.match(/data-testid="playbook-step"/g)).toHaveLength(view.state.shown.steps.length);
        expect(html).not.toMatch(/playbooks\.[a-z]/); // no raw message ids
      }
    }
  });

  it('shows the status, the deadlines in T+ form with words for screen readers, and the translated roles', async () => {
    const { services, views: all } = await views();
    const wave = all.find((v) => v.playbook.id === 'calma.playbook.negative-wave')!;
    const html = render(services, 'en', <PlaybookDetail view={wave} locale="en" headingRef={null} />);
    expect(html).toContain('Declare an incident from this playbook');
    expect(html).toContain('Revision 1, approved by calma on');
    expect(html).toContain('T+15 min');
    expect(html).toContain('15 minutes after the declaration');
    expect(html).toContain('Community manager');
    expect(html).toContain('<h2 id="playbook-title"');
    const es = render(services, 'es', <PlaybookDetail view={wave} locale="es" headingRef={null} />);
    expect(es).toContain('Declarar un incidente con este protocolo');
    expect(es).toContain('Responsable de comunicación');
  });

  it('says which call tree the playbook activates, or that it names none', async () => {
    const { services, views: all } = await views();
    const wave = all.find((v) => v.playbook.id === 'calma.playbook.negative-wave')!;
    const none = render(services, 'en', <PlaybookDetail view={wave} locale="en" headingRef={null} />);
    expect(none).toMatch(/<dt>Call tree to activate<\/dt><dd data-testid="playbook-tree-fact">None<\/dd>/);
    const named = { ...wave, state: { ...wave.state, shown: { ...wave.state.shown, contactTreeId: 'tree-1' } } };
    const es = render(services, 'es', <PlaybookDetail view={named} locale="es" headingRef={null} />);
    // Rendered once, before the live query answers: the tree's name is still loading.
    expect(es).toMatch(/<dt>Árbol de llamadas que activar<\/dt><dd data-testid="playbook-tree-fact">…<\/dd>/);
  });
});

describe('step editor', () => {
  it('labels every control of a step and offers both ways to reorder', async () => {
    const { services, views: all } = await views();
    const draft = draftFrom({ title: all[0]!.playbook.title, scenario: all[0]!.playbook.scenario, revision: all[0]!.state.shown }, () => 'x');
    const intl = createIntl({ locale: 'en', messages: en });
    const html = render(
      services,
      'en',
      <ol>
        <StepEditor
          idBase="s"
          step={{ ...draft.steps[0]!, role: 'our-own-role', offset: '1680' }}
          index={0}
          count={3}
          problems={['stepText']}
          describedBy="hint"
          markdownHint="md"
          intl={intl}
          onChange={() => undefined}
          onMove={() => undefined}
          onRemove={() => undefined}
        />
      </ol>,
    );
    expect(html).toContain('<legend>Step 1</legend>');
    expect(html).toContain('T+1 d 4 h');
    expect(html).toMatch(/aria-disabled="true"[^>]*aria-keyshortcuts="Alt\+ArrowUp"/);
    expect(html).toContain('Move down');
    expect(html).toContain('value="our-own-role"'); // a role of the organisation's own, in a text box
    expect(html).toContain('aria-invalid="true"');
    // Every field sits inside a <label> with its text: count fields and labels.
    const fields = html.match(/<(input|select|textarea)\b/g)!.length;
    const labels = html.match(/<label\b/g)!.length;
    expect(labels).toBe(fields);
  });
});

describe('playbook editor', () => {
  it('opens a shipped playbook as the base of a new revision, every field labelled', async () => {
    const { services, views: all } = await views();
    const wave = all.find((v) => v.playbook.id === 'calma.playbook.negative-wave')!;
    const html = render(services, 'es', <EditorForm view={wave} close={() => undefined} locale="es" />);
    expect(html).toContain('Editar el protocolo');
    expect(html).toContain('Al guardar se escribe la revisión 2, a partir de la 1.');
    expect(html.match(/data-testid="step-editor"/g)).toHaveLength(wave.state.shown.steps.length);
    expect(html).toContain('T+15 min');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('aria-invalid="true"'); // nothing is flagged before a save is tried
    expect(html.match(/<label\b/g)!.length).toBe(html.match(/<(input|select|textarea)\b/g)!.length);
    // The tree to activate: a labelled select with "none", described by what choosing it does.
    expect(html).toMatch(/<label>Árbol de llamadas que activar<select[^>]*aria-describedby="[^"]*-tree-hint"[^>]*data-testid="playbook-tree"><option value="" selected="">Ninguno<\/option><\/select><\/label>/);
    expect(html).toContain('las llamadas empiezan solo cuando alguien lo activa en el incidente');
  });

  it('opens blank for a new playbook, with one step', async () => {
    const { services } = await views();
    const html = render(services, 'en', <EditorForm view={null} close={() => undefined} locale="en" />);
    expect(html).toContain('New playbook');
    expect(html).toContain('Create playbook');
    expect(html.match(/data-testid="step-editor"/g)).toHaveLength(1);
  });
});
