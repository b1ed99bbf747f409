/* global vis, URLSearchParams, history, location, setTimeout */
/**
 * Chronicle's timeline page: a reference client of the GraphQL API. Everything shown here is read with
 * POST {graphqlPath} using the operations in src/web/operations (served as ./operations.js), so what the
 * page can do, any client can do.
 */
import * as ops from './operations.js';

const GRAPHQL = document.querySelector('meta[name="chronicle:graphql"]').content;
// The server's default MAX_PAGE_SIZE; the page follows pageInfo until the end anyway.
const PAGE_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

const KIND_LABELS = {
  MEETING: 'Meetings',
  INCIDENT: 'Incidents',
  AGREEMENT: 'Agreements',
  AGREEMENT_MILESTONE: 'Agreement milestones',
  CAMPAIGN: 'Campaigns',
  OTHER: 'Other events',
  STATEMENT: 'Statements',
};
const KIND_SINGULAR = {
  MEETING: 'Meeting',
  INCIDENT: 'Incident',
  AGREEMENT: 'Agreement',
  AGREEMENT_MILESTONE: 'Agreement milestone',
  CAMPAIGN: 'Campaign',
  OTHER: 'Event',
  STATEMENT: 'Statement',
};
const KIND_ORDER = Object.keys(KIND_LABELS);
const KIND_PILLS = { ...KIND_SINGULAR, AGREEMENT_MILESTONE: 'Milestone' };
const ACTOR_KIND_LABELS = {
  PERSON: 'People',
  ANONYMOUS_SOURCE: 'Unnamed sources',
  GOVERNMENT: 'Governments',
  ORGANIZATION: 'Organisations',
  COUNTRY: 'Countries',
  MEDIA_OUTLET: 'Media',
  GROUP: 'Groups',
};
const PRECISION_LABELS = { DAY: 'exact day', MONTH: 'month only', YEAR: 'year only', INTERVAL: 'only bounds known' };

const $ = (id) => document.getElementById(id);
const state = { groupBy: 'kind', actorId: '', from: '', to: '', items: [] };
const articleCache = new Map();
let detailToken = 0;
let timeline;
const itemsData = new vis.DataSet();
const groupsData = new vis.DataSet();

// ---------------------------------------------------------------------------------------------
// GraphQL

async function gql(query, variables) {
  let res;
  try {
    res = await fetch(GRAPHQL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new Error(`Cannot reach the Chronicle API at ${GRAPHQL}. Is the server running?`);
  }
  const body = await res.json().catch(() => null);
  if (body?.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!res.ok || !body?.data) throw new Error(`The API answered HTTP ${res.status}.`);
  return body.data;
}

/** Follows a connection's pageInfo to the end. */
async function allPages(query, variables, pick) {
  const nodes = [];
  let after = null;
  for (;;) {
    const conn = pick(await gql(query, { ...variables, first: PAGE_SIZE, after }));
    nodes.push(...conn.edges);
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) return nodes;
    after = conn.pageInfo.endCursor;
  }
}

function article(id) {
  if (!articleCache.has(id)) {
    const p = gql(ops.ArticleText, { id }).then((d) => d.article);
    p.catch(() => articleCache.delete(id));
    articleCache.set(id, p);
  }
  return articleCache.get(id);
}

// ---------------------------------------------------------------------------------------------
// Small DOM and date helpers (text only: data never becomes HTML)

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const dayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const utc = (iso) => new Date(`${iso}T00:00:00Z`);
const fmtDay = (iso) => dayFmt.format(utc(iso));

function fmtFuzzy(start, end, precision) {
  if (!start) return 'undated';
  switch (precision) {
    case 'MONTH': return monthFmt.format(utc(start));
    case 'YEAR': return start.slice(0, 4);
    case 'INTERVAL': return `between ${fmtDay(start)} and ${fmtDay(end)}`;
    default: return fmtDay(start);
  }
}

/** Compact dates for the list: "10–11 Oct 2015 (uncertain)". */
function listDate(item) {
  if (!item.start) return 'undated';
  if (item.datedByReport) return `${fmtDay(item.start)} (reported)`;
  if (item.precision !== 'INTERVAL') return fmtFuzzy(item.start, item.end, item.precision);
  const [a, b] = [utc(item.start), utc(item.end)];
  const sameMonth = a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
  const range = sameMonth ? `${a.getUTCDate()}–${fmtDay(item.end)}` : `${fmtDay(item.start)} – ${fmtDay(item.end)}`;
  return `${range} (uncertain)`;
}

