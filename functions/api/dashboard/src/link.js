// One link: what it is, its numbers for the range, and a daily chart of clicks, goals and revenue.
import { api, query, segment } from './api.js';
import { cards, el, empty, route } from './dom.js';
import { count, currenciesOf, dateTime, goal, moneyByCurrency, rate } from './format.js';
import { dailyChart } from './charts.js';
import { copyButton } from './links.js';

export async function renderLink(section, [slug], context) {
  const [link, stats] = await Promise.all([
    api('GET', `/api/links/${segment(slug)}`),
    api('GET', `/api/links/${segment(slug)}/stats` + query(context.range)),
  ]);
  if (!context.isCurrent()) return;
  section.replaceChildren(
    el('p', { class: 'crumbs' }, route('/links', 'Links'), ' / ', link.slug),
    el('h1', { id: 'link-name' }, link.name, link.archived ? el('span', { class: 'tag' }, 'archived') : null),
    el('dl', { class: 'facts' },
      fact('Tracking URL', copyButton(link.url, { showUrl: true })),
      fact('Destination', el('code', {}, link.destination)),
      fact('Channel', link.channel),
      fact('Campaign', link.campaign || '—'),
      fact('Goal', goal(link.goal)),
      fact('Attribution window', `${link.attributionWindowDays} days`),
      fact('Rebills count as goal revenue', link.countRebills ? 'yes' : 'no'),
      fact('Created', dateTime(link.createdAt))),
    el('h2', {}, `${context.range.from} to ${context.range.to}`),
    cards([
      ['Clicks', count(stats.clicks), 'clicks'],
      ['Unique clicks', count(stats.uniqueClicks), 'uniqueClicks'],
      ['Bot clicks', count(stats.botClicks), 'botClicks'],
      ['Goals', count(stats.goals), 'goals'],
      ['Revenue', moneyByCurrency(stats.revenue), 'revenue'],
      ['Refunded', moneyByCurrency(stats.refunded), 'refunded'],
      ['Conversion rate', rate(stats.conversionRate), 'conversionRate'],
    ]));
  if (!link.goal) {
    section.append(empty('This link has no goal, so it counts clicks only.',
      'To count opt-ins, page visits or purchases from this channel, create a new link with a goal and use its URL instead.'));
  }
  if (stats.clicks === 0) {
    section.append(empty('No clicks in this range.', 'Share the tracking URL above, or widen the date range.'));
  }
  const currency = currenciesOf(stats.daily)[0];
  dailyChart(section, 'Daily clicks, goals and revenue', stats.daily.map((day) => day.date), [
    { key: 'clicks', label: 'Clicks', values: stats.daily.map((day) => day.clicks) },
    { key: 'goals', label: 'Goals', values: stats.daily.map((day) => day.goals) },
  ], currency ? { currency, values: stats.daily.map((day) => (day.revenue || {})[currency] || 0) } : null);
}

function fact(label, value) {
  return el('div', {}, el('dt', {}, label), el('dd', {}, value));
}
