// Channels: which channel's links complete the most goals — a bar chart and a table, best first
// (the API's order: goals, then clicks).
import { api, query } from './api.js';
import { el, empty, table } from './dom.js';
import { count, moneyByCurrency, rate } from './format.js';
import { barChart } from './charts.js';

export async function renderChannels(section, params, context) {
  const answer = await api('GET', '/api/channels' + query(context.range));
  if (!context.isCurrent()) return;
  section.replaceChildren(el('h1', {}, 'Channels'), el('p', { class: 'lead' },
    `Goals completed through each channel's links, ${answer.from} to ${answer.to}, best first.`));
  const channels = answer.channels;
  if (channels.length === 0) {
    section.append(empty('No clicks in this range.',
      'Create a link for each channel you market in and share it there; channels appear here once their links are clicked.'));
    return;
  }
  barChart(section, 'Goals and clicks per channel', channels.map((c) => c.channel), [
    { key: 'goals', label: 'Goals', values: channels.map((c) => c.goals) },
    { key: 'clicks', label: 'Clicks', values: channels.map((c) => c.clicks) },
  ]);
  section.append(table([
    { label: 'Channel', value: (c) => c.channel },
    { label: 'Clicks', numeric: true, value: (c) => count(c.clicks) },
    { label: 'Unique clicks', numeric: true, value: (c) => count(c.uniqueClicks) },
    { label: 'Goals', numeric: true, value: (c) => count(c.goals) },
    { label: 'Revenue', numeric: true, value: (c) => moneyByCurrency(c.revenue) },
    { label: 'Conversion rate', numeric: true, value: (c) => rate(c.conversionRate) },
  ], channels, { id: 'channels' }));
}