function addDays(iso, n) {
  return new Date(utc(iso).getTime() + n * DAY_MS).toISOString().slice(0, 10);
}

const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

// ---------------------------------------------------------------------------------------------
// Timeline items

function toItem(edge) {
  const n = edge.node;
  const isStatement = n.__typename === 'Statement';
  const start = edge.date?.start ?? edge.sortDate;
  return {
    id: n.id,
    kind: edge.kind,
    isStatement,
    label: isStatement ? `${n.speaker.name}: “${truncate(n.text, 70)}”` : n.name,
    fullText: isStatement ? n.text : n.name,
    speaker: isStatement ? n.speaker : null,
    start,
    end: edge.date?.end ?? start,
    precision: edge.date?.precision ?? null,
    // Statements nobody dated sit on their first report's day, drawn differently.
    datedByReport: isStatement && !edge.date,
    implied: !isStatement && n.implied,
  };
}

const isRange = (item) => item.precision !== null && item.precision !== 'DAY';

function groupOf(item) {
  if (state.groupBy === 'kind') return item.kind;
  return item.isStatement ? item.speaker.id : 'events';
}

function groupsFor(items) {
  if (state.groupBy === 'kind') {
    const present = new Set(items.map((i) => i.kind));
    return KIND_ORDER.filter((k) => present.has(k)).map((k, order) => ({ id: k, content: KIND_LABELS[k], order }));
  }
  const groups = new Map();
  if (items.some((i) => !i.isStatement)) groups.set('events', { id: 'events', content: 'Events', order: '' });
  for (const i of items) {
    if (i.isStatement && !groups.has(i.speaker.id)) {
      // vis renders group content as HTML: names are data.
      groups.set(i.speaker.id, { id: i.speaker.id, content: escapeHtml(i.speaker.name), order: `~${i.speaker.name.toLowerCase()}` });
    }
  }
  return [...groups.values()];
}

