// Goalpost page script, served by GET /t.js (README: "Add Goalpost to your pages").
// Served as it stands here, less whole-line comments, blank lines and indentation
// (PageScript): so a comment must stand on a line of its own, and no string may span lines.
// Line breaks stay, so the code means exactly what it says here. Budget: 1.5 KB gzipped.
(function (w, d) {
  var script = d.currentScript;
  // Events go beside this script (…/t.js -> …/e): one script serves any deployment.
  var endpoint = new URL('e', script.src).href;
  // The deployment's CookieDomain, written in when served; '' = a host-only cookie. A page
  // outside that domain gets a host-only cookie too (the browser would refuse the other).
  var domain = '__COOKIE_DOMAIN__';
  if (!('.' + location.hostname).endsWith('.' + domain)) domain = '';
  var ID = /^[A-Za-z0-9]{16,32}$/;
  var consent, vid, cid, urlCid, held = [];

  // gp_cid of the landing URL, taken out of the address bar so that a copied, shared or
  // bookmarked URL does not carry it; until consent is "all" it lives only in this variable.
  var search = location.search, found = search.match(/[?&]gp_cid=([^&]*)/);
  if (found) {
    urlCid = ID.test(found[1]) && found[1];
    search = search.replace(/([?&])gp_cid=[^&]*(&|$)/g, '$1').replace(/[?&]$/, '');
    history.replaceState(history.state, '', location.pathname + search + location.hash);
  }

  // 22 characters of [A-Za-z0-9]: base64 of random bytes, less its two other characters.
  function rid() {
    return btoa(String.fromCharCode.apply(0, crypto.getRandomValues(new Uint8Array(24)))).replace(/[+/]/g, '').slice(0, 22);
  }

  function setCookie(value, maxAge) {
    d.cookie = 'gp_vid=' + value + '; path=/; max-age=' + maxAge + '; SameSite=Lax'
      + (domain ? '; domain=' + domain : '') + (location.protocol == 'https:' ? '; Secure' : '');
  }

  function send(event) {
    event.consent = consent;
    event.visitorId = vid;
    event.clickId = cid;
    var body = JSON.stringify(event);
    // sendBeacon posts text/plain: no CORS preflight, and it survives the page closing.
    navigator.sendBeacon && navigator.sendBeacon(endpoint, body)
      || fetch(endpoint, {method: 'POST', body: body, keepalive: true, mode: 'no-cors', credentials: 'include'});
  }

  function track(type, formId, productId) {
    var event = {type: type, url: location.href, referrer: d.referrer, eventId: rid(), formId: formId, productId: productId};
    consent ? send(event) : held.push(event);
  }

  // Links and forms marked data-goalpost-checkout carry the ids to the checkout: query
  // parameters on a link, hidden inputs in a form. Only under consent "all".
  function decorate(el) {
    var ids = {gp_vid: vid, gp_cid: cid}, name, input, url;
    for (name in ids) {
      if (!ids[name]) continue;
      if (el.tagName == 'FORM') {
        input = el.querySelector('input[name=' + name + ']') || el.appendChild(d.createElement('input'));
        input.type = 'hidden';
        input.name = name;
        input.value = ids[name];
      } else if (el.href) {
        url = new URL(el.href);
        url.searchParams.set(name, ids[name]);
        el.href = url.href;
      }
    }
  }

  function decorateAll() {
    d.querySelectorAll('[data-goalpost-checkout]').forEach(decorate);
  }

  function setConsent(choice) {
    consent = choice == 'all' ? choice : 'essential';
    vid = cid = undefined;
    // Storage may be refused (sandboxed frames, strict privacy modes): then the ids live in memory.
    try {
      if (consent == 'all') {
        vid = (d.cookie.match(/(?:^|; )gp_vid=([A-Za-z0-9]{16,32})(;|$)/) || [])[1] || rid();
        setCookie(vid, 31536000);
        cid = urlCid || sessionStorage.getItem('gp_cid');
        cid && sessionStorage.setItem('gp_cid', cid);
      } else {
        // "essential" stores nothing, and takes back what an earlier "all" stored.
        /gp_vid=/.test(d.cookie) && setCookie('', 0);
        sessionStorage.removeItem('gp_cid');
      }
    } catch (e) {}
    cid = cid || urlCid || undefined;
    consent == 'all' && decorateAll();
    held.splice(0).forEach(send);
  }

  // Links added later, or clicked before the ids were known, are decorated on the way out.
  ['click', 'submit'].forEach(function (type) {
    d.addEventListener(type, function (e) {
      var el = e.target.closest && e.target.closest('[data-goalpost-checkout]');
      el && consent == 'all' && decorate(el);
    }, true);
  });
  d.addEventListener('DOMContentLoaded', function () {
    consent == 'all' && decorateAll();
  });

  w.goalpost = {
    consent: setConsent,
    optIn: function (o) {
      track('opt_in', o && o.formId);
    },
    // The ids for a checkout built in code (Stripe metadata gp_vid / gp_cid); {} without consent "all".
    checkout: function (o) {
      track('checkout_view', null, o && o.productId);
      return consent == 'all' ? {visitorId: vid, clickId: cid} : {};
    }
  };
  track('page_view');
  script.getAttribute('data-consent') && setConsent(script.getAttribute('data-consent'));
})(window, document);
