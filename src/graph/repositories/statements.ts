/**
 * Who said what: statement lists and the statement chain (reports, intermediaries, wordings).
 * Batch functions take many ids and answer in one query, so nested fields cost one round trip per
 * field, not per item.
 */
import type { Runner } from './runner.js';
import {
  ACTOR_FIELDS,
  actorMap,
  ARTICLE_FIELDS,
  DIRECTION,
  actorRow,
  afterCursor,
  articleRow,
  asObj,
  claimRow,
  claimMap,
  eventMap,
  eventRow,
  fixedVariants,
  fulltextQuery,
  keysetParams,
  orderedVia,
  seekBounds,
  spans,
  statementMap,
  statementRow,
  toInt,
  toList,
  toNumList,
  toPage,
  toStr,
} from './common.js';
import type {
  ActorRow,
  ClaimRow,
  KeysetKey,
  Page,
  PageRequest,
  ReportRow,
  SortOrder,
  StatementKind,
  StatementRow,
  TopicRow,
  WordingRow,
} from './types.js';
import { groupRows, keyed } from './group.js';

export interface StatementFilter {
  speakerId?: string | null;
  about?: string | null;
  via?: string | null;
  from?: string | null;
  to?: string | null;
  text?: string | null;
  kind?: StatementKind | null;
}

// Optional filters are `$p IS NULL OR …` so one plan serves every combination; a filter the source already
// guarantees (the speaker when starting from the speaker) is left out of that variant.
const SPEAKER_FILTER = '($speakerId IS NULL OR EXISTS { MATCH (:Actor {id: $speakerId})-[:SAID]->(s) })';
const ABOUT_FILTER = '($about IS NULL OR EXISTS { MATCH (s)-[:ABOUT]->(t) WHERE t.id = $about })';
const VIA_FILTER = '($via IS NULL OR EXISTS { MATCH (s)-[:VIA]->(:Actor {id: $via}) })';
const OTHER_FILTERS = `($kind IS NULL OR s.kind = $kind)
  AND ($from IS NULL OR coalesce(s.saidOnEnd, s.saidOnStart, s.sortDate) >= date($from))
  AND ($to IS NULL OR coalesce(s.saidOnStart, s.sortDate) <= date($to))`;

/**
 * Where a page of statements starts: full-text hits; the speaker's, the topic's or the intermediary's
 * statements (bounded by that node's degree, not the graph); else an ordered seek on the sortDate range
 * index from the cursor, which stops after one page.
 */
type StatementSource = 'all' | 'text' | 'speaker' | 'about' | 'via';

const STATEMENT_SOURCES: Record<StatementSource, string> = {
  all: 'MATCH (s:Statement) WHERE s.sortDate >= date($lo) AND s.sortDate <= date($hi)',
  text: "CALL db.index.fulltext.queryNodes('statementText', $lucene) YIELD node AS s\nWITH s WHERE s.sortDate IS NOT NULL",
  speaker: 'MATCH (:Actor {id: $speakerId})-[:SAID]->(s:Statement) WHERE s.sortDate IS NOT NULL',
  // A topic is an event or an actor; by label, so each side is a unique-index seek.
  about: `CALL () { MATCH (t:Event {id: $about}) RETURN t UNION MATCH (t:Actor {id: $about}) RETURN t }
MATCH (s:Statement)-[:ABOUT]->(t)
WITH DISTINCT s WHERE s.sortDate IS NOT NULL`,
  via: `MATCH (:Actor {id: $via})<-[:VIA]-(s:Statement)
WITH DISTINCT s WHERE s.sortDate IS NOT NULL`,
};

/**
 * Every report of `s`, oldest first, with the intermediary chain of each article (one row per `s`). The
 * article texts, needed to slice quote spans in JavaScript, come once per article from TEXTS_OF_ROWS.
 */
const REPORTS_OF_S = `CALL (s) {
  OPTIONAL MATCH (s)-[r:REPORTED_IN]->(art:Article)
  WITH s, r, art ORDER BY art.publishedAt, art.id, r.start
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    kind: s.kind, speaker: [(sp:Actor)-[:SAID]->(s) | sp.name][0], article: art {${ARTICLE_FIELDS}},
    via: [(s)-[v:VIA]->(x:Actor) WHERE v.articleId = art.id | {position: v.position, actor: x {${ACTOR_FIELDS}}}],
    start: r.start, end: r.end, exact: r.exact, verb: r.verb, quoteStarts: r.quoteStarts, quoteEnds: r.quoteEnds
  } END) AS reports
}`;

