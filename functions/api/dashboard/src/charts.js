// Charts through uPlot (bundled into the jar from npm, docs/decisions/008-dashboard.md). Labels
// are drawn on a canvas, so nothing a user typed can become markup here either.
import { el } from './dom.js';
import { count, minorUnits, money } from './format.js';

/** Whole steps only: a count axis never reads 0.5 clicks. */
const WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 1000000];

const COLOURS = { clicks: '#2563eb', goals: '#16a34a', sales: '#7c3aed', visitors: '#0891b2', revenue: '#d97706' };

function frame(label) {
  return el('figure', { class: 'chart', role: 'img', 'aria-label': label }, el('figcaption', {}, label));
}

function width(figure) {
  return Math.max(320, Math.min(1100, (figure.parentElement && figure.parentElement.clientWidth) || 900) - 8);
}

/**
 * A daily chart: count series on the left axis, and one currency's revenue (in major units) on the
 * right. `series` is [{key, label, values}] with one value per day; `revenue` is {currency, values} or null.
 */
export function dailyChart(parent, label, dates, series, revenue) {
  const figure = frame(label);
  parent.append(figure);
  if (typeof uPlot !== 'function') {
    figure.append(el('p', { class: 'error' }, 'The chart library did not load.'));
    return figure;
  }
  const xs = dates.map((date) => Date.parse(date + 'T00:00:00Z') / 1000);
  const options = {
    width: width(figure), height: 260, tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, n: { range: (u, min, max) => [0, Math.max(1, max)] }, money: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [{ label: 'Day', value: (u, ts) => ts === null ? '—' : new Date(ts * 1000).toISOString().slice(0, 10) }],
    axes: [{}, { scale: 'n', incrs: WHOLE, values: (u, splits) => splits.map((v) => count(v)) }],
    legend: { live: false },
  };
  const data = [xs];
  for (const one of series) {
    options.series.push({ label: one.label, scale: 'n', stroke: COLOURS[one.key], width: 2, points: { show: xs.length < 40 } });
    data.push(one.values);
  }
  if (revenue) {
    const factor = 10 ** minorUnits(revenue.currency);
    options.series.push({
      label: `Revenue (${revenue.currency})`, scale: 'money', stroke: COLOURS.revenue, width: 2, dash: [6, 4],
      value: (u, v) => v === null ? '—' : money(Math.round(v * factor), revenue.currency),
    });
    options.axes.push({ scale: 'money', side: 1, size: 90, grid: { show: false },
      values: (u, splits) => splits.map((v) => money(Math.round(v * factor), revenue.currency)) });
    data.push(revenue.values.map((minor) => minor / factor));
  }
  new uPlot(options, data, figure);
  return figure;
}

/** Grouped bars per category (channel): `series` is [{key, label, values}] in the categories' order. */
export function barChart(parent, label, categories, series) {
  const figure = frame(label);
  parent.append(figure);
  if (typeof uPlot !== 'function') {
    figure.append(el('p', { class: 'error' }, 'The chart library did not load.'));
    return figure;
  }
  const indices = categories.map((_, i) => i);
  const slot = 0.8 / series.length;
  const options = {
    width: width(figure), height: 260,
    scales: { x: { time: false, range: () => [-0.5, categories.length - 0.5] }, n: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [{ label: 'Channel', value: (u, i) => i === null ? '—' : categories[i] }],
    axes: [
      { splits: () => indices, values: (u, splits) => splits.map((i) => categories[i] ?? ''), grid: { show: false } },
      { scale: 'n', incrs: WHOLE, values: (u, splits) => splits.map((v) => count(v)) },
    ],
    legend: { live: false },
  };
  const data = [indices];
  series.forEach((one, n) => {
    options.series.push({
      label: one.label, scale: 'n', stroke: COLOURS[one.key], fill: COLOURS[one.key] + 'cc', width: 1,
      points: { show: false },
      // Side by side: each series' bars start at its own offset within the category, in x units.
      paths: uPlot.paths.bars({ disp: {
        x0: { unit: 1, values: () => indices.map((i) => i - 0.4 + n * slot) },
        size: { unit: 1, values: () => indices.map(() => slot * 0.9) },
      } }),
    });
    data.push(one.values);
  });
  new uPlot(options, data, figure);
  return figure;
}
