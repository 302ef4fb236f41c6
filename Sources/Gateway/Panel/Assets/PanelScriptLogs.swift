/// The error-log page: details in a dialog (with the row's full key on request), delete one,
/// the selected or all rows.
enum PanelScriptLogs {
    static let text = #"""
    function showErrorDetails(id) {
      var body = detailsDialog(t('errorDetails') + ' #' + id);
      api('GET', '/api/logs/errors/' + encodeURIComponent(id)).then(function (result) {
        clear(body);
        if (!result.ok) { body.appendChild(el('p', { 'class': 'notice error', text: errorText(result) })); return; }
        var log = result.json;
        var keyCode = el('code', { translate: 'no', text: log.key });
        var showKey = el('button', { type: 'button', 'class': 'button small', text: t('show') });
        showKey.addEventListener('click', function () {
          api('POST', '/api/logs/errors/' + encodeURIComponent(id) + '/key', {}).then(function (reveal) {
            if (!reveal.ok) { flash(errorText(reveal), true); return; }
            keyCode.textContent = reveal.json.key;
            showKey.hidden = true;
          });
        });
        body.appendChild(table([t('key'), t('errorType'), t('statusCode'), t('model'), t('time')],
          [[el('span', null, [keyCode, ' ', showKey]), log.type, log.code, log.model, log.time]]));
        body.appendChild(el('h3', { text: t('errorBody') }));
        body.appendChild(el('pre', { translate: 'no', text: log.errorLog || '—' }));
        body.appendChild(el('h3', { text: t('requestBody') }));
        body.appendChild(log.requestBody ? el('pre', { translate: 'no', text: log.requestBody })
          : el('p', { 'class': 'muted', text: t('requestBodyNotRecorded') }));
      });
    }

    function deleteLogs(ids) {
      return api('POST', '/api/logs/errors/delete', { ids: ids.map(Number) }).then(function (result) {
        if (!result.ok) { flash(errorText(result), true); return; }
        reloadWith(result.json.message);
      });
    }

    function startErrorLogs() {
      document.addEventListener('click', function (event) {
        var button = event.target.closest('button');
        if (!button) { return; }
        var action = button.getAttribute('data-log-action');
        var batch = button.getAttribute('data-log-batch');
        if (action) {
          var id = button.closest('[data-log-id]').getAttribute('data-log-id');
          if (action === 'details') { showErrorDetails(id); }
          if (action === 'delete' && window.confirm(t('confirmDeleteLogs', 1))) { deleteLogs([id]); }
        }
        if (batch === 'delete') {
          var ids = selectedIn(button.closest('section') || document);
          if (ids.length === 0) { flash(t('noRowsSelected'), true); return; }
          if (window.confirm(t('confirmDeleteLogs', ids.length))) { deleteLogs(ids); }
        }
        if (batch === 'delete-all' && window.confirm(t('confirmDeleteAllLogs'))) {
          api('POST', '/api/logs/errors/delete-all', { confirm: true }).then(function (result) {
            if (!result.ok) { flash(errorText(result), true); return; }
            reloadWith(result.json.message);
          });
        }
      });
    }

    """#
}