/** `rows` (maps with a `reports` list) → the text of every article they report from, once each. */
const TEXTS_OF_ROWS = `COLLECT {
  UNWIND rows AS row_
  UNWIND row_.reports AS rep_
  WITH DISTINCT rep_.article.id AS aid_
  MATCH (t_:Article {id: aid_})
  RETURN {id: t_.id, text: t_.text}
}`;

function listStatementsQuery(source: StatementSource, order: SortOrder, withReports: boolean): string {
  const { dir } = DIRECTION[order];
  const filters = [
    ...(source === 'speaker' ? [] : [SPEAKER_FILTER]),
    ...(source === 'about' ? [] : [ABOUT_FILTER]),
    ...(source === 'via' ? [] : [VIA_FILTER]),
    OTHER_FILTERS,
    afterCursor('s.sortDate', 's.id', order),
  ];
  const page = `${STATEMENT_SOURCES[source]}
  AND ${filters.join('\n  AND ')}
WITH s ORDER BY s.sortDate ${dir}, s.id ${dir} LIMIT $limit`;
  if (!withReports) return `${page}\nRETURN ${statementMap('s')} AS node, toString(s.sortDate) AS key\nORDER BY key ${dir}, node.id ${dir}`;
  // The page's reports in the same query: `sources`/`reports` of a who-said-what page cost no second round trip.
  return `${page}
${REPORTS_OF_S}
WITH s, reports ORDER BY s.sortDate ${dir}, s.id ${dir}
WITH collect({node: ${statementMap('s')}, key: toString(s.sortDate), sid: s.id, reports: reports}) AS rows
RETURN rows, ${TEXTS_OF_ROWS} AS texts`;
}

const SOURCES: readonly StatementSource[] = ['all', 'text', 'speaker', 'about', 'via'];

/** Statements matching a filter, keyset-paged on (sortDate, id); fixed variants (source × direction). */
export const LIST_STATEMENTS = fixedVariants(SOURCES, (source, order) => listStatementsQuery(source, order, false));

/** LIST_STATEMENTS that also returns every report of the page's statements (with the article texts they need). */
export const LIST_STATEMENTS_WITH_REPORTS = fixedVariants(SOURCES, (source, order) => listStatementsQuery(source, order, true));

export interface ListStatementsOptions {
  /** Also fetch the page's reports (for `sources`, `reports`, `earliestReport`, `otherWordings`) in the same query. */
  withReports?: boolean;
}

/** A page of statements, and with `withReports` the reports of each (statement id → reports, oldest first). */
export interface StatementPage extends Page<StatementRow> {
  reports?: Map<string, ReportRow[]>;
}

export async function listStatements(
  run: Runner,
  filter: StatementFilter,
  page: PageRequest,
  order: SortOrder = 'ASC',
  opts: ListStatementsOptions = {},
): Promise<StatementPage> {
  const lucene = filter.text ? fulltextQuery(filter.text) : null;
  if (filter.text && !lucene) return { items: [], hasNextPage: false, ...(opts.withReports ? { reports: new Map() } : {}) };
  const source: StatementSource = lucene
    ? 'text'
    : filter.speakerId
      ? 'speaker'
      : filter.about
        ? 'about'
        : filter.via
          ? 'via'
          : 'all';
  const params = {
    speakerId: filter.speakerId ?? null,
    about: filter.about ?? null,
    via: filter.via ?? null,
    kind: filter.kind ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    lucene,
    ...seekBounds(order, page.after, filter.to),
    ...keysetParams(page.limit, page.after),
  };
  if (!opts.withReports) return toPage(keyed(await run.read(LIST_STATEMENTS[source][order], params), statementRow), page.limit);
  const [row] = await run.read(LIST_STATEMENTS_WITH_REPORTS[source][order], params);
  const rows = toList(row?.rows).map(asObj);
  const reports = reportRows(rows, row?.texts);
  return { ...toPage(keyed(rows, statementRow), page.limit), reports };
}

export const FIND_STATEMENTS = `UNWIND $ids AS sid
MATCH (s:Statement {id: sid})
RETURN sid AS key, ${statementMap('s')} AS node`;

