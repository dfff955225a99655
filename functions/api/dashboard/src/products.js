// Products: the list with totals; one product's checkout and sales numbers, its daily chart, and
// the reconciliation of its sales against link goals, reason by reason.
import { api, ApiError, query, segment } from './api.js';
import { cards, el, empty, failure, route, table } from './dom.js';
import { count, currenciesOf, dateTime, moneyByCurrency } from './format.js';
import { dailyChart } from './charts.js';
import { PATHS, reason } from './reasons.js';

const PAGE_SIZE = 20;
const CONVERSIONS_SHOWN = 50;

export async function renderProducts(section, params, context) {
  const cursors = [null];
  const list = el('div', { id: 'products-list' });
  section.replaceChildren(el('h1', {}, 'Products'),
    el('p', { class: 'lead' }, 'Every product seen in a signed sale or named in a link goal, with its totals.'), list);

  async function showPage(index) {
    const page = await api('GET', '/api/products' + query({ limit: PAGE_SIZE, cursor: cursors[index] }));
    if (!context.isCurrent()) return;
    if (page.nextCursor) cursors[index + 1] = page.nextCursor;
    if (page.items.length === 0 && index === 0) {
      list.replaceChildren(empty('No products yet.',
        'Products appear once a signed sale arrives through a webhook (POST /webhooks/orders or /webhooks/stripe), or once a link has a purchase goal naming one.'));
      return;
    }
    list.replaceChildren(table([
      { label: 'Product', value: (p) => route(`/products/${p.productId}`, p.productId), sort: (p) => p.productId },
      { label: 'Checkout visitors', numeric: true, value: (p) => count(p.checkoutVisitors), sort: (p) => p.checkoutVisitors },
      { label: 'Sales', numeric: true, value: (p) => count(p.sales), sort: (p) => p.sales },
      { label: 'Rebills', numeric: true, value: (p) => count(p.rebills), sort: (p) => p.rebills },
      { label: 'Refunds', numeric: true, value: (p) => count(p.refunds), sort: (p) => p.refunds },
      { label: 'Revenue', numeric: true, value: (p) => moneyByCurrency(p.revenue) },
      { label: 'Refunded', numeric: true, value: (p) => moneyByCurrency(p.refunded) },
    ], page.items, { sortable: true, id: 'products' }),
    el('nav', { class: 'pager', 'aria-label': 'Pages of products', hidden: index === 0 && !page.nextCursor },
      el('button', { type: 'button', disabled: index === 0, onclick: () => go(index - 1) }, 'Previous'),
      el('span', {}, `Page ${index + 1}`),
      el('button', { type: 'button', disabled: !page.nextCursor, onclick: () => go(index + 1) }, 'Next')));
  }
  const go = (index) => showPage(index).catch((error) => list.replaceChildren(failure(error)));
  await showPage(0);
}

