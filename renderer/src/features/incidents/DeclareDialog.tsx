import { useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { SEVERITIES, type Lang, type Severity } from '@shared/domain';
import { buildDeclaration } from '@shared/incidents/declare';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { authorLabel, useAuthor } from '../../app/author';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { useTree } from '../contactTrees/useContactTrees';
import { SEVERITY_LABEL } from './labels';
import { usePlaybookChoices } from './usePlaybookChoices';

/**
 * Declaring must take seconds: pick the playbook (its title fills the incident's), adjust the
 * title, severity and lead, press Enter. The checklist is built from the playbook's approved
 * revision with every deadline counted from this moment.
 */
export function DeclareDialog({ locale }: { locale: Lang }) {
  const declaring = useSession((s) => s.declaring);
  const openDeclare = useSession((s) => s.openDeclare);
  return (
    <Modal isOpen={declaring !== null} onOpenChange={(open) => !open && openDeclare(null)} isDismissable className="modal">
      <Dialog className="dialog" aria-labelledby="declare-title">
        {declaring && <DeclareForm locale={locale} initialPlaybookId={declaring.playbookId} close={() => openDeclare(null)} />}
      </Dialog>
    </Modal>
  );
}

function DeclareForm({ locale, initialPlaybookId, close }: { locale: Lang; initialPlaybookId: string | null; close: () => void }) {
  const t = useT();
  const { db, mutate } = useServices();
  const author = useAuthor();
  // The lead starts as whoever declares: shown as their name (or "Anonymous (device 3f2a)"), stored
  // as the author value while left as shown, so that it reads right in every language.
  const me = authorLabel(author, t);
  const announce = useAnnouncer((s) => s.announce);
  const setView = useSession((s) => s.setView);
  const selectIncident = useSession((s) => s.selectIncident);
  const choices = usePlaybookChoices();
  const [playbookId, setPlaybookId] = useState(initialPlaybookId ?? '');
  const [title, setTitle] = useState<string | null>(null);
  const [severity, setSeverity] = useState<Severity>('high');
  const [lead, setLead] = useState<string | null>(null);
  const shownLead = lead ?? me;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choice = choices?.find((c) => c.playbook.id === playbookId) ?? null;
  const sorted = [...(choices ?? [])].sort((a, b) => (a.playbook.title[locale] || a.playbook.title.en).localeCompare(b.playbook.title[locale] || b.playbook.title.en, locale));
  const shownTitle = title ?? (choice ? choice.playbook.title[locale] || choice.playbook.title.en : '');
  // The playbook's tree goes into the incident preselected (buildDeclaration); said here so nobody expects calls to start.
  const treeId = choice?.state.shown.contactTreeId ?? null;
  const tree = useTree(treeId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!shownTitle.trim()) return setError(t('incidents.declare.needTitle'));
    if (!shownLead.trim()) return setError(t('incidents.declare.needLead'));
    setBusy(true);
    try {
      const people = await db.people.toArray();
      const { incident, items, entry } = buildDeclaration({
        incidentId: uuidv7(),
        title: shownTitle,
        severity,
        lead: { personId: null, name: shownLead.trim() === me ? author : shownLead.trim() },
        declaredAt: new Date().toISOString(),
        declaredBy: author,
        playbookId: choice?.playbook.id ?? null,
        revision: choice?.state.shown ?? null,
        people,
        newId: () => uuidv7(),
      });
      await mutate('incident.declare', { incident, items, entry });
      selectIncident(incident.id);
      setView('incidents');
      announce(t('incidents.declare.done', { title: incident.title, steps: items.length }));
      close();
    } catch (e) {
      setError(String((e as Error).message));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Heading slot="title" id="declare-title">{t('incidents.declare.title')}</Heading>
      <label>
        {t('incidents.declare.playbook')}
        <select
          value={playbookId}
          onChange={(e) => setPlaybookId(e.target.value)}
          // A select does not submit its form on Enter; here it must: pick the playbook, press Enter.
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.altKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          autoFocus
          data-testid="declare-playbook"
        >
          <option value="">{t('incidents.declare.blank')}</option>
          {sorted.map((c) => (
            <option key={c.playbook.id} value={c.playbook.id}>
              {c.playbook.title[locale] || c.playbook.title.en}
            </option>
          ))}
        </select>
      </label>
      {choice && choice.state.status !== 'approved' && <p className="warning">{t('incidents.declare.unapprovedPlaybook', { number: choice.state.shown.number })}</p>}
      {choice && <p className="muted small">{t('incidents.declare.steps', { steps: choice.state.shown.steps.length, number: choice.state.shown.number })}</p>}
      {treeId && tree !== undefined && (
        <p className={tree ? 'muted small' : 'warning'} data-testid="declare-tree">
          {tree ? t('callTree.declare.suggested', { name: tree.name }) : t('callTree.declare.suggestedGone')}
        </p>
      )}
      <label>
        {t('incidents.declare.incidentTitle')}
        <input value={shownTitle} onChange={(e) => setTitle(e.target.value)} data-testid="declare-title" />
      </label>
      <div className="grid2">
        <label>
          {t('incidents.severity')}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{t(SEVERITY_LABEL[s])}</option>)}
          </select>
        </label>
        <label>
          {t('incidents.lead')}
          <input value={shownLead} onChange={(e) => setLead(e.target.value)} autoComplete="name" />
        </label>
      </div>
      {choice && choice.state.shown.severities.find((s) => s.level === severity) && (
        <p className="muted small">{choice.state.shown.severities.find((s) => s.level === severity)!.meaning[locale]}</p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={close}>{t('common.cancel')}</button>
        <button type="submit" className="primary" disabled={busy}>{t('incidents.declare.submit')}</button>
      </div>
    </form>
  );
}