function visItem(item) {
  const range = isRange(item);
  const classes = [
    `kind-${item.kind.toLowerCase().replace(/_/g, '-')}`,
    range ? 'is-range' : 'is-day',
    item.datedByReport && 'dated-by-report',
    item.implied && 'is-implied',
  ].filter(Boolean);
  const when = item.datedByReport ? `first reported ${fmtDay(item.start)}` : fmtFuzzy(item.start, item.end, item.precision);
  return {
    id: item.id,
    group: groupOf(item),
    content: h('span', { class: 'item-label', 'data-item-id': item.id }, truncate(item.label, 60)),
    start: item.start,
    // Ranges cover their last day whole: vis ends are exclusive instants. (No `end` key at all on points: vis checks `'end' in item`.)
    ...(range ? { end: addDays(item.end, 1) } : {}),
    type: range ? 'range' : item.isStatement ? 'point' : 'box',
    className: classes.join(' '),
    title: `${escapeHtml(truncate(item.fullText, 240))}<br><small>${escapeHtml(KIND_SINGULAR[item.kind])} · ${escapeHtml(when)}</small>`,
  };
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function createTimeline() {
  timeline = new vis.Timeline($('timeline'), itemsData, groupsData, {
    orientation: { axis: 'top', item: 'top' },
    // Boxes start at their day like ranges do, so an item's left edge is always its (earliest) date.
    align: 'left',
    stack: true,
    groupOrder: 'order',
    margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
    zoomMin: 3 * DAY_MS,
    zoomMax: 50 * 365 * DAY_MS,
    maxHeight: 560,
    minHeight: 260,
    verticalScroll: true,
    showCurrentTime: false,
    tooltip: { followMouse: true, overflowMethod: 'cap', delay: 200 },
  });
  timeline.on('select', ({ items }) => {
    if (items.length) void showDetail(items[0]);
  });
  $('zoom-in').addEventListener('click', () => timeline.zoomIn(0.5));
  $('zoom-out').addEventListener('click', () => timeline.zoomOut(0.5));
  $('zoom-fit').addEventListener('click', () => {
    timeline.fit({ animation: false });
    setHint(null);
  });
}

function draw({ keepWindow = false } = {}) {
  const dated = state.items.filter((i) => i.start);
  itemsData.clear();
  groupsData.clear();
  groupsData.add(groupsFor(dated));
  itemsData.add(dated.map(visItem));
  if (keepWindow) {
    // Regrouping: same items, same stretch of time.
  } else if (state.from || state.to) {
    const first = dated[0]?.start ?? state.from;
    const last = dated.at(-1)?.end ?? state.to;
    timeline.setWindow(state.from || first, addDays(state.to || last, 1), { animation: false });
    setHint(null);
  } else {
    const busiest = busiestStretch(dated);
    if (busiest) {
      timeline.setWindow(busiest[0], busiest[1], { animation: false });
      setHint(`Showing the busiest stretch, ${fmtDay(isoDay(busiest[0]))} – ${fmtDay(isoDay(busiest[1]))}. “Fit all” shows every item.`);
    } else {
      timeline.fit({ animation: false });
      setHint(null);
    }
  }
  drawList();
}

/**
 * News clusters: most items sit in a few weeks while one vague "since last year" stretches the axis over
 * years. Open on the stretch holding the middle 80% of item dates when that is much narrower than everything.
 */
function busiestStretch(items) {
  if (items.length < 8) return null;
  const starts = items.map((i) => utc(i.start).getTime()).sort((a, b) => a - b);
  const ends = items.map((i) => utc(i.end ?? i.start).getTime());
  const at = (p) => starts[Math.round(p * (starts.length - 1))];
  const [lo, hi] = [at(0.1), at(0.9)];
  const all = Math.max(...ends) - starts[0];
  if (hi - lo > all / 2) return null;
  const pad = Math.max((hi - lo) * 0.15, 4 * DAY_MS);
  return [new Date(lo - pad), new Date(hi + pad + DAY_MS)];
}

const isoDay = (date) => date.toISOString().slice(0, 10);

const DEFAULT_HINT = 'Drag to pan, scroll or pinch to zoom, click an item for its sources. Every item is also in the list below.';
function setHint(extra) {
  $('timeline-help').textContent = extra ? `${extra} ${DEFAULT_HINT}` : DEFAULT_HINT;
}

function drawList() {
  const list = $('item-list');
  list.replaceChildren(
    ...state.items.map((item) =>
      h('li', { 'data-id': item.id, 'data-kind': item.kind, 'data-start': item.start ?? '' },
        h('button', { type: 'button', class: 'list-item', onclick: () => selectItem(item.id) },
          h('span', { class: `kind-pill kind-${item.kind.toLowerCase().replace(/_/g, '-')}` }, KIND_PILLS[item.kind]),
          h('span', { class: 'list-date' }, listDate(item)),
          h('span', { class: 'list-label' }, item.label),
        ),
      ),
    ),
  );
}

function selectItem(id) {
  const drawn = itemsData.get(id);
  if (drawn) {
    // Keep the zoom level; just bring the item into view.
    timeline.setSelection(id);
    timeline.moveTo(drawn.start, { animation: { duration: 300 } });
  }
  void showDetail(id);
}

// ---------------------------------------------------------------------------------------------
// Loading, filters, empty state

function readForm() {
  const form = $('filters');
  state.groupBy = form.elements.groupBy.value;
  state.actorId = $('actor').value;
  state.from = $('from').value;
  state.to = $('to').value;
}

function writeUrl() {
  const params = new URLSearchParams();
  if (state.groupBy !== 'kind') params.set('groupBy', state.groupBy);
  for (const k of ['actorId', 'from', 'to']) if (state[k]) params.set(k === 'actorId' ? 'actor' : k, state[k]);
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.groupBy = params.get('groupBy') === 'actor' ? 'actor' : 'kind';
  state.actorId = params.get('actor') ?? '';
  state.from = params.get('from') ?? '';
  state.to = params.get('to') ?? '';
  $(state.groupBy === 'actor' ? 'group-actor' : 'group-kind').checked = true;
  $('from').value = state.from;
  $('to').value = state.to;
}

const filtered = () => Boolean(state.actorId || state.from || state.to);

async function loadTimeline() {
  setStatus('Loading the timeline…');
  showError(null);
  const filter = {};
  if (state.from) filter.from = state.from;
  if (state.to) filter.to = state.to;
  if (state.actorId) filter.actorIds = [state.actorId];
  try {
    const edges = await allPages(ops.TimelinePage, { filter }, (d) => d.timeline);
    state.items = edges.map(toItem);
  } catch (err) {
    state.items = [];
    showError(`The timeline could not be loaded: ${err.message}`);
  }
  const empty = state.items.length === 0;
  document.querySelector('.chart-card').classList.toggle('is-empty', empty);
  $('list-card').hidden = empty;
  $('timeline').hidden = empty;
  $('timeline-help').hidden = empty;
  $('empty').hidden = !empty || !$('error').hidden;
  if (empty) renderEmpty();
  draw();
  setStatus(summary());
}

function summary() {
  const n = state.items.length;
  if (n === 0) return filtered() ? 'No items match these filters.' : 'The graph is empty.';
  const statements = state.items.filter((i) => i.isStatement).length;
  const dated = state.items.filter((i) => i.start);
  const span = dated.length ? `, ${fmtDay(dated[0].start)} – ${fmtDay(dated.reduce((m, i) => (i.end > m ? i.end : m), dated[0].end))}` : '';
  return `${n} item${n === 1 ? '' : 's'}: ${n - statements} event${n - statements === 1 ? '' : 's'} and ${statements} statement${statements === 1 ? '' : 's'}${span}${filtered() ? ' (filtered)' : ''}.`;
}

function renderEmpty() {
  const actions = $('empty-actions');
  if (filtered()) {
    $('empty-title').textContent = 'Nothing here for these filters';
    $('empty-text').textContent = 'No event or statement matches this actor and date range. Widen the dates or pick another actor.';
    actions.replaceChildren(h('button', { type: 'button', class: 'primary', onclick: resetFilters }, 'Clear filters'));
  } else {
    $('empty-title').textContent = 'Your timeline is waiting for its first story';
    $('empty-text').replaceChildren(
      'Nothing has been ingested yet. Load the sample articles with ',
      h('code', {}, 'npm run seed'),
      ', add your own with ',
      h('code', {}, 'chronicle ingest <folder>'),
      ', or send one through the ',
      h('code', {}, 'ingestArticle'),
      ' mutation. Events and statements appear here as soon as they are in the graph.',
    );
    actions.replaceChildren(h('a', { class: 'button primary', href: GRAPHQL }, 'Open the GraphQL playground'));
  }
}

async function loadActors() {
  const select = $('actor');
  try {
    const edges = await allPages(ops.TimelineActors, {}, (d) => d.actors);
    const byKind = new Map();
    for (const { node } of edges) {
      if (!byKind.has(node.kind)) byKind.set(node.kind, []);
      byKind.get(node.kind).push(node);
    }
    const groups = Object.keys(ACTOR_KIND_LABELS)
      .filter((k) => byKind.has(k))
      .map((k) => h('optgroup', { label: ACTOR_KIND_LABELS[k] },
        byKind.get(k).map((a) => h('option', { value: a.id, selected: a.id === state.actorId }, a.name))));
    select.replaceChildren(h('option', { value: '' }, 'All actors'), ...groups);
  } catch {
    // The filter is a convenience; the timeline still loads (and reports the API error itself).
  }
}

function resetFilters() {
  // The form's reset event reloads (see init).
  $('filters').reset();
}

function setStatus(text) {
  $('status').textContent = text;
}

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message ?? '';
}

