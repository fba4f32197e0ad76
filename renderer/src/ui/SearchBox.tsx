import { memo, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * The box's text, either held by the caller (`value`) or left to the input (`defaultValue`): a
 * screen that searches off the main thread keeps it uncontrolled, so a keystroke re-renders nothing
 * until the results arrive. Such a screen also says when the box is `empty` (the × hides then, CSS
 * `.search[data-empty]`), by the text its results are for; a held text is empty when it is ''.
 */
type SearchText = { value: string; defaultValue?: never; empty?: never } | { defaultValue: string; value?: never; empty: boolean };

/** Everything about a search box but what describes it (the screen around it knows that). */
export type SearchBoxSettings = SearchText & {
  /** The input's id, which its label points at; also its data-testid. */
  id: string;
  label: string;
  placeholder: string;
  /** Accessible name of the × button. */
  clearLabel: string;
  /** Every change of the text, typed or cleared (Escape, ×). */
  onChange(text: string): void;
  /** Keys other than an Escape that clears the text. */
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  keyShortcuts?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
};

/** `describedBy`: ids of what describes the box (its count line, its keyboard help). */
export type SearchBoxProps = SearchBoxSettings & { describedBy: string };

/**
 * A labelled search input with a clear button: Escape clears the text when there is some, × clears
 * it and puts the focus back in the box. Works the same controlled or not: clearing writes the
 * input's own value too, which a controlled input is about to receive anyway. Memoized: with an
 * uncontrolled text and stable callbacks, a keystroke does not re-render the box (React would
 * otherwise rewrite the input's attributes on every key).
 */
export const SearchBox = memo(function SearchBox(props: SearchBoxProps) {
  const ownRef = useRef<HTMLInputElement>(null);
  const input = props.inputRef ?? ownRef;
  const { onChange, onKeyDown } = props;
  const empty = props.value === undefined ? props.empty : props.value === '';
  return (
    <div className="search" data-empty={empty || undefined}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={input}
        type="search"
        value={props.value}
        defaultValue={props.defaultValue}
        placeholder={props.placeholder}
        aria-describedby={props.describedBy}
        aria-keyshortcuts={props.keyShortcuts}
        autoComplete="off"
        spellCheck={false}
        data-testid={props.id}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && e.currentTarget.value !== '') {
            e.currentTarget.value = '';
            onChange('');
          } else onKeyDown?.(e);
        }}
      />
      <button
        type="button"
        aria-label={props.clearLabel}
        onClick={() => {
          if (input.current) input.current.value = '';
          onChange('');
          input.current?.focus();
        }}
      >
        ×
      </button>
    </div>
  );
});
