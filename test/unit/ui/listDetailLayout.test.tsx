import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListDetailLayout, type ListDetailLayoutProps } from '../../../renderer/src/ui/ListDetailLayout';

/**
 * Server-side renders of the layout the answers, playbooks and people screens share (no DOM in unit
 * tests): the ids, classes and aria wiring that the end-to-end tests, the CSS and the benchmarks
 * find these screens by. Typing, Escape and the × button need a browser: the e2e specs press them.
 */
const search = { id: 'thing-search', label: 'Search', placeholder: 'Name…', clearLabel: 'Clear search', onChange: () => {} };
const base: ListDetailLayoutProps = {
  search: { ...search, value: '' },
  toolbar: <button type="button">New</button>,
  count: { id: 'thing-count', text: '3 things' },
  list: <ul data-testid="the-list" />,
  detail: <section className="detail">Pick one</section>,
};
const render = (props: Partial<ListDetailLayoutProps>) => renderToStaticMarkup(<ListDetailLayout {...base} {...props} />);
/** The opening tag of the first element carrying `marker` (an attribute, as written). */
const tag = (html: string, marker: string) => {
  const at = html.indexOf(marker);
  expect(at, `${marker} in ${html}`).toBeGreaterThanOrEqual(0);
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
};

describe('list and detail layout', () => {
  it('lays out toolbar, count, results and detail in the order and classes the CSS expects', () => {
    const html = render({ className: 'things', children: <div data-testid="dialog" /> });
    expect(tag(html, 'class="desk')).toBe('<div class="desk things">');
    const order = ['class="desk-toolbar"', 'class="search"', 'thing-search', '>New<', 'id="thing-count"', 'class="desk-body"', 'class="results"', 'the-list', 'Pick one', 'data-testid="dialog"'];
    const positions = order.map((m) => html.indexOf(m));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(render({}).startsWith('<div class="desk">')).toBe(true);
  });

  it('labels the search box and has it described by the count line, then by the keyboard hint', () => {
    const plain = render({});
    expect(plain).toContain('<label for="thing-search">Search</label>');
    const input = tag(plain, 'id="thing-search"');
    expect(input).toContain('type="search"');
    expect(input).toContain('aria-describedby="thing-count"');
    expect(input).toContain('data-testid="thing-search"');
    expect(input).toContain('autoComplete="off"');
    expect(input).toContain('spellCheck="false"');
    expect(input).not.toContain('aria-keyshortcuts');
    expect(tag(plain, 'id="thing-count"')).toBe('<p id="thing-count" class="muted small" role="status">');
    expect(plain).toContain('aria-label="Clear search"');

    const hinted = render({ hint: { id: 'thing-keys', text: '↓ enters the list' }, search: { ...base.search, keyShortcuts: '/' } });
    expect(tag(hinted, 'id="thing-search"')).toContain('aria-describedby="thing-count thing-keys"');
    expect(tag(hinted, 'id="thing-search"')).toContain('aria-keyshortcuts="/"');
    expect(hinted).toContain('<p id="thing-keys" class="muted small">↓ enters the list</p>');
    expect(plain).not.toContain('thing-keys');
  });

  it('marks an empty box so its × hides: a held text by itself, a text left to the input as its screen says', () => {
    expect(tag(render({}), 'class="search"')).toContain('data-empty="true"');
    const typed = render({ search: { ...search, value: 'ana' } });
    expect(tag(typed, 'class="search"')).not.toContain('data-empty');
    expect(tag(typed, 'id="thing-search"')).toContain('value="ana"');
    const uncontrolled = render({ search: { ...search, defaultValue: 'press', empty: false } });
    expect(tag(uncontrolled, 'class="search"')).not.toContain('data-empty');
    expect(tag(uncontrolled, 'id="thing-search"')).toContain('value="press"');
    // Results still for an empty query while the box already holds text: the screen's word counts.
    expect(tag(render({ search: { ...search, defaultValue: 'press', empty: true } }), 'class="search"')).toContain('data-empty="true"');
  });

  it('writes what the list shows on the results only when told', () => {
    expect(tag(render({}), 'class="results"')).toBe('<div class="results">');
    expect(tag(render({ shown: { query: 'ana', total: 2 } }), 'class="results"')).toBe('<div class="results" data-query="ana" data-total="2">');
    expect(tag(render({ shown: { query: '', total: 0 } }), 'class="results"')).toBe('<div class="results" data-query="" data-total="0">');
    expect(tag(render({ shown: { query: undefined, total: undefined } }), 'class="results"')).toBe('<div class="results">');
  });
});