// ---------------------------------------------------------------------------------------------
// Detail panel

async function showDetail(id) {
  const token = ++detailToken;
  const panel = $('detail');
  const item = state.items.find((i) => i.id === id);
  for (const li of $('item-list').children) li.toggleAttribute('aria-current', li.dataset.id === id);
  panel.setAttribute('aria-busy', 'true');
  $('detail-body').replaceChildren(h('p', { class: 'placeholder' }, 'Loading…'));
  try {
    const body = item?.isStatement === false || (!item && id.startsWith('event:')) ? await eventDetail(id) : await statementDetail(id);
    if (token !== detailToken) return;
    $('detail-body').replaceChildren(...body.flat(Infinity).filter(Boolean));
  } catch (err) {
    if (token !== detailToken) return;
    $('detail-body').replaceChildren(h('p', { class: 'error-inline' }, `Could not load this item: ${err.message}`));
  } finally {
    if (token === detailToken) panel.setAttribute('aria-busy', 'false');
  }
}

async function statementDetail(id) {
  const { statement: s } = await gql(ops.StatementDetail, { id });
  if (!s) return [h('p', { class: 'placeholder' }, 'This statement is no longer in the graph.')];
  const when = s.saidOn ? `said ${fmtFuzzy(s.saidOn.start, s.saidOn.end, s.saidOn.precision)}` : `first reported ${fmtDay(s.sortDate)}`;
  const sources = await Promise.all(s.sources.map((src) => sourceBlock(src, [s.speaker.name, ...src.via.map((v) => v.name), src.article.outlet])));
  return [
    h('p', { class: 'eyebrow' }, `Statement · ${s.kind === 'DIRECT' ? 'direct quote' : 'reported speech'} · ${when}`),
    h('blockquote', { class: 'quote' }, s.kind === 'DIRECT' ? `“${s.text}”` : s.text),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Speaker'),
      h('dd', { class: 'speaker' }, s.speaker.name, s.speaker.role ? h('span', { class: 'muted' }, ` · ${s.speaker.role}`) : null),
      s.verb ? [h('dt', {}, 'Verb'), h('dd', {}, s.verb)] : null,
      s.audience.length ? [h('dt', {}, 'Said to'), h('dd', {}, s.audience.map((a) => a.name).join(', '))] : null,
      s.saidOn ? [h('dt', {}, 'Date'), h('dd', {}, `${fmtFuzzy(s.saidOn.start, s.saidOn.end, s.saidOn.precision)} (${PRECISION_LABELS[s.saidOn.precision]})`)] : null,
    ),
    s.claims.length
      ? [h('h3', {}, 'Claims it makes'), h('ul', { class: 'plain' }, s.claims.map((c) => h('li', {}, h('strong', {}, c.attribute), `: ${c.value} `, h('span', { class: 'norm' }, c.normalized))))]
      : null,
    h('h3', {}, `Reported in ${s.sources.length} article${s.sources.length === 1 ? '' : 's'}`),
    h('div', { class: 'sources' }, sources),
  ];
}

