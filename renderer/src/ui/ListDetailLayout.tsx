import type { ReactNode, Ref } from 'react';
import { SearchBox, type SearchBoxSettings } from './SearchBox';

export interface ListDetailLayoutProps {
  /** A class naming the screen, next to `desk` ('people', 'playbooks'). */
  className?: string;
  /** The search box; it is described by the count line (and the hint, if any). */
  search: SearchBoxSettings;
  /** The rest of the toolbar, after the search box: filters, actions. */
  toolbar: ReactNode;
  /** The count line's id and text; it is a polite live region, so a new count is announced. */
  count: { id: string; text: ReactNode };
  /** A line of keyboard help under the count. */
  hint?: { id: string; text: ReactNode };
  /**
   * What the list shows, as `data-query` and `data-total` on the results: the benchmarks wait on
   * them for a keystroke's results. Left out, the attributes are not written.
   */
  shown?: { query: string | undefined; total: number | undefined };
  /** The result list (a VirtualListbox), or nothing while loading. */
  list: ReactNode;
  /** The pane beside the list: the selected item, or what to do when none is. */
  detail: ReactNode;
  bodyRef?: Ref<HTMLDivElement>;
  /** Dialogs and editors of the screen, after the list and detail. */
  children?: ReactNode;
}

/**
 * The layout the searchable screens share (answers, playbooks, people): a toolbar with the search
 * box and the screen's actions, a live count line, and the result list beside the selected item's
 * detail. It owns the markup, classes and ids wiring (label, aria-describedby, live region); each
 * screen keeps its own data, selection and keys.
 */
export function ListDetailLayout(props: ListDetailLayoutProps) {
  const { hint } = props;
  const describedBy = hint ? `${props.count.id} ${hint.id}` : props.count.id;
  return (
    <div className={props.className ? `desk ${props.className}` : 'desk'}>
      <div className="desk-toolbar">
        <SearchBox {...props.search} describedBy={describedBy} />
        {props.toolbar}
      </div>
      <p id={props.count.id} className="muted small" role="status">
        {props.count.text}
      </p>
      {hint && (
        <p id={hint.id} className="muted small">
          {hint.text}
        </p>
      )}
      <div className="desk-body" ref={props.bodyRef}>
        <div className="results" data-query={props.shown?.query} data-total={props.shown?.total}>
          {props.list}
        </div>
        {props.detail}
      </div>
      {props.children}
    </div>
  );
}
