import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { ContactClash } from '@shared/people/duplicates';
import { useT } from '../../i18n/I18nProvider';

/**
 * Shown when saving would give a person an email or phone someone else already has (the rule an
 * import uses, shared/people/duplicates.ts). A shared phone is often right (a switchboard, an
 * on-call mobile), so it is a question, not an error: "Save anyway" saves. A shared email almost
 * always means the person is already in the directory, so the first button, focused, opens them.
 * The focus moves into the warning so the keyboard reaches its buttons at once, and the group is
 * described by its text so a screen reader reads why; Escape goes back to the field to change.
 */
export function ContactClashWarning(props: {
  clashes: readonly ContactClash[];
  onSaveAnyway(): void;
  onOpen(id: string): void;
  onCancel(): void;
}) {
  const t = useT();
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const byEmail = props.clashes.find((c) => c.reason === 'email');
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    // The editor around it closes on Escape: this one only takes the warning away.
    event.stopPropagation();
    props.onCancel();
  };
  return (
    <div role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-list`} className="warning" data-testid="person-clash" onKeyDown={onKeyDown}>
      <p id={`${id}-title`}><strong>{t('people.clash.title', { count: props.clashes.length })}</strong></p>
      <ul id={`${id}-list`}>
        {props.clashes.map((c) => (
          <li key={c.person.id + c.reason}>
            {c.reason === 'email' ? t('people.clash.email', { name: c.person.name, email: c.person.email }) : t('people.clash.phone', { name: c.person.name, phone: c.phone ?? '' })}
          </li>
        ))}
      </ul>
      <div className="row">
        {byEmail && (
          <button ref={first} type="button" className="primary" onClick={() => props.onOpen(byEmail.person.id)}>
            {t('people.clash.open', { name: byEmail.person.name })}
          </button>
        )}
        <button ref={byEmail ? undefined : first} type="button" className={byEmail ? undefined : 'primary'} onClick={props.onSaveAnyway}>
          {t('people.clash.saveAnyway')}
        </button>
        <button type="button" onClick={props.onCancel}>{t('people.clash.change')}</button>
      </div>
    </div>
  );
}