async function eventDetail(id) {
  const { event: e } = await gql(ops.EventDetail, { id });
  if (!e) return [h('p', { class: 'placeholder' }, 'This event is no longer in the graph.')];
  const claimGroups = await Promise.all(e.claimsByAttribute.map(claimGroupBlock));
  const mentions = await Promise.all(e.sources.slice(0, 6).map((src) => sourceBlock(src, null)));
  const facts = [
    h('dt', {}, 'When'),
    h('dd', {}, e.start ? `${fmtFuzzy(e.start, e.end, e.precision)} (${PRECISION_LABELS[e.precision] ?? 'precision unknown'})` : 'no article dates it'),
  ];
  if (e.series) facts.push(h('dt', {}, 'Series'), h('dd', {}, e.ordinal ? `no. ${e.ordinal} of “${e.series.name}”` : e.series.name));
  if (e.participants?.length) facts.push(h('dt', {}, 'Participants'), h('dd', {}, e.participants.map((p) => p.name).join(', ')));
  if (e.status) facts.push(h('dt', {}, 'Status'), h('dd', {}, e.status.toLowerCase().replace(/_/g, ' ')));
  return [
    h('p', { class: 'eyebrow' }, KIND_SINGULAR[e.kind] ?? 'Event', e.implied ? h('span', { class: 'badge' }, 'implied') : null),
    h('p', { class: 'event-name' }, e.name),
    h('dl', { class: 'facts' }, facts),
    claimGroups.length ? [h('h3', {}, 'Claims, side by side'), ...claimGroups] : null,
    e.statements.length
      ? [h('h3', {}, 'Statements about it'),
         h('ul', { class: 'plain statements' }, e.statements.map((s) =>
           h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => selectItem(s.id) }, `${s.speaker.name}: “${truncate(s.text, 90)}”`))))]
      : null,
    mentions.length ? [h('h3', {}, `Mentioned in ${e.sources.length} place${e.sources.length === 1 ? '' : 's'}`), h('div', { class: 'sources' }, mentions)] : null,
  ];
}

