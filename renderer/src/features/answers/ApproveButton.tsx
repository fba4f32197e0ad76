import { revisionProblems } from '@shared/domain';
import { uuidv7 } from '@shared/uuid';
import { useServices } from '../../app/services';
import { usePreferences } from '../../app/uiStore';
import { useAnnouncer } from '../../app/announcer';
import { useT } from '../../i18n/I18nProvider';
import type { AnswerView } from './useAnswer';

/** Default validity of an approval: texts are reviewed at least once a year. */
const APPROVAL_DAYS = 365;

/**
 * Approves the newest revision. Refused, with the reason on screen, when its text is over a
 * channel's limit or uses an undeclared blank, when it is already approved, and when the person
 * approving wrote it (nobody approves their own text).
 */
export function ApproveButton({ view, onApproved }: { view: AnswerView; onApproved(): void }) {
  const t = useT();
  const { mutate } = useServices();
  const userName = usePreferences((s) => s.userName).trim();
  const announce = useAnnouncer((s) => s.announce);
  const target = view.state.newerDraft ?? view.state.shown;
  const problems = revisionProblems(target.texts, view.answer.variables.map((v) => v.name)).length;
  const alreadyApproved = !view.state.newerDraft && view.state.status === 'approved';
  const reason = alreadyApproved
    ? null
    : !userName
      ? t('approve.needName')
      : problems > 0
        ? t('approve.hasProblems')
        : target.createdBy === userName
          ? t('approve.ownRevision')
          : null;
  if (alreadyApproved) return null;
  const approve = async () => {
    const at = new Date();
    await mutate('answer.approve', {
      approval: {
        id: uuidv7(),
        subject: 'answer',
        subjectId: view.answer.id,
        revisionId: target.id,
        kind: 'approve',
        by: userName,
        at: at.toISOString(),
        expiresAt: new Date(at.getTime() + APPROVAL_DAYS * 86_400_000).toISOString(),
        note: '',
      },
    });
    announce(t('approve.done', { number: target.number }));
    onApproved();
  };
  return (
    <span className="approve">
      <button type="button" disabled={reason !== null} aria-describedby={reason ? 'approve-reason' : undefined} onClick={() => void approve()}>
        {t('approve.button', { number: target.number })}
      </button>
      {reason && <span id="approve-reason" className="muted small">{reason}</span>}
    </span>
  );
}
