/// The settings page: tracks changed fields, reveals one secret on request, generates tokens with
/// `crypto.getRandomValues`, previews pasted keys, edits key weights, saves and resets.
enum PanelScriptSettings {
    static let text = #"""
    var TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

    /// `sk-` and 40 characters from the browser's cryptographic generator (rejection sampling,
    /// so every character is equally likely).
    function randomToken() {
      var out = 'sk-';
      var buffer = new Uint8Array(1);
      while (out.length < 43) {
        window.crypto.getRandomValues(buffer);
        if (buffer[0] < 248) { out += TOKEN_ALPHABET[buffer[0] % 62]; }
      }
      return out;
    }

    var weightState = { page: 1, pages: 1, pending: {} };

    function markDirty(setting) { setting.setAttribute('data-dirty', '1'); }

    function fieldOf(setting) { return setting.querySelector('[data-field]'); }

    function revealSetting(name, field) {
      return api('POST', '/api/config/reveal', { name: name }).then(function (result) {
        if (!result.ok) { flash(errorText(result), true); return false; }
        field.value = result.json.text || '';
        if (field.type === 'password') { field.type = 'text'; }
        field.setAttribute('data-revealed', '1');
        if (result.json.note) { flash(result.json.note, false); }
        return true;
      });
    }

    function previewPaste() {
      var text = document.getElementById('key-paste').value;
      var summary = document.getElementById('key-paste-summary');
      if (!text.trim()) { summary.textContent = ''; return; }
      var mode = document.querySelector('input[name="key-paste-mode"]:checked').value;
      api('POST', '/api/config/keys/preview', { text: text, mode: mode }).then(function (result) {
        summary.textContent = result.ok ? result.json.summary : errorText(result);
      });
    }

    function loadWeights() {
      var search = document.getElementById('weights-search').value;
      api('GET', '/api/keys?size=20&page=' + weightState.page + '&q=' + encodeURIComponent(search)).then(function (result) {
        if (!result.ok) { flash(errorText(result), true); return; }
        weightState.pages = result.json.pages;
        var body = document.querySelector('#weights-table tbody');
        clear(body);
        result.json.items.forEach(function (item) {
          var input = el('input', { type: 'number', min: '0', max: '1000', step: '1', 'aria-label': t('weight') });
          input.value = String(weightState.pending[item.id] !== undefined ? weightState.pending[item.id] : item.weight);
          input.addEventListener('input', function () { weightState.pending[item.id] = Number(input.value); });
          body.appendChild(el('tr', null, [
            el('td', { 'data-label': t('key') }, [el('code', { translate: 'no', text: item.masked })]),
            el('td', { 'data-label': t('weight') }, [input])]));
        });
        document.getElementById('weights-page').textContent = t('pageOf', weightState.page, weightState.pages);
      });
    }

    function showProblems(problems) {
      document.querySelectorAll('.setting.invalid').forEach(function (setting) {
        setting.classList.remove('invalid');
        var message = setting.querySelector('.field-error');
        message.hidden = true;
        message.textContent = '';
      });
      var first = null;
      problems.forEach(function (problem) {
        var setting = document.querySelector('.setting[data-setting="' + CSS.escape(problem.setting) + '"]');
        if (!setting) { return; }
        setting.classList.add('invalid');
        var message = setting.querySelector('.field-error');
        message.textContent = problem.message;
        message.hidden = false;
        if (!first) { first = setting; }
      });
      if (first) { first.scrollIntoView({ block: 'center' }); }
    }

    function collectSettings() {
      var values = {};
      document.querySelectorAll('.setting[data-dirty]').forEach(function (setting) {
        var name = setting.getAttribute('data-setting');
        var field = fieldOf(setting);
        if (!field) { return; }
        var value = field.type === 'checkbox' ? String(field.checked) : field.value;
        // An untouched secret stays as it is: an empty box means "unchanged" unless it was shown.
        if (setting.hasAttribute('data-secret') && value === '' && !field.hasAttribute('data-revealed')) { return; }
        values[name] = value;
      });
      var body = { values: values };
      var paste = document.getElementById('key-paste');
      if (paste && paste.value.trim()) {
        body.keyPaste = { text: paste.value, mode: document.querySelector('input[name="key-paste-mode"]:checked').value };
      }
      if (Object.keys(weightState.pending).length > 0) { body.weights = weightState.pending; }
      return body;
    }

