import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { CHANNELS, checkLength, fillTemplate, LANGS, variableNames, type AnswerState, type Channel, type Lang } from '@shared/domain';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { currentAuthor } from '../../app/author';
import { useServices } from '../../app/services';
import { usePreferences, useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { CHANNEL_LABEL, STATUS_LABEL } from './labels';
import { isOpen } from '@shared/incidents/statusMachine';
import { newLogEntry } from '@shared/incidents/logEntry';
import { useIncidentList } from '../incidents/useIncidents';
import { useAnswer } from './useAnswer';
import { copyNeeds, missingConfirmation, overLimitOf } from './copyConfirmations';

/**
 * Fill the blanks, see the exact text, copy. An approved, current answer that fits its channel
 * copies with one Enter; text that is not approved, or filled past the channel's limit, needs its
 * own box ticked (both may be needed), and the copy log says so.
 */
export function CopyDialog() {
  const copying = useSession((s) => s.copying);
  const openCopy = useSession((s) => s.openCopy);
  return (
    <Modal isOpen={copying !== null} onOpenChange={(open) => !open && openCopy(null)} isDismissable className="modal" data-testid="copy-dialog">
      <Dialog className="dialog copy-dialog" aria-labelledby="copy-title">
        {copying && <CopyForm key={copying.answerId} {...copying} incidentId={copying.incidentId ?? null} close={() => openCopy(null)} />}
      </Dialog>
    </Modal>
  );
}

function CopyForm({ answerId, lang: initialLang, channel: initialChannel, incidentId: initialIncident, close }: { answerId: string; lang: Lang; channel: Channel; incidentId: string | null; close: () => void }) {
  const t = useT();
  const intl = useIntl();
  const { host, mutate } = useServices();
  const setLastChannel = usePreferences((s) => s.setLastChannel);
  const announce = useAnnouncer((s) => s.announce);
  const view = useAnswer(answerId);
  const [lang, setLang] = useState(initialLang);
  const [channel, setChannel] = useState(initialChannel);
  const [values, setValues] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Open incidents, and the one the dialog was opened for even if resolved: the picker must show
  // the incident the copy will be recorded in, never "None" while recording it somewhere.
  const openIncidents = useIncidentList()?.filter((i) => isOpen(i.status) || i.id === initialIncident);
  const [incidentId, setIncidentId] = useState<string | null>(initialIncident);
  const [asStatement, setAsStatement] = useState(true);
  const firstField = useRef<HTMLInputElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const confirmBox = useRef<HTMLInputElement>(null);
  const overLimitBox = useRef<HTMLInputElement>(null);
  // Which variant ("lang:channel") the over-limit box was ticked for: a tick confirms that text,
  // so another variant, or one that fits again, has to be confirmed anew.
  const [overConfirmedFor, setOverConfirmedFor] = useState<string | null>(null);

  const revision = view?.state.shown;
  // Open on a channel that has text: the one asked for if it has, else the first that does.
  useEffect(() => {
    if (!revision) return;
    if (!revision.texts[lang][channel]) {
      const fallback = CHANNELS.find((c) => revision.texts[lang][c]);
      if (fallback) setChannel(fallback);
    }
  }, [revision, lang, channel]);

  const template = revision?.texts[lang][channel] ?? '';
  const used = useMemo(() => variableNames(template), [template]);
  const filled = fillTemplate(template, values);
  const check = checkLength(filled.text, channel);
  const overLimit = overLimitOf(check);
  const variantKey = `${lang}:${channel}`;
  if (overConfirmedFor !== null && (overConfirmedFor !== variantKey || !overLimit)) setOverConfirmedFor(null);
  const overConfirmed = overLimit !== null && overConfirmedFor === variantKey;
  // The state the dialog shows: the live one, or one found newer when Copy was pressed (below).
  const [judged, setJudged] = useState<AnswerState | null>(null);
  const state = judged && view && judged.status !== view.state.status ? judged : view?.state;
  const approved = state?.status === 'approved';

  useEffect(() => {
    // Focus where Enter does the right thing: the first blank, or the copy button itself.
    (used.length > 0 ? firstField.current : copyButton.current)?.focus();
  }, [view !== undefined && view !== null, used.length]); // eslint-disable-line react-hooks/exhaustive-deps

  if (view === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if (view === null || !revision) return <p>{t('copy.gone')}</p>;

  const uiLang = intl.locale as Lang;
  const label = (name: string) => view.answer.variables.find((v) => v.name === name);
  /** Blanks are named by their label in the UI's language, as the form shows them. */
  const blankName = (name: string) => label(name)?.label[uiLang] || name;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (template === '') return setError(t('copy.noText'));
    if (filled.missing.length > 0) {
      setError(t('copy.missing', { names: filled.missing.map(blankName).join(', ') }));
      document.getElementById(`var-${filled.missing[0]}`)?.focus();
      return;
    }
    // Judged again at this instant: an approval that lapsed since the dialog last rendered (its
    // timers may be late in a background window) must not copy as approved.
    const current = view.stateNow();
    if (!current || current.shown.id !== revision.id) return setError(t('copy.changed'));
    if (current.status !== state!.status) {
      setJudged(current);
      setConfirmed(false);
      requestAnimationFrame(() => confirmBox.current?.focus());
      return setError(t('copy.statusChanged', { status: t(STATUS_LABEL[current.status]) }));
    }
    const missing = missingConfirmation(copyNeeds(current.status, check), { unapproved: confirmed, overLimit: overConfirmed });
    if (missing === 'unapproved') {
      confirmBox.current?.focus();
      return setError(t('copy.needConfirm'));
    }
    if (missing === 'overLimit') {
      overLimitBox.current?.focus();
      return setError(t('copy.needConfirmOverLimit', { channel: t(CHANNEL_LABEL[channel]) }));
    }
    setBusy(true);
    try {
      await host.copyText(filled.text);
      await mutate('copy.record', {
        copy: {
          id: uuidv7(),
          answerId,
          revisionId: revision.id,
          lang,
          channel,
          by: currentAuthor(),
          at: new Date().toISOString(),
          statusAtCopy: current.status,
          confirmedUnapproved: !approved,
          text: filled.text,
          incidentId,
          overLimit,
        },
        statement:
          incidentId && asStatement
            ? newLogEntry({ incidentId, kind: 'statement', by: currentAuthor(), text: filled.text, answerId, revisionId: revision.id, channel })
            : null,
      });
      setLastChannel(channel);
      announce(t(DONE_MESSAGE[approved ? 'approved' : 'unapproved'][overLimit ? 'over' : 'fits'], { channel: t(CHANNEL_LABEL[channel]) }));
      close();
    } catch (e) {
      setError(t('copy.failed', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Heading slot="title" id="copy-title">{view.answer.title[lang] || view.answer.title[lang === 'es' ? 'en' : 'es']}</Heading>
      {!approved && (
        <div className="warning" role="alert">
          <strong>{t(STATUS_LABEL[state!.status])}.</strong>{' '}
          {state!.status === 'expired'
            ? t('copy.expiredWarning', { at: intl.formatDate(state!.approval!.expiresAt!, { dateStyle: 'medium' }) })
            : t('copy.draftWarning')}
          <label className="confirm">
            <input ref={confirmBox} type="checkbox" checked={confirmed} onChange={(e) => { setConfirmed(e.target.checked); setError(null); }} />
            {t('copy.confirmUnapproved')}
          </label>
        </div>
      )}
      <div className="copy-pickers">
        <label>
          {t('copy.language')}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}
          </select>
        </label>
        <label>
          {t('copy.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c} disabled={!revision.texts[lang][c]}>{t(CHANNEL_LABEL[c])}</option>
            ))}
          </select>
        </label>
      </div>
      {openIncidents && openIncidents.length > 0 && (
        <div className="copy-incident">
          <label>
            {t('copy.incident')}
            <select value={incidentId ?? ''} onChange={(e) => setIncidentId(e.target.value || null)}>
              <option value="">{t('copy.noIncident')}</option>
              {openIncidents.map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}
            </select>
          </label>
          {incidentId && (
            <label className="confirm">
              <input type="checkbox" checked={asStatement} onChange={(e) => setAsStatement(e.target.checked)} />
              {t('copy.asStatement')}
            </label>
          )}
        </div>
      )}
      {used.length > 0 && (
        <fieldset className="blanks">
          <legend>{t('copy.fillBlanks')}</legend>
          {used.map((name, i) => (
            <label key={name} htmlFor={`var-${name}`}>
              {blankName(name)}
              <input
                id={`var-${name}`}
                ref={i === 0 ? firstField : undefined}
                value={values[name] ?? ''}
                placeholder={label(name)?.example ?? ''}
                aria-invalid={error !== null && filled.missing.includes(name)}
                onChange={(e) => { setValues((v) => ({ ...v, [name]: e.target.value })); setError(null); }}
              />
            </label>
          ))}
        </fieldset>
      )}
      <div className="preview-head">
        <h3 id="preview-label">{t('copy.preview')}</h3>
        <span className={check.over ? 'count over' : 'count'}>
          {check.limit === null ? t('count.noLimit', { length: check.length }) : t('count.ofLimit', { length: check.length, limit: check.limit })}
        </span>
      </div>
      <output className="preview" aria-labelledby="preview-label" data-testid="copy-preview">{filled.text}</output>
      {overLimit && (
        // Under the preview, by the copy button: above the blanks, its coming and going would move
        // the field being typed in. Not a live region: its counts change with every key typed in a
        // blank. Enter without the tick says so in the alert below, and the box, which then has
        // the focus, reads this text.
        <div className="warning" data-testid="copy-over-limit">
          <div id="copy-over-limit-text">
            {t('copy.overLimitWarning', { length: overLimit.length, limit: overLimit.limit, over: overLimit.length - overLimit.limit, channel: t(CHANNEL_LABEL[channel]) })}
          </div>
          <label className="confirm">
            <input
              ref={overLimitBox}
              type="checkbox"
              checked={overConfirmed}
              aria-describedby="copy-over-limit-text"
              onChange={(e) => { setOverConfirmedFor(e.target.checked ? variantKey : null); setError(null); }}
            />
            {t('copy.confirmOverLimit')}
          </label>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={close}>{t('common.cancel')}</button>
        <button type="submit" ref={copyButton} className="primary" disabled={busy}>
          {approved ? t('copy.copy') : t('copy.copyUnapproved')}
        </button>
      </div>
    </form>
  );
}

/** What the announcer says after a copy: the two things the copy log records besides the copy itself. */
const DONE_MESSAGE = {
  approved: { fits: 'copy.done', over: 'copy.doneOverLimit' },
  unapproved: { fits: 'copy.doneUnapproved', over: 'copy.doneUnapprovedOverLimit' },
} as const;
