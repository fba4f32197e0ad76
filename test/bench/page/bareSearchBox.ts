/**
 * The floor for keystroke → results on screen: a bare search box, no framework, no worker. Each
 * input event runs `search` synchronously and writes the first rows straight into a plain list,
 * which then says which query it shows (data-query), as the console's result lists do. The bench
 * types into it exactly as into the console (measureTyping), so the difference is Calma's own cost.
 */
export function mountBareSearchBox(search: (text: string) => string[], rows = 15): void {
  document.body.replaceChildren();
  const label = document.createElement('label');
  label.textContent = 'Search';
  label.htmlFor = 'bare-search';
  const box = document.createElement('input');
  box.id = 'bare-search';
  box.type = 'search';
  box.dataset.testid = 'bare-search';
  const list = document.createElement('ul');
  list.className = 'bare-results';
  list.dataset.query = '';
  box.addEventListener('input', () => {
    const text = box.value;
    const items = search(text)
      .slice(0, rows)
      .map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      });
    list.replaceChildren(...items);
    list.dataset.query = text;
  });
  document.body.append(label, box, list);
  box.focus();
}
