import { memo, useMemo, useState } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { MutationError } from '@shared/mutations/error';
import { buildImport, type Duplicate, type DuplicateChoice, type ImportPlan } from '@shared/people/importPlan';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { issueField, issueText } from './labels';
import { usePeopleUi } from './peopleStore';
import { writeImport } from './writeImport';

/** New people listed in the preview; the rest are counted (the summary has the totals). */
const PREVIEW_ROWS = 200;
const CHOICES: DuplicateChoice[] = ['merge', 'keep', 'skip'];

/**
 * The preview of an import. A file with any problem lists them all (line, column, field, reason)
 * and cannot be imported. Otherwise it shows who would be added and, for each duplicate, lets the
 * user merge it into the person it matches, keep both, or skip it; Import writes everything in one
 * local transaction (writeImport.ts), Cancel writes nothing. Memoized: it reads its own state from
 * the store, so the People view's keystrokes need not re-render it.
 */
export const ImportPeopleDialog = memo(function ImportPeopleDialog() {
  const plan = usePeopleUi((s) => s.plan);
  const preview = usePeopleUi((s) => s.preview);
  return (
    <Modal isOpen={plan !== null} onOpenChange={(open) => !open && preview(null)} isDismissable className="modal modal-wide">
      <Dialog className="dialog people-import" aria-labelledby="people-import-title" data-testid="people-import">
        {plan && <ImportPreview key={plan.file + plan.rows.length + plan.duplicates.length + plan.errors.length} plan={plan} close={() => preview(null)} />}
      </Dialog>
    </Modal>
  );
});

function ImportPreview({ plan, close }: { plan: ImportPlan; close(): void }) {
  const t = useT();
  const { db, mutate } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const [choices, setChoices] = useState<Map<string, DuplicateChoice>>(() => new Map(plan.duplicates.map((d) => [d.incoming.id, 'merge'])));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refused = plan.errors.length > 0;
  const write = useMemo(() => (refused ? null : buildImport(plan, choices)), [plan, choices, refused]);

  const confirm = async () => {
    if (!write) return;
    setBusy(true);
    try {
      await writeImport(db, mutate, plan.file, write);
      announce(t('people.import.done', write.summary));
      close();
    } catch (error) {
      setBusy(false);
      setFailure(error instanceof MutationError ? `${error.message}: ${error.issues.map((i) => i.message).slice(0, 5).join('; ')}` : String((error as Error).message));
    }
  };

  return (
    <>
      <Heading slot="title" id="people-import-title">{t('people.import.title', { file: plan.file })}</Heading>
      {refused ? (
        <>
          <p className="warning" role="alert">{t('people.import.refused', { count: plan.errors.length })}</p>
          <table className="issues" data-testid="people-import-errors">
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('people.import.column')}</th>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.errors.map((e, n) => (
                <tr key={n}>
                  <td>{e.line ?? '—'}</td>
                  <td>{e.column ?? '—'}</td>
                  <td>{issueField(t, e)}</td>
                  <td>{issueText(t, e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <>
          <p role="status" data-testid="people-import-summary">{t('people.import.summary', write!.summary)}</p>
          {plan.duplicates.length > 0 && (
            <section aria-labelledby="people-import-duplicates">
              <h3 id="people-import-duplicates">{t('people.import.duplicates', { count: plan.duplicates.length })}</h3>
              <p className="muted small">{t('people.import.mergeHelp')}</p>
              <ul className="import-duplicates">
                {plan.duplicates.map((d) => (
                  <DuplicateRow key={d.incoming.id} duplicate={d} choice={choices.get(d.incoming.id) ?? 'merge'} onChoose={(c) => setChoices((m) => new Map(m).set(d.incoming.id, c))} />
                ))}
              </ul>
            </section>
          )}
          {plan.rows.length > 0 && (
            <section aria-labelledby="people-import-new">
              <h3 id="people-import-new">{t('people.import.newPeople', { count: plan.rows.length })}</h3>
              <table className="issues" data-testid="people-import-rows">
                <thead>
                  <tr>
                    <th scope="col">{t('import.line')}</th>
                    <th scope="col">{t('people.field.name')}</th>
                    <th scope="col">{t('people.field.email')}</th>
                    <th scope="col">{t('people.field.phones')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.rows.slice(0, PREVIEW_ROWS).map((r) => (
                    <tr key={r.id}><td>{r.line}</td><td>{r.fields.name}</td><td>{r.fields.email}</td><td>{r.fields.phones.join(', ')}</td></tr>
                  ))}
                </tbody>
              </table>
              {plan.rows.length > PREVIEW_ROWS && <p className="muted small">{t('people.import.more', { count: plan.rows.length - PREVIEW_ROWS })}</p>}
            </section>
          )}
        </>
      )}
      {failure && <p className="error" role="alert">{failure}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={close} autoFocus={refused}>{refused ? t('common.close') : t('common.cancel')}</button>
        {!refused && (
          <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void confirm()} data-testid="people-import-confirm">
            {t('people.import.confirm')}
          </button>
        )}
      </div>
    </>
  );
}

function DuplicateRow({ duplicate: d, choice, onChoose }: { duplicate: Duplicate; choice: DuplicateChoice; onChoose(c: DuplicateChoice): void }) {
  const t = useT();
  const existing = d.existing.kind === 'person' ? d.existing.person : { ...d.existing.row.fields, id: d.existing.row.id };
  const where = d.existing.kind === 'person' ? t('people.import.inDirectory') : t('people.import.inFile', { line: d.existing.row.line });
  const name = `dup-${d.incoming.id}`;
  return (
    <li className="import-duplicate" data-testid="people-import-duplicate">
      <p>
        {t(d.reason === 'email' ? 'people.import.sameEmail' : 'people.import.samePhone', { line: d.incoming.line, incoming: d.incoming.fields.name, existing: existing.name, where })}
      </p>
      <div role="radiogroup" aria-label={t('people.import.choiceFor', { name: d.incoming.fields.name })} className="row">
        {CHOICES.map((c) => (
          <label key={c} className="radio">
            <input type="radio" name={name} value={c} checked={choice === c} onChange={() => onChoose(c)} />
            {t(`people.import.choice.${c}`)}
          </label>
        ))}
      </div>
    </li>
  );
}
