/// The monitor page: per-key actions, batch actions, verification progress, key details and
/// the call-detail tables behind the count tiles.
enum PanelScriptMonitor {
    static let text = #"""
    function keyAction(action, ids, extra) {
      var body = Object.assign({ action: action, ids: ids }, extra || {});
      return api('POST', '/api/keys/actions', body).then(function (result) {
        if (result.status === 409 && action === 'delete') {
          if (window.confirm(errorText(result))) { return keyAction(action, ids, Object.assign({}, extra, { confirmLast: true })); }
          return null;
        }
        if (!result.ok) { flash(errorText(result), true); return null; }
        return result.json;
      });
    }

    function selectorAction(action, selector) {
      var body = Object.assign({ action: action }, selector);
      return api('POST', '/api/keys/actions', body).then(function (result) {
        if (result.status === 409 && action === 'delete') {
          if (window.confirm(errorText(result))) { return selectorAction(action, Object.assign({}, selector, { confirmLast: true })); }
          return;
        }
        if (!result.ok) { flash(errorText(result), true); return; }
        reloadWith(result.json.message || t('done'));
      });
    }

    function revealKeys(ids) {
      return api('POST', '/api/keys/reveal', { ids: ids }).then(function (result) {
        if (!result.ok) { flash(errorText(result), true); return null; }
        return result.json.keys || {};
      });
    }

    function onKeyAction(button) {
      var row = button.closest('[data-key-id]');
      var id = row.getAttribute('data-key-id');
      var action = button.getAttribute('data-key-action');
      if (action === 'reveal') {
        var code = row.querySelector('code.masked');
        if (code.getAttribute('data-masked')) {
          code.textContent = code.getAttribute('data-masked');
          code.removeAttribute('data-masked');
          button.textContent = t('show');
          return;
        }
        revealKeys([id]).then(function (keys) {
          if (keys && keys[id]) { code.setAttribute('data-masked', code.textContent); code.textContent = keys[id]; button.textContent = t('hide'); }
        });
        return;
      }
      if (action === 'copy') {
        revealKeys([id]).then(function (keys) { if (keys && keys[id]) { copyText(keys[id]); } });
        return;
      }
      if (action === 'details') { showKeyDetails(id); return; }
      if (action === 'verify') {
        button.disabled = true;
        button.textContent = t('verifying');
        api('POST', '/api/keys/actions', { action: 'verify', ids: [id] }).then(function (result) {
          if (!result.ok) { button.disabled = false; button.textContent = t('verify'); flash(errorText(result), true); return; }
          reloadWith(result.json.message);
        });
        return;
      }
      if (action === 'delete' && !window.confirm(t('confirmDeleteKey'))) { return; }
      keyAction(action, [id]).then(function (json) { if (json) { reloadWith(json.message); } });
    }

    function onBatch(button) {
      var bar = button.closest('.batchbar');
      var scope = bar.closest('section') || document;
      var ids = selectedIn(scope);
      var action = button.getAttribute('data-batch');
      if (ids.length === 0) { flash(t('noKeysSelected'), true); return; }
      if (action === 'verify') { startVerification({ ids: ids }); return; }
      if (action === 'copy') {
        revealKeys(ids).then(function (keys) {
          if (keys) { copyText(ids.map(function (id) { return keys[id]; }).filter(Boolean).join('\n')); }
        });
        return;
      }
      if (action === 'delete' && !window.confirm(t('confirmDeleteKeys', ids.length))) { return; }
      if (action === 'disable' && !window.confirm(t('confirmDisableKeys', ids.length))) { return; }
      keyAction(action, ids).then(function (json) { if (json) { reloadWith(json.message); } });
    }

    function onCodeAction(button) {
      var code = Number(button.getAttribute('data-error-code'));
      var action = button.getAttribute('data-code-action');
      if (action === 'verify') { startVerification({ errorCode: code }); return; }
      if ((action === 'delete' || action === 'disable') && !window.confirm(t('confirmAllWithCode', code))) { return; }
      selectorAction(action, { errorCode: code });
    }

    function groupTitle(group) {
      if (group === 'valid') { return t('groupValid'); }
      if (group === 'rateLimited') { return t('groupRateLimited'); }
      if (group === 'inconclusive') { return t('groupInconclusive'); }
      return t('groupInvalid', group.replace('invalid-', ''));
    }

    function startVerification(selector) {
      api('POST', '/api/keys/verify', selector).then(function (result) {
        if (!result.ok) { flash(errorText(result), true); return; }
        var dialog = openDialog('verify-dialog');
        dialog.addEventListener('close', function () { window.location.reload(); }, { once: true });
        pollVerification(result.json.job);
      });
    }

