// A lead: found by email (a POST, so the address stays out of URLs and access logs), then its
// consent, verified visitor ids and log; erasure after an explicit confirmation.
import { api, ApiError, segment } from './api.js';
import { cards, el, empty, failure, route, table } from './dom.js';
import { dateTime } from './format.js';

const NOT_YET = ['This deployment does not offer leads yet.', 'Update Goalpost to look up leads, their consent and their log here.'];

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
      const id = leadIdOf(found);
      if (id) location.hash = `#/leads/${encodeURIComponent(id)}`;
      else result.replaceChildren(empty('No lead has this email.', 'Leads are created by server-side opt-ins, personalised links and payments.'));
    } catch (error) {
      result.replaceChildren(error instanceof ApiError && error.status === 404
        ? empty('No lead has this email (or this deployment does not offer leads yet).', 'Check the address; leads are created by server-side opt-ins, personalised links and payments.')
        : failure(error));
    }
  });
  section.replaceChildren(el('h1', {}, 'Leads'),
    el('p', { class: 'lead' }, 'Look up a person who opted in or bought, to see what Goalpost keeps about them, or to erase it.'), form);
}

function leadIdOf(found) {
  if (!found) return null;
  if (found.leadId) return found.leadId;
  const first = Array.isArray(found.items) ? found.items[0] : null;
  return first ? first.leadId : null;
}

export async function renderLead(section, [leadId], context) {
  let lead;
  try {
    lead = await api('GET', `/api/leads/${segment(leadId)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    section.replaceChildren(el('p', { class: 'crumbs' }, route('/leads', 'Leads')),
      empty('No lead has this id (it may have been erased), or this deployment does not offer leads yet.', NOT_YET[1]));
    return;
  }
  if (!context.isCurrent()) return;
  const consent = lead.gdprConsent === true ? 'agreed' : lead.gdprConsent === false ? 'not agreed' : 'never asked';
  section.replaceChildren(
    el('p', { class: 'crumbs' }, route('/leads', 'Leads'), ' / ', lead.leadId || leadId),
    el('h1', { id: 'lead-email-shown' }, lead.email || (lead.erased ? 'Erased lead' : 'Lead')),
    cards([
      ['Lead id', lead.leadId || leadId, 'leadId'],
      ['Data-privacy terms', consent, 'gdprConsent'],
      ['Visitor ids', String((lead.visitorIds || []).length), 'visitorIds'],
    ]),
    el('h2', {}, 'Consent history'),
    list(lead.consentHistory || lead.consent || [], 'No consent was recorded for this lead.'),
    el('h2', {}, 'Verified visitor ids'),
    (lead.visitorIds || []).length === 0
      ? empty('No browser is joined to this lead.', 'A browser is joined when an opt-in or a payment carries its visitor id.')
      : el('ul', { id: 'visitor-ids' }, lead.visitorIds.map((id) => el('li', {}, el('code', {}, id)))),
    el('h2', {}, 'Log'),
    list(lead.log || lead.touches || [], 'Nothing is logged for this lead yet.'));
  if (!lead.erased) section.append(eraseControl(lead.leadId || leadId));
}

/** A list of records whose fields this page does not fix: time first, then each field as text. */
function list(entries, emptyText) {
  if (!Array.isArray(entries) || entries.length === 0) return empty(emptyText);
  const names = [...new Set(entries.flatMap((entry) => Object.keys(entry)))];
  const time = names.find((name) => /^(at|occurredAt|time|changedAt|recordedAt)$/.test(name));
  const rest = names.filter((name) => name !== time);
  return table([
    ...(time ? [{ label: 'When', value: (e) => dateTime(e[time]) }] : []),
    ...rest.map((name) => ({ label: name, value: (e) => text(e[name]) })),
  ], entries);
}

function text(value) {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

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
