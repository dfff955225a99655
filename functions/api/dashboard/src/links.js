// Links: the table for the chosen range (one stats call per link on the page), the form that
// creates one, copy and archive.
import { api, ApiError, query, segment } from './api.js';
import { el, empty, failure, route, table } from './dom.js';
import { count, goal, moneyByCurrency, rate, revenueKey } from './format.js';
import { linkForm } from './link-form.js';

const PAGE_SIZE = 20;

export async function renderLinks(section, params, context) {
  const cursors = [null];
  const list = el('div', { id: 'links-list' });
  const form = linkForm(() => { cursors.length = 1; showPage(0); });
  section.replaceChildren(el('h1', {}, 'Links'), form, list);

  async function showPage(index) {
    list.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
    try {
      const page = await api('GET', '/api/links' + query({ limit: PAGE_SIZE, cursor: cursors[index] }));
      const rows = await Promise.all(page.items.map((link) => withStats(link, context.range)));
      if (!context.isCurrent()) return;
      if (page.nextCursor) cursors[index + 1] = page.nextCursor;
      const pager = el('nav', { class: 'pager', 'aria-label': 'Pages of links', hidden: index === 0 && !page.nextCursor },
        el('button', { type: 'button', disabled: index === 0, onclick: () => showPage(index - 1) }, 'Previous'),
        el('span', {}, `Page ${index + 1}`),
        el('button', { type: 'button', disabled: !page.nextCursor, onclick: () => showPage(index + 1) }, 'Next'));
      if (rows.length === 0 && index === 0) {
        form.open = true;
        list.replaceChildren(empty('No links yet.',
          'Create a tracking link above for each channel you market in, then use its URL there instead of the page address.'));
        return;
      }
      list.replaceChildren(linksTable(rows, () => showPage(index)), pager);
    } catch (error) {
      list.replaceChildren(failure(error));
    }
  }
  await showPage(0);
}

async function withStats(link, range) {
  try {
    return { link, stats: await api('GET', `/api/links/${segment(link.slug)}/stats` + query(range)) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) throw error;
    return { link, stats: null };
  }
}

function linksTable(rows, reload) {
  const stat = (name) => (row) => row.stats ? row.stats[name] : null;
  return table([
    { label: 'Name', value: ({ link }) => [route(`/links/${link.slug}`, link.name), link.archived ? el('span', { class: 'tag' }, 'archived') : null], sort: ({ link }) => link.name.toLowerCase() },
    { label: 'Channel', value: ({ link }) => link.channel, sort: ({ link }) => link.channel },
    { label: 'Goal', value: ({ link }) => goal(link.goal), sort: ({ link }) => goal(link.goal) },
    { label: 'Clicks', numeric: true, value: (row) => count(stat('clicks')(row)), sort: stat('clicks') },
    { label: 'Unique clicks', numeric: true, value: (row) => count(stat('uniqueClicks')(row)), sort: stat('uniqueClicks') },
    { label: 'Goals', numeric: true, value: (row) => count(stat('goals')(row)), sort: stat('goals') },
    { label: 'Revenue', numeric: true, value: (row) => row.stats ? moneyByCurrency(row.stats.revenue) : '—', sort: (row) => row.stats ? revenueKey(row.stats.revenue) : null },
    { label: 'Conversion rate', numeric: true, value: (row) => rate(stat('conversionRate')(row)), sort: stat('conversionRate') },
    { label: 'Tracking URL', value: ({ link }) => copyButton(link.url) },
    { label: '', value: ({ link }) => link.archived ? '' : archiveButton(link, reload) },
  ], rows, { sortable: true, id: 'links' });
}

/**
 * Copies the tracking URL in one click. Where the clipboard is refused, the URL is shown selected
 * for Ctrl+C instead. `showUrl` also shows it beside the button from the start.
 */
export function copyButton(url, { showUrl = false } = {}) {
  const field = el('input', { type: 'text', readonly: true, value: url, class: 'url', 'aria-label': 'Tracking URL', hidden: !showUrl });
  const button = el('button', { type: 'button', class: 'copy', title: url }, showUrl ? 'Copy' : 'Copy URL');
  button.addEventListener('click', async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch (refused) {
      field.hidden = false;
      field.select();
      copied = Boolean(document.execCommand && document.execCommand('copy'));
    }
    button.textContent = copied ? 'Copied' : 'Press Ctrl+C';
    if (!copied) field.select();
  });
  return el('span', { class: 'copy-url' }, field, button);
}

/** Archive asks once more in place: an archived link stops redirecting (its numbers stay). */
function archiveButton(link, reload) {
  const holder = el('span', { class: 'archive' });
  const ask = el('button', { type: 'button', class: 'quiet', onclick: confirmStep }, 'Archive');
  holder.append(ask);
  function confirmStep() {
    const status = el('span', { role: 'alert' });
    holder.replaceChildren(
      el('span', {}, 'Stop this link redirecting? '),
      el('button', { type: 'button', class: 'danger', onclick: archive }, 'Archive link'),
      el('button', { type: 'button', class: 'quiet', onclick: () => holder.replaceChildren(ask) }, 'Cancel'),
      status);
    async function archive() {
      try {
        await api('DELETE', `/api/links/${segment(link.slug)}`);
        reload();
      } catch (error) {
        status.textContent = error.message;
      }
    }
  }
  return holder;
}
