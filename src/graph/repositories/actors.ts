/** Actors: lookup, search, and what hangs off an actor (affiliations, meetings, events, outlets, mentions). */
import type { Runner } from './runner.js';
import {
  ACTOR_FIELDS,
  ARTICLE_FIELDS,
  actorMap,
  actorRow,
  articleRow,
  asObj,
  eventMap,
  eventRow,
  fulltextQuery,
  keysetParams,
  sourceRow,
  toInt,
  toList,
  toPage,
  toStr,
} from './common.js';
import { groupRows, keyed } from './group.js';
import type {
  ActorKind,
  ActorRow,
  AffiliationRow,
  EventRow,
  OutletReachRow,
  Page,
  PageRequest,
  SourceRow,
} from './types.js';

export const FIND_ACTORS = `UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
RETURN aid AS key, ${actorMap('a')} AS actor`;

export async function actorsByIds(run: Runner, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  return groupRows(await run.read(FIND_ACTORS, { ids }), (r) => actorRow(r.actor));
}

export interface ActorFilter {
  text?: string | null;
  kind?: ActorKind | null;
}

function listActorsQuery(source: 'all' | 'text'): string {
  const match =
    source === 'text'
      ? "CALL db.index.fulltext.queryNodes('actorNamesFolded', $lucene) YIELD node AS a"
      : 'MATCH (a:Actor)';
  return `${match}
WITH a, coalesce(a.name, a.id) AS key
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($afterId IS NULL OR key > $afterKey OR (key = $afterKey AND a.id > $afterId))
RETURN ${actorMap('a')} AS node, key
ORDER BY key, a.id
LIMIT $limit`;
}

/** Actors by (name, id), optionally full-text matched on name and aliases (index `actorNamesFolded`). */
export const LIST_ACTORS = { all: listActorsQuery('all'), text: listActorsQuery('text') } as const;

export async function listActors(run: Runner, filter: ActorFilter, page: PageRequest): Promise<Page<ActorRow>> {
  const lucene = filter.text ? fulltextQuery(filter.text, { prefix: true }) : null;
  if (filter.text && !lucene) return { items: [], hasNextPage: false };
  const rows = await run.read(LIST_ACTORS[lucene ? 'text' : 'all'], {
    kind: filter.kind ?? null,
    lucene,
    ...keysetParams(page.limit, page.after),
  });
  return toPage(keyed(rows, actorRow), page.limit);
}

export const AFFILIATIONS_BY_ACTORS = `UNWIND $ids AS aid
MATCH (:Actor {id: aid})-[r:AFFILIATED_WITH]->(x:Actor)
RETURN aid AS key, r.role AS role, ${actorMap('x')} AS actor
ORDER BY x.name, x.id`;

export const AFFILIATES_BY_ACTORS = `UNWIND $ids AS aid
MATCH (x:Actor)-[r:AFFILIATED_WITH]->(:Actor {id: aid})
RETURN aid AS key, r.role AS role, ${actorMap('x')} AS actor
ORDER BY x.name, x.id`;

const affiliation = (r: Record<string, unknown>): AffiliationRow => ({ role: toStr(r.role), actor: actorRow(r.actor) });

export async function affiliationsByActors(run: Runner, ids: readonly string[]): Promise<Map<string, AffiliationRow[]>> {
  return groupRows(await run.read(AFFILIATIONS_BY_ACTORS, { ids }), affiliation);
}

export async function affiliatesByActors(run: Runner, ids: readonly string[]): Promise<Map<string, AffiliationRow[]>> {
  return groupRows(await run.read(AFFILIATES_BY_ACTORS, { ids }), affiliation);
}

export const MEETINGS_BY_ACTORS = `UNWIND $ids AS aid
MATCH (:Actor {id: aid})-[:PARTICIPATED_IN]->(e:Event:Meeting)
RETURN aid AS key, ${eventMap('e')} AS event
ORDER BY coalesce(e.sortDate, e.start), e.id`;

export async function meetingsByActors(run: Runner, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  return groupRows(await run.read(MEETINGS_BY_ACTORS, { ids }), (r) => eventRow(r.event));
}

/** Involvement = took part, spoke about, or made claims about (directly or through a statement). */
export const EVENTS_BY_ACTORS = `UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
CALL (a) {
  MATCH (a)-[:PARTICIPATED_IN]->(e:Event) RETURN e
  UNION
  MATCH (a)-[:SAID]->(:Statement)-[:ABOUT]->(e:Event) RETURN e
  UNION
  MATCH (a)-[:CLAIMS]->(:Claim)-[:ON]->(e:Event) RETURN e
  UNION
  MATCH (a)-[:SAID]->(:Statement)-[:ASSERTS]->(:Claim)-[:ON]->(e:Event) RETURN e
}
RETURN aid AS key, ${eventMap('e')} AS event
ORDER BY coalesce(e.sortDate, e.start), e.id`;

export async function eventsByActors(run: Runner, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  return groupRows(await run.read(EVENTS_BY_ACTORS, { ids }), (r) => eventRow(r.event));
}

/** Per outlet: the actor's statements it reported, its articles, and the intermediaries on those reports. */
export const OUTLETS_BY_ACTORS = `UNWIND $ids AS aid
MATCH (:Actor {id: aid})-[:SAID]->(s:Statement)-[:REPORTED_IN]->(art:Article)
// Intermediaries in chain order, reports in a fixed order: the list does not depend on how the graph was stored.
WITH aid, art, s, COLLECT { MATCH (s)-[v:VIA]->(x:Actor) WHERE v.articleId = art.id RETURN x {${ACTOR_FIELDS}} ORDER BY v.position, x.id } AS via
ORDER BY art.publishedAt, art.id, s.id
WITH aid, art.outlet AS outlet, count(DISTINCT s) AS statementCount, collect(DISTINCT art {${ARTICLE_FIELDS}}) AS articles,
  collect(via) AS vias
RETURN aid AS key, outlet, statementCount, articles, vias
ORDER BY outlet`;

export async function outletsByActors(run: Runner, ids: readonly string[]): Promise<Map<string, OutletReachRow[]>> {
  return groupRows(await run.read(OUTLETS_BY_ACTORS, { ids }), (r): OutletReachRow => {
    const articles = toList(r.articles)
      .map(articleRow)
      .sort((p, q) => p.publishedAt.localeCompare(q.publishedAt) || p.id.localeCompare(q.id));
    const via = new Map<string, ActorRow>();
    for (const list of toList(r.vias)) for (const v of toList(list)) via.set(String(asObj(v).id), actorRow(v));
    return {
      outlet: toStr(r.outlet) ?? '',
      statementCount: toInt(r.statementCount),
      articleCount: articles.length,
      firstPublishedAt: articles[0]?.publishedAt ?? '',
      lastPublishedAt: articles.at(-1)?.publishedAt ?? '',
      articles,
      via: [...via.values()],
    };
  });
}

export const MENTIONS_OF_ACTORS = `UNWIND $ids AS aid
MATCH (:Actor {id: aid})-[m:MENTIONED_IN]->(art:Article)
RETURN aid AS key, {article: art {${ARTICLE_FIELDS}}, start: m.start, end: m.end, exact: m.exact} AS source
ORDER BY art.publishedAt, art.id, m.start`;

export async function mentionsOfActors(run: Runner, ids: readonly string[]): Promise<Map<string, SourceRow[]>> {
  return groupRows(await run.read(MENTIONS_OF_ACTORS, { ids }), (r) => sourceRow(r.source));
}
