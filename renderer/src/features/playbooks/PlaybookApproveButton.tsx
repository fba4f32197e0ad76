import { useId } from 'react';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { usePreferences } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';
import { approvePlaybook } from './savePlaybook';
import type { PlaybookView } from './usePlaybooks';
import { approvalRefusal, playbookProblems, type ApprovalRefusal } from './validate';

const REFUSAL: Record<ApprovalRefusal, MessageId> = {
  needName: 'approve.needName',
  problems: 'playbooks.approve.hasProblems',
  ownRevision: 'approve.ownRevision',
};

/**
 * Approves the newest revision of a playbook, with the answers' rules: refused, with the reason on
 * screen, when the person has no name set, when the revision has problems (no step, an empty
 * step…), and when they wrote it themselves. Hidden when the newest revision is already in force.
 * An expired approval can be renewed. Approving also records the review date on the playbook.
 */
export function PlaybookApproveButton({ view }: { view: PlaybookView }) {
  const t = useT();
  const { mutate } = useServices();
  const userName = usePreferences((s) => s.userName).trim();
  const announce = useAnnouncer((s) => s.announce);
  const reasonId = useId();
  const target = view.state.newerDraft ?? view.state.shown;
  if (!view.state.newerDraft && view.state.status === 'approved') return null;
  const problems = playbookProblems({ title: view.playbook.title, scenario: view.playbook.scenario, steps: target.steps }).length;
  const refusal = approvalRefusal({ userName, problems, author: target.createdBy });

  const approve = async () => {
    try {
      const number = await approvePlaybook(mutate, view, userName);
      announce(t('playbooks.approve.done', { number }));
    } catch (e) {
      announce(t('playbooks.approve.failed', { reason: e instanceof Error ? e.message : String(e) }), 'error');
    }
  };

  return (
    <span className="approve">
      <button type="button" disabled={refusal !== null} aria-describedby={refusal ? reasonId : undefined} onClick={() => void approve()}>
        {t('playbooks.approve.button', { number: target.number })}
      </button>
      {refusal && <span id={reasonId} className="muted small">{t(REFUSAL[refusal])}</span>}
    </span>
  );
}
