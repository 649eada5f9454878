// Lotse's web door: answers in place. Without this script every form and
// link works as it is; with it, the answer region is replaced by the same
// region of the page the server sends, and the address follows. An open
// case with a counsellor is polled, so that a reply appears in place.
'use strict';
(function () {
  var section = document.getElementById('case');
  var thread = document.getElementById('case-thread');
  var url = section && section.getAttribute('data-poll');
  if (!url || !thread || !window.fetch || !window.DOMParser) {
    return;
  }
  var timer = window.setInterval(function () {
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('case-thread');
        if (!fresh) {
          return;
        }
        if (fresh.innerHTML !== thread.innerHTML) {
          thread.replaceChildren.apply(thread, Array.prototype.map.call(fresh.childNodes, function (node) {
            return document.importNode(node, true);
          }));
        }
        var freshSection = doc.getElementById('case');
        if (!freshSection || !freshSection.getAttribute('data-poll')) {
          // The case is closed: nothing more to write, nothing to wait for.
          var form = document.getElementById('write');
          if (form) {
            form.remove();
          }
          window.clearInterval(timer);
        }
      })
      .catch(function () {});
  }, 5000);
})();
(function () {
  var answer = document.getElementById('answer');
  if (!answer || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }

  function show(url, options, push) {
    answer.setAttribute('aria-busy', 'true');
    return fetch(url, options)
      .then(function (response) {
        return response.text().then(function (html) {
          return { url: response.url, html: html };
        });
      })
      .then(function (page) {
        var doc = new DOMParser().parseFromString(page.html, 'text/html');
        var fresh = doc.getElementById('answer');
        if (!fresh) {
          window.location.href = url;
          return;
        }
        answer.replaceChildren.apply(answer, Array.prototype.map.call(fresh.childNodes, function (node) {
          return document.importNode(node, true);
        }));
        document.title = doc.title;
        if (push) {
          window.history.pushState({ lotse: true }, '', page.url);
        }
        var heading = answer.querySelector('h1');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus();
        }
      })
      .catch(function () {
        window.location.href = url;
      })
      .then(function () {
        answer.removeAttribute('aria-busy');
      });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !(form.id === 'ask' || answer.contains(form)) ||
        form.classList.contains('case')) {
      return;
    }
    event.preventDefault();
    var params = new URLSearchParams(new FormData(form));
    if (form.method.toLowerCase() === 'post') {
      show(form.action, { method: 'POST', body: params }, false);
    } else {
      show(form.action + '?' + params.toString(), {}, true);
    }
  });

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || !answer.contains(link) || link.origin !== window.location.origin ||
        link.pathname !== '/' || link.hasAttribute('download') || event.ctrlKey || event.metaKey ||
        event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    show(link.href, {}, true);
  });

  window.addEventListener('popstate', function () {
    show(window.location.href, {}, false);
  });
})();
