// Lotse public pages: progressive enhancement for the office finder and the booking flow.
// The pages are complete without this file. With it, forms are sent with fetch and the new page
// replaces the old one in place (no full reload, no flash, the button cannot be pressed twice), and a
// choice of topic or language fetches the next page ahead;
// the server answers exactly the same HTML either way, so the result is never different.
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.history || !window.URLSearchParams) return;
  document.documentElement.setAttribute('data-enhanced', 'true');
  var busy = false;
  // Answers fetched ahead for GET forms (choosing a topic or a language prefetches the next page).
  var ahead = {};

  function getUrl(form, submitter) {
    var action = new URL(form.getAttribute('action') || window.location.href, window.location.href);
    action.search = new URLSearchParams(new FormData(form, submitter || undefined)).toString();
    return action;
  }

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'radio' || !input.form) return;
    if ((input.form.getAttribute('method') || 'get').toUpperCase() !== 'GET') return;
    var url = getUrl(input.form).href;
    if (ahead[url]) return;
    ahead[url] = fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    ahead[url].catch(function () {}); // a failed prefetch is simply not used
  });

  function focusNewPage() {
    var target = document.querySelector('.error-summary') || document.querySelector('main h1') || document.querySelector('main');
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    window.scrollTo(0, 0);
    target.focus();
  }

  function swap(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    if (!doc.body || !doc.querySelector('main') || doc.documentElement.lang !== document.documentElement.lang) return false;
    document.title = doc.title;
    var oldAlternates = document.head.querySelectorAll('link[rel="alternate"]');
    for (var i = 0; i < oldAlternates.length; i++) oldAlternates[i].remove();
    var alternates = doc.head.querySelectorAll('link[rel="alternate"]');
    for (var j = 0; j < alternates.length; j++) document.head.appendChild(document.importNode(alternates[j], true));
    document.body.replaceWith(document.importNode(doc.body, true));
    focusNewPage();
    return true;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    var action = new URL(form.getAttribute('action') || window.location.href, window.location.href);
    if (action.origin !== window.location.origin) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    var method = (form.getAttribute('method') || 'get').toUpperCase();
    var data = new URLSearchParams(new FormData(form, event.submitter || undefined));
    var init = { method: method, credentials: 'same-origin', headers: { accept: 'text/html' } };
    var url = action.href;
    var pending = null;
    if (method === 'GET') {
      action.search = data.toString();
      url = action.href;
      pending = ahead[url] || null;
      ahead = {};
    } else {
      init.body = data;
      init.headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    var main = document.querySelector('main');
    if (main) main.setAttribute('aria-busy', 'true');
    (pending || fetch(url, init))
      .then(function (res) {
        var type = res.headers.get('content-type') || '';
        if (type.indexOf('text/html') === -1) {
          window.location.href = res.url;
          return;
        }
        return res.text().then(function (html) {
          var next = new URL(res.url);
          if (!swap(html)) {
            window.location.href = res.url;
            return;
          }
          // A redirect or a GET has a URL of its own; a page answered to a POST keeps the current one.
          if (res.redirected || method === 'GET') window.history.pushState({ lotse: true }, '', next.pathname + next.search + (method === 'GET' ? action.hash : ''));
        });
      })
      .catch(function () {
        // Network trouble: fall back to the ordinary submit (the confirm form carries an idempotency key).
        form.submit();
      })
      .then(function () {
        busy = false;
        var current = document.querySelector('main');
        if (current) current.removeAttribute('aria-busy');
      });
  });

  window.addEventListener('popstate', function () {
    window.location.reload();
  });
})();
