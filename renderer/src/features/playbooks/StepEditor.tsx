import { useState, type KeyboardEvent } from 'react';
import type { IntlShape } from 'react-intl';
import { isKnownRole, KNOWN_ROLES, LANGS } from '@shared/domain';
import { useT } from '../../i18n/I18nProvider';
import { Markdown } from '../../ui/Markdown';
import type { DraftStep } from './draft';
import { parseOffset } from './draft';
import { describeOffset, formatOffset, MAX_OFFSET_MINUTES } from './formatOffset';
import { ROLE_LABEL } from '../roles/labels';
import type { PlaybookProblem } from './validate';

const OTHER = '__other__';

/**
 * One step in the editor: who does it, by when, whether it is required, and its text in both
 * languages with a live Markdown preview. Reordered with its Move up / Move down buttons, or with
 * Alt+↑ / Alt+↓ from any control inside it; the focus stays where it was, on the moved step.
 *
 * The move buttons are never `disabled` (that would drop the keyboard focus when a step reaches
 * the top or bottom): at an edge they are `aria-disabled` and say so instead.
 */
export function StepEditor(props: {
  idBase: string;
  step: DraftStep;
  index: number;
  count: number;
  problems: PlaybookProblem['kind'][];
  describedBy: string;
  markdownHint: string;
  intl: IntlShape;
  onChange(patch: Partial<DraftStep>): void;
  onMove(delta: -1 | 1, focused: Element | null): void;
  onRemove(): void;
}) {
  const t = useT();
  const { idBase, step, index, count, problems, intl } = props;
  const [preview, setPreview] = useState(false);
  // A role that is not one of the known ones is the organisation's own, typed in a text box.
  const roleSelect = isKnownRole(step.role) ? step.role : OTHER;
  const minutes = parseOffset(step.offset);
  const offsetValid = Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_OFFSET_MINUTES;
  const has = (kind: PlaybookProblem['kind']) => problems.includes(kind) || undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    event.stopPropagation();
    props.onMove(event.key === 'ArrowUp' ? -1 : 1, document.activeElement);
  };

  return (
    <li className="step-editor" data-testid="step-editor" onKeyDown={onKeyDown}>
      <fieldset aria-describedby={props.describedBy}>
        <legend>{t('playbooks.editor.step', { number: index + 1 })}</legend>
        <div className="step-editor-bar">
          <label>
            {t('playbooks.role')}
            <select
              id={`${idBase}-role`}
              value={roleSelect}
              aria-invalid={has('stepRole')}
              onChange={(e) => props.onChange({ role: e.target.value === OTHER ? '' : e.target.value })}
            >
              {KNOWN_ROLES.map((r) => <option key={r} value={r}>{t(ROLE_LABEL[r])}</option>)}
              <option value={OTHER}>{t('playbooks.editor.otherRole')}</option>
            </select>
          </label>
          {roleSelect === OTHER && (
            <label>
              {t('playbooks.editor.roleName')}
              <input value={step.role} maxLength={80} aria-invalid={has('stepRole')} onChange={(e) => props.onChange({ role: e.target.value })} />
            </label>
          )}
          <div className="offset-field">
            <label>
              {t('playbooks.editor.offset')}
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_OFFSET_MINUTES}
                step={1}
                value={step.offset}
                aria-invalid={has('stepOffset')}
                aria-describedby={`${idBase}-offset`}
                onChange={(e) => props.onChange({ offset: e.target.value })}
              />
            </label>
            <span id={`${idBase}-offset`} className="offset-preview" title={offsetValid ? describeOffset(minutes, intl) : undefined}>
              {offsetValid ? formatOffset(minutes, intl) : t('playbooks.editor.offsetInvalid')}
            </span>
          </div>
          <label className="confirm">
            <input type="checkbox" checked={step.required} onChange={(e) => props.onChange({ required: e.target.checked })} />
            {t('playbooks.editor.required')}
          </label>
        </div>
        <div className="grid2">
          {LANGS.map((l) => (
            <label key={l}>
              {t('playbooks.editor.text', { lang: t(`lang.${l}`) })}
              <textarea
                lang={l}
                rows={4}
                value={step.text[l]}
                aria-invalid={has('stepText')}
                aria-describedby={props.markdownHint}
                onChange={(e) => props.onChange({ text: { ...step.text, [l]: e.target.value } })}
              />
            </label>
          ))}
        </div>
        {preview && (
          <div className="grid2 step-preview">
            {LANGS.map((l) => (
              <div key={l} role="group" aria-label={t('playbooks.editor.previewIn', { lang: t(`lang.${l}`) })}>
                {step.text[l].trim() ? <div lang={l}><Markdown text={step.text[l]} /></div> : <p className="muted">{t('playbooks.noText')}</p>}
              </div>
            ))}
          </div>
        )}
        {step.answerIds.length > 0 && <p className="muted small">{t('playbooks.editor.answersKept', { count: step.answerIds.length })}</p>}
        <div className="step-editor-actions">
          <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>{t('playbooks.editor.preview')}</button>
          <button type="button" aria-disabled={index === 0 || undefined} aria-keyshortcuts="Alt+ArrowUp" onClick={(e) => props.onMove(-1, e.currentTarget)}>
            {t('playbooks.editor.moveUp')}
          </button>
          <button type="button" aria-disabled={index === count - 1 || undefined} aria-keyshortcuts="Alt+ArrowDown" onClick={(e) => props.onMove(1, e.currentTarget)}>
            {t('playbooks.editor.moveDown')}
          </button>
          <button type="button" onClick={props.onRemove}>{t('playbooks.editor.removeStep')}</button>
        </div>
      </fieldset>
    </li>
  );
}