    function pollVerification(job) {
      api('GET', '/api/keys/verify/' + encodeURIComponent(job)).then(function (result) {
        if (!result.ok) { flash(errorText(result), true); return; }
        var report = result.json;
        var bar = document.getElementById('verify-progress');
        bar.max = Math.max(1, report.total);
        bar.value = report.done;
        document.getElementById('verify-status').textContent = report.finished
          ? t('verificationFinished', report.total) : t('verificationRunning', report.done, report.total);
        var box = document.getElementById('verify-results');
        clear(box);
        (report.groups || []).forEach(function (group) {
          var ids = group.keys.map(function (key) { return key.id; });
          var copy = el('button', { type: 'button', 'class': 'button small', text: t('copyTheseKeys') });
          copy.addEventListener('click', function () {
            revealKeys(ids).then(function (keys) {
              if (keys) { copyText(ids.map(function (id) { return keys[id]; }).filter(Boolean).join('\n')); }
            });
          });
          var list = el('ul', null, group.keys.map(function (key) {
            return el('li', null, [el('code', { translate: 'no', text: key.masked }),
              key.message ? el('span', { 'class': 'muted', translate: 'no', text: ' ' + key.message }) : null]);
          }));
          box.appendChild(el('div', { 'class': 'result-group' }, [
            el('h3', { text: groupTitle(group.group) + ' (' + group.keys.length + ')' }), copy, list]));
        });
        if (!report.finished) { setTimeout(function () { pollVerification(job); }, 700); }
      });
    }

    function showKeyDetails(id) {
      var body = detailsDialog(t('keyDetails'));
      api('GET', '/api/keys/' + encodeURIComponent(id) + '/details').then(function (result) {
        clear(body);
        if (!result.ok) { body.appendChild(el('p', { 'class': 'notice error', text: errorText(result) })); return; }
        var details = result.json;
        document.getElementById('details-title').textContent = t('keyDetails') + ' · ' + details.masked;
        body.appendChild(el('h3', { text: t('callsPerModel') }));
        body.appendChild(details.models.length === 0 ? el('p', { 'class': 'muted', text: t('noCallsInPeriod') })
          : table([t('model'), t('successes'), t('failures')], details.models.map(function (m) {
            return [m.model, m.success, m.failure];
          })));
        body.appendChild(el('h3', { text: t('recentErrors') }));
        body.appendChild(details.errors.length === 0 ? el('p', { 'class': 'muted', text: t('noErrors') })
          : table([t('time'), t('statusCode'), t('errorType'), t('model')], details.errors.map(function (e) {
            return [e.time, e.code, e.type, e.model];
          })));
        body.appendChild(el('p', null, [el('a', { href: '/logs?key_id=' + encodeURIComponent(id), text: t('openErrorLog') })]));
      });
    }

    function showCallDetails(period, title, page) {
      var body = detailsDialog(title);
      api('GET', '/api/stats/details?period=' + encodeURIComponent(period) + '&page=' + page).then(function (result) {
        clear(body);
        if (!result.ok) { body.appendChild(el('p', { 'class': 'notice error', text: errorText(result) })); return; }
        var data = result.json;
        if (data.rows.length === 0) { body.appendChild(el('p', { 'class': 'muted', text: t('noCallsInPeriod') })); return; }
        body.appendChild(table([t('time'), t('key'), t('model'), t('statusCode'), t('latency'), t('outcome')],
          data.rows.map(function (row) {
            return [row.time, row.key, row.model, row.status, row.latencyMs === null ? null : t('milliseconds', row.latencyMs),
              row.success ? t('success') : t('failure')];
          })));
        var pager = el('div', { 'class': 'inline' });
        if (data.page > 1) {
          var previous = el('button', { type: 'button', 'class': 'button small', text: t('previousPage') });
          previous.addEventListener('click', function () { showCallDetails(period, title, data.page - 1); });
          pager.appendChild(previous);
        }
        pager.appendChild(el('span', { 'class': 'muted', text: t('pageOf', data.page, data.pages) + ' · ' + t('rowsTotal', data.total) }));
        if (data.page < data.pages) {
          var next = el('button', { type: 'button', 'class': 'button small', text: t('nextPage') });
          next.addEventListener('click', function () { showCallDetails(period, title, data.page + 1); });
          pager.appendChild(next);
        }
        body.appendChild(pager);
      });
    }

    function startMonitor() {
      document.addEventListener('click', function (event) {
        var target = event.target.closest('button');
        if (!target) { return; }
        if (target.hasAttribute('data-key-action')) { onKeyAction(target); }
        else if (target.hasAttribute('data-batch')) { onBatch(target); }
        else if (target.hasAttribute('data-code-action')) { onCodeAction(target); }
        else if (target.getAttribute('data-filter-action') === 'verify') {
          if (window.confirm(t('confirmVerifyMatching'))) { startVerification({ filter: target.getAttribute('data-filter') }); }
        }
        else if (target.hasAttribute('data-period')) { showCallDetails(target.getAttribute('data-period'), target.getAttribute('data-title'), 1); }
      });
    }

    """#
}
