import { memo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { CHANNELS, checkLength, LANGS, type Lang } from '@shared/domain';
import { authorLabel } from '../../app/author';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { ApproveButton } from './ApproveButton';
import { CHANNEL_LABEL } from './labels';
import { StatusBadge } from './StatusBadge';
import { useAnswer } from './useAnswer';

/** The selected answer: its status in words, every channel's text with its count, and its copies. */
export const AnswerDetail = memo(function AnswerDetail({ locale }: { locale: Lang }) {
  const t = useT();
  const intl = useIntl();
  const id = useSession((s) => s.selectedAnswerId);
  const filterLang = useSession((s) => s.filters.lang);
  const openCopy = useSession((s) => s.openCopy);
  const openEditor = useSession((s) => s.openEditor);
  const [langChoice, setLang] = useState<Lang | null>(null);
  // Approving removes the Approve button: the focus goes to Edit beside it, not to the page.
  const editButton = useRef<HTMLButtonElement>(null);
  const view = useAnswer(id);
  if (!id || view === null) return <section className="detail empty" aria-label={t('desk.detail')}><p>{t('desk.pickOne')}</p></section>;
  if (view === undefined) return <section className="detail" aria-busy="true" aria-label={t('desk.detail')} />;

  const { answer, state, copies } = view;
  const lang = langChoice ?? filterLang ?? locale;
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const texts = state.shown.texts[lang];

  return (
    <section className="detail" aria-labelledby="answer-title">
      <header className="detail-head">
        <h2 id="answer-title">{answer.title[lang] || answer.title[lang === 'es' ? 'en' : 'es']}</h2>
        <div className="detail-actions">
          <button ref={editButton} type="button" onClick={() => openEditor(answer.id)}>{t('desk.edit')}</button>
          <ApproveButton view={view} onApproved={() => editButton.current?.focus()} />
        </div>
      </header>
      <p className="status-line">
        <StatusBadge status={state.status} />{' '}
        {state.status === 'draft' && t('status.draftLine', { number: state.shown.number })}
        {state.approval && state.status === 'approved' &&
          t('status.approvedLine', { number: state.shown.number, by: authorLabel(state.approval.by, t), at: date(state.approval.at) })}
        {state.approval && state.status === 'expired' &&
          t('status.expiredLine', { number: state.shown.number, at: date(state.approval.expiresAt!) })}
        {state.status === 'approved' && state.approval?.expiresAt && ` ${t('status.expiresOn', { at: date(state.approval.expiresAt) })}`}
      </p>
      {state.newerDraft && <p className="note">{t('desk.newerDraftLine', { number: state.newerDraft.number, by: authorLabel(state.newerDraft.createdBy, t) })}</p>}
      {answer.variables.length > 0 && (
        <p className="variables">{t('desk.variables')}: {answer.variables.map((v) => `{{${v.name}}}`).join(', ')}</p>
      )}
      <div className="lang-switch" role="group" aria-label={t('desk.textLanguage')}>
        {LANGS.map((l) => (
          <button key={l} type="button" aria-pressed={l === lang} onClick={() => setLang(l)}>{t(`lang.${l}`)}</button>
        ))}
      </div>
      <ul className="variants">
        {CHANNELS.filter((c) => texts[c] !== undefined && texts[c] !== '').map((channel) => {
          const check = checkLength(texts[channel]!, channel);
          return (
            <li key={channel} className="variant">
              <div className="variant-head">
                <h3>{t(CHANNEL_LABEL[channel])}</h3>
                <span className={check.over ? 'count over' : 'count'}>
                  {check.limit === null ? t('count.noLimit', { length: check.length }) : t('count.ofLimit', { length: check.length, limit: check.limit })}
                </span>
                <button type="button" onClick={() => openCopy({ answerId: answer.id, lang, channel })} aria-label={t('desk.copyChannel', { channel: t(CHANNEL_LABEL[channel]) })}>
                  {t('desk.copy')}
                </button>
              </div>
              <p className="variant-text">{texts[channel]}</p>
            </li>
          );
        })}
      </ul>
      <h3>{t('desk.copyLog')}</h3>
      {copies.length === 0 ? (
        <p className="muted">{t('desk.noCopies')}</p>
      ) : (
        <ul className="copy-log">
          {copies.map((c) => (
            <li key={c.id}>
              {t('desk.copyLogLine', { by: authorLabel(c.by, t), at: date(c.at), channel: t(CHANNEL_LABEL[c.channel]), lang: c.lang.toUpperCase(), number: view.revisions.find((r) => r.id === c.revisionId)?.number ?? '?' })}
              {c.confirmedUnapproved && <span className="badge badge-expired">{t('desk.copiedUnapproved')}</span>}
              {c.overLimit && <span className="badge badge-expired">{t('desk.copiedOverLimit', { length: c.overLimit.length, limit: c.overLimit.limit })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