export async function statementsByIds(run: Runner, ids: readonly string[]): Promise<Map<string, StatementRow[]>> {
  const rows = await run.read(FIND_STATEMENTS, { ids });
  return groupRows(rows, (r) => statementRow(r.node));
}

// ---------------------------------------------------------------------------------------------
// Actor.statements: a page per speaker, every speaker of the request in one query.

export interface SpeakerPageRequest extends PageRequest {
  speakerId: string;
}

export const STATEMENTS_BY_SPEAKERS = `UNWIND $requests AS req
CALL (req) {
  MATCH (:Actor {id: req.speakerId})-[:SAID]->(s:Statement)
  WHERE s.sortDate IS NOT NULL
    AND (req.afterId IS NULL OR s.sortDate > date(req.afterKey) OR (s.sortDate = date(req.afterKey) AND s.id > req.afterId))
  WITH s ORDER BY s.sortDate, s.id
  // LIMIT cannot read a row's value: slice the ids, then project only the page.
  WITH req, collect(s) AS all_
  UNWIND all_[0..req.limit] AS s
  RETURN collect({node: ${statementMap('s')}, key: toString(s.sortDate)}) AS rows
}
RETURN req.ref AS ref, rows`;

export async function statementsBySpeakers(
  run: Runner,
  requests: readonly SpeakerPageRequest[],
): Promise<Map<string, Page<StatementRow>>> {
  const params = requests.map((r, i) => ({ ref: String(i), speakerId: r.speakerId, ...keysetParams(r.limit, r.after) }));
  const rows = await run.read(STATEMENTS_BY_SPEAKERS, { requests: params });
  const out = new Map<string, Page<StatementRow>>();
  for (const r of rows) {
    const req = requests[Number(r.ref)];
    if (!req) continue;
    const items = toList(r.rows).map((x) => {
      const node = statementRow(asObj(x).node);
      return { node, key: [String(asObj(x).key), node.id] as KeysetKey };
    });
    out.set(speakerPageKey(req), toPage(items, req.limit));
  }
  return out;
}

export function speakerPageKey(r: SpeakerPageRequest): string {
  return JSON.stringify([r.speakerId, r.limit, r.after]);
}

// ---------------------------------------------------------------------------------------------
// The statement chain

/** Statements by id with every report of each, in one query (the statement chain: `statement(id) { reports … }`). */
export const FIND_STATEMENTS_WITH_REPORTS = `UNWIND $ids AS sid
MATCH (s:Statement {id: sid})
${REPORTS_OF_S}
WITH collect({sid: sid, node: ${statementMap('s')}, reports: reports}) AS rows
RETURN rows, ${TEXTS_OF_ROWS} AS texts`;

export interface StatementsWithReports {
  statements: Map<string, StatementRow[]>;
  reports: Map<string, ReportRow[]>;
}

export async function statementsWithReports(run: Runner, ids: readonly string[]): Promise<StatementsWithReports> {
  const [row] = await run.read(FIND_STATEMENTS_WITH_REPORTS, { ids });
  const rows = toList(row?.rows).map(asObj);
  const statements = new Map(rows.map((r) => [String(r.sid), [statementRow(r.node)]]));
  return { statements, reports: reportRows(rows, row?.texts) };
}

/** Every report of each statement, oldest first (statements that do not exist are absent). */
export async function reportsByStatements(run: Runner, ids: readonly string[]): Promise<Map<string, ReportRow[]>> {
  return (await statementsWithReports(run, ids)).reports;
}

/** Rows `{sid, reports}` and the article texts → statement id → reports; quote spans are sliced here. */
function reportRows(rows: ReadonlyArray<Record<string, unknown>>, textList: unknown): Map<string, ReportRow[]> {
  const texts = new Map(toList(textList).map((t) => [String(asObj(t).id), toStr(asObj(t).text)]));
  const out = new Map<string, ReportRow[]>();
  for (const row of rows) out.set(String(row.sid), toList(row.reports).map((item) => reportRow(asObj(item), texts)));
  return out;
}

