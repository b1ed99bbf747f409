/**
 * The read resolution needs before an article is loaded: stored actors that could be the article's
 * actors, statements that could be the same utterances, and events of the kinds the article mentions —
 * one query, candidates found through the full-text indexes rather than by scanning.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { ActorKind, EventKind, ExtractedArticle, KnownGraph } from '../extract/types.js';

/** Candidates per lookup: enough for every plausible match, bounded so a busy graph stays fast. */
const ACTOR_CANDIDATES = 500;
const STATEMENT_CANDIDATES_PER_QUOTE = 10;
const MAX_TERMS = 40;

export const FETCH_KNOWN_GRAPH = `
CALL () {
  WITH 1 AS guard WHERE $actorQuery <> ''
  CALL db.index.fulltext.queryNodes('actorNames', $actorQuery, {limit: $actorLimit}) YIELD node
  WITH node AS a WHERE a.kind IN $actorKinds
  RETURN collect(DISTINCT a) AS actorNodes
}
CALL (actorNodes) {
  CALL (actorNodes) {
    UNWIND actorNodes AS a
    MATCH (a)-[:SAID]->(s:Statement)
    RETURN s
    UNION
    UNWIND $statementQueries AS q
    CALL db.index.fulltext.queryNodes('statementText', q, {limit: $statementLimit}) YIELD node
    RETURN node AS s
  }
  WITH DISTINCT s
  OPTIONAL MATCH (speaker:Actor)-[:SAID]->(s)
  WITH s, min(speaker.id) AS speakerId
  RETURN collect({id: s.id, speakerId: speakerId, text: s.text, saidOnStart: toString(s.saidOnStart)}) AS statements
}
CALL () {
  MATCH (e:Event) WHERE e.kind IN $eventKinds
  OPTIONAL MATCH (e)-[p:PART_OF]->(ms:MeetingSeries)
  RETURN collect({
    id: e.id, kind: e.kind, name: e.name, start: toString(e.start), end: toString(e.end),
    seriesName: ms.name, ordinal: coalesce(p.ordinal, e.ordinal),
    participantIds: COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) RETURN a.id ORDER BY a.id }
  }) AS events
}
RETURN [a IN actorNodes | {id: a.id, name: a.name, kind: a.kind, aliases: coalesce(a.aliases, [])}] AS actors,
       statements, events`;

/** Lucene terms: lowercase letters/digits only, so nothing needs escaping and no operator can be formed. */
export function searchTerms(texts: Iterable<string>, minLength: number): string[] {
  const terms = new Set<string>();
  for (const t of texts) {
    const plain = t.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    for (const w of plain.split(/[^\p{L}\p{N}]+/u)) if (w.length >= minLength) terms.add(w);
  }
  return [...terms].sort().slice(0, MAX_TERMS);
}

export interface KnownGraphParams {
  actorQuery: string;
  actorKinds: ActorKind[];
  actorLimit: number;
  statementQueries: string[];
  statementLimit: number;
  eventKinds: EventKind[];
}

export function knownGraphParams(extracted: ExtractedArticle): KnownGraphParams {
  // Anonymous sources are distinct per article, so stored ones are never candidates.
  const named = extracted.actors.filter((a) => a.kind !== 'ANONYMOUS_SOURCE');
  return {
    actorQuery: searchTerms(named.flatMap((a) => [a.name, ...a.aliases]), 2).join(' OR '),
    actorKinds: [...new Set(named.map((a) => a.kind))].sort(),
    actorLimit: ACTOR_CANDIDATES,
    statementQueries: extracted.statements
      .map((s) => searchTerms([s.text], 3).join(' OR '))
      .filter((q) => q.length > 0),
    statementLimit: STATEMENT_CANDIDATES_PER_QUOTE,
    eventKinds: [...new Set(extracted.events.map((e) => e.kind))].sort(),
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function toNumberOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return neo4j.isInt(v) ? v.toNumber() : Number(v);
}

/** Everything resolution may match against, sorted by id so resolution is deterministic. */
export async function fetchKnownGraph(driver: Driver, database: string, extracted: ExtractedArticle): Promise<KnownGraph> {
  const params = knownGraphParams(extracted);
  const { records } = await driver.executeQuery(
    FETCH_KNOWN_GRAPH,
    { ...params, actorLimit: neo4j.int(params.actorLimit), statementLimit: neo4j.int(params.statementLimit) },
    { database, routing: neo4j.routing.READ },
  );
  const rec = records[0];
  if (!rec) return { actors: [], statements: [], events: [] };
  const actors = (rec.get('actors') as KnownGraph['actors']).map((a) => ({ ...a, aliases: [...a.aliases] }));
  const statements = rec.get('statements') as KnownGraph['statements'];
  const events = (rec.get('events') as Array<Record<string, unknown>>).map(toKnownEvent);
  return { actors: actors.sort(byId), statements: [...statements].sort(byId), events: events.sort(byId) };
}

function toKnownEvent(e: Record<string, unknown>): KnownGraph['events'][number] {
  return {
    id: e.id as string,
    kind: e.kind as EventKind,
    name: e.name as string,
    start: (e.start as string | null) ?? null,
    end: (e.end as string | null) ?? null,
    seriesName: (e.seriesName as string | null) ?? null,
    ordinal: toNumberOrNull(e.ordinal),
    participantIds: e.participantIds as string[],
  };
}

export const FETCH_EVENTS_OF_KINDS = `
MATCH (e:Event) WHERE e.kind IN $kinds
OPTIONAL MATCH (e)-[p:PART_OF]->(ms:MeetingSeries)
RETURN {
  id: e.id, kind: e.kind, name: e.name, start: toString(e.start), end: toString(e.end),
  seriesName: ms.name, ordinal: coalesce(p.ordinal, e.ordinal),
  participantIds: COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) RETURN a.id ORDER BY a.id }
} AS event
ORDER BY e.id`;

/** Stored events of the given kinds, as resolution and curation see them. */
export async function fetchEventsOfKinds(driver: Driver, database: string, kinds: readonly EventKind[]): Promise<KnownGraph['events']> {
  const { records } = await driver.executeQuery(FETCH_EVENTS_OF_KINDS, { kinds: [...kinds] }, { database, routing: neo4j.routing.READ });
  return records.map((r) => toKnownEvent(r.get('event') as Record<string, unknown>));
}
