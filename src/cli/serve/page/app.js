// openclaim's page for editors. Plain JavaScript, no dependencies.
//
// Article text is never parsed as HTML: the highlighted draft and the
// findings are built with createElement, textContent and text nodes only.
//
// The API reports byte offsets into the UTF-8 text; JavaScript strings are
// UTF-16, so every offset is converted (byteToIndex) before it is used.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const encoder = new TextEncoder();
  const byteLength = (s) => encoder.encode(s).length;
  // Lone surrogates cannot be sent as JSON the server accepts.
  const wellFormed = (s) => (typeof s.toWellFormed === 'function' ? s.toWellFormed() : s);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const MAX_FILE = 10 * 1024 * 1024;
  const HISTORY = 200;
  const LIST_PAGE = 200;

  const STATUS = {
    'open-source': 'open source',
    'open-weights': 'open weights: OSI-approved license, but data or code not fully released',
    'restricted-weights': 'weights under a license that is not OSI-approved',
    closed: 'closed: the weights are not released',
  };

  const state = {
    text: '', // the draft: as loaded, edited, or rewritten by accepted suggestions
    path: 'draft.md',
    answer: null, // the last /api/check answer, for the text as it was then
    groups: [], // one per claim term: {bs, be, s, e, rep, ids, severity, status, key}
    groupOf: [], // finding index -> group index
    history: [],
    selected: -1,
    dismissedKeys: new Set(), // survive "check again"
    shown: 0, // finding cards drawn so far (LIST_PAGE at a time)
    reviewing: false,
    busy: 0,
  };

  // ---- offsets ---------------------------------------------------------

  // Maps UTF-8 byte offsets of `text` to UTF-16 indices in one pass. An
  // offset inside a character or past the end maps to null.
  function byteToIndex(text, offsets) {
    const wanted = [...new Set(offsets)].sort((a, b) => a - b);
    const out = new Map();
    let bytes = 0;
    let i = 0;
    for (const off of wanted) {
      while (bytes < off && i < text.length) {
        const cp = text.codePointAt(i);
        bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        i += cp > 0xffff ? 2 : 1;
      }
      out.set(off, bytes === off ? i : null);
    }
    return out;
  }

  // ---- settings --------------------------------------------------------

  const radio = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;
  const settings = () => {
    const lang = radio('lang');
    return {
      lang: lang === 'nl' || lang === 'en' ? lang : null,
      definition: radio('definition') === 'license' ? 'license' : 'osaid',
      explain: $('explain').checked,
    };
  };

  // ---- API -------------------------------------------------------------

  async function api(endpoint, extra) {
    const body = JSON.stringify({ markdown: wellFormed(state.text), path: state.path, ...settings(), ...extra });
    let response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
    } catch (e) {
      throw new Error('The openclaim server cannot be reached. Is `openclaim serve` still running?');
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      throw new Error(`The server answered ${response.status} without a report.`);
    }
    if (!response.ok && !(data && Array.isArray(data.findings))) {
      throw new Error((data && data.error) || `The server answered ${response.status}.`);
    }
    return data;
  }

  function busy(on) {
    state.busy += on ? 1 : -1;
    document.body.classList.toggle('busy', state.busy > 0);
    document.querySelector('.side').setAttribute('aria-busy', String(state.busy > 0));
  }

  function showError(message) {
    const el = $('error');
    el.textContent = message || '';
    el.hidden = !message;
  }

  // ---- loading an answer ----------------------------------------------

  const keyOf = (text, g, findings) =>
    [text.slice(g.s ?? 0, g.e ?? 0), ...g.ids.map((i) => findings[i].model.id), findings[g.ids[0]].sentence].join('\u0000');

  function load(answer) {
    const text = state.text;
    const findings = answer.findings || [];
    const offsets = [];
    for (const f of findings) offsets.push(f.start, f.end);
    for (const e of answer.edits || []) offsets.push(e.start, e.end);
    const at = byteToIndex(text, offsets);

    const byStart = new Map();
    const groups = [];
    findings.forEach((f, i) => {
      let g = byStart.get(f.start);
      if (!g) {
        g = { bs: f.start, be: f.end, rep: null, ids: [], severity: 'note', status: 'open' };
        byStart.set(f.start, g);
        groups.push(g);
      }
      g.ids.push(i);
      g.be = Math.max(g.be, f.end);
      if (f.severity === 'warning') g.severity = 'warning';
    });
    for (const e of answer.edits || []) {
      const g = byStart.get(e.start);
      if (g && e.end >= g.be) {
        g.be = e.end;
        g.rep = e.replacement;
      }
    }
    groups.sort((a, b) => a.bs - b.bs);
    let lastEnd = -1;
    for (const g of groups) {
      g.s = at.get(g.bs) ?? null;
      g.e = at.get(g.be) ?? null;
      // Overlapping or unplaceable spans are listed but not highlighted.
      if (g.s === null || g.e === null || g.bs < lastEnd) {
        g.s = null;
        g.e = null;
        g.rep = null;
      } else {
        lastEnd = g.be;
      }
      g.key = keyOf(text, g, findings);
      if (state.dismissedKeys.has(g.key)) g.status = 'dismissed';
    }
    state.answer = answer;
    state.groups = groups;
    state.groupOf = [];
    groups.forEach((g, gi) => g.ids.forEach((i) => (state.groupOf[i] = gi)));
    state.history = [];
    state.selected = -1;
    state.shown = LIST_PAGE;
    showError(answer.error ? `This draft cannot be checked: ${answer.error}` : '');
    $('notice').textContent = answer.notice || '';
    $('notice').hidden = !answer.notice;
  }

  async function check() {
    if (state.busy) return;
    busy(true);
    $('summary').textContent = 'Checking…';
    try {
      const answer = await api('/api/check', {});
      load(answer);
      setReviewing(true);
      // A draft that could not be checked has nothing to download.
      $('downloads').hidden = Boolean(answer.error);
      render();
      $('findings-heading').focus({ preventScroll: true });
    } catch (e) {
      showError(e.message);
      $('summary').textContent = 'Not checked.';
    } finally {
      busy(false);
    }
  }

  // ---- editing ---------------------------------------------------------

  function snapshot() {
    state.history.push({
      text: state.text,
      groups: state.groups.map((g) => ({ ...g })),
      dismissedKeys: new Set(state.dismissedKeys),
    });
    if (state.history.length > HISTORY) state.history.shift();
  }

  function undo() {
    const last = state.history.pop();
    if (!last) return;
    state.text = last.text;
    state.groups = last.groups;
    state.dismissedKeys = last.dismissedKeys;
    render();
  }

  // Rewrites the span of group `gi` with its suggestion and moves every
  // later span by the change in length (in UTF-16 units and in bytes).
  function accept(gi) {
    const g = state.groups[gi];
    if (!g || g.status !== 'open' || g.rep === null || g.s === null) return false;
    const oldBe = g.be;
    const d16 = g.rep.length - (g.e - g.s);
    const d8 = byteLength(g.rep) - (g.be - g.bs);
    state.text = state.text.slice(0, g.s) + g.rep + state.text.slice(g.e);
    g.e += d16;
    g.be += d8;
    g.status = 'accepted';
    for (const h of state.groups) {
      if (h !== g && h.bs >= oldBe) {
        h.bs += d8;
        h.be += d8;
        if (h.s !== null) {
          h.s += d16;
          h.e += d16;
        }
      }
    }
    return true;
  }

  function acceptOne(gi) {
    const g = state.groups[gi];
    if (!g || g.status !== 'open' || g.rep === null || g.s === null) return;
    snapshot();
    accept(gi);
    render();
  }

  function acceptAll() {
    const open = state.groups.filter((g) => g.status === 'open' && g.rep !== null && g.s !== null);
    if (!open.length) return;
    snapshot();
    // One pass over the draft, however many suggestions: each group moves by
    // what the accepted ones before it changed.
    const text = state.text;
    const parts = [];
    let pos = 0;
    let d8 = 0;
    let d16 = 0;
    for (const g of state.groups) {
      g.bs += d8;
      g.be += d8;
      if (g.s !== null) {
        g.s += d16;
        g.e += d16;
      }
      if (g.status !== 'open' || g.rep === null || g.s === null) continue;
      parts.push(text.slice(pos, g.s - d16), g.rep);
      pos = g.e - d16;
      const c16 = g.rep.length - (g.e - g.s);
      const c8 = byteLength(g.rep) - (g.be - g.bs);
      g.e += c16;
      g.be += c8;
      g.status = 'accepted';
      d16 += c16;
      d8 += c8;
    }
    parts.push(text.slice(pos));
    state.text = parts.join('');
    render();
  }

  function dismiss(gi) {
    const g = state.groups[gi];
    if (!g || g.status !== 'open') return;
    snapshot();
    g.status = 'dismissed';
    state.dismissedKeys.add(g.key);
    render();
  }

  function reopen(gi) {
    const g = state.groups[gi];
    if (!g || g.status !== 'dismissed') return;
    snapshot();
    g.status = 'open';
    state.dismissedKeys.delete(g.key);
    render();
  }

  // ---- rendering -------------------------------------------------------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }

  function render() {
    renderDraft();
    renderFindings();
    renderSummary();
    $('undo').disabled = state.history.length === 0;
    $('accept-all').disabled = !state.groups.some((g) => g.status === 'open' && g.rep !== null && g.s !== null);
    if (state.selected >= 0) select(state.selected, null);
  }

  function renderDraft() {
    const text = state.text;
    const frag = document.createDocumentFragment();
    let pos = 0;
    state.groups.forEach((g, gi) => {
      if (g.s === null) return;
      if (g.s > pos) frag.append(document.createTextNode(text.slice(pos, g.s)));
      const accepted = g.status === 'accepted';
      const node = el(accepted ? 'ins' : 'mark', {
        class: `claim ${accepted ? 'accepted' : g.severity}${g.status === 'dismissed' ? ' dismissed' : ''}`,
        'data-group': String(gi),
        'data-findings': g.ids.join(' '),
        'data-severity': g.severity,
        title: accepted ? 'Accepted suggestion' : `${g.severity}: ${state.answer.findings[g.ids[0]].model.canonical}`,
      });
      node.textContent = text.slice(g.s, g.e);
      frag.append(node);
      pos = g.e;
    });
    frag.append(document.createTextNode(text.slice(pos)));
    $('draft').replaceChildren(frag);
  }

  function safeLink(url, label) {
    try {
      const u = new URL(url);
      if (u.protocol === 'https:' || u.protocol === 'http:') {
        return el('a', { href: u.href, target: '_blank', rel: 'noopener noreferrer', text: label });
      }
    } catch (e) {
      /* not a URL: shown as text */
    }
    return el('span', { text: url });
  }

  function licenseText(l) {
    let s = l.name;
    if (l.spdx) s += ` (${l.spdx})`;
    if (l.osi_approved === true) s += ', OSI-approved';
    else if (l.osi_approved === false) s += ', not OSI-approved';
    return s;
  }

  function renderFindings() {
    const findings = state.answer ? state.answer.findings : [];
    const list = $('findings');
    // Cards are drawn a page at a time: a draft with tens of thousands of
    // findings stays responsive, and the rest are one click away.
    const items = findings.slice(0, state.shown).map((f, i) => {
      const gi = state.groupOf[i];
      const g = state.groups[gi];
      const status = g.status;
      const head = el(
        'div',
        { class: 'head' },
        el('span', { class: `badge ${f.severity}`, text: f.severity === 'warning' ? 'Warning' : 'Note' }),
        ' ',
        el('q', { class: 'term', text: f.term }),
        ' about ',
        el('strong', { text: f.model.canonical }),
        el('span', { class: 'where', title: `line ${f.line}, column ${f.column}`, text: `${f.line}:${f.column}` }),
      );
      const licence = el('p', { class: 'licence', text: licenseText(f.license) });
      const facts = el(
        'details',
        { class: 'facts' },
        el('summary', { text: 'Why, and the source' }),
        el(
          'dl',
          {},
        el('dt', { text: 'Status' }),
        el(
          'dd',
          {},
          STATUS[f.status] || f.status,
          ' · ',
          safeLink(f.source, 'source'),
          ` (fact checked at the source on ${f.as_of}${
            f.facts_date ? `; judged by the facts in force on ${f.facts_date}, the article's date` : ''
          })`,
        ),
        f.attributed_to || f.voice === 'attributed' ? el('dt', { text: 'Voice' }) : null,
        f.attributed_to || f.voice === 'attributed'
          ? el('dd', { text: f.attributed_to ? `attributed to ${f.attributed_to}` : 'attributed to a source' })
          : null,
        el('dt', { text: 'Why' }),
        el('dd', { class: 'reason', text: f.correction }),
        f.reasons && f.reasons.length ? el('dt', { text: 'How it was read' }) : null,
        f.reasons && f.reasons.length ? el('dd', { text: f.reasons.join(' ') }) : null,
        ),
      );
      let suggestion;
      if (status === 'accepted') {
        suggestion = el('p', { class: 'state accepted', text: `Accepted: now reads “${g.rep}”.` });
      } else if (g.rep !== null && g.s !== null) {
        suggestion = el(
          'p',
          { class: 'suggestion' },
          'Suggested wording: ',
          el('del', { text: state.text.slice(g.s, g.e) }),
          ' → ',
          el('ins', { class: 'replacement', text: g.rep }),
        );
      } else {
        suggestion = el('p', {
          class: 'suggestion',
          text: f.replacement
            ? `Suggested wording: “${f.replacement}” (rewrite by hand; the sentence needs more than a swap).`
            : /^In (a|een) /.test(f.correction)
              ? 'A quotation: keep the words, add the facts.'
              : 'No safe swap: rewrite by hand (see Why).',
        });
      }
      const actions = el('div', { class: 'actions' });
      if (status === 'open') {
        if (g.rep !== null && g.s !== null) {
          actions.append(
            el('button', { type: 'button', class: 'accept primary', 'data-action': 'accept', text: 'Accept' }),
          );
        }
        actions.append(el('button', { type: 'button', class: 'dismiss', 'data-action': 'dismiss', text: 'Dismiss' }));
      } else if (status === 'dismissed') {
        actions.append(
          el('span', { class: 'state', text: 'Dismissed. ' }),
          el('button', { type: 'button', 'data-action': 'reopen', text: 'Reopen' }),
        );
      }
      // The details fold out below the buttons, on the same row while closed.
      actions.append(facts);
      return el(
        'li',
        {
          class: `finding ${f.severity} ${status}`,
          tabindex: '0',
          'data-finding': String(i),
          'data-group': String(gi),
          'aria-label': `${f.severity}: “${f.term}” about ${f.model.canonical}, line ${f.line}${status === 'open' ? '' : `, ${status}`}`,
        },
        head,
        licence,
        suggestion,
        actions,
      );
    });
    if (findings.length > state.shown) {
      items.push(
        el(
          'li',
          { class: 'more' },
          `Showing ${state.shown} of ${findings.length} findings. `,
          el('button', { type: 'button', 'data-action': 'more', text: `Show ${Math.min(LIST_PAGE, findings.length - state.shown)} more` }),
        ),
      );
    }
    list.replaceChildren(...items);

    const dismissed = (state.answer && state.answer.dismissed) || null;
    $('explained').hidden = !dismissed;
    if (dismissed) {
      $('dismissed').replaceChildren(
        ...dismissed.map((d) =>
          el(
            'li',
            {},
            el('span', { class: 'where', text: `${d.line}:${d.column} ` }),
            el('q', { text: d.term }),
            d.model ? ` (${d.model})` : '',
            `: ${d.reason}`,
          ),
        ),
      );
      if (!dismissed.length) $('dismissed').append(el('li', { text: 'No other claim terms in this draft.' }));
    }
  }

  function renderSummary() {
    const summary = $('summary');
    if (!state.answer) return;
    const findings = state.answer.findings;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const notes = findings.length - warnings;
    const accepted = state.groups.filter((g) => g.status === 'accepted').length;
    const dismissed = state.groups.filter((g) => g.status === 'dismissed').length;
    const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    let text = findings.length
      ? `${plural(findings.length, 'finding', 'findings')}: ${plural(warnings, 'warning', 'warnings')}, ${plural(notes, 'note', 'notes')}.`
      : state.answer.error
        ? 'Not checked.'
        : !state.text.trim()
          ? 'Nothing to check: the draft is empty.'
          : 'No findings: every “open source” claim checks out, or there is none.';
    if (state.answer.lang) {
      const name = state.answer.lang === 'nl' ? 'Dutch' : 'English';
      text += ` Read as ${name}${settings().lang ? '' : ' (detected)'}.`;
    }
    if (accepted || dismissed) text += ` ${accepted} accepted, ${dismissed} dismissed.`;
    summary.textContent = text;
    summary.dataset.findings = String(findings.length);
    summary.dataset.warnings = String(warnings);
    summary.dataset.notes = String(notes);
  }

  // ---- selection -------------------------------------------------------

  // Selects finding `i`; `from` says which side was used, so that the other
  // side scrolls to it ("list", "draft" or null for neither).
  function select(i, from) {
    const findings = state.answer ? state.answer.findings : [];
    if (i < 0 || i >= findings.length) return;
    state.selected = i;
    if (i >= state.shown) {
      // A claim picked in the draft whose card is not drawn yet.
      state.shown = (Math.floor(i / LIST_PAGE) + 1) * LIST_PAGE;
      renderFindings();
    }
    for (const node of document.querySelectorAll('.selected')) {
      node.classList.remove('selected');
      node.removeAttribute('aria-current');
    }
    const item = document.querySelector(`#findings li[data-finding="${i}"]`);
    const mark = document.querySelector(`#draft [data-group="${state.groupOf[i]}"]`);
    if (item) {
      item.classList.add('selected');
      item.setAttribute('aria-current', 'true');
    }
    if (mark) mark.classList.add('selected');
    const behavior = reducedMotion.matches ? 'auto' : 'smooth';
    if (from === 'list' && mark) {
      mark.scrollIntoView({ block: 'center', behavior });
    } else if (from === 'draft' && item) {
      item.scrollIntoView({ block: 'nearest', behavior });
      item.focus({ preventScroll: true });
    }
  }

  function onListClick(event) {
    if (event.target.closest('button')?.dataset.action === 'more') {
      state.shown += LIST_PAGE;
      renderFindings();
      return;
    }
    const item = event.target.closest('li.finding');
    if (!item) return;
    const i = Number(item.dataset.finding);
    const gi = Number(item.dataset.group);
    const action = event.target.closest('button')?.dataset.action;
    if (action) {
      state.selected = i;
      if (action === 'accept') acceptOne(gi);
      else if (action === 'dismiss') dismiss(gi);
      else if (action === 'reopen') reopen(gi);
      document.querySelector(`#findings li[data-finding="${i}"]`)?.focus({ preventScroll: true });
      return;
    }
    if (event.target.closest('a')) return;
    select(i, 'list');
  }

  function onListKey(event) {
    const item = event.target.closest('li.finding');
    if (!item || event.target !== item) return;
    const items = [...document.querySelectorAll('#findings li.finding')];
    const at = items.indexOf(item);
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, items.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(Number(item.dataset.finding), 'list');
      return;
    } else return;
    event.preventDefault();
    items[next]?.focus();
  }

  function onDraftClick(event) {
    const mark = event.target.closest('[data-group]');
    if (!mark) return;
    const ids = mark.dataset.findings.split(' ').map(Number);
    // A term about several models: each click moves to the next of them.
    const at = ids.indexOf(state.selected);
    select(ids[(at + 1) % ids.length], 'draft');
  }

  // ---- modes -----------------------------------------------------------

  function setReviewing(on) {
    state.reviewing = on;
    $('editor').hidden = on;
    $('review').hidden = !on;
  }

  function edit() {
    $('input').value = state.text;
    setReviewing(false);
    $('input').focus();
  }

  // What a dropped file is, by its first bytes, when it is not text.
  function documentKind(b) {
    const starts = (...xs) => xs.every((x, i) => b[i] === x);
    const has = (s) => new TextDecoder('latin1').decode(b.subarray(0, 4096)).includes(s);
    if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'a PDF document';
    if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'a Word 97-2003 document (.doc)';
    if (starts(0x50, 0x4b, 0x03, 0x04)) {
      if (has('word/')) return 'a Word document (.docx)';
      if (has('application/vnd.oasis.opendocument')) return 'an OpenDocument file (.odt)';
      return 'a ZIP archive';
    }
    if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'an RTF document';
    return null;
  }

  // The file's text with its byte-order mark kept (as U+FEFF), so the
  // downloads keep it too; UTF-16 is recognised by its mark.
  function decodeFile(name, bytes) {
    const kind = documentKind(bytes);
    if (kind) throw new Error(`it is ${kind}, not text. Save it as Markdown or plain text and open that file`);
    let encoding = 'utf-8';
    if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (e) {
      throw new Error('it is not UTF-8 text. Save it as UTF-8, or check it with openclaim check --encoding');
    }
  }

  async function loadFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE) {
      showError(`${file.name} is larger than 10 MiB; openclaim checks articles, not archives.`);
      return;
    }
    try {
      const text = decodeFile(file.name, new Uint8Array(await file.arrayBuffer()));
      state.text = wellFormed(text);
      state.path = file.name || 'draft.md';
      $('input').value = state.text;
      await check();
    } catch (e) {
      showError(`${file.name} cannot be read: ${e.message}`);
    }
  }

  // ---- downloads -------------------------------------------------------

  const baseName = () => state.path.replace(/\.(md|markdown|txt)$/i, '') || 'draft';

  function save(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  // A finding by what it says, not where: accepting a suggestion moves
  // every later claim, and with it the id the server derives from position.
  const findingKey = (f) => [f.term, f.model.id, f.sentence].join('\u0000');

  // The ids, in the draft as it is now, of the findings the editor dismissed.
  async function dismissedIds() {
    const keys = new Set();
    for (const g of state.groups) {
      if (g.status === 'dismissed') for (const i of g.ids) keys.add(findingKey(state.answer.findings[i]));
    }
    if (!keys.size) return [];
    const now = await api('/api/check', { explain: false });
    return (now.findings || []).filter((f) => keys.has(findingKey(f))).map((f) => f.id);
  }

  // The texts the download buttons save, for the buttons and for tests.
  const downloads = {
    corrected: () => state.text,
    async annotated(style) {
      const answer = await api('/api/annotate', { style, explain: false, dismissed: await dismissedIds() });
      if (answer.error) throw new Error(answer.error);
      return answer.annotated;
    },
    // The same document as `openclaim check --format json` for the draft as it is now.
    async report() {
      // eslint-disable-next-line no-unused-vars
      const { schema, version, edits, notice, ...file } = await api('/api/check', {
        dismissed: await dismissedIds(),
      });
      return `${JSON.stringify({ schema, version, files: [file] }, null, 2)}\n`;
    },
  };

  async function download(kind) {
    busy(true);
    try {
      if (kind === 'corrected') {
        save(`${baseName()}.corrected.md`, downloads.corrected(), 'text/markdown;charset=utf-8');
      } else if (kind === 'annotated') {
        const style = $('style').value;
        save(`${baseName()}.${style}.md`, await downloads.annotated(style), 'text/markdown;charset=utf-8');
      } else {
        save(`${baseName()}.report.json`, await downloads.report(), 'application/json');
      }
      showError('');
    } catch (e) {
      showError(e.message);
    } finally {
      busy(false);
    }
  }

  // ---- wiring ----------------------------------------------------------

  function init() {
    const input = $('input');
    input.addEventListener('input', () => {
      state.text = input.value;
    });
    input.addEventListener('paste', () => {
      const wasEmpty = input.value === '';
      setTimeout(() => {
        state.text = input.value;
        if (wasEmpty && state.text.trim()) check();
      }, 0);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        check();
      }
    });
    $('check').addEventListener('click', check);
    $('recheck').addEventListener('click', check);
    $('edit').addEventListener('click', edit);
    $('undo').addEventListener('click', undo);
    $('accept-all').addEventListener('click', acceptAll);
    $('file').addEventListener('change', (e) => loadFile(e.target.files[0]));
    $('findings').addEventListener('click', onListClick);
    $('findings').addEventListener('keydown', onListKey);
    $('draft').addEventListener('click', onDraftClick);
    $('dl-corrected').addEventListener('click', () => download('corrected'));
    $('dl-annotated').addEventListener('click', () => download('annotated'));
    $('dl-report').addEventListener('click', () => download('report'));
    for (const r of document.querySelectorAll('input[name="lang"], input[name="definition"], #explain')) {
      r.addEventListener('change', () => {
        if (state.reviewing) check();
      });
    }
    document.addEventListener('keydown', (e) => {
      const typing = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;
      if (!typing && state.reviewing && (e.ctrlKey || e.metaKey) && e.key === 'z') {
        e.preventDefault();
        undo();
      }
    });
    // Dropping a file anywhere loads it; the browser must not open it instead.
    const drop = $('drop');
    const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    document.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      drop.classList.add('over');
    });
    document.addEventListener('dragleave', (e) => {
      if (!e.relatedTarget) drop.classList.remove('over');
    });
    document.addEventListener('drop', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      drop.classList.remove('over');
      const file = e.dataTransfer && e.dataTransfer.files[0];
      if (file) loadFile(file);
    });
    state.text = input.value;
    window.openclaim = { state, downloads, check };
  }

  init();
})();
