import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualListboxProps<T> {
  items: readonly T[];
  getKey(item: T): string;
  /**
   * An option's content. The row it lands in is reused for whichever item comes to its place, so
   * the content must follow the item: no state of its own (a memoized component is fine).
   */
  renderItem(item: T): ReactNode;
  /** Accessible text of an option (its title), used for type-to-find. */
  textOf(item: T): string;
  label: string;
  rowHeight: number;
  selectedKey: string | null;
  onSelect(key: string): void;
  /** Enter or double click. */
  onAction(key: string): void;
  empty: ReactNode;
  className?: string;
  optionClassName?: string;
}

/**
 * A single-select ARIA listbox that renders only the rows on screen (TanStack Virtual), so a long
 * list costs the same as a short one. Keyboard: arrows, Home/End, Page Up/Down move the focus and
 * the selection together; Enter acts; typing letters jumps to the next matching option. The focused
 * row is always kept rendered, so focus is never lost by scrolling.
 */
export function VirtualListbox<T>(props: VirtualListboxProps<T>) {
  const { items, getKey, renderItem, textOf, label, rowHeight, selectedKey, onSelect, onAction, empty } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const selectedIndex = selectedKey === null ? -1 : items.findIndex((i) => getKey(i) === selectedKey);
  const [focusIndex, setFocusIndex] = useState(-1);
  const active = focusIndex >= 0 && focusIndex < items.length ? focusIndex : Math.max(selectedIndex, 0);
  const typed = useRef({ text: '', at: 0 });

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(active) || active >= items.length ? indexes : [...indexes, active].sort((a, b) => a - b);
    },
    [active, items.length],
  );
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    // Rows past the edges are rendered, laid out and painted again for every new result set: two
    // a side instead of six saved about 0.5 ms of main-thread work per keystroke in the people
    // benchmark (npm run bench), and scrolling 10,000 people kept its frame times.
    overscan: 2,
    rangeExtractor,
    // React 19: flushSync inside the scroll handler warns and buys nothing here.
    useFlushSync: false,
  });

  const focusRow = useRef(false);
  useEffect(() => {
    if (!focusRow.current) return;
    focusRow.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  });

  const move = (index: number) => {
    if (items.length === 0) return;
    const next = Math.min(Math.max(index, 0), items.length - 1);
    setFocusIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusRow.current = true;
    onSelect(getKey(items[next]!));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Enter: () => items[active] && onAction(getKey(items[active]!)),
    };
    const handler = keys[event.key];
    if (handler) {
      event.preventDefault();
      handler();
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const now = Date.now();
      typed.current = { text: (now - typed.current.at < 700 ? typed.current.text : '') + event.key.toLowerCase(), at: now };
      const found = findFrom(items, active + (typed.current.text.length === 1 ? 1 : 0), (i) => textOf(i).toLowerCase().startsWith(typed.current.text));
      if (found >= 0) move(found);
    }
  };

  // With nothing to list there is no listbox: a listbox may hold only options, and "no results" read
  // as text says more than an empty listbox. The box keeps its place and class on the screen.
  if (items.length === 0) {
    return (
      <div ref={scroller} className={props.className}>
        {empty}
      </div>
    );
  }

  return (
    <div ref={scroller} className={props.className} role="listbox" aria-label={label} onKeyDown={onKeyDown}>
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index]!;
            const key = getKey(item);
            return (
              <div
                // Keyed by position in the list, not by item: a new result set (a keystroke) writes
                // its texts into the rows already there instead of replacing them. A row keeps its
                // key while it stays rendered, so the focused row is never remounted, and rows stay
                // in list order, so React never moves one (a moved node loses the focus). What a
                // row shows comes from its item alone: renderItem must not keep per-row state.
                key={row.index}
                role="option"
                data-index={row.index}
                aria-selected={key === selectedKey}
                aria-setsize={items.length}
                aria-posinset={row.index + 1}
                tabIndex={row.index === active ? 0 : -1}
                className={props.optionClassName}
                data-selected={key === selectedKey || undefined}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}
                onFocus={() => setFocusIndex(row.index)}
                onClick={() => {
                  setFocusIndex(row.index);
                  onSelect(key);
                }}
                onDoubleClick={() => onAction(key)}
              >
                {renderItem(item)}
              </div>
            );
          })}
      </div>
    </div>
  );
}

function findFrom<T>(items: readonly T[], start: number, test: (item: T) => boolean): number {
  for (let n = 0; n < items.length; n += 1) {
    const i = (start + n) % items.length;
    if (test(items[i]!)) return i;
  }
  return -1;
}
