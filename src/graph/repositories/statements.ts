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
  UNDATED,
  actorRow,
  articleRow,
  asObj,
  claimRow,
  claimMap,
  eventMap,
  eventRow,
  fulltextQuery,
  keysetParams,
  orderedVia,
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

// Optional filters are `$p IS NULL OR …` so one plan serves every combination.
const STATEMENT_FILTER = `($speakerId IS NULL OR EXISTS { MATCH (:Actor {id: $speakerId})-[:SAID]->(s) })
  AND ($about IS NULL OR EXISTS { MATCH (s)-[:ABOUT]->(t) WHERE t.id = $about })
  AND ($via IS NULL OR EXISTS { MATCH (s)-[:VIA]->(:Actor {id: $via}) })
  AND ($kind IS NULL OR s.kind = $kind)
  AND ($from IS NULL OR coalesce(s.saidOnEnd, s.saidOnStart, s.sortDate) >= date($from))
  AND ($to IS NULL OR coalesce(s.saidOnStart, s.sortDate) <= date($to))`;

const FULLTEXT_STATEMENTS = "CALL db.index.fulltext.queryNodes('statementText', $lucene) YIELD node AS s";

function listStatementsQuery(source: 'all' | 'text', order: SortOrder): string {
  const { dir, cmp } = DIRECTION[order];
  return `${source === 'text' ? FULLTEXT_STATEMENTS : 'MATCH (s:Statement)'}
WITH s, coalesce(s.sortDate, s.saidOnStart, date($undated)) AS key
WHERE ${STATEMENT_FILTER}
  AND ($afterId IS NULL OR key ${cmp} date($afterKey) OR (key = date($afterKey) AND s.id ${cmp} $afterId))
RETURN ${statementMap('s')} AS node, toString(key) AS key
ORDER BY key ${dir}, s.id ${dir}
LIMIT $limit`;
}

/** Statements matching a filter, keyset-paged on (sortDate, id); four fixed variants (text search × direction). */
export const LIST_STATEMENTS = {
  all: { ASC: listStatementsQuery('all', 'ASC'), DESC: listStatementsQuery('all', 'DESC') },
  text: { ASC: listStatementsQuery('text', 'ASC'), DESC: listStatementsQuery('text', 'DESC') },
} as const;

export async function listStatements(
  run: Runner,
  filter: StatementFilter,
  page: PageRequest,
  order: SortOrder = 'ASC',
): Promise<Page<StatementRow>> {
  const lucene = filter.text ? fulltextQuery(filter.text) : null;
  if (filter.text && !lucene) return { items: [], hasNextPage: false };
  const rows = await run.read(LIST_STATEMENTS[lucene ? 'text' : 'all'][order], {
    speakerId: filter.speakerId ?? null,
    about: filter.about ?? null,
    via: filter.via ?? null,
    kind: filter.kind ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    lucene,
    undated: UNDATED[order],
    ...keysetParams(page.limit, page.after),
  });
  return toPage(keyed(rows, statementRow), page.limit);
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
  WITH s, coalesce(s.sortDate, s.saidOnStart, date($undated)) AS key
  WHERE req.afterId IS NULL OR key > date(req.afterKey) OR (key = date(req.afterKey) AND s.id > req.afterId)
  WITH s, key ORDER BY key, s.id
  WITH collect({node: ${statementMap('s')}, key: toString(key)}) AS rows
  RETURN rows[0..req.limit] AS rows
}
RETURN req.ref AS ref, rows`;

export async function statementsBySpeakers(
  run: Runner,
  requests: readonly SpeakerPageRequest[],
): Promise<Map<string, Page<StatementRow>>> {
  const params = requests.map((r, i) => ({ ref: String(i), speakerId: r.speakerId, ...keysetParams(r.limit, r.after) }));
  const rows = await run.read(STATEMENTS_BY_SPEAKERS, { requests: params, undated: UNDATED.ASC });
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

/**
 * Every report of each statement, oldest first, with the per-article intermediary chain. Article texts come
 * once per article (not per report) so quote spans can be sliced in JavaScript.
 */
export const REPORTS_BY_STATEMENTS = `UNWIND $ids AS sid
MATCH (s:Statement {id: sid})-[r:REPORTED_IN]->(art:Article)
WITH s, r, art,
  [(s)-[v:VIA]->(x:Actor) WHERE v.articleId = art.id | {position: v.position, actor: x {${ACTOR_FIELDS}}}] AS via
ORDER BY art.publishedAt, art.id, r.start
WITH collect({
  sid: s.id, kind: s.kind, speaker: [(sp:Actor)-[:SAID]->(s) | sp.name][0], article: art {${ARTICLE_FIELDS}}, via: via,
  start: r.start, end: r.end, exact: r.exact, verb: r.verb, quoteStarts: r.quoteStarts, quoteEnds: r.quoteEnds
}) AS reports, collect(DISTINCT art) AS arts
RETURN reports, [t IN arts | {id: t.id, text: t.text}] AS texts`;

export async function reportsByStatements(run: Runner, ids: readonly string[]): Promise<Map<string, ReportRow[]>> {
  const [row] = await run.read(REPORTS_BY_STATEMENTS, { ids });
  const texts = new Map(toList(row?.texts).map((t) => [String(asObj(t).id), toStr(asObj(t).text)]));
  const out = new Map<string, ReportRow[]>();
  for (const item of toList(row?.reports)) {
    const m = asObj(item);
    const article = articleRow(m.article);
    const via = orderedVia(m.via);
    const exact = toStr(m.exact) ?? '';
    const quotes = spans(texts.get(article.id) ?? null, toNumList(m.quoteStarts), toNumList(m.quoteEnds));
    const report: ReportRow = {
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
    const sid = String(m.sid);
    out.set(sid, [...(out.get(sid) ?? []), report]);
  }
  return out;
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
