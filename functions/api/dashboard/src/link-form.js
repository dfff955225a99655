// The create-link form. The API checks every value; its 400 message starts with the field at
// fault ("destination must be…", "goal.productId must be…"), so the message goes beside that field.
import { api, ApiError } from './api.js';
import { el } from './dom.js';

const TARGETS = {
  purchase: { field: 'productId', label: 'Product id (empty: any product)' },
  opt_in: { field: 'formId', label: 'Form id (empty: any form)' },
  page_visit: { field: 'pageUrl', label: 'Page URL' },
};

function field(name, label, input, hint) {
  input.id = `link-${name.replace('.', '-')}`;
  input.name = name;
  return el('div', { class: 'field', dataset: { field: name } },
    el('label', { for: input.id }, label), input,
    hint ? el('small', {}, hint) : null,
    el('span', { class: 'field-error', id: `${input.id}-error`, role: 'alert' }));
}

export function linkForm(created) {
  const goalType = el('select', {},
    el('option', { value: '' }, 'No goal'), el('option', { value: 'purchase' }, 'Purchase'),
    el('option', { value: 'opt_in' }, 'Opt-in'), el('option', { value: 'page_visit' }, 'Page visit'));
  const target = el('input', { type: 'text' });
  const targetField = field('goal.target', TARGETS.purchase.label, target);
  const formError = el('p', { class: 'error', role: 'alert', id: 'link-form-error' });
  const result = el('div', { class: 'created', role: 'status' });
  const form = el('form', { id: 'create-link', novalidate: true },
    el('div', { class: 'grid' },
      field('name', 'Name', el('input', { type: 'text', required: true, maxlength: 200 })),
      field('destination', 'Destination URL', el('input', { type: 'url', required: true, placeholder: 'https://example.com/offer' })),
      field('channel', 'Channel', el('input', { type: 'text', required: true, placeholder: 'facebook-ads' }), 'a-z, 0-9 and -'),
      field('campaign', 'Campaign (optional)', el('input', { type: 'text' })),
      field('slug', 'Slug (optional)', el('input', { type: 'text' }), 'empty: one is made up'),
      field('goal.type', 'Goal', goalType),
      targetField,
      field('attributionWindowDays', 'Attribution window (days)', el('input', { type: 'number', min: 1, max: 365, value: 30 })),
      field('countRebills', 'Count rebills as goal revenue', el('input', { type: 'checkbox' }))),
    el('button', { type: 'submit' }, 'Create link'), formError, result);

  function showTarget() {
    const type = goalType.value;
    targetField.hidden = !TARGETS[type];
    if (TARGETS[type]) targetField.querySelector('label').textContent = TARGETS[type].label;
  }
  goalType.addEventListener('change', showTarget);
  showTarget();

  function clearErrors() {
    formError.textContent = '';
    for (const message of form.querySelectorAll('.field-error')) message.textContent = '';
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  }

  function showError(error) {
    let name = error.status === 409 ? 'slug' : (error.message.match(/^([A-Za-z]+(?:\.[A-Za-z]+)?) /) || [])[1];
    if (name && name.startsWith('goal.') && name !== 'goal.type') name = 'goal.target';
    const holder = name && form.querySelector(`.field[data-field="${name}"]:not([hidden])`);
    if (holder && error instanceof ApiError && error.status < 500) {
      holder.querySelector('.field-error').textContent = error.message;
      holder.querySelector('input, select').setAttribute('aria-invalid', 'true');
      holder.querySelector('input, select').focus();
    } else {
      formError.textContent = error.message;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    result.replaceChildren();
    const values = form.elements;
    const body = { name: values.name.value, destination: values.destination.value.trim(), channel: values.channel.value.trim() };
    if (values.campaign.value.trim()) body.campaign = values.campaign.value.trim();
    if (values.slug.value.trim()) body.slug = values.slug.value.trim();
    if (goalType.value) {
      body.goal = { type: goalType.value };
      if (target.value.trim()) body.goal[TARGETS[goalType.value].field] = target.value.trim();
    }
    const days = values.attributionWindowDays.value.trim();
    if (days) body.attributionWindowDays = /^-?\d+$/.test(days) ? Number(days) : days;
    body.countRebills = values.countRebills.checked;
    try {
      const link = await api('POST', '/api/links', body);
      form.reset();
      showTarget();
      result.replaceChildren(el('span', {}, 'Created. Its tracking URL: '), el('code', {}, link.url));
      created(link);
    } catch (error) {
      showError(error);
    }
  });

  return el('details', { class: 'panel', id: 'new-link' }, el('summary', {}, 'Create a link'), form);
}