function reportRow(m: Record<string, unknown>, texts: ReadonlyMap<string, string | null>): ReportRow {
  const article = articleRow(m.article);
  const via = orderedVia(m.via);
  const exact = toStr(m.exact) ?? '';
  const quotes = spans(texts.get(article.id) ?? null, toNumList(m.quoteStarts), toNumList(m.quoteEnds));
  return {
    article,
    via,
    start: toInt(m.start),
    end: toInt(m.end),
    exact,
    verb: toStr(m.verb),
    quotes,
    path: [toStr(m.speaker) ?? '?', ...via.map((a) => a.name), article.outlet],
    // A direct quote's wording is its quoted words; reported speech is worded by the whole attribution
    // (a quoted fragment inside reported speech is not the statement).
    wording: m.kind !== 'INDIRECT' && quotes.length > 0 ? quotes.map((q) => q.exact).join(' … ') : exact,
  };
}

/** Compares wordings ignoring case, spacing, quote-mark style and edge punctuation. */
export function normaliseWording(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s'.,;:!?…-]+|[\s'.,;:!?…-]+$/g, '');
}

/**
 * Wordings of the reports that differ from the statement's canonical text, each with its articles in report
 * order. A wording that contains the canonical text whole (reported speech inside its attribution) is the same.
 */
export function otherWordings(text: string, reports: readonly ReportRow[]): WordingRow[] {
  const canonical = normaliseWording(text);
  const byWording = new Map<string, WordingRow>();
  for (const r of reports) {
    const key = normaliseWording(r.wording);
    if (key.includes(canonical)) continue;
    const w = byWording.get(key) ?? { text: r.wording, articles: [] };
    if (!w.articles.some((a) => a.id === r.article.id)) w.articles.push(r.article);
    byWording.set(key, w);
  }
  return [...byWording.values()];
}

// ---------------------------------------------------------------------------------------------
// Other nested fields

export const ABOUT_BY_STATEMENTS = `UNWIND $ids AS sid
MATCH (:Statement {id: sid})-[:ABOUT]->(t)
WHERE t:Actor OR t:Event
RETURN sid AS key, t:Actor AS isActor, ${eventMap('t')} AS event, ${actorMap('t')} AS actor
ORDER BY t.name, t.id`;

export async function aboutByStatements(run: Runner, ids: readonly string[]): Promise<Map<string, TopicRow[]>> {
  const rows = await run.read(ABOUT_BY_STATEMENTS, { ids });
  return groupRows(rows, (r): TopicRow => (r.isActor ? actorRow(r.actor) : eventRow(r.event)));
}

export const AUDIENCE_BY_STATEMENTS = `UNWIND $ids AS sid
MATCH (:Statement {id: sid})-[:TO]->(x:Actor)
WITH DISTINCT sid, x
RETURN sid AS key, x {${ACTOR_FIELDS}} AS actor
ORDER BY x.name, x.id`;

export async function audienceByStatements(run: Runner, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  return groupRows(await run.read(AUDIENCE_BY_STATEMENTS, { ids }), (r) => actorRow(r.actor));
}

export const CLAIMS_BY_STATEMENTS = `UNWIND $ids AS sid
MATCH (:Statement {id: sid})-[:ASSERTS]->(c:Claim)
RETURN sid AS key, ${claimMap('c')} AS claim
ORDER BY c.attribute, c.normalized, c.id`;

export async function claimsByStatements(run: Runner, ids: readonly string[]): Promise<Map<string, ClaimRow[]>> {
  return groupRows(await run.read(CLAIMS_BY_STATEMENTS, { ids }), (r) => claimRow(r.claim));
}

export const STATEMENTS_BY_ARTICLES = `UNWIND $ids AS aid
MATCH (s:Statement)-[r:REPORTED_IN]->(:Article {id: aid})
RETURN aid AS key, ${statementMap('s')} AS node
ORDER BY r.start, s.id`;

export async function statementsByArticles(run: Runner, ids: readonly string[]): Promise<Map<string, StatementRow[]>> {
  return groupRows(await run.read(STATEMENTS_BY_ARTICLES, { ids }), (r) => statementRow(r.node));
}

export const STATEMENTS_ABOUT_EVENTS = `UNWIND $ids AS eid
MATCH (s:Statement)-[:ABOUT]->(:Event {id: eid})
RETURN eid AS key, ${statementMap('s')} AS node
ORDER BY s.sortDate, s.id`;

export async function statementsAboutEvents(run: Runner, ids: readonly string[]): Promise<Map<string, StatementRow[]>> {
  return groupRows(await run.read(STATEMENTS_ABOUT_EVENTS, { ids }), (r) => statementRow(r.node));
}
