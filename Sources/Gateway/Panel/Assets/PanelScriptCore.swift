/// Shared helpers: page data, strings, fetch with the CSRF token, flash messages, dialogs,
/// copying, selection checkboxes, and the start-up dispatch per page.
enum PanelScriptCore {
    static let text = #"""
    var DATA = JSON.parse(document.getElementById('panel-data').textContent || '{}');
    var STRINGS = DATA.strings || {};

    function t(name) {
      var text = STRINGS[name] || name;
      for (var i = 1; i < arguments.length; i++) { text = text.split('{' + (i - 1) + '}').join(String(arguments[i])); }
      return text;
    }

    function el(tag, attributes, children) {
      var node = document.createElement(tag);
      if (attributes) {
        Object.keys(attributes).forEach(function (name) {
          var value = attributes[name];
          if (value === null || value === undefined || value === false) { return; }
          if (name === 'text') { node.textContent = String(value); } else { node.setAttribute(name, value === true ? '' : String(value)); }
        });
      }
      (children || []).forEach(function (child) {
        if (child === null || child === undefined) { return; }
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      });
      return node;
    }

    function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

    function api(method, path, body) {
      var options = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
      if (method !== 'GET') { options.headers['X-CSRF-Token'] = DATA.csrf || ''; }
      if (body !== undefined) { options.headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(body); }
      return fetch(path, options).then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (response.status === 401) { window.location.href = '/'; }
          return { ok: response.ok, status: response.status, json: json || {} };
        });
      }, function () { return { ok: false, status: 0, json: {} }; });
    }

    function errorText(result) {
      return (result.json && result.json.error && result.json.error.message) || t('requestFailed');
    }

    function flash(message, isError) {
      var box = document.getElementById('flash');
      if (!box) { return; }
      box.textContent = message;
      box.classList.toggle('error', !!isError);
      box.hidden = false;
      box.scrollIntoView({ block: 'nearest' });
    }

    /// Reloads the page and shows the message once it is back.
    function reloadWith(message) {
      try { sessionStorage.setItem('gemgate-flash', message); } catch (e) {}
      window.location.reload();
    }

    function showStoredFlash() {
      try {
        var message = sessionStorage.getItem('gemgate-flash');
        if (message) { sessionStorage.removeItem('gemgate-flash'); flash(message, false); }
      } catch (e) {}
    }

    function openDialog(id) {
      var dialog = document.getElementById(id);
      if (dialog && !dialog.open) { dialog.showModal(); }
      return dialog;
    }

    function detailsDialog(title) {
      document.getElementById('details-title').textContent = title;
      var body = document.getElementById('details-body');
      clear(body);
      body.appendChild(el('p', { 'class': 'muted', text: t('loading') }));
      openDialog('details-dialog');
      return body;
    }

    function copyText(text) {
      function fallback() {
        var area = document.getElementById('copy-text');
        area.value = text;
        openDialog('copy-dialog');
        area.focus();
        area.select();
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { flash(t('copied'), false); }, fallback);
      } else {
        fallback();
      }
    }

    function table(headers, rows) {
      var head = el('thead', null, [el('tr', null, headers.map(function (h) { return el('th', { text: h }); }))]);
      var body = el('tbody', null, rows.map(function (cells) {
        return el('tr', null, cells.map(function (cell, index) {
          // Cells hold values (keys, models, times), which are not to be translated.
          var td = el('td', { 'data-label': headers[index], translate: 'no' });
          if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell === null || cell === undefined ? '—' : String(cell); }
          return td;
        }));
      }));
      return el('div', { 'class': 'table-wrap' }, [el('table', { 'class': 'list stack-on-phone' }, [head, body])]);
    }

    function selectedIn(scope) {
      return Array.prototype.map.call(scope.querySelectorAll('input.select:checked'), function (box) { return box.value; });
    }

    function wireSelections() {
      document.querySelectorAll('input.select-all').forEach(function (all) {
        all.addEventListener('change', function () {
          all.closest('table').querySelectorAll('input.select').forEach(function (box) { box.checked = all.checked; });
          updateCounts();
        });
      });
      document.querySelectorAll('input.select').forEach(function (box) { box.addEventListener('change', updateCounts); });
      updateCounts();
    }

    function updateCounts() {
      document.querySelectorAll('.batchbar').forEach(function (bar) {
        var scope = bar.closest('section') || document;
        var counter = bar.querySelector('.selected-count');
        if (counter) { counter.textContent = String(selectedIn(scope).length); }
      });
    }

    function wireCommon() {
      document.querySelectorAll('[data-close]').forEach(function (button) {
        button.addEventListener('click', function () { button.closest('dialog').close(); });
      });
      document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
        select.addEventListener('change', function () { if (select.form) { select.form.submit(); } });
      });
      wireSelections();
      showStoredFlash();
    }

    function start() {
      wireCommon();
      var page = document.body.getAttribute('data-page');
      if (page === 'monitor') { startMonitor(); }
      if (page === 'settings') { startSettings(); }
      if (page === 'errorLogs') { startErrorLogs(); }
    }

    """#
}
