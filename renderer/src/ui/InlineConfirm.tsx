import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n/I18nProvider';

/**
 * A destructive action's confirmation, shown in place under the button that asked for it. Focus
 * moves to the confirming button, so the keyboard path is the button, then Enter; Escape or Cancel
 * takes the focus back to the button that opened it, and Escape goes no further (an editor around
 * it must not close with it).
 */
export function InlineConfirm(props: {
  /** The action, as the group's accessible name (the opening button's text). */
  label: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** What opened the confirmation (a button, the field Escape was pressed in): it gets the focus back on cancel. */
  opener: RefObject<HTMLElement | null>;
  className?: string;
}) {
  const t = useT();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const cancel = () => {
    props.onCancel();
    requestAnimationFrame(() => props.opener.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };
  return (
    <div role="group" aria-label={props.label} className={['warning', props.className].filter(Boolean).join(' ')} onKeyDown={onKeyDown}>
      <p>{props.message}</p>
      <div className="row">
        <button ref={confirm} type="button" className="primary" onClick={props.onConfirm}>{props.confirmLabel}</button>
        <button type="button" onClick={cancel}>{t('common.cancel')}</button>
      </div>
    </div>
  );
}
