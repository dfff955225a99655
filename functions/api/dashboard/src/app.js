// The dashboard's shell: sign-in, the date range, and a hash router (#/links, #/links/<slug>,
// #/channels, #/products, #/products/<id>, #/leads, #/leads/<id>) that hands <main> to one view.
import { api, ApiError, session } from './api.js';
import { el, failure } from './dom.js';
import { renderLinks } from './links.js';
import { renderLink } from './link.js';
import { renderChannels } from './channels.js';
import { renderProducts, renderProduct } from './products.js';
import { renderLeadSearch, renderLead } from './leads.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const rangeForm = document.getElementById('range');
const signOut = document.getElementById('sign-out');
const RANGE = 'goalpost.range';

const views = [
  [/^\/links$/, renderLinks],
  [/^\/links\/([^/]+)$/, renderLink],
  [/^\/channels$/, renderChannels],
  [/^\/products$/, renderProducts],
  [/^\/products\/([^/]+)$/, renderProduct],
  [/^\/leads$/, renderLeadSearch],
  [/^\/leads\/([^/]+)$/, renderLead],
];

let shown = 0;

/** Today−29 … today in UTC, as the API's default; kept for the browser session once changed. */
function range() {
  const kept = JSON.parse(sessionStorage.getItem(RANGE) || 'null');
  if (kept) return kept;
  const today = new Date();
  const from = new Date(today.getTime() - 29 * 86400000);
  return { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}

function showSignIn(message) {
  nav.hidden = true;
  rangeForm.hidden = true;
  signOut.hidden = true;
  const input = el('input', { id: 'api-key', name: 'key', type: 'password', autocomplete: 'current-password', required: true });
  const status = el('p', { id: 'sign-in-error', class: 'error', role: 'alert' }, message || '');
  const form = el('form', { id: 'sign-in', class: 'panel narrow' },
    el('h1', {}, 'Sign in'),
    el('p', {}, 'Enter an API key of this Goalpost deployment. It is kept only for this browser session.'),
    el('label', { for: 'api-key' }, 'API key'), input,
    el('button', { type: 'submit' }, 'Sign in'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    status.textContent = '';
    try {
      await api('GET', '/api/links?limit=1', undefined, key);
      session.remember(key);
      if (!location.hash || location.hash === '#/') location.hash = '#/links';
      show();
    } catch (error) {
      status.textContent = error instanceof ApiError && error.status === 401
        ? 'That API key was not accepted. Check it and try again.'
        : error.message;
    }
  });
  main.replaceChildren(form);
  input.focus();
}

async function show() {
  if (!session.signedIn()) {
    showSignIn();
    return;
  }
  nav.hidden = false;
  rangeForm.hidden = false;
  signOut.hidden = false;
  const current = range();
  rangeForm.elements.from.value = current.from;
  rangeForm.elements.to.value = current.to;
  const path = (location.hash || '#/links').slice(1);
  const view = views.find(([pattern]) => pattern.test(path));
  if (!view) {
    location.hash = '#/links';
    return;
  }
  const params = path.match(view[0]).slice(1).map(decodeURIComponent);
  for (const link of nav.querySelectorAll('a')) {
    link.classList.toggle('current', path.startsWith('/' + link.dataset.section));
  }
  const token = ++shown;
  const section = el('section', { class: 'view', 'aria-busy': 'true' }, el('p', { class: 'loading' }, 'Loading…'));
  main.replaceChildren(section);
  try {
    // A view fills its own section; a later navigation replaces it, so late answers land nowhere.
    await view[1](section, params, { range: current, isCurrent: () => token === shown });
  } catch (error) {
    if (token === shown) section.replaceChildren(failure(error));
  } finally {
    section.removeAttribute('aria-busy');
  }
}

rangeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const from = rangeForm.elements.from.value;
  const to = rangeForm.elements.to.value;
  sessionStorage.setItem(RANGE, JSON.stringify({ from, to }));
  show();
});

signOut.addEventListener('click', () => {
  session.forget();
  showSignIn();
});

window.addEventListener('goalpost:unauthorized', () => {
  session.forget();
  showSignIn('The API no longer accepts this key. Sign in again.');
});
window.addEventListener('hashchange', show);
show();
