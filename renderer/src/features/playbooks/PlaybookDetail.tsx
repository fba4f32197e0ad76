import { useState, type Ref } from 'react';
import { useIntl } from 'react-intl';
import { severitySchema, type Lang, type Localized } from '@shared/domain';
import { authorLabel } from '../../app/author';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { Markdown } from '../../ui/Markdown';
import { StatusBadge } from '../answers/StatusBadge';
import { useAnswerTitles } from '../answers/useAnswerTitles';
import { useTree } from '../contactTrees/useContactTrees';
import { usePlaybookEditor } from './editorStore';
import { describeOffset, formatOffset } from './formatOffset';
import { roleLabel } from '../roles/labels';
import { scenarioLabel, SEVERITY_LABEL } from './labels';
import { pickText } from './localized';
import { PlaybookApproveButton } from './PlaybookApproveButton';
import type { PlaybookView } from './usePlaybooks';

/** Markdown in the UI language, or in the other one (marked with its `lang`) when it has none. */
function LocalizedMarkdown({ text, locale }: { text: Localized; locale: Lang }) {
  const t = useT();
  const picked = pickText(text, locale);
  if (!picked.text) return <p className="muted">{t('playbooks.noText')}</p>;
  return (
    <div lang={picked.fallback ? picked.lang : undefined}>
      {picked.fallback && <p className="muted small" lang={locale}>{t('playbooks.onlyIn', { lang: t(`lang.${picked.lang}`) })}</p>}
      <Markdown text={picked.text} />
    </div>
  );
}

/** The name of the tree a revision names, or why there is none to show. */
function TreeName({ id }: { id: string | null }) {
  const t = useT();
  const tree = useTree(id);
  if (!id) return <>{t('playbooks.noTree')}</>;
  if (tree === undefined) return <>…</>;
  return <>{tree ? tree.name : t('playbooks.treeMissing', { id })}</>;
}

/**
 * The selected playbook: status in words, when to use it, what each severity means, and every
 * step in order with its deadline (counted from the declaration), its role, and the approved
 * answers it uses. From here an incident is declared, and the playbook edited or approved.
 */
