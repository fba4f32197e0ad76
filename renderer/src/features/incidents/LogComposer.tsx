import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LogEntry } from '@shared/domain';
import { useServices } from '../../app/services';
import { useAuthor } from '../../app/author';
import { useT } from '../../i18n/I18nProvider';
import { useCorrection } from './correction';
import { LOG_KIND_LABEL } from './labels';
import { newLogEntry } from '@shared/incidents/logEntry';

const KINDS = ['note', 'decision', 'statement'] as const;

/** Writes to the log: notes, decisions, statements issued by hand, and corrections of earlier entries. */
export function LogComposer({ incidentId, log }: { incidentId: string; log: readonly LogEntry[] }) {
  const t = useT();
  const { mutate } = useServices();
  const author = useAuthor();
  const correcting = useCorrection((s) => s.correcting);
  const correct = useCorrection((s) => s.correct);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('note');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const target = correcting && log.find((e) => e.id === correcting.id);

  useEffect(() => {
    if (correcting) field.current?.focus();
  }, [correcting]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError(t('incidents.log.needText'));
    const entry = target
      ? // Correcting a correction corrects the original entry again: the newest correction of an
        // entry is its current text (the summary reads it so), and the chain stays one level deep.
        newLogEntry({ incidentId, kind: 'correction', by: author, text: text.trim(), correctsId: (target.kind === 'correction' && target.correctsId) || target.id })
      : newLogEntry({ incidentId, kind, by: author, text: text.trim() });
    await mutate('log.append', { entry });
    setText('');
    setError(null);
    correct(null);
  };

  return (
    <form className="log-composer" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="log-title">
      <h3 id="log-title">{t('incidents.log.title')}</h3>
      {target ? (
        <p className="note">
          {t('incidents.log.correcting', { text: correcting.text.slice(0, 120) })}{' '}
          <button type="button" onClick={() => correct(null)}>{t('common.cancel')}</button>
        </p>
      ) : (
        <div className="lang-switch" role="radiogroup" aria-label={t('incidents.log.kind')}>
          {KINDS.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="log-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(LOG_KIND_LABEL[k])}
            </label>
          ))}
        </div>
      )}
      <label className="visually-hidden" htmlFor="log-text">{t('incidents.log.text')}</label>
      <textarea
        id="log-text"
        ref={field}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter adds the entry without leaving the keyboard.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
        placeholder={t('incidents.log.placeholder')}
      />
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row">
        <button type="submit">{target ? t('incidents.log.addCorrection') : t('incidents.log.add')}</button>
      </div>
    </form>
  );
}
