// Numbers as a marketer reads them: money per currency with that currency's minor units (JPY has
// none, USD two, KWD three), never converted or added across currencies.

const locale = navigator.language || 'en-US';
const whole = new Intl.NumberFormat(locale);
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });

function minorUnits(currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

/** An amount in minor units, e.g. money(4900, 'USD') is "$49.00". */
export function money(minor, currency) {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** minorUnits(currency));
  } catch (notACurrency) {
    return `${whole.format(minor)} ${currency}`;
  }
}

/** Totals per currency ({"USD": 34300, "EUR": 1200}) as one line; "—" when there are none. */
export function moneyByCurrency(amounts) {
  const entries = Object.entries(amounts || {}).filter(([, minor]) => minor !== 0);
  if (entries.length === 0) return '—';
  return entries.sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => money(minor, currency)).join(' · ');
}

/** A sort key for revenue: the total in minor units (currencies differ, but it orders the usual one-currency case). */
export function revenueKey(amounts) {
  return Object.values(amounts || {}).reduce((sum, minor) => sum + minor, 0);
}

export function count(n) {
  return n === null || n === undefined ? '—' : whole.format(n);
}

/** The conversion rate (goals ÷ clicks): "—" when there were no clicks. */
export function rate(r) {
  return r === null || r === undefined ? '—' : percent.format(r);
}

export function dateTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

/** What a link counts as its goal, in words. */
export function goal(goal) {
  if (!goal) return 'No goal';
  switch (goal.type) {
    case 'purchase': return goal.productId ? `Purchase of ${goal.productId}` : 'Any purchase';
    case 'opt_in': return goal.formId ? `Opt-in on form ${goal.formId}` : 'Any opt-in';
    case 'page_visit': return `Visit to ${goal.pageUrl}`;
    default: return String(goal.type);
  }
}

/** The currencies that appear in any day of a daily series, most revenue first. */
export function currenciesOf(daily) {
  const totals = {};
  for (const day of daily || []) {
    for (const [currency, minor] of Object.entries(day.revenue || {})) totals[currency] = (totals[currency] || 0) + minor;
  }
  return Object.keys(totals).sort((a, b) => totals[b] - totals[a]);
}

export { minorUnits };
