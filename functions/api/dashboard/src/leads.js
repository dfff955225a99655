// A lead: found by email (a POST, so the address stays out of URLs and access logs), then its
// consent, verified visitor ids and log; erasure after an explicit confirmation.
import { api, ApiError, segment } from './api.js';
import { cards, el, empty, failure, route, table } from './dom.js';
import { count, dateTime, money } from './format.js';

export async function renderLeadSearch(section) {
  const email = el('input', { id: 'lead-email', name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const result = el('div', { id: 'lead-search-result', role: 'status' });
  const form = el('form', { id: 'lead-search', class: 'panel narrow' },
    el('label', { for: 'lead-email' }, 'Email of the lead'), email, el('button', { type: 'submit' }, 'Find'), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.replaceChildren();
    try {
      const found = await api('POST', '/api/leads/search', { email: email.value.trim() });
      location.hash = `#/leads/${encodeURIComponent(found.leadId)}`;
    } catch (error) {
      result.replaceChildren(error instanceof ApiError && error.status === 404
        ? empty('No lead has this email (or this deployment does not offer leads yet).', 'Check the address; leads are created by server-side opt-ins, personalised links and payments.')
        : failure(error));
    }
  });
  section.replaceChildren(el('h1', {}, 'Leads'),
    el('p', { class: 'lead' }, 'Look up a person who opted in or bought, to see what Goalpost keeps about them, or to erase it.'), form);
}

export async function renderLead(section, [leadId], context) {
  let lead;
  try {
    lead = await api('GET', `/api/leads/${segment(leadId)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    section.replaceChildren(el('p', { class: 'crumbs' }, route('/leads', 'Leads')),
      empty('No lead has this id (it may have been erased), or this deployment does not offer leads yet.',
        'Find the lead by email instead.'));
    return;
  }
  if (!context.isCurrent()) return;
  const consent = lead.gdprConsent === true ? 'agreed' : 'not agreed';
  const history = lead.consent || [];
  const visitors = lead.visitorIds || [];
  section.replaceChildren(
    el('p', { class: 'crumbs' }, route('/leads', 'Leads'), ' / ', lead.leadId),
    el('h1', { id: 'lead-email-shown' }, lead.email || 'Lead'),
    el('dl', { class: 'facts' },
      el('div', {}, el('dt', {}, 'Lead id'), el('dd', {}, el('code', {}, lead.leadId))),
      el('div', {}, el('dt', {}, 'Since'), el('dd', {}, dateTime(lead.createdAt)))),
    cards([
      ['Data-privacy terms', consent, 'gdprConsent'],
      ['Verified browsers', count(visitors.length), 'visitorIds'],
      ['Log entries', count((lead.log || []).length), 'log'],
    ]),
    el('h2', {}, 'Consent history'),
    history.length === 0
      ? empty('No consent was recorded for this lead.', 'Send gdprConsent with the opt-in (POST /api/leads) once the person agrees to your data-privacy terms.')
      : table([
        { label: 'When', value: (c) => dateTime(c.at) },
        { label: 'Data-privacy terms', value: (c) => c.gdprConsent ? 'agreed' : 'withdrawn or refused' },
        { label: 'Source', value: (c) => c.source || '—' },
      ], history, { id: 'consent' }),
    el('h2', {}, 'Verified visitor ids'),
    visitors.length === 0
      ? empty('No browser is joined to this lead.', 'A browser is joined when an opt-in or a payment carries its visitor id.')
      : el('ul', { id: 'visitor-ids' }, visitors.map((id) => el('li', {}, el('code', {}, id)))),
    el('h2', {}, 'Log'),
    (lead.log || []).length === 0
      ? empty('Nothing is logged for this lead yet.')
      : table([
        { label: 'When', value: (e) => dateTime(e.at) },
        { label: 'What', value: (e) => TOUCHES[e.type] || e.type },
        { label: 'Link', value: (e) => e.slug ? route(`/links/${e.slug}`, e.slug) : '' },
        // A page URL comes from a beacon anyone can send: it is shown as text, never as a link.
        { label: 'Page', value: (e) => e.url || '' },
        { label: 'Form or product', value: (e) => e.formId || e.productId || '' },
        { label: 'Order', value: (e) => e.orderId || '' },
        { label: 'Amount', numeric: true, value: (e) => e.currency ? money(e.amount, e.currency) : '' },
      ], lead.log, { id: 'lead-log' }));
  if (!lead.erased) section.append(eraseControl(lead.leadId));
}

const TOUCHES = { click: 'Click', page_view: 'Page view', opt_in: 'Opt-in', checkout_view: 'Checkout view', payment: 'Payment' };

function eraseControl(leadId) {
  const holder = el('section', { class: 'panel danger-zone', id: 'erase' });
  const status = el('p', { role: 'status' });
  const start = el('button', { type: 'button', class: 'danger', onclick: ask }, 'Erase this lead');
  holder.append(el('h2', {}, 'Erase'), el('p', {},
    'Erasing deletes the email, the log and the joined browsers. Sales and the credit they gave links stay, without the person.'), start, status);
  function ask() {
    const confirmation = el('input', { id: 'erase-confirmation', type: 'text', autocomplete: 'off' });
    const confirm = el('button', { type: 'button', class: 'danger', onclick: erase }, 'Erase for good');
    holder.replaceChildren(el('h2', {}, 'Erase'),
      el('label', { for: 'erase-confirmation' }, 'Type ERASE to confirm. This cannot be undone.'), confirmation, confirm,
      el('button', { type: 'button', class: 'quiet', onclick: () => holder.replaceWith(eraseControl(leadId)) }, 'Cancel'), status);
    confirmation.focus();
    async function erase() {
      if (confirmation.value.trim() !== 'ERASE') {
        status.textContent = 'Type ERASE in the box to confirm.';
        return;
      }
      try {
        await api('DELETE', `/api/leads/${segment(leadId)}`);
        holder.replaceChildren(el('h2', {}, 'Erased'), el('p', { role: 'status' }, 'The lead is erased; its data is being deleted now.'));
      } catch (error) {
        status.textContent = error.message;
      }
    }
  }
  return holder;
}