async function claimGroupBlock(group) {
  const claims = await Promise.all(group.claims.map(async (c) => {
    const who = c.source.speaker?.name ?? (c.curated ? `curated (${c.curationSource ?? 'curation file'})` : 'the article itself');
    const excerpts = await Promise.all(c.sources.map((src) => sourceBlock(src, null, { compact: true })));
    return h('li', { class: 'claim', 'data-claim-id': c.id },
      h('div', { class: 'claim-head' }, h('span', { class: 'claim-value' }, c.value), h('span', { class: 'norm', title: 'normalised' }, c.normalized)),
      h('p', { class: 'claim-source' }, 'according to ', h('strong', { class: 'claim-speaker' }, who)),
      excerpts,
    );
  }));
  return h('section', { class: 'claim-group', 'data-attribute': group.attribute },
    h('h4', {},
      group.attribute,
      h('span', { class: 'count' }, `${group.claims.length} claim${group.claims.length === 1 ? '' : 's'}`),
      group.conflicting ? h('span', { class: 'badge warn' }, 'sources disagree') : h('span', { class: 'badge ok' }, 'sources agree')),
    h('ul', { class: 'claims' }, claims),
  );
}

/** One source span: the article, optionally the chain speaker → intermediaries → outlet, and the sentence with the span marked. */
async function sourceBlock(src, chain, { compact = false } = {}) {
  const a = src.article;
  const art = await article(a.id).catch(() => null);
  const title = a.title ? ` — ${truncate(a.title, 80)}` : '';
  const head = a.url
    ? h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, `${a.outlet}, ${fmtDay(a.publishedAt)}`)
    : h('span', {}, `${a.outlet}, ${fmtDay(a.publishedAt)}`);
  return h('figure', { class: compact ? 'source compact' : 'source', 'data-article-id': a.id },
    h('figcaption', {}, head, compact ? null : h('span', { class: 'muted' }, title)),
    chain ? h('ol', { class: 'chain', 'aria-label': 'How the words reached this article' }, chain.map((name) => h('li', {}, h('span', {}, name)))) : null,
    h('blockquote', { class: 'excerpt' }, excerpt(art?.text ?? null, src)),
  );
}

const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)|\n/g;
// "U.S." and "Col." end words, not sentences.
const ABBREVIATION = /(?:\b[A-Z]\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Col|Gen|Maj|Capt|Lt|Sgt|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|St|No|vs|etc))$/;
const MAX_CONTEXT = 360;

function nextSentenceEnd(text, from) {
  SENTENCE_END.lastIndex = from;
  for (let m; (m = SENTENCE_END.exec(text));) {
    if (m[0] === '\n') return m;
    if (m[0][0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const following = /^\s+(\S)/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
    if (!following || /[A-Z0-9"“‘'(]/.test(following[1])) return m;
  }
  return null;
}

/** The sentence(s) around [start, end) with the span itself in <mark>; "…" where the context is cut short. */
function excerpt(text, { start, end, exact }) {
  if (!text || text.slice(start, end) !== exact) {
    // Text unavailable or offsets stale: show the recorded words alone rather than a wrong highlight.
    return [h('mark', {}, exact)];
  }
  let from = Math.max(0, start - MAX_CONTEXT);
  let cutStart = from > 0;
  for (let m = nextSentenceEnd(text, from); m && m.index + m[0].length <= start; m = nextSentenceEnd(text, m.index + m[0].length)) {
    from = m.index + m[0].length;
    cutStart = false;
  }
  const next = nextSentenceEnd(text, Math.max(start, end - 1));
  let to = next ? next.index + next[0].length : text.length;
  const cutEnd = to > end + MAX_CONTEXT;
  if (cutEnd) to = end + MAX_CONTEXT;
  return [
    cutStart ? '…' : '',
    text.slice(from, start).trimStart(),
    h('mark', {}, exact),
    text.slice(end, to).trimEnd(),
    cutEnd ? '…' : '',
  ];
}

// ---------------------------------------------------------------------------------------------

function init() {
  readUrl();
  createTimeline();
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    readForm();
    writeUrl();
    void loadTimeline();
  });
  $('filters').addEventListener('reset', () =>
    // Runs after the browser has reset the fields.
    setTimeout(() => {
      readForm();
      writeUrl();
      void loadTimeline();
    }),
  );
  for (const radio of document.querySelectorAll('input[name="groupBy"]')) {
    // Regrouping needs no new data: redraw what is loaded.
    radio.addEventListener('change', () => {
      state.groupBy = radio.value;
      writeUrl();
      draw({ keepWindow: true });
    });
  }
  void loadActors();
  void loadTimeline();
}

init();