    function saveSettings(body) {
      var button = document.getElementById('save-settings');
      button.disabled = true;
      api('PUT', '/api/config', body).then(function (result) {
        button.disabled = false;
        if (result.ok) {
          showProblems([]);
          if (result.json.relogin) {
            flash(result.json.message, false);
            setTimeout(function () { window.location.href = '/'; }, 2500);
          } else {
            reloadWith(result.json.message);
          }
          return;
        }
        if (result.json.confirmEmptyKeys && window.confirm(t('confirmRemoveAllKeys'))) {
          body.confirmEmptyKeys = true;
          saveSettings(body);
          return;
        }
        showProblems(result.json.problems || []);
        flash(errorText(result), true);
      });
    }

    function startSettings() {
      document.querySelectorAll('.setting [data-field]').forEach(function (field) {
        var setting = field.closest('.setting');
        field.addEventListener('input', function () { markDirty(setting); });
        field.addEventListener('change', function () { markDirty(setting); });
      });
      document.querySelectorAll('[data-reveal-setting]').forEach(function (button) {
        button.addEventListener('click', function () {
          revealSetting(button.getAttribute('data-reveal-setting'), document.getElementById(button.getAttribute('data-target')));
        });
      });
      document.querySelectorAll('[data-generate]').forEach(function (button) {
        button.addEventListener('click', function () {
          var field = document.getElementById(button.getAttribute('data-target'));
          var setting = field.closest('.setting');
          if (button.getAttribute('data-generate') === 'token') {
            field.value = randomToken();
            field.type = 'text';
            markDirty(setting);
            return;
          }
          // A new client token joins the list, so the current list is shown first.
          var ready = field.hasAttribute('data-revealed') || setting.hasAttribute('data-dirty')
            ? Promise.resolve(true) : revealSetting(setting.getAttribute('data-setting'), field);
          ready.then(function (ok) {
            if (!ok) { return; }
            field.value = (field.value.trim() ? field.value.trim() + '\n' : '') + randomToken();
            markDirty(setting);
          });
        });
      });
      var paste = document.getElementById('key-paste');
      if (paste) {
        var timer = null;
        var schedule = function () { clearTimeout(timer); timer = setTimeout(previewPaste, 250); };
        paste.addEventListener('input', schedule);
        document.querySelectorAll('input[name="key-paste-mode"]').forEach(function (radio) { radio.addEventListener('change', schedule); });
      }
      if (document.getElementById('weights-table')) {
        document.getElementById('weights-load').addEventListener('click', function () { weightState.page = 1; loadWeights(); });
        document.getElementById('weights-search').addEventListener('keydown', function (event) {
          if (event.key === 'Enter') { event.preventDefault(); weightState.page = 1; loadWeights(); }
        });
        document.getElementById('weights-prev').addEventListener('click', function () {
          if (weightState.page > 1) { weightState.page -= 1; loadWeights(); }
        });
        document.getElementById('weights-next').addEventListener('click', function () {
          if (weightState.page < weightState.pages) { weightState.page += 1; loadWeights(); }
        });
        loadWeights();
      }
      document.getElementById('save-settings').addEventListener('click', function () { saveSettings(collectSettings()); });
      document.getElementById('reset-settings').addEventListener('click', function () {
        if (!window.confirm(t('confirmReset'))) { return; }
        api('POST', '/api/config/reset', { confirm: true }).then(function (result) {
          if (!result.ok) { showProblems(result.json.problems || []); flash(errorText(result), true); return; }
          if (result.json.relogin) { flash(result.json.message, false); setTimeout(function () { window.location.href = '/'; }, 2500); return; }
          reloadWith(result.json.message);
        });
      });
      document.getElementById('settings-form').addEventListener('submit', function (event) { event.preventDefault(); });
    }

    """#
}