export function PlaybookDetail({ view, locale, headingRef }: { view: PlaybookView | null | undefined; locale: Lang; headingRef: Ref<HTMLHeadingElement> }) {
  const t = useT();
  const intl = useIntl();
  const openEditor = usePlaybookEditor((s) => s.open);
  const [readDraft, setReadDraft] = useState(false);
  const answerIds = view ? [...new Set([...view.state.shown.steps, ...(view.state.newerDraft?.steps ?? [])].flatMap((s) => s.answerIds))] : [];
  const answers = useAnswerTitles(answerIds);

  if (view === undefined) return <section className="detail" aria-busy="true" aria-label={t('playbooks.detail')} />;
  if (view === null) return <section className="detail empty" aria-label={t('playbooks.detail')}><p>{t('playbooks.pickOne')}</p></section>;

  const { playbook, state } = view;
  const revision = readDraft && state.newerDraft ? state.newerDraft : state.shown;
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const day = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium' });
  const title = pickText(playbook.title, locale);
  const severities = [...revision.severities].sort((a, b) => severitySchema.options.indexOf(a.level) - severitySchema.options.indexOf(b.level));
  const openAnswer = (id: string) => {
    const session = useSession.getState();
    session.select(id);
    session.setView('answers');
  };

  return (
    <section className="detail playbook-detail" aria-labelledby="playbook-title" data-testid="playbook-detail">
      <header className="detail-head">
        <h2 id="playbook-title" ref={headingRef} tabIndex={-1} lang={title.fallback ? title.lang : undefined}>{title.text || playbook.id}</h2>
        <div className="detail-actions">
          <button type="button" className="primary" onClick={() => useSession.getState().openDeclare({ playbookId: playbook.id })}>
            {t('playbooks.declare')}
          </button>
          <button type="button" onClick={() => openEditor(playbook.id)}>{t('playbooks.edit')}</button>
          <PlaybookApproveButton view={view} />
        </div>
      </header>
      <p className="status-line">
        <StatusBadge status={state.status} />{' '}
        {state.status === 'draft' && t('playbooks.status.draftLine', { number: state.shown.number })}
        {state.approval && state.status === 'approved' &&
          t('playbooks.status.approvedLine', { number: state.shown.number, by: authorLabel(state.approval.by, t), at: date(state.approval.at) })}
        {state.approval && state.status === 'expired' &&
          t('playbooks.status.expiredLine', { number: state.shown.number, at: date(state.approval.expiresAt!) })}
        {state.status === 'approved' && state.approval?.expiresAt && ` ${t('playbooks.status.expiresOn', { at: day(state.approval.expiresAt) })}`}
      </p>
      {state.newerDraft && (
        <div className="note playbook-draft-note">
          <p>
            {revision === state.newerDraft
              ? t('playbooks.readingDraft', { number: state.newerDraft.number, by: authorLabel(state.newerDraft.createdBy, t), at: date(state.newerDraft.createdAt), current: state.shown.number })
              : t('playbooks.newerDraftLine', { number: state.newerDraft.number, by: authorLabel(state.newerDraft.createdBy, t) })}
          </p>
          <button type="button" aria-pressed={revision === state.newerDraft} onClick={() => setReadDraft(!readDraft)}>
            {t('playbooks.readDraft', { number: state.newerDraft.number })}
          </button>
        </div>
      )}
      <dl className="playbook-facts">
        <div><dt>{t('playbooks.scenario')}</dt><dd>{scenarioLabel(t, playbook.scenario)}</dd></div>
        <div><dt>{t('playbooks.lastReviewed')}</dt><dd>{playbook.lastReviewedAt ? day(playbook.lastReviewedAt) : t('playbooks.neverReviewed')}</dd></div>
        <div><dt>{t('playbooks.revision')}</dt><dd>{revision.number}</dd></div>
        <div><dt>{t('playbooks.contactTree')}</dt><dd data-testid="playbook-tree-fact"><TreeName id={revision.contactTreeId} /></dd></div>
      </dl>

      <h3>{t('playbooks.whenToUse')}</h3>
      <LocalizedMarkdown text={revision.whenToUse} locale={locale} />

      {severities.length > 0 && (
        <>
          <h3>{t('playbooks.severities')}</h3>
          <dl className="severities">
            {severities.map((s) => {
              const meaning = pickText(s.meaning, locale);
              return (
                <div key={s.level} className={`severity severity-${s.level}`}>
                  <dt>{t(SEVERITY_LABEL[s.level])}</dt>
                  <dd lang={meaning.fallback ? meaning.lang : undefined}>{meaning.text || '—'}</dd>
                </div>
              );
            })}
          </dl>
        </>
      )}

      <h3 id="playbook-steps-title">{t('playbooks.stepsHeading', { count: revision.steps.length })}</h3>
      <ol className="playbook-steps" aria-labelledby="playbook-steps-title">
        {revision.steps.map((step) => (
          <li key={step.id} className="playbook-step" data-testid="playbook-step">
            <div className="step-meta">
              <span className="step-offset" title={describeOffset(step.offsetMinutes, intl)}>
                <span aria-hidden="true">{formatOffset(step.offsetMinutes, intl)}</span>
                <span className="visually-hidden">{describeOffset(step.offsetMinutes, intl)}</span>
              </span>
              <span className="step-role">{roleLabel(step.role, t)}</span>
              <span className={step.required ? 'badge step-required' : 'badge step-optional'}>
                {step.required ? t('playbooks.required') : t('playbooks.optional')}
              </span>
            </div>
            <LocalizedMarkdown text={step.text} locale={locale} />
            {step.answerIds.length > 0 && (
              <div className="step-answers">
                <span className="muted small">{t('playbooks.linkedAnswers')}</span>
                <ul>
                  {step.answerIds.map((id) => {
                    const answerTitle = answers?.get(id);
                    return (
                      <li key={id}>
                        {answerTitle ? (
                          <button type="button" className="link" onClick={() => openAnswer(id)}>
                            {pickText(answerTitle, locale).text || id}
                          </button>
                        ) : (
                          <span className="muted">{answers ? t('playbooks.answerMissing', { id }) : '…'}</span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
