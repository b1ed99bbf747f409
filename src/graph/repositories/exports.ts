/**
 * Reads behind the data exports (src/export/data.ts): the columns a table of actors, events or claims has
 * beyond what the API's list queries return, and the edges of the actor–statement–event network. Lists are
 * paged with the API's own keyset queries (listStatements, listActors, listEvents); everything here is a
 * batch by ids of one page, or keyset-paged itself, so an export of any size holds one page at a time.
 */
import type { Runner } from './runner.js';
import { ACTOR_FIELDS, actorRow, asObj, claimRow, eventMap, eventRow, keysetParams, toInt, toList, toPage, toStr, toStrList } from './common.js';
import { CLAIM_PROVENANCE_FIELDS, provenanceRow, type ClaimProvenance } from './claims.js';
import { EVENT_IN_RANGE, EVENT_NAME_HAS_WORDS, nameWords } from './events.js';
import type { ActorRow, ClaimRow, EventRow, Page, PageRequest } from './types.js';

// ---------------------------------------------------------------------------------------------
// Actors

export interface ActorExportRow {
  statements: number;
  reports: number;
  mentions: number;
  articles: number;
  /** Statements that reached an article through this actor (as an intermediary). */
  relayed: number;
  affiliations: Array<{ actor: ActorRow; role: string | null }>;
}

/** Per actor: what they said and how often it was reported, where they are mentioned, whom they relayed, affiliations. */
export const ACTOR_EXPORT_DETAILS = `UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
RETURN aid AS key,
  COUNT { (a)-[:SAID]->(:Statement) } AS statements,
  COUNT { (a)-[:SAID]->(:Statement)-[:REPORTED_IN]->(:Article) } AS reports,
  COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS mentions,
  size(COLLECT { MATCH (a)-[:MENTIONED_IN]->(art:Article) RETURN DISTINCT art.id AS x
                 UNION MATCH (a)-[:SAID]->(:Statement)-[:REPORTED_IN]->(art:Article) RETURN DISTINCT art.id AS x }) AS articles,
  COUNT { MATCH (s:Statement)-[:VIA]->(a) RETURN DISTINCT s } AS relayed,
  [(a)-[r:AFFILIATED_WITH]->(b:Actor) | {role: r.role, actor: b {${ACTOR_FIELDS}}}] AS affiliations`;

