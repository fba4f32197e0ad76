import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The element that scrolls `element`: its nearest ancestor with scrolling overflow, or the document. */
export function scrollParentOf(element: Element): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

interface Options {
  count: number;
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => string;
  overscan: number;
  gap: number;
}

/**
 * A virtualizer for a list that scrolls with the page around it rather than in a box of its own,
 * so a long checklist reads like a short one: the list's offset inside its scrolling ancestor is
 * the virtualizer's scroll margin, measured again whenever anything above the list changes size.
 */
export function useInlineVirtualizer(list: RefObject<HTMLElement | null>, options: Options): Virtualizer<HTMLElement, Element> {
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const parent = scrollParentOf(element);
    setScroller(parent);
    const measure = () => setMargin(Math.round(element.getBoundingClientRect().top - parent.getBoundingClientRect().top + parent.scrollTop));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(parent);
    for (let node: Element | null = element; node && node !== parent; node = node.parentElement) {
      for (let above = node.previousElementSibling; above; above = above.previousElementSibling) observer.observe(above);
    }
    return () => observer.disconnect();
  }, [list]);
  return useVirtualizer({
    ...options,
    getScrollElement: () => scroller,
    scrollMargin: margin,
    // Before the first layout effect there is no scroller: assume a screenful so the first paint has rows.
    initialRect: { width: 0, height: 800 },
    useFlushSync: false,
  });
}
