// Precis web reader. Plain JavaScript, no dependencies, no CDN.
// Safety rule: article data is only ever put into the page through textContent or attributes
// set from checked values; innerHTML is never used with data.
'use strict';

const app = document.getElementById('app');

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Only http(s) URLs become links; anything else (javascript:, data:) stays plain text. */
function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url, window.location.href);
    return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
  } catch (e) {
    return null;
  }
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return '';
  // a date given without a time is stored as midnight UTC: show the day, not an invented time
  if (/T00:00(:00(\.0+)?)?Z$/.test(iso)) {
    return d.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  }
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day (ISO date, as an event's "day") written as the timeline writes it: "12 April 2017". */
function dayText(day) {
  return new Date(day + 'T00:00:00Z').toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/**
 * The time range of a story's articles from their publication times, labelled as such so that it
 * is not taken for the day of an event ("published 21 Apr 2017 – 3 May 2017"); unknown stays
 * unknown ("publication date unknown"). Each end is a <time> carrying the server's value.
 */
function publishedSpan(first, last) {
  const node = el('span', { class: 'published' });
  if (!first && !last) {
    node.textContent = 'publication date unknown';
    return node;
  }
  const a = first || last;
  const b = last || first;
  node.appendChild(document.createTextNode('published '));
  node.appendChild(el('time', { datetime: a, text: when(a) }));
  if (when(a) !== when(b)) {
    node.appendChild(document.createTextNode(' – '));
    node.appendChild(el('time', { datetime: b, text: when(b) }));
  }
  return node;
}

/**
 * The days of a story's events as the server gives them (GET /api/stories/{id} "events", the days
 * its timeline shows), labelled so that they are not taken for publication dates: "event 12 April
 * 2017", "events 12 April 2017 – 3 January 2018 (1 undated)", "event days unknown" when no event
 * has a day. Each end is a <time> carrying the ISO day.
 */
function eventDays(events) {
  const days = events.map((e) => e.day).filter(Boolean).sort();
  const node = el('span', { class: 'event-days' });
  if (days.length === 0) {
    node.textContent = events.length === 1 ? 'event day unknown' : 'event days unknown';
    return node;
  }
  const first = days[0];
  const last = days[days.length - 1];
  node.appendChild(document.createTextNode(events.length === 1 ? 'event ' : 'events '));
  node.appendChild(el('time', { datetime: first, text: dayText(first) }));
  if (last !== first) {
    node.appendChild(document.createTextNode(' – '));
    node.appendChild(el('time', { datetime: last, text: dayText(last) }));
  }
  const undated = events.length - days.length;
  if (undated > 0) node.appendChild(document.createTextNode(' (' + undated + ' undated)'));
  return node;
}

/** Appends the parts (strings or nodes; empty ones left out) to node, separated by " · ". */
function appendJoined(node, parts) {
  parts.filter(Boolean).forEach((p, i) => {
    if (i > 0) node.appendChild(document.createTextNode(' · '));
    node.appendChild(typeof p === 'string' ? document.createTextNode(p) : p);
  });
  return node;
}

async function getJson(url, options) {
  const res = await fetch(url, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error && body.error.message ? body.error.message : res.status + ' ' + res.statusText;
    const err = new Error(msg);
    err.status = res.status;
    throw err;
  }
  return body;
}

function showError(err) {
  clear(app);
  app.appendChild(el('p', { class: 'error', text: String(err.message || err) }));
}

// ------------------------------------------------------------------ story list

async function showStories(page) {
  clear(app);
  app.appendChild(el('p', { class: 'muted', text: 'Loading stories…' }));
  const data = await getJson('/api/stories?page=' + page + '&size=20');
  clear(app);
  app.appendChild(el('h1', { text: 'Stories' }));
  if (data.stories.length === 0) {
    app.appendChild(el('p', { class: 'muted', text: 'No stories yet. Ingest articles with ./precis ingest, POST them to /api/articles, or summarize some ad hoc.' }));
    return;
  }
  const list = el('ul', { class: 'stories' });
  for (const s of data.stories) {
    const outlets = s.outlets.length ? s.outlets.join(', ') : 'unknown outlet';
    const item = el('li', { 'data-story': String(s.id) },
      el('a', { class: 'story-link', href: '#/story/' + encodeURIComponent(s.id), text: s.title || ('Story ' + s.id) }));
    if (s.teaser) item.appendChild(el('p', { class: 'teaser', text: s.teaser }));
    item.appendChild(appendJoined(el('div', { class: 'meta' }), [outlets, s.articleCount + (s.articleCount === 1 ? ' article' : ' articles'), publishedSpan(s.firstSeen, s.lastSeen)]));
    list.appendChild(item);
  }
  app.appendChild(list);
  const pager = el('div', { class: 'pager' });
  if (page > 1) pager.appendChild(el('a', { href: '#/?page=' + (page - 1), text: '← Newer' }));
  if (data.hasNext) pager.appendChild(el('a', { href: '#/?page=' + (page + 1), text: 'Older →' }));
  app.appendChild(pager);
}

// ------------------------------------------------------------------ summary + sources

/**
 * Renders a cited summary (the JSON of GET /api/stories/{id} or POST /api/summarize):
 * summary sentences with citation markers, the sources panel, and a reader that shows the
 * cited article with the cited sentence highlighted by its character offsets.
 */
function renderSummary(container, data, heading) {
  const docs = data.documents || [];
  const wrap = el('div', { class: 'story' });
  const left = el('section', { class: 'summary' });
  const right = el('aside', { class: 'side' });
  left.appendChild(el('h1', { id: 'story-title', text: heading }));
  if (data.outlets) {
    // the days its events happened (those of the timeline below), then when its articles came out
    const parts = [data.outlets.join(', '), data.articleCount + (data.articleCount === 1 ? ' article' : ' articles')];
    if (data.events && data.events.length) parts.push(eventDays(data.events));
    parts.push(publishedSpan(data.firstSeen, data.lastSeen));
    left.appendChild(appendJoined(el('p', { class: 'meta', id: 'story-meta' }), parts));
  }

  // ranges cited per document, so each can be wrapped in its own element
  const ranges = docs.map(() => []);
  (data.sentences || []).forEach((s) => (s.sources || []).forEach((c) => {
    if (ranges[c.document]) ranges[c.document].push([c.start, c.end]);
  }));

  const reader = el('div', { class: 'reader', id: 'article-reader' });
  const sourceItems = [];
  const sentenceList = el('div', { class: 'sentences' });
  if (!data.sentences || data.sentences.length === 0) {
    sentenceList.appendChild(el('p', { class: 'muted', text: 'No summary sentences.' }));
  }
  /** Appends one citation marker [n] per cited document to node. */
  function markers(node, sources) {
    const seen = new Set();
    for (const c of (sources || [])) {
      if (seen.has(c.document) || !docs[c.document]) continue;
      seen.add(c.document);
      node.appendChild(el('button', {
        class: 'cite', type: 'button', title: 'Show in source ' + (c.document + 1),
        'data-doc': String(c.document), 'data-start': String(c.start), 'data-end': String(c.end),
        text: '[' + (c.document + 1) + ']',
        onclick: (ev) => {
          document.querySelectorAll('button.cite.active').forEach((b) => b.classList.remove('active'));
          ev.currentTarget.classList.add('active');
          showDocument(c.document, c.start, c.end);
        },
      }));
    }
    return node;
  }

  (data.sentences || []).forEach((s, i) => {
    sentenceList.appendChild(markers(el('p', { class: 'sentence', id: 'sentence-' + i }, s.text), s.sources));
  });
  left.appendChild(sentenceList);

  if (data.facts && typeof data.facts === 'object') {
    left.appendChild(renderFacts(data.facts, markers));
  }

  right.appendChild(el('h2', { text: 'Sources' }));
  const ol = el('ol', { class: 'sources' });
  docs.forEach((d, i) => {
    const label = d.title || d.origin || d.id || ('Source ' + (i + 1));
    const link = safeUrl(d.url);
    const li = el('li', { 'data-doc': String(i) },
      el('a', { href: '#', class: 'source-open', text: label, onclick: (ev) => { ev.preventDefault(); showDocument(i); } }));
    const meta = [d.outlet, when(d.published)].filter(Boolean).join(' · ');
    if (meta) li.appendChild(el('div', { class: 'meta', text: meta }));
    if (link) li.appendChild(el('div', { class: 'meta' }, el('a', { href: link, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'original', text: 'original' })));
    sourceItems.push(li);
    ol.appendChild(li);
  });
  right.appendChild(ol);
  right.appendChild(reader);

  function showDocument(index, start, end) {
    const d = docs[index];
    if (!d) return;
    sourceItems.forEach((li, k) => li.classList.toggle('current', k === index));
    clear(reader);
    reader.appendChild(el('h3', { text: (index + 1) + '. ' + (d.title || d.origin || d.id || '') }));
    const body = el('div', { class: 'article-text', 'data-doc': String(index) });
    const highlight = start === undefined ? null : [start, end];
    appendMarkedText(body, d.text || '', ranges[index], highlight);
    reader.appendChild(body);
    const target = body.querySelector('.highlight');
    if (target) {
      target.scrollIntoView({ block: 'center' });
    } else {
      reader.scrollTop = 0;
    }
  }

  wrap.appendChild(left);
  wrap.appendChild(right);
  container.appendChild(wrap);
  if (docs.length > 0) showDocument(0);
}

/**
 * Appends text to node as text nodes, wrapping each cited [start, end) range in a span; the
 * highlighted range (a clicked citation, possibly inside a cited sentence) wins over ranges it
 * overlaps.
 */
function appendMarkedText(node, text, ranges, highlight) {
  const all = (ranges || []).map((r) => [r[0], r[1], false]);
  if (highlight) {
    for (let i = all.length - 1; i >= 0; i--) {
      if (all[i][0] < highlight[1] && highlight[0] < all[i][1]) all.splice(i, 1);
    }
    all.push([highlight[0], highlight[1], true]);
  }
  const sorted = all
    .filter((r) => r[0] >= 0 && r[1] <= text.length && r[0] < r[1])
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let pos = 0;
  for (const [start, end, lit] of sorted) {
    if (start < pos) continue; // overlapping range: the first one wins
    if (start > pos) node.appendChild(document.createTextNode(text.substring(pos, start)));
    node.appendChild(el('span', { class: lit ? 'cited highlight' : 'cited', 'data-start': String(start), 'data-end': String(end), text: text.substring(start, end) }));
    pos = end;
  }
  if (pos < text.length) node.appendChild(document.createTextNode(text.substring(pos)));
}

/** The fact sheet (FactSheetFormat.toJson): entities, quotes, disputed figures, timeline. */
function renderFacts(facts, markers) {
  const box = el('section', { class: 'facts', id: 'facts' });
  box.appendChild(el('h2', { text: 'Facts' }));
  const entities = (facts.entities || []).slice(0, 12);
  if (entities.length) {
    box.appendChild(el('h3', { text: 'Who and where' }));
    const ul = el('ul', { class: 'entities' });
    for (const e of entities) {
      ul.appendChild(markers(el('li', {}, el('strong', { text: e.name }), ' (' + e.type + ', ' + e.mentions + ' mentions)'), (e.sources || []).slice(0, 1)));
    }
    box.appendChild(ul);
  }
  const quotes = (facts.quotes || []).slice(0, 8);
  if (quotes.length) {
    box.appendChild(el('h3', { text: 'Quotes' }));
    const ul = el('ul', { class: 'quotes' });
    for (const q of quotes) {
      ul.appendChild(markers(el('li', {}, '“' + q.text + '”' + (q.speaker ? ' — ' + q.speaker : '')), q.sources));
    }
    box.appendChild(ul);
  }
  const disputed = (facts.figures || []).filter((g) => g.disagreement).slice(0, 8);
  if (disputed.length) {
    box.appendChild(el('h3', { text: 'Figures that differ between sources' }));
    const ul = el('ul', { class: 'figures' });
    for (const g of disputed) {
      const li = el('li', {}, el('strong', { text: [g.category, g.topic].filter(Boolean).join(' · ') + ': ' }));
      for (const v of (g.values || [])) {
        li.appendChild(document.createTextNode(' ' + v.text));
        markers(li, v.sources);
      }
      ul.appendChild(li);
    }
    box.appendChild(ul);
  }
  const timeline = (facts.timeline || []).slice(0, 12);
  if (timeline.length) {
    box.appendChild(el('h3', { text: 'Timeline' }));
    const ul = el('ul', { class: 'timeline' });
    for (const t of timeline) {
      ul.appendChild(markers(el('li', {}, el('strong', { text: (t.label || t.date) + ': ' }), t.text || ''), (t.sources || []).slice(0, 3)));
    }
    box.appendChild(ul);
  }
  if (box.childNodes.length === 1) box.appendChild(el('p', { class: 'muted', text: 'No facts found.' }));
  return box;
}

async function showStory(id) {
  clear(app);
  app.appendChild(el('p', { class: 'muted', text: 'Loading story…' }));
  let data;
  try {
    data = await getJson('/api/stories/' + encodeURIComponent(id));
  } catch (err) {
    if (err.status !== 404) throw err;
    clear(app);
    app.appendChild(el('h1', { id: 'story-title', text: 'Story not found' }));
    app.appendChild(el('p', { class: 'muted', text: 'There is no story ' + id + ' (it may have been merged into another story).' }));
    app.appendChild(el('p', {}, el('a', { href: '#/', text: '← All stories' })));
    return;
  }
  clear(app);
  renderSummary(app, data, data.title || ('Story ' + data.id));
  if ((data.events || []).length > 1) app.appendChild(eventTimeline(data));
}

/**
 * The events of the story as a timeline: one dated section per event, in the server's order
 * (time order, undated ones last, headed "date unknown"), each with its own summary.
 */
function eventTimeline(data) {
  const box = el('section', { class: 'events', id: 'story-events' });
  box.appendChild(el('h2', { text: 'Events in this story' }));
  for (const e of data.events) {
    const day = e.day ? dayText(e.day) : 'date unknown';
    const section = el('section', { class: 'event' + (e.id === data.id ? ' current' : ''), 'data-day': e.day || '' });
    const title = e.id === data.id
      ? el('span', { text: e.headline || ('Event ' + e.id) })
      : el('a', { href: '#/story/' + encodeURIComponent(e.id), text: e.headline || ('Event ' + e.id) });
    section.appendChild(el('h3', {}, el('time', { text: day }), ' ', title));
    section.appendChild(el('p', { class: 'event-summary', text: e.summary || '' }));
    box.appendChild(section);
  }
  return box;
}

// ------------------------------------------------------------------ ad-hoc summary form

function showForm() {
  clear(app);
  app.appendChild(el('h1', { text: 'Summarize articles' }));
  app.appendChild(el('p', { class: 'muted', text: 'Paste articles (plain text or HTML) separated by a line containing only ---, or upload files. Nothing is stored.' }));
  const text = el('textarea', { id: 'adhoc-text', name: 'text', placeholder: 'First article…\n---\nSecond article…' });
  const files = el('input', { id: 'adhoc-files', type: 'file', multiple: 'multiple', accept: '.txt,.html,.htm,.json,text/plain,text/html' });
  const words = el('input', { id: 'adhoc-words', type: 'number', min: '10', max: '1000', value: '100' });
  const out = el('div', { id: 'adhoc-result' });
  const form = el('form', { class: 'adhoc' },
    el('div', { class: 'row' }, text),
    el('div', { class: 'row' }, el('label', {}, 'Files: ', files)),
    el('div', { class: 'row' }, el('label', {}, 'Words: ', words)),
    el('div', { class: 'row' }, el('button', { type: 'submit', id: 'adhoc-submit', text: 'Summarize' })));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(out);
    out.appendChild(el('p', { class: 'muted', text: 'Summarizing…' }));
    try {
      const articles = [];
      for (const part of text.value.split(/^\s*---\s*$/m)) {
        if (part.trim()) articles.push(articleOf(part, 'pasted ' + (articles.length + 1)));
      }
      for (const f of files.files) {
        const content = await f.text();
        if (content.trim()) articles.push(articleOf(content, f.name));
      }
      if (articles.length === 0) throw new Error('Paste or upload at least one article.');
      const data = await getJson('/api/summarize', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ articles: articles, words: parseInt(words.value, 10) || 100, facts: true }),
      });
      clear(out);
      renderSummary(out, data, 'Summary');
    } catch (err) {
      clear(out);
      out.appendChild(el('p', { class: 'error', text: String(err.message || err) }));
    }
  });
  app.appendChild(form);
  app.appendChild(out);
}

function articleOf(content, id) {
  const head = content.substring(0, 2048).toLowerCase();
  const html = /<html|<!doctype html|<body|<p>|<div/.test(head);
  return html ? { id: id, html: content } : { id: id, text: content };
}

// ------------------------------------------------------------------ router

async function route() {
  const hash = window.location.hash || '#/';
  try {
    let m;
    if ((m = hash.match(/^#\/story\/(\d+)$/))) {
      await showStory(m[1]);
    } else if (hash === '#/summarize') {
      showForm();
    } else {
      m = hash.match(/[?&]page=(\d+)/);
      await showStories(m ? Math.max(1, parseInt(m[1], 10)) : 1);
    }
  } catch (err) {
    showError(err);
  }
}

window.addEventListener('hashchange', route);
route();