export async function actorExportDetails(run: Runner, ids: readonly string[]): Promise<Map<string, ActorExportRow>> {
  const rows = await run.read(ACTOR_EXPORT_DETAILS, { ids });
  return new Map(
    rows.map((r) => [
      String(r.key),
      {
        statements: toInt(r.statements),
        reports: toInt(r.reports),
        mentions: toInt(r.mentions),
        articles: toInt(r.articles),
        relayed: toInt(r.relayed),
        affiliations: toList(r.affiliations)
          .map(asObj)
          .map((x) => ({ role: toStr(x.role), actor: actorRow(x.actor) }))
          .sort((p, q) => p.actor.id.localeCompare(q.actor.id)),
      },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Events

export interface EventExportRow {
  participants: ActorRow[];
  mentions: number;
  articleIds: string[];
  claims: number;
  statements: number;
}

/** Per event: participants, where it is mentioned, how many claims and statements are about it. */
export const EVENT_EXPORT_DETAILS = `UNWIND $ids AS eid
MATCH (e:Event {id: eid})
RETURN eid AS key,
  [(p:Actor)-[:PARTICIPATED_IN]->(e) | p {${ACTOR_FIELDS}}] AS participants,
  COUNT { (e)-[:MENTIONED_IN]->(:Article) } AS mentions,
  COLLECT { MATCH (e)-[:MENTIONED_IN]->(art:Article) RETURN DISTINCT art.id AS x ORDER BY x } AS articleIds,
  COUNT { (:Claim)-[:ON]->(e) } AS claims,
  COUNT { (:Statement)-[:ABOUT]->(e) } AS statements`;

export async function eventExportDetails(run: Runner, ids: readonly string[]): Promise<Map<string, EventExportRow>> {
  const rows = await run.read(EVENT_EXPORT_DETAILS, { ids });
  return new Map(
    rows.map((r) => [
      String(r.key),
      {
        participants: toList(r.participants).map(actorRow).sort((p, q) => p.id.localeCompare(q.id)),
        mentions: toInt(r.mentions),
        articleIds: toStrList(r.articleIds),
        claims: toInt(r.claims),
        statements: toInt(r.statements),
      },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Claims

export interface ClaimExportFilter {
  /** Only claims on this event. */
  about?: string | null;
  /** Only claims this actor makes (directly, or through a statement of theirs). */
  speakerId?: string | null;
  /** The event's date range overlaps [from, to] (as the events filter). */
  from?: string | null;
  to?: string | null;
  /** Every word in the event's name (as the events filter). */
  text?: string | null;
}

export interface ClaimExportRow {
  claim: ClaimRow;
  event: EventRow;
  provenance: ClaimProvenance;
}

/** Claims by id (keyset on the unique id index), with their event and provenance. */
export const LIST_CLAIMS_FOR_EXPORT = `MATCH (c:Claim)-[:ON]->(e:Event)
WHERE ($afterId IS NULL OR c.id > $afterId)
  AND ($about IS NULL OR e.id = $about)
  AND ${EVENT_IN_RANGE}
  AND ${EVENT_NAME_HAS_WORDS}
  AND ($speakerId IS NULL
    OR EXISTS { MATCH (:Actor {id: $speakerId})-[:CLAIMS]->(c) }
    OR EXISTS { MATCH (:Actor {id: $speakerId})-[:SAID]->(:Statement)-[:ASSERTS]->(c) })
WITH c, e ORDER BY c.id LIMIT $limit
RETURN c.id AS key, {claim: c {.id, .attribute, .value, .normalized, .curated, .curationSource, eventId: e.id},
  event: ${eventMap('e')}, provenance: {${CLAIM_PROVENANCE_FIELDS}}} AS node
ORDER BY key`;

export async function listClaimsForExport(run: Runner, filter: ClaimExportFilter, page: PageRequest): Promise<Page<ClaimExportRow>> {
  const rows = await run.read(LIST_CLAIMS_FOR_EXPORT, {
    about: filter.about ?? null,
    speakerId: filter.speakerId ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    words: nameWords(filter.text),
    ...keysetParams(page.limit, page.after),
  });
  const items = rows.map((r) => {
    const n = asObj(r.node);
    const node: ClaimExportRow = { claim: claimRow(n.claim), event: eventRow(n.event), provenance: provenanceRow(n.provenance) };
    return { node, key: [String(r.key), String(r.key)] as [string, string] };
  });
  return toPage(items, page.limit);
}

// ---------------------------------------------------------------------------------------------
// The actor–statement–event network (GraphML)

export interface StatementLinks {
  speakerId: string | null;
  about: Array<{ id: string; entity: 'actor' | 'event' }>;
  /** One per (intermediary, article): position 0 is nearest the speaker. */
  via: Array<{ actorId: string; articleId: string; position: number }>;
  to: Array<{ actorId: string; articleId: string }>;
  reports: number;
  articleIds: string[];
}

/** Per statement: the edges it has to actors and events, and how widely it was reported. */
export const STATEMENT_LINKS = `UNWIND $ids AS sid
MATCH (s:Statement {id: sid})
RETURN sid AS key,
  [(sp:Actor)-[:SAID]->(s) | sp.id][0] AS speakerId,
  [(s)-[:ABOUT]->(t) WHERE t:Actor OR t:Event | {id: t.id, isActor: t:Actor}] AS about,
  [(s)-[v:VIA]->(x:Actor) | {actorId: x.id, articleId: v.articleId, position: v.position}] AS via,
  [(s)-[r:TO]->(x:Actor) | {actorId: x.id, articleId: r.articleId}] AS audience,
  COUNT { (s)-[:REPORTED_IN]->(:Article) } AS reports,
  COLLECT { MATCH (s)-[:REPORTED_IN]->(art:Article) RETURN art.id AS x ORDER BY x } AS articleIds`;

export async function statementLinks(run: Runner, ids: readonly string[]): Promise<Map<string, StatementLinks>> {
  const rows = await run.read(STATEMENT_LINKS, { ids });
  const byId = (a: { actorId: string; articleId: string }, b: { actorId: string; articleId: string }) =>
    a.actorId.localeCompare(b.actorId) || a.articleId.localeCompare(b.articleId);
  return new Map(
    rows.map((r) => [
      String(r.key),
      {
        speakerId: toStr(r.speakerId),
        about: toList(r.about)
          .map(asObj)
          .map((t) => ({ id: String(t.id), entity: t.isActor === true ? ('actor' as const) : ('event' as const) }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        via: toList(r.via)
          .map(asObj)
          .map((v) => ({ actorId: String(v.actorId), articleId: String(v.articleId), position: toInt(v.position) }))
          .sort((a, b) => byId(a, b) || a.position - b.position),
        to: toList(r.audience)
          .map(asObj)
          .map((v) => ({ actorId: String(v.actorId), articleId: String(v.articleId) }))
          .sort(byId),
        reports: toInt(r.reports),
        articleIds: toStrList(r.articleIds),
      },
    ]),
  );
}

/** Edges among a set of nodes: participation (actor → event) and affiliation (actor → actor), for the given actors. */
export const ACTOR_EDGES = `UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
RETURN aid AS key,
  [(a)-[:PARTICIPATED_IN]->(e:Event) | e.id] AS events,
  [(a)-[r:AFFILIATED_WITH]->(b:Actor) | {id: b.id, role: r.role}] AS affiliations`;

export interface ActorEdges {
  events: string[];
  affiliations: Array<{ id: string; role: string | null }>;
}

export async function actorEdges(run: Runner, ids: readonly string[]): Promise<Map<string, ActorEdges>> {
  const rows = await run.read(ACTOR_EDGES, { ids });
  return new Map(
    rows.map((r) => [
      String(r.key),
      {
        events: toStrList(r.events).sort(),
        affiliations: toList(r.affiliations)
          .map(asObj)
          .map((x) => ({ id: String(x.id), role: toStr(x.role) }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      },
    ]),
  );
}

