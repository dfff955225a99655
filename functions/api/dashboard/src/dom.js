// Every node the dashboard shows is built here. Text always goes in as a text node: link names,
// channels, URLs and ids from beacons are data, never markup: nothing here parses HTML.

/** An element: attributes from `attrs` (on… handlers are functions, never strings), children as text or nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A link inside the dashboard (a #/… route); only our own routes, so no user URL becomes an href. */
export function route(path, ...children) {
  return el('a', { href: '#' + path.split('/').map((part) => encodeURIComponent(part)).join('/') }, ...children);
}

/** A message for a section with nothing to show: what is missing and what to do next. */
export function empty(...sentences) {
  return el('div', { class: 'empty' }, sentences.map((sentence) => el('p', {}, sentence)));
}

export function failure(error) {
  return el('p', { class: 'error', role: 'alert' }, error.message || String(error));
}

export function cards(entries) {
  return el('dl', { class: 'cards' }, entries.map(([label, value, id]) =>
    el('div', { class: 'card', dataset: id ? { metric: id } : {} }, el('dt', {}, label), el('dd', {}, value))));
}

/**
 * A table; columns are {label, value: row => text|node, numeric?, sort?: row => comparable}.
 * With `sortable`, clicking a heading sorts the rows shown (again: the other way).
 */
export function table(columns, rows, { sortable = false, id } = {}) {
  const body = el('tbody');
  let order = { index: -1, direction: 1 };
  const headings = columns.map((column, index) => {
    const label = sortable && column.sort
      ? el('button', { type: 'button', class: 'sort', onclick: () => sortBy(index) }, column.label)
      : column.label;
    return el('th', { scope: 'col', class: column.numeric ? 'num' : null }, label);
  });
  const fill = (list) => body.replaceChildren(...list.map((row) =>
    el('tr', {}, columns.map((column) => el('td', { class: column.numeric ? 'num' : null }, column.value(row))))));
  function sortBy(index) {
    order = { index, direction: order.index === index ? -order.direction : (columns[index].numeric ? -1 : 1) };
    const key = columns[index].sort;
    const sorted = [...rows].sort((a, b) => compare(key(a), key(b)) * order.direction);
    headings.forEach((th, i) => th.setAttribute('aria-sort',
      i === index ? (order.direction > 0 ? 'ascending' : 'descending') : 'none'));
    fill(sorted);
  }
  fill(rows);
  return el('div', { class: 'scroll' }, el('table', { id }, el('thead', {}, el('tr', {}, headings)), body));
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return typeof a === 'string' ? a.localeCompare(b) : a - b;
}