export async function renderProduct(section, [productId], context) {
  const stats = await api('GET', `/api/products/${segment(productId)}/stats` + query(context.range));
  if (!context.isCurrent()) return;
  section.replaceChildren(
    el('p', { class: 'crumbs' }, route('/products', 'Products'), ' / ', stats.productId),
    el('h1', { id: 'product-name' }, stats.productId),
    el('h2', {}, `${context.range.from} to ${context.range.to}`),
    cards([
      ['Checkout visitors', count(stats.checkoutVisitors), 'checkoutVisitors'],
      ['Checkout views', count(stats.checkoutViews), 'checkoutViews'],
      ['Sales', count(stats.sales), 'sales'],
      ['Rebills', count(stats.rebills), 'rebills'],
      ['Refunds', count(stats.refunds), 'refunds'],
      ['Revenue', moneyByCurrency(stats.revenue), 'revenue'],
      ['Refunded', moneyByCurrency(stats.refunded), 'refunded'],
    ]));
  if (stats.sales === 0 && stats.checkoutViews === 0) {
    section.append(empty('Nothing for this product in this range.',
      'Check the product id your checkout sends, call goalpost.checkout({productId}) on the checkout page, or widen the date range.'));
  }
  const currency = currenciesOf(stats.daily)[0];
  dailyChart(section, 'Daily checkout visitors, sales and revenue', stats.daily.map((day) => day.date), [
    { key: 'visitors', label: 'Checkout visitors', values: stats.daily.map((day) => day.checkoutVisitors) },
    { key: 'sales', label: 'Sales', values: stats.daily.map((day) => day.sales) },
  ], currency ? { currency, values: stats.daily.map((day) => (day.revenue || {})[currency] || 0) } : null);

  const reconciliation = el('section', { id: 'reconciliation', class: 'panel' },
    el('h2', {}, 'Why the numbers differ'), el('p', { class: 'loading' }, 'Loading…'));
  section.append(reconciliation);
  try {
    const answer = await api('GET', `/api/products/${segment(productId)}/reconciliation` + query(context.range));
    if (context.isCurrent()) showReconciliation(reconciliation, answer);
  } catch (error) {
    reconciliation.replaceChildren(el('h2', {}, 'Why the numbers differ'),
      error instanceof ApiError && error.status === 404
        ? empty('This deployment does not offer the reconciliation yet.', 'Update Goalpost to see which link each sale was credited to, and why the others were not.')
        : failure(error));
  }
}

function showReconciliation(holder, answer) {
  const unattributed = Object.entries(answer.unattributed || {}).filter(([, n]) => n > 0);
  holder.replaceChildren(
    el('h2', {}, 'Why the numbers differ'),
    el('p', { class: 'lead', id: 'reconciliation-summary' },
      `${count(answer.sales)} sales: ${count(answer.attributedSales)} credited to a link, ${count(answer.sales - answer.attributedSales)} not.`));
  if (answer.sales === 0) {
    holder.append(empty('No sales of this product in this range.', 'Widen the date range, or check that your checkout sends this product id.'));
    return;
  }
  holder.append(el('h3', {}, 'Credited to links'), answer.byLink.length === 0
    ? empty('No sale was credited to a link.', 'Give a link a purchase goal for this product and send buyers through it; the reasons below say what went wrong.')
    : table([
      { label: 'Link', value: (l) => route(`/links/${l.slug}`, l.slug) },
      { label: 'Sales', numeric: true, value: (l) => count(l.sales) },
      { label: 'Revenue', numeric: true, value: (l) => moneyByCurrency(l.revenue) },
    ], answer.byLink, { id: 'by-link' }));
  if (unattributed.length > 0) {
    holder.append(el('h3', {}, 'Not credited, by reason'), el('ul', { class: 'reasons', id: 'reasons' },
      unattributed.sort(([, a], [, b]) => b - a).map(([code, n]) => {
        const text = reason(code);
        return el('li', { dataset: { reason: code } },
          el('strong', {}, `${text.title}: ${count(n)}`), el('p', {}, text.means), el('p', { class: 'advice' }, text.change));
      })));
  }
  const conversions = answer.conversions || [];
  if (conversions.length > 0) {
    holder.append(el('h3', {}, 'Sale by sale'), table([
      { label: 'Order', value: (c) => c.orderId },
      { label: 'When', value: (c) => dateTime(c.occurredAt) },
      { label: 'Credited to', value: (c) => c.slug ? route(`/links/${c.slug}`, c.slug) : '—' },
      { label: 'How, or why not', value: (c) => c.slug ? (PATHS[c.path] || c.path || '') : reason(c.reason).title },
    ], conversions.slice(0, CONVERSIONS_SHOWN), { id: 'conversions' }),
    conversions.length > CONVERSIONS_SHOWN ? el('p', {}, `The first ${CONVERSIONS_SHOWN} of ${conversions.length} sales; narrow the date range to see the others.`) : null);
  }
}

