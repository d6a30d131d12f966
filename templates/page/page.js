(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('rdprescue-data').textContent);
  var cultures = data.cultures.map(function (c) { return c.id; });
  var state = { culture: initialCulture(), symptom: '', eventId: '', copied: new Set() };
  var MAX_PASTE = 2048;

  function $(id) { return document.getElementById(id); }

  function initialCulture() {
    var saved = null;
    try { saved = window.localStorage.getItem('rdprescue.culture'); } catch (e) { /* file: without storage */ }
    if (saved && cultures.indexOf(saved) >= 0) return saved;
    var wanted = (navigator.languages || [navigator.language || '']).map(function (l) { return String(l).toLowerCase(); });
    for (var i = 0; i < wanted.length; i++) {
      for (var j = 0; j < cultures.length; j++) {
        var c = cultures[j].toLowerCase();
        if (wanted[i] === c || wanted[i].split('-')[0] === c.split('-')[0]) return cultures[j];
      }
    }
    return cultures[0];
  }

  /** A page label in the current culture, placeholders filled. Missing keys fail loudly. */
  function t(key, values) {
    var entry = data.labels[key];
    if (!entry || !entry[state.culture]) throw new Error('RdpRescue page: no label ' + key + ' for ' + state.culture);
    return entry[state.culture].replace(/\{(\w+)\}/g, function (whole, name) {
      if (!values || !(name in values)) throw new Error('RdpRescue page: label ' + key + ' needs {' + name + '}');
      return String(values[name]);
    });
  }

  /** Model text in the current culture. */
  function m(text) { return text[state.culture]; }

  function num(n) { return new Intl.NumberFormat(state.culture).format(n); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function allBlocks() {
    var list = data.diagnosis.slice();
    var seen = new Set(list.map(function (b) { return b.path; }));
    data.scenarios.forEach(function (s) {
      s.fixes.forEach(function (f) {
        f.blocks.forEach(function (b) { if (!seen.has(b.path)) { seen.add(b.path); list.push(b); } });
      });
    });
    return list;
  }

  // ---- copying ----

  function markCopied(block) {
    state.copied.add(block.path);
    document.querySelectorAll('.block').forEach(function (row) {
      if (row.getAttribute('data-path') === block.path) row.classList.add('copied');
    });
    $('announce').textContent = t('copiedAnnounce', { name: t('blockName', { block: block.block, of: block.of }), n: num(block.chars) });
    renderProgress();
  }

  function showFallback(block, button) {
    var box = $('fallback');
    var area = $('fallback-text');
    box.hidden = false;
    area.value = block.text;
    area.focus();
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    if (ok) markCopied(block);
    box.returnFocus = button;
  }

  function hideFallback() {
    var box = $('fallback');
    box.hidden = true;
    if (box.returnFocus) box.returnFocus.focus();
  }

  function copy(block, button) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(block.text).then(
        function () { markCopied(block); },
        function () { showFallback(block, button); }
      );
    } else {
      showFallback(block, button);
    }
  }

  // ---- rendering ----

  /** owner: what the block belongs to (a fix title or the diagnosis heading), for screen readers. */
  function blockRow(block, owner) {
    var name = t('blockName', { block: block.block, of: block.of });
    var tooLong = block.chars > MAX_PASTE;
    var label = t('copy', { block: block.block, of: block.of });
    var button = el('button', { type: 'button', className: 'copy', text: label, 'aria-label': label + ' \u2014 ' + owner });
    button.addEventListener('click', function () { copy(block, button); });
    var chars = el('span', {
      className: 'chars' + (tooLong ? ' too-long' : ''),
      text: t('chars', { n: num(block.chars) }) + (tooLong ? ' (' + t('tooLong') + ')' : '')
    });
    var row = el('li', { className: 'block' + (state.copied.has(block.path) ? ' copied' : ''), 'data-path': block.path }, [
      button,
      chars,
      el('span', { className: 'done', text: '\u2713 ' + t('copied') }),
      el('details', {}, [el('summary', { text: t('showText') + t('colon') + name }), el('pre', { text: block.text })])
    ]);
    return row;
  }

  function blockList(blocks, owner, id) {
    var list = el('ol', { className: 'blocks' });
    if (id) list.id = id;
    if (blocks.length === 0) list.appendChild(el('li', { className: 'muted', text: t('noBlocks') }));
    blocks.forEach(function (b) { list.appendChild(blockRow(b, owner)); });
    return list;
  }

  function fixItem(fix) {
    var heading = el('h4', { text: m(fix.title) });
    if (fix.optIn) heading.appendChild(el('span', { className: 'badge', text: t('optional') }));
    if (fix.reboot) heading.appendChild(el('span', { className: 'badge', text: t('reboot') }));
    var parts = [heading, el('p', { text: m(fix.description) })];
    if (fix.weakensSecurity) {
      parts.push(el('p', { className: 'warning', role: 'note' }, [
        el('strong', { text: t('warning') + t('colon') }),
        document.createTextNode(m(fix.weakensSecurity.warning) + ' '),
        el('strong', { text: t('restore') + t('colon') }),
        document.createTextNode(m(fix.weakensSecurity.restore))
      ]));
    }
    if (fix.command) {
      parts.push(el('p', {}, [document.createTextNode(t('module') + t('colon')), el('code', { text: fix.command })]));
    }
    if (fix.setFirst.length > 0) {
      var setLine = el('p', { className: 'set-first' }, [document.createTextNode(t('setFirst') + t('colon'))]);
      fix.setFirst.forEach(function (line) { setLine.appendChild(el('code', { text: line })); });
      parts.push(setLine);
    }
    if (fix.confirmFirst) {
      parts.push(el('p', { className: 'set-first' }, [
        document.createTextNode(t('confirmFirst') + t('colon')),
        el('code', { text: fix.confirmFirst })
      ]));
    }
    parts.push(blockList(fix.blocks, m(fix.title)));
    return el('li', { className: 'fix', 'data-fix': fix.id }, parts);
  }

  /** The event ID typed, accepting "36871" as well as "Event ID 36871"; null when none. */
  function typedEventId() {
    var found = /\d+/.exec(state.eventId);
    return found ? Number(found[0]) : null;
  }

  function matches(scenario) {
    if (state.symptom && scenario.symptoms.indexOf(state.symptom) < 0) return false;
    var id = typedEventId();
    if (id !== null) return scenario.events.some(function (e) { return e.id === id; });
    return true;
  }

  function scenarioCard(s) {
    var eventList = el('p', { className: 'events' }, [document.createTextNode(t('events') + t('colon'))]);
    s.events.forEach(function (e) {
      var hit = typedEventId() === e.id;
      eventList.appendChild(el('span', { className: 'event' + (hit ? ' hit' : ''), title: e.provider + ' \u2014 ' + e.channel, text: String(e.id) }));
    });
    var parts = [
      el('h3', {}, [document.createTextNode(m(s.title) + ' '), el('span', { className: 'id', text: s.id })]),
      el('p', { text: m(s.summary) }),
      eventList
    ];
    if (s.fixes.length > 0) {
      parts.push(el('h4', { text: t('fixesInOrder') }));
      parts.push(el('ol', { className: 'fixes' }, s.fixes.map(fixItem)));
    } else {
      parts.push(el('p', { text: t('noFixes') }));
    }
    if (s.manualSteps.length > 0) {
      parts.push(el('h4', { text: t('manualSteps') }));
      parts.push(el('ol', {}, s.manualSteps.map(function (step) { return el('li', { text: m(step) }); })));
    }
    parts.push(el('p', {}, [el('a', { href: m(s.runbook), text: t('runbook') })]));
    return el('article', { className: 'scenario', id: 'scenario-' + s.id, 'data-scenario': s.id }, parts);
  }

  function renderResults() {
    var status = $('match-status');
    var container = $('scenarios');
    container.textContent = '';
    if (state.eventId !== '' && typedEventId() === null) {
      status.textContent = t('notANumber');
      return;
    }
    var shown = data.scenarios.filter(matches);
    shown.forEach(function (s) { container.appendChild(scenarioCard(s)); });
    status.textContent = shown.length === 0 ? t('noMatch') : t('matches', { n: num(shown.length), total: num(data.scenarios.length) });
  }

  function renderProgress() {
    var total = allBlocks().length;
    $('progress').textContent = t('progress', { n: num(state.copied.size), total: num(total) });
    $('clear-marks').hidden = state.copied.size === 0;
  }

  function renderSymptoms() {
    var select = $('symptom');
    select.textContent = '';
    select.appendChild(el('option', { value: '', text: t('allSymptoms') }));
    data.symptoms.forEach(function (s) { select.appendChild(el('option', { value: s.id, text: m(s.text) })); });
    select.value = state.symptom;
  }

  function renderLanguages() {
    var select = $('lang');
    select.textContent = '';
    data.cultures.forEach(function (c) { select.appendChild(el('option', { value: c.id, lang: c.id, text: c.name })); });
    select.value = state.culture;
  }

  /** Azure-side checks: copied by selecting the command (no paste block, nothing to track). */
  function renderAzureSide() {
    $('azure-side-title').textContent = m(data.azureSide.title);
    $('azure-side-intro').textContent = m(data.azureSide.intro);
    var list = $('azure-side-checks');
    list.textContent = '';
    data.azureSide.checks.forEach(function (check) {
      list.appendChild(el('li', { 'data-check': check.id }, [
        el('strong', { text: m(check.title) }),
        el('pre', {}, [el('code', { text: check.command })]),
        el('p', { text: m(check.reading) })
      ]));
    });
  }

  function render() {
    document.documentElement.lang = state.culture;
    document.title = t('title');
    document.querySelectorAll('[data-label]').forEach(function (node) { node.textContent = t(node.getAttribute('data-label')); });
    $('event-id').placeholder = t('eventIdHint');
    renderLanguages();
    renderSymptoms();
    renderAzureSide();
    var diag = $('diagnose-blocks');
    diag.replaceWith(blockList(data.diagnosis, t('diagnose'), 'diagnose-blocks'));
    renderResults();
    renderProgress();
    var offline = $('offline-link');
    offline.textContent = t('offline');
    offline.href = m(data.offline.runbook);
    $('generated').textContent = t('generated', { version: data.version });
  }

  // ---- events ----

  $('lang').addEventListener('change', function (e) {
    state.culture = e.target.value;
    try { window.localStorage.setItem('rdprescue.culture', state.culture); } catch (err) { /* ignore */ }
    render();
    $('lang').focus();
  });
  $('symptom').addEventListener('change', function (e) { state.symptom = e.target.value; renderResults(); });
  $('event-id').addEventListener('input', function (e) { state.eventId = e.target.value.trim(); renderResults(); });
  $('finder').addEventListener('submit', function (e) { e.preventDefault(); $('results').focus(); });
  $('clear-marks').addEventListener('click', function () {
    state.copied.clear();
    document.querySelectorAll('.block.copied').forEach(function (row) { row.classList.remove('copied'); });
    renderProgress();
    $('symptom').focus();
  });
  $('fallback-close').addEventListener('click', hideFallback);
  $('fallback').addEventListener('keydown', function (e) { if (e.key === 'Escape') hideFallback(); });

  render();
})();
