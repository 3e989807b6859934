// Storyline's web view. Every string from the store is put on the page as
// text (textContent, text nodes, vis-timeline items given as elements),
// never as HTML. The state of the view lives in the URL's hash, so a view
// reloads and can be shared.
'use strict';

(function () {
  const LIMIT = 150;        // events listed per window at most
  const UNDATED_PAGE = 50;  // undated events per page
  const FILTERS = ['entity', 'story', 'outlet', 'class', 'from', 'to'];

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  };

  // --- state in the hash -------------------------------------------------
  function readHash() {
    return new URLSearchParams(location.hash.replace(/^#/, ''));
  }
  function filtersOf(p) {
    const f = {};
    for (const k of FILTERS) if (p.get(k)) f[k] = p.get(k);
    return f;
  }
  function hashWith(changes) {
    const p = readHash();
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') p.delete(k); else p.set(k, v);
    }
    return '#' + p.toString();
  }
  function go(changes) { location.hash = hashWith(changes); }

  // --- API ---------------------------------------------------------------
  let status = $('status');
  function setStatus(msg, isError) {
    status.textContent = msg || '';
    status.className = isError ? 'error' : '';
  }
  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== '' && v !== null) q.set(k, v);
    const url = '/api/' + path + (q.toString() ? '?' + q : '');
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await res.json().catch(() => ({ error: res.statusText }));
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  }
  const enc = (s) => s.split('/').map(encodeURIComponent).join('/');

  // --- dates -------------------------------------------------------------
  // start of the interval a TIMEX3 value denotes, as a Date (UTC), or null
  function startOf(v) {
    if (!v) return null;
    let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v);
    if (m) return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
    m = /^(\d{3})X/.exec(v) || /^(\d{3})$/.exec(v);
    if (m) return new Date(Date.UTC(+m[1] * 10, 0, 1));
    m = /^(\d{2})XX/.exec(v);
    if (m) return new Date(Date.UTC(+m[1] * 100, 0, 1));
    return null;
  }
  function eventStart(e) {
    return startOf(e.date) || (e.range && (startOf(e.range.begin) || startOf(e.range.end)));
  }
  const ymd = (d) => d.toISOString().slice(0, 10);
  function dateLabel(e) {
    if (e.date) return e.date;
    if (e.range && e.range.begin) return 'since ' + e.range.begin;
    if (e.range && e.range.end) return 'until ' + e.range.end;
    return 'undated';
  }

  // --- how an event reads --------------------------------------------------
  // outlets that reported it, originals apart from copies
  function outletsOf(e, docs) {
    const originals = new Set(), copies = new Set();
    for (const s of e.sources) {
      const d = docs.get(s.document);
      // an article with no outlet is named by its file
      const name = s.outlet || (d && (d.outlet || d.file)) || s.document;
      if (d && d.copies && d.copies.length) copies.add(name); else originals.add(name);
    }
    for (const o of originals) copies.delete(o);
    return { originals: [...originals], copies: [...copies] };
  }
  function outletText(o) {
    const n = o.originals.length;
    let t = n + (n === 1 ? ' outlet' : ' outlets');
    if (o.copies.length) t += ' + ' + o.copies.length + (o.copies.length === 1 ? ' copy' : ' copies');
    const names = o.originals.concat(o.copies.map((c) => c + ' (copy)'));
    return t + ': ' + names.join('; ');
  }
  function eventLine(e, docs) {
    return [
      el('span', { class: 'date', text: dateLabel(e) }),
      el('span', { class: 'class', text: e.class }),
      el('span', { class: 'summary', text: e.summary + (e.modality && e.modality !== 'asserted' ? ' (' + e.modality + ')' : '') }),
      el('span', { class: 'outlets', text: '[' + outletText(outletsOf(e, docs)) + ']' }),
    ];
  }
  function eventButton(e, docs) {
    return el('li', {}, el('button', {
      type: 'button', class: 'event', 'data-event': e.id,
      onclick: () => go({ event: e.id }),
    }, ...eventLine(e, docs)));
  }
  function docMap(tl) {
    const m = new Map();
    for (const d of tl.documents || []) m.set(d.id, d);
    return m;
  }

  // loads a script of the page's own once; the libraries are loaded when
  // first needed, so that the first requests to the API do not wait for
  // them to be parsed
  const scripts = new Map();
  function loadScript(src) {
    if (!scripts.has(src)) {
      scripts.set(src, new Promise((resolve, reject) => {
        const sc = el('script', { src });
        sc.addEventListener('load', resolve);
        sc.addEventListener('error', () => reject(new Error('could not load ' + src)));
        document.body.append(sc);
      }));
    }
    return scripts.get(src);
  }

  // --- the timeline view -----------------------------------------------------
  let timeline = null;
  let items = null;
  let current = { key: null, counts: null, seq: 0 };

  async function ensureTimeline() {
    await loadScript('/static/vendor/vis-timeline/vis-timeline-graph2d.min.js');
    if (timeline) return;
    items = new vis.DataSet();
    timeline = new vis.Timeline($('timeline'), items, {
      start: new Date(Date.UTC(2000, 0, 1)), end: new Date(Date.UTC(2001, 0, 1)), // set by the counts: no fit to the items
      stack: true, zoomMin: 1000 * 60 * 60 * 24 * 3, showCurrentTime: false,
      margin: { item: 4 }, orientation: 'top', selectable: true,
      height: '380px', verticalScroll: true, zoomKey: 'ctrlKey',
      cluster: { maxItems: 3, clusterCriteria: () => true, showStipes: true },
      xss: { disabled: false },
    });
    timeline.on('rangechanged', (p) => { if (p.byUser) scheduleWindow(); });
    timeline.on('select', (p) => { if (p.items.length && String(p.items[0]).startsWith('event/')) go({ event: p.items[0] }); });
  }

  let windowTimer = 0;
  function scheduleWindow() {
    clearTimeout(windowTimer);
    windowTimer = setTimeout(() => loadWindow(null).then(markLoaded), 200);
  }

  // marks the page as showing the current filters (the browser tests and
  // the timing read it): data-loaded counts the views, data-ready-at is
  // the time it was reached, from the Performance API.
  let loads = 0;
  function markLoaded() {
    loads++;
    document.body.dataset.readyAt = String(Math.round(performance.now()));
    document.body.dataset.loaded = String(loads);
  }

  // the visible window, cut to the from/to filter
  function visibleWindow(f, shown) {
    const r = shown || timeline.getWindow();
    let from = ymd(r.start), to = ymd(r.end);
    if (f.from && startOf(f.from) > r.start) from = f.from;
    if (f.to && startOf(f.to) < r.end) to = f.to;
    return { from, to };
  }

  // chooses the first window from the counts: everything when it fits,
  // else the busiest month and its neighbours up to LIMIT events; only the
  // months within the from/to filter (an event that starts before it is
  // counted in its first month, but a window lists the events that start
  // in it)
  function firstWindow(counts, f) {
    const month = (p) => startOf(p.period);
    const next = (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    const from = startOf(f.from);
    let to = null; // the end of the to filter: a year's, a month's or a day's
    if (f.to) {
      const t = startOf(f.to), parts = f.to.split('-').length;
      to = parts === 1 ? new Date(Date.UTC(t.getUTCFullYear() + 1, 0, 1)) : parts === 2 ? next(t) : new Date(+t + 864e5);
    }
    const ps = counts.periods.filter((p) => (!from || next(month(p)) > from) && (!to || month(p) < to));
    if (!ps.length) return null;
    if (counts.placed <= LIMIT) {
      const a = month(ps[0]), b = next(month(ps[ps.length - 1]));
      const pad = Math.max((b - a) * 0.15, 1000 * 60 * 60 * 24 * 10);
      return { start: new Date(+a - pad), end: new Date(+b + pad) };
    }
    let best = 0;
    ps.forEach((p, i) => { if (p.count > ps[best].count) best = i; });
    let lo = best, hi = best, sum = ps[best].count;
    for (;;) {
      const l = lo > 0 ? ps[lo - 1].count : Infinity, h = hi < ps.length - 1 ? ps[hi + 1].count : Infinity;
      if (Math.min(l, h) === Infinity || sum + Math.min(l, h) > LIMIT) break;
      if (l <= h) { lo--; sum += l; } else { hi++; sum += h; }
    }
    const a = month(ps[lo]), b = next(month(ps[hi]));
    const pad = (b - a) * 0.1; // events dated by a month or a year sit at its first day
    return { start: new Date(+a - pad), end: new Date(+b + pad) };
  }

  function countItems(counts) {
    const out = [];
    for (const p of counts.periods) {
      const s = startOf(p.period);
      const e = new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1));
      out.push({ id: 'count:' + p.period, start: s, end: e, type: 'background', content: el('span', { class: 'count', text: String(p.count) }) });
    }
    return out;
  }

  // shows the timeline for the filters in p. The counts per month choose
  // the first window; on a later filter change that keeps the dates, the
  // window in view is loaded at once, beside the counts, and moved only
  // when it holds none of the events.
  async function showTimeline(p) {
    const f = filtersOf(p);
    const key = JSON.stringify(f);
    if (key === current.key) return;
    const prev = current.key ? JSON.parse(current.key) : null;
    // a new class or outlet keeps the window in view; a new entity, story
    // or date range goes where its events are, from its counts (read by
    // index, quickly)
    const keepWindow = prev && ['from', 'to', 'entity', 'story'].every((k) => prev[k] === f[k]);
    current = { key, counts: null, seq: current.seq + 1 };
    const seq = current.seq;
    setStatus('Loading…');
    $('undated-list').replaceChildren();
    $('undated-more').hidden = true;
    try {
      const visP = ensureTimeline();
      if (keepWindow) await visP;
      // the window in view is shown as soon as it is read, and the counts
      // asked for after it: read at once, the two would share the server
      const shownP = keepWindow ? loadWindow(null).then((n) => { if (n > 0 && seq === current.seq) markLoaded(); return n; }) : null;
      const countsP = shownP ? shownP.then(() => api('counts', f)) : api('counts', f);
      const counts = await countsP;
      if (seq !== current.seq) return;
      current.counts = counts;
      const w = firstWindow(counts, f);
      const shown = shownP ? await shownP : 0;
      if (seq !== current.seq) return;
      const move = !shownP || (shown === 0 && counts.placed > 0);
      // the events are asked for first, the timeline drawn while they come
      const loadedP = move ? loadWindow(w) : null;
      await visP;
      if (move && w) timeline.setWindow(w.start, w.end, { animation: false });
      items.remove(items.getIds({ filter: (it) => it.type === 'background' }));
      items.add(countItems(counts));
      if (loadedP) await loadedP;
      // again once the items are in: vis-timeline may have moved to its first range meanwhile
      if (move && w) timeline.setWindow(w.start, w.end, { animation: false });
      if (move || shown === 0) markLoaded();
      showUndated(counts);
    } catch (err) {
      if (seq === current.seq) setStatus(err.message, true);
    }
  }

  // the undated lane: loaded at once when it is short, else on demand
  function showUndated(counts) {
    const f = filtersOf(readHash());
    const btn = $('undated-more');
    if (f.from || f.to) {
      $('undated-list').replaceChildren(el('li', { text: 'A date range is set: undated events are not shown.' }));
      btn.hidden = true;
      return;
    }
    undated = { offset: 0 };
    if (counts.unplaced <= UNDATED_PAGE) {
      loadUndated();
      return;
    }
    $('undated-list').replaceChildren();
    btn.textContent = 'Show undated events (about ' + counts.unplaced + ', minor ones included)';
    btn.hidden = false;
  }

  // loads the events of the window shown (or of the one about to be)
  async function loadWindow(shown) {
    const f = filtersOf(readHash());
    const seq = current.seq;
    if (!shown) await ensureTimeline();
    const w = visibleWindow(f, shown);
    if (startOf(w.to) < startOf(w.from)) return 0;
    try {
      const tl = await api('timeline', Object.assign({}, f, w, { starts: 'true', limit: LIMIT }));
      if (seq !== current.seq) return;
      await ensureTimeline();
      const docs = docMap(tl);
      const keep = new Set();
      const add = [];
      for (const e of tl.events) {
        const s = eventStart(e);
        if (!s) continue;
        keep.add(e.id);
        const content = el('div', { class: 'item' },
          el('span', { class: 'class', text: e.class }), ' ', e.summary, ' ',
          el('span', { class: 'outlets', text: '(' + outletText(outletsOf(e, docs)).split(':')[0] + ')' }));
        add.push({ id: e.id, start: s, content, className: 'cls-' + e.class.replace(/[^a-z]/g, '') });
      }
      const stale = items.getIds({ filter: (it) => it.type !== 'background' && !keep.has(it.id) });
      items.remove(stale);
      items.update(add);
      const list = $('events-list');
      list.replaceChildren(...tl.events.map((e) => eventButton(e, docs)));
      $('events-heading').textContent = 'Events from ' + w.from + ' to ' + w.to + ' (' + tl.events.length + (tl.more ? '+' : '') + ')';
      $('window-note').textContent = tl.more
        ? 'More than ' + LIMIT + ' events in this window: the first ' + LIMIT + ' are shown; zoom in to see the others (the shaded months give each month\'s count).'
        : '';
      setStatus('');
      return tl.events.length;
    } catch (err) {
      if (seq === current.seq) setStatus(err.message, true);
    }
  }

  let undated = { offset: 0 };
  async function loadUndated() {
    const f = filtersOf(readHash());
    const seq = current.seq;
    const want = undated.offset + UNDATED_PAGE;
    try {
      const tl = await api('timeline', Object.assign({}, f, { undated: 'true', limit: want }));
      if (seq !== current.seq) return;
      const docs = docMap(tl);
      $('undated-list').replaceChildren(...tl.events.map((e) => eventButton(e, docs)));
      undated.offset = tl.events.length;
      $('undated-more').textContent = 'Show more undated events';
      $('undated-more').hidden = !tl.more;
    } catch (err) {
      if (seq === current.seq) setStatus(err.message, true);
    }
  }
  $('undated-more').addEventListener('click', () => loadUndated());

  // --- an event's reports ------------------------------------------------------
  // marks the needles found in text: trigger first, then longer names
  function highlighted(text, needles) {
    const found = [];
    for (const n of needles) {
      if (!n.text || n.text.length < 2) continue;
      const hay = text.toLowerCase(), needle = n.text.toLowerCase();
      let i = hay.indexOf(needle);
      while (i >= 0) {
        const before = i === 0 ? ' ' : text[i - 1], after = text[i + needle.length] || ' ';
        if (!/\w/.test(before) && !/\w/.test(after)) found.push({ start: i, end: i + needle.length, cls: n.cls, rank: n.rank });
        i = hay.indexOf(needle, i + 1);
      }
    }
    found.sort((a, b) => a.rank - b.rank || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
    const taken = [];
    for (const f of found) if (!taken.some((t) => f.start < t.end && t.start < f.end)) taken.push(f);
    taken.sort((a, b) => a.start - b.start);
    const out = [];
    let at = 0;
    for (const t of taken) {
      out.push(document.createTextNode(text.slice(at, t.start)));
      out.push(el('mark', { class: t.cls, text: text.slice(t.start, t.end) }));
      at = t.end;
    }
    out.push(document.createTextNode(text.slice(at)));
    return out;
  }

  let returnFocus = null; // what had the focus before the reports opened
  async function showEvent(id) {
    const panel = $('detail');
    if (panel.hidden) returnFocus = document.activeElement;
    try {
      const ans = await api('event/' + enc(id));
      const e = ans.event;
      const docs = new Map(ans.documents.map((d) => [d.id, d]));
      $('detail-title').textContent = e.summary;
      $('detail-meta').replaceChildren(
        el('span', { class: 'date', text: dateLabel(e) }), ' ',
        el('span', { class: 'class', text: e.class }), ' modality: ' + (e.modality || 'asserted') + ' · ',
        outletText(outletsOf(e, docs)));
      const who = $('detail-participants');
      who.replaceChildren(...ans.participants.map((p) => el('li', {},
        el('button', { type: 'button', onclick: () => go({ view: 'entity', ent: p.name, event: null }) }, p.name))));
      const names = [];
      for (const p of ans.participants) for (const n of [p.name].concat(p.aliases || [])) names.push({ text: n, cls: 'participant', rank: 1 });
      const dis = $('detail-disagreements');
      dis.replaceChildren();
      if (e.disagreements && e.disagreements.length) {
        const outletOf = (d) => (docs.get(d) && docs.get(d).outlet) || d;
        const rows = e.disagreements.map((g) => el('tr', {},
          el('th', { scope: 'row', text: g.field }),
          ...g.values.map((v) => el('td', {}, el('strong', { text: v.value || '(none)' }), el('br'), v.documents.map(outletOf).join('; ')))));
        dis.append(el('h3', { text: 'Where the reports disagree' }), el('table', { class: 'disagree' }, el('tbody', {}, ...rows)));
      }
      const reports = e.sources.map((s) => {
        const d = docs.get(s.document) || {};
        const needles = [{ text: s.trigger, cls: 'trigger', rank: 0 }].concat(names,
          (s.phrases || []).map((p) => ({ text: p.text, cls: 'participant', rank: 2 })));
        const link = el('a', { href: hashWith({ view: 'article', article: s.document, start: s.start, end: s.end, event: null }), class: 'article-link' },
          'Open the article with this passage');
        return el('li', {},
          el('div', { class: 'report-head', text: (s.outlet || d.outlet || s.document) + (d.copies && d.copies.length ? ' (copy)' : '') + ' · ' + (d.date || 'no date') }),
          el('div', { text: d.headline || s.headline || '' }),
          el('blockquote', { class: 'sentence' }, ...highlighted(s.sentence || s.trigger, needles)),
          el('div', { text: 'trigger: ' + s.trigger + ' · modality: ' + (s.modality || 'asserted') +
            (s.date ? ' · date: ' + s.date + (s.timex ? ' ("' + s.timex + '")' : '') : '') +
            (s.claimant ? ' · claimed by ' + s.claimant.name : '') }),
          link);
      });
      $('detail-reports').replaceChildren(...reports);
      panel.hidden = false;
      $('detail-title').focus();
    } catch (err) {
      setStatus(err.message, true);
    }
  }
  function closeDetail() {
    $('detail').hidden = true;
    if (readHash().get('event')) go({ event: null });
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  }
  $('detail-close').addEventListener('click', closeDetail);
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && !$('detail').hidden) closeDetail(); });

  // --- an entity ---------------------------------------------------------------
  let graph = null;
  async function showEntity(name) {
    try {
      const ans = await api('entity/' + encodeURIComponent(name));
      const main = ans.entities[0];
      $('entity-name').textContent = main.name + ' (' + main.type + ')' +
        (ans.entities.length > 1 ? ' and ' + (ans.entities.length - 1) + ' more of that name' : '');
      const aliases = new Set();
      for (const e of ans.entities) for (const a of e.aliases || []) aliases.add(a);
      $('entity-aliases').replaceChildren(...[...aliases].map((a) => el('li', { text: a })));
      if (!aliases.size) $('entity-aliases').append(el('li', { text: 'no other name' }));
      $('entity-filter').onclick = () => { location.hash = '#' + new URLSearchParams({ entity: name }); };
      const tl = ans.timeline;
      const docs = docMap(tl);
      $('entity-events').replaceChildren(...tl.events.map((e) => eventButton(e, docs)));
      if (tl.more) $('entity-events').append(el('li', { text: 'More events: show this entity on the timeline to see them all.' }));
      const linked = ans.linked.slice(0, 15);
      $('entity-linked').replaceChildren(...linked.map((l) => el('li', {},
        el('button', { type: 'button', onclick: () => go({ ent: l.name, view: 'entity' }) }, l.name + ' (' + l.events.length + ')'))));
      await drawGraph(ans, linked);
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  async function drawGraph(ans, linked) {
    // Cytoscape.js is loaded the first time a graph is drawn
    await loadScript('/static/vendor/cytoscape/cytoscape.min.js');
    const self = new Set(ans.entities.map((e) => e.id || e.iri));
    const keepEnt = new Set(linked.map((l) => l.id));
    const nodes = [], edges = [], seen = new Set();
    const add = (n) => { if (!seen.has(n.data.id)) { seen.add(n.data.id); nodes.push(n); } };
    for (const e of ans.entities) add({ data: { id: e.iri, label: e.name, kind: 'self' } });
    for (const ev of ans.timeline.events) {
      const parts = [].concat(ev.agents, ev.patients, ev.locations).filter((p) => keepEnt.has(p.id));
      if (!parts.length) continue;
      add({ data: { id: ev.id, label: ev.class + ' ' + (ev.date || ''), kind: 'event' } });
      for (const p of [].concat(ev.agents, ev.patients, ev.locations)) {
        if (!self.has(p.id) && !keepEnt.has(p.id)) continue;
        add({ data: { id: p.id, label: p.name, kind: self.has(p.id) ? 'self' : 'entity', name: p.name } });
        edges.push({ data: { id: ev.id + '|' + p.id, source: p.id, target: ev.id } });
      }
    }
    if (graph) graph.destroy();
    graph = window.cytoscape({
      container: $('entity-graph'), elements: nodes.concat(edges),
      layout: { name: 'cose', animate: false, randomize: false },
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 110 } },
        { selector: 'node[kind="self"]', style: { 'background-color': '#1f5fbf', width: 28, height: 28 } },
        { selector: 'node[kind="entity"]', style: { 'background-color': '#6aa0e6' } },
        { selector: 'node[kind="event"]', style: { shape: 'round-rectangle', 'background-color': '#f0a500', width: 14, height: 14, 'font-size': 8 } },
        { selector: 'edge', style: { width: 1, 'line-color': '#b8c0cc' } },
      ],
    });
    graph.on('tap', 'node', (evt) => {
      const d = evt.target.data();
      if (d.kind === 'event') go({ event: d.id });
      else if (d.kind === 'entity') go({ ent: d.name, view: 'entity' });
    });
  }

  // --- copies --------------------------------------------------------------
  let storiesCache = null;
  async function stories() {
    if (!storiesCache) storiesCache = api('stories');
    return storiesCache;
  }
  async function showCopies() {
    try {
      const ans = await stories();
      const byId = new Map();
      for (const st of ans.stories) for (const d of st.documents) byId.set(d.document.id, d.document);
      const rows = [];
      const label = (d) => (d.outlet || d.file || d.id) + ' · ' + (d.date || 'no date') + ' · ' + d.headline;
      const link = (d) => el('a', { href: hashWith({ view: 'article', article: d.id, start: null, end: null }) }, label(d));
      for (const st of ans.stories) {
        for (const c of st.documents) {
          for (const orig of c.document.copies || []) {
            const o = byId.get(orig) || { id: orig, headline: '' };
            rows.push(el('tr', {}, el('td', {}, link(c.document)), el('td', {}, link(o)), el('td', { text: c.similarity.toFixed(2) })));
          }
        }
      }
      if (!rows.length) rows.push(el('tr', {}, el('td', { colspan: '3', text: 'No article in the store copies another.' })));
      $('copies-table').tBodies[0].replaceChildren(...rows);
      $('copies-heading').focus();
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  // --- an article ----------------------------------------------------------
  async function showArticle(id, start, end) {
    try {
      const a = await api('article/' + enc(id));
      const d = a.document;
      $('article-headline').textContent = d.headline || d.file || d.id;
      $('article-meta').textContent = [d.outlet || 'unknown outlet', d.date ? d.date + ' (' + d.date_source + ')' : 'no date', d.file || '']
        .filter(Boolean).join(' · ');
      if (d.url) {
        // only web addresses become links: a javascript: or data: URL stays text
        $('article-meta').append(' · ', /^https?:\/\//i.test(d.url) ? el('a', { href: d.url, rel: 'noopener noreferrer' }, d.url) : d.url);
      }
      const copies = [];
      for (const orig of d.copies || []) {
        copies.push(el('li', {}, 'Copies ', el('a', { href: hashWith({ article: orig, start: null, end: null }) }, orig), ' (similarity ' + (a.similarity || 0).toFixed(2) + ')'));
      }
      for (const c of a.copied_by) {
        copies.push(el('li', {}, 'Copied by ', el('a', { href: hashWith({ article: c.document.id, start: null, end: null }) },
          (c.document.outlet || c.document.id) + ': ' + c.document.headline), ' (similarity ' + c.similarity.toFixed(2) + ')'));
      }
      $('article-copies').replaceChildren(...copies);
      // start and end are byte offsets into the UTF-8 text
      const bytes = new TextEncoder().encode(a.text);
      const dec = new TextDecoder();
      const box = $('article-text');
      const s = parseInt(start, 10), e = parseInt(end, 10);
      if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= bytes.length) {
        const mark = el('mark', { class: 'span', id: 'passage', text: dec.decode(bytes.slice(s, e)) });
        box.replaceChildren(dec.decode(bytes.slice(0, s)), mark, dec.decode(bytes.slice(e)));
        mark.scrollIntoView({ block: 'center' });
      } else {
        box.replaceChildren(a.text);
      }
      $('article-headline').focus({ preventScroll: true });
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  // --- filters form --------------------------------------------------------
  async function fillSelects() {
    try {
      const [ans, classes] = await Promise.all([stories(), api('classes')]);
      const story = $('f-story'), outlet = $('f-outlet'), cls = $('f-class');
      for (const st of ans.stories) {
        const first = st.documents[0] && st.documents[0].document;
        const text = (first ? first.headline : st.id).slice(0, 60) + ' (' + st.documents.length + ')';
        story.append(el('option', { value: st.id, text }));
      }
      for (const o of ans.outlets) outlet.append(el('option', { value: o.name, text: o.name + ' (' + o.articles + ')' }));
      for (const c of classes) cls.append(el('option', { value: c, text: c }));
      // the selects take the filters' values now that they hold them; the
      // text fields keep what may have been typed meanwhile
      const p = readHash();
      for (const k of ['story', 'outlet', 'class']) $('f-' + k).value = p.get(k) || '';
    } catch (err) {
      setStatus(err.message, true);
    }
  }
  function syncForm(p) {
    for (const k of FILTERS) $('f-' + k).value = p.get(k) || '';
  }
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const ch = { view: null, event: null, ent: null, article: null, start: null, end: null };
    for (const k of FILTERS) ch[k] = $('f-' + k).value.trim();
    go(ch);
  });
  $('f-clear').addEventListener('click', () => { location.hash = ''; });
  let completeTimer = 0;
  $('f-entity').addEventListener('input', () => {
    clearTimeout(completeTimer);
    const q = $('f-entity').value.trim();
    completeTimer = setTimeout(async () => {
      if (q.length < 2) return;
      try {
        const names = await api('complete', { q });
        const list = $('entity-names');
        const seen = new Set();
        list.replaceChildren(...names.filter((n) => !seen.has(n.name) && seen.add(n.name)).map((n) =>
          el('option', { value: n.name, text: n.name === n.canonical ? n.type : n.canonical + ' · ' + n.type })));
      } catch (err) { /* completion is a help: the filter still works */ }
    }, 150);
  });

  // --- routing -------------------------------------------------------------
  function route() {
    const p = readHash();
    syncForm(p);
    const view = p.get('view') || (p.get('ent') ? 'entity' : 'timeline');
    for (const v of ['timeline', 'entity', 'copies', 'article']) $(v + '-view').hidden = v !== view;
    setStatus('');
    if (view === 'timeline') {
      showTimeline(p);
      if (timeline) timeline.redraw();
    } else if (view === 'entity') showEntity(p.get('ent') || p.get('entity') || '');
    else if (view === 'copies') showCopies();
    else if (view === 'article') showArticle(p.get('article') || '', p.get('start'), p.get('end'));
    if (p.get('event')) showEvent(p.get('event')); else $('detail').hidden = true;
  }
  // the skip link moves the focus without touching the hash, which holds the view
  document.querySelector('.skip').addEventListener('click', (ev) => {
    ev.preventDefault();
    $('events-list').focus();
  });
  window.addEventListener('hashchange', route);
  route();
  // the story and outlet lists wait for the first view: on a large store
  // they would slow it
  const firstView = setInterval(() => {
    if (document.body.dataset.loaded || readHash().get('view')) {
      clearInterval(firstView);
      fillSelects();
    }
  }, 50);
})();
