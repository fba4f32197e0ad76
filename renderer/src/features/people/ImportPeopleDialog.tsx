import { memo, useId, useMemo, useState } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { MutationError } from '@shared/mutations/error';
import { buildImport, type Duplicate, type DuplicateAction, type DuplicateChoice, type ImportPlan, type RowOutcome } from '@shared/people/importPlan';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { roleLabel } from '../roles/labels';
import { issueField, issueText } from './labels';
import { usePeopleUi } from './peopleStore';
import { writeImport } from './writeImport';

/** New people listed in the preview; the rest are counted (the summary has the totals). */
const PREVIEW_ROWS = 200;
const ACTIONS: DuplicateAction[] = ['merge', 'keep', 'skip'];

/**
 * The preview of an import. A file with any problem lists them all (line, column, field, reason)
 * and cannot be imported. Otherwise it shows who would be added and, for each possible duplicate,
 * why it was flagged and what differs, and lets the user merge it into the person it matches (taking
 * the file's name or email only if they say so), keep both, or skip it; the write is recomputed from
 * the plan at each choice. Import writes everything in one local transaction (writeImport.ts),
 * Cancel writes nothing. With duplicates to decide, focus starts on the first decision, not on
 * Import, which would apply every suggestion unread. Memoized: it reads its own state from
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
  const [choices, setChoices] = useState<ReadonlyMap<string, DuplicateChoice>>(() => new Map(plan.duplicates.map((d) => [d.incoming.id, { action: d.suggested }])));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refused = plan.errors.length > 0;
  // A file that is not text was not read in any encoding: saying it was guessed would mislead.
  const notText = plan.errors.some((e) => e.code === 'file.notCsv' || e.code === 'file.notVcard' || e.code === 'file.utf16NoBom');
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
      {plan.encoding === 'windows-1252' && !notText && <p className="warning" data-testid="people-import-encoding">{t('people.import.encoding')}</p>}
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
                {plan.duplicates.map((d, i) => (
                  <DuplicateRow
                    key={d.incoming.id}
                    duplicate={d}
                    choice={choices.get(d.incoming.id) ?? { action: d.suggested }}
                    outcome={write!.outcomes.get(d.incoming.id)!}
                    first={i === 0}
                    onChoose={(c) => setChoices((m) => new Map(m).set(d.incoming.id, c))}
                  />
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
                    <th scope="col">{t('people.field.roles')}</th>
                    <th scope="col">{t('people.field.email')}</th>
                    <th scope="col">{t('people.field.phones')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.rows.slice(0, PREVIEW_ROWS).map((r) => (
                    <tr key={r.id}><td>{r.line}</td><td>{r.fields.name}</td><td>{r.fields.roles.map((role) => roleLabel(role, t)).join(', ')}</td><td>{r.fields.email}</td><td>{r.fields.phones.join(', ')}</td></tr>
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
          <button type="button" className="primary" autoFocus={plan.duplicates.length === 0} disabled={busy} onClick={() => void confirm()} data-testid="people-import-confirm">
            {t('people.import.confirm')}
          </button>
        )}
      </div>
    </>
  );
}

interface DuplicateRowProps {
  duplicate: Duplicate;
  choice: DuplicateChoice;
  outcome: RowOutcome;
  /** The first decision of the preview, where focus starts. */
  first: boolean;
  onChoose(c: DuplicateChoice): void;
}

function DuplicateRow({ duplicate: d, choice, outcome, first, onChoose }: DuplicateRowProps) {
  const t = useT();
  const id = useId();
  const existing = d.existing.kind === 'person' ? d.existing.person : d.existing.row.fields;
  const where = (line: number | null) => (line === null ? t('people.import.inDirectory') : t('people.import.inFile', { line }));
  const existingLine = d.existing.kind === 'person' ? null : d.existing.row.line;
  const incoming = d.incoming.fields;
  const merging = choice.action === 'merge';
  const matchedId = d.existing.kind === 'person' ? d.existing.person.id : d.existing.row.id;
  return (
    <li className="import-duplicate" data-testid="people-import-duplicate">
      <div id={`${id}-why`}>
        <p>
          {t(d.reason === 'email' ? 'people.import.sameEmail' : 'people.import.samePhone', { line: d.incoming.line, incoming: incoming.name, existing: existing.name, where: where(existingLine) })}
        </p>
        {d.differs.name && <p>{t('people.import.differentName', { incoming: incoming.name, existing: existing.name })}</p>}
        {d.differs.email && <p>{t('people.import.differentEmail', { incoming: incoming.email, existing: existing.email })}</p>}
        {d.suggested === 'keep' && <p className="muted small">{t('people.import.keepSuggested', { reason: d.reason })}</p>}
      </div>
      <div role="radiogroup" aria-label={t('people.import.choiceFor', { name: incoming.name })} aria-describedby={`${id}-why`} className="row">
        {ACTIONS.map((action) => (
          <label key={action} className="radio">
            <input
              type="radio"
              name={`dup-${d.incoming.id}`}
              value={action}
              checked={choice.action === action}
              autoFocus={first && choice.action === action}
              onChange={() => onChoose({ ...choice, action })}
            />
            {t(`people.import.choice.${action}`)}
          </label>
        ))}
      </div>
      {merging && d.differs.name && (
        <label className="radio">
          <input type="checkbox" checked={choice.useFileName === true} onChange={(e) => onChoose({ ...choice, useFileName: e.target.checked })} />
          {t('people.import.useFileName', { incoming: incoming.name, existing: existing.name })}
        </label>
      )}
      {merging && d.differs.email && (
        <label className="radio">
          <input type="checkbox" checked={choice.useFileEmail === true} onChange={(e) => onChoose({ ...choice, useFileEmail: e.target.checked })} />
          {t('people.import.useFileEmail', { incoming: incoming.email, existing: existing.email })}
        </label>
      )}
      {merging && outcome.kind === 'added' && (
        <p className="muted small" data-testid="people-import-outcome">{t('people.import.targetSkipped', { existing: existing.name, incoming: incoming.name })}</p>
      )}
      {outcome.kind === 'merged' && outcome.into.id !== matchedId && (
        <p className="muted small" data-testid="people-import-outcome">{t('people.import.mergesInto', { name: outcome.into.name, where: where(outcome.into.line) })}</p>
      )}
    </li>
  );
}
