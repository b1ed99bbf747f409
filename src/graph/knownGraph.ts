/**
 * The reads resolution needs before an article is loaded, bounded by the article rather than by the
 * corpus (src/resolve/candidates.ts derives what to read from the matching rules):
 * 1. stored actors that could be the article's actors, through the actorNamesFolded full-text index
 *    (one query per actor);
 * 2. once the actors are resolved: the statements of the resolved speakers (and the statements' own ids),
 *    and events by series name, by a date window through the (kind, start) and (kind, precision) indexes,
 *    undated incident matches by a shared participant, and agreements by id.
 * Resolution against this read gives the same ids as against the whole stored graph
 * (tests/graph/knownGraph.int.test.ts checks that on a generated corpus).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { EventKind, ExtractedArticle, KnownGraph } from '../domain/types.js';
import { actorProbe, restProbe, searchTerms, WIDE_PRECISIONS, type ActorProbe, type RestProbe } from '../resolve/candidates.js';
import { dbExecutor } from './executor.js';
import { KEEP_PLAN } from './keepPlan.js';
import { seriesOf } from './series.js';

export { searchTerms };

/** Full-text hits read per actor of the article: enough for every plausible match, bounded so a busy graph stays fast. */
const ACTOR_CANDIDATES = 500;

/** An event `e` as resolution compares it (series name and ordinal, participants): one projection for every read of events. */
export const KNOWN_EVENT = `e {
    .id, .kind, .name, .place, .vehicles, start: toString(e.start), end: toString(e.end),
    seriesName: ${seriesOf('e')}.name,
    // Every PART_OF of an event carries its ordinal (the loader derives it), so any one of them gives it.
    ordinal: coalesce([(e)-[po_:PART_OF]->(:MeetingSeries) | po_.ordinal][0], e.ordinal),
    participantIds: COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) RETURN a.id ORDER BY a.id }
  }`;

// KEEP_PLAN (src/graph/load.ts): a procedure call and a filter, nothing for statistics to change.
export const FETCH_KNOWN_ACTORS = `${KEEP_PLAN}
CALL () {
  UNWIND $actorQueries AS actorQuery
  CALL db.index.fulltext.queryNodes('actorNamesFolded', actorQuery, {limit: $actorLimit}) YIELD node
  WITH DISTINCT node AS a WHERE a.kind IN $actorKinds
  RETURN collect({id: a.id, name: a.name, kind: a.kind, aliases: coalesce(a.aliases, [])}) AS actors
}
RETURN actors`;

// Statements: a speaker's own (the rules compare nothing else) and the article's content ids.
// Events: one UNION branch per matching rule (src/resolve/events.ts); each seeks an index (the hint keeps
// the wide-date branch off the (kind, start) index, where `start <= hi` alone would read every older event).
export const FETCH_KNOWN_REST = `
CALL () {
  CALL () {
    UNWIND $p.speakerIds AS speakerId
    MATCH (:Actor {id: speakerId})-[:SAID]->(s:Statement)
    RETURN s
    UNION
    UNWIND $p.statementIds AS statementId
    MATCH (s:Statement {id: statementId})
    RETURN s
  }
  WITH DISTINCT s
  OPTIONAL MATCH (speaker:Actor)-[:SAID]->(s)
  WITH s, min(speaker.id) AS speakerId
  RETURN collect({id: s.id, speakerId: speakerId, text: s.text, saidOnStart: toString(s.saidOnStart),
                  firstArticleId: COLLECT { MATCH (s)-[:REPORTED_IN]->(art:Article) RETURN art.id ORDER BY art.id LIMIT 1 }[0]}) AS statements
}
CALL () {
  CALL () {
    UNWIND $p.seriesNames AS seriesName
    MATCH (:MeetingSeries {name: seriesName})<-[:PART_OF]-(e:Event)
    WHERE e.kind = 'MEETING'
    RETURN e
    UNION
    UNWIND $p.dateProbes AS w
    MATCH (e:Event)
    WHERE e.kind = w.kind AND e.start >= date(w.narrowFrom) AND e.start <= date(w.hi)
      AND coalesce(e.end, e.start) >= date(w.lo)
    RETURN e
    UNION
    UNWIND $p.dateProbes AS w
    MATCH (e:Event)
    USING INDEX e:Event(kind, precision)
    WHERE e.kind = w.kind AND e.precision IN $p.widePrecisions AND e.start <= date(w.hi)
      AND coalesce(e.end, e.start) >= date(w.lo)
    RETURN e
    UNION
    // Undated incident matches need a shared participant: found from the participants. An undated report (anyDate)
    // matches stored incidents of any date but joins only a single fit, so two tell it all; a dated report joins
    // every undated fit.
    UNWIND $p.undatedProbes AS u
    CALL (u) {
      MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)
      WHERE a.id IN u.participantIds AND e.kind = 'INCIDENT' AND (u.anyDate OR e.start IS NULL)
      WITH DISTINCT e
      WITH e, reduce(cue = null, l IN [l IN $p.incidentLabels WHERE e.name ENDS WITH l.label] |
             CASE WHEN cue IS NULL OR size(l.label) > size(cue.label) THEN l ELSE cue END) AS cue
      WHERE coalesce(cue.cls, '') = u.cls
      WITH e ORDER BY e.id
      WITH collect(e) AS fits
      UNWIND CASE WHEN u.anyDate THEN fits[0..2] ELSE fits END AS e
      RETURN e
    }
    RETURN e
    UNION
    UNWIND $p.agreementIds AS agreementId
    MATCH (e:Event {id: agreementId})
    WHERE e.kind = 'AGREEMENT'
    RETURN e
  }
  WITH DISTINCT e
  RETURN collect(${KNOWN_EVENT}) AS events
}
RETURN statements, events`;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function toNumberOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return neo4j.isInt(v) ? v.toNumber() : Number(v);
}

export interface KnownActors {
  actors: KnownGraph['actors'];
}

/** Read 1: the stored actors the article's actors could be (one full-text query per actor, so none crowds out another). */
export async function fetchKnownActors(driver: Driver, database: string, extracted: ExtractedArticle): Promise<KnownActors> {
  return fetchKnownActorsByProbe(driver, database, actorProbe(extracted));
}

/** Read 1 for a batch of articles: one query for all (the union of their probes; each actor query keeps its own hit limit). */
export async function fetchKnownActorsOfBatch(driver: Driver, database: string, articles: readonly ExtractedArticle[]): Promise<KnownActors> {
  const probes = articles.map(actorProbe);
  const union = (f: (p: ActorProbe) => string[]) => [...new Set(probes.flatMap(f))].sort();
  return fetchKnownActorsByProbe(driver, database, { actorQueries: union((p) => p.actorQueries), actorKinds: union((p) => p.actorKinds) });
}

async function fetchKnownActorsByProbe(driver: Driver, database: string, probe: ActorProbe): Promise<KnownActors> {
  if (probe.actorQueries.length === 0) return { actors: [] };
  const { records } = await dbExecutor(driver, database).run(
    'fetchKnownActors',
    FETCH_KNOWN_ACTORS,
    { ...probe, actorLimit: neo4j.int(ACTOR_CANDIDATES) },
    { budget: 'write' },
  );
  const rec = records[0];
  const actors = ((rec?.get('actors') ?? []) as KnownGraph['actors']).map((a) => ({ ...a, aliases: [...a.aliases] }));
  return { actors: actors.sort(byId) };
}

/** Read 2: given the stored candidate actors, the statements and events resolution can match. */
export async function fetchKnownRest(
  driver: Driver,
  database: string,
  extracted: ExtractedArticle,
  actors: KnownGraph['actors'],
): Promise<KnownGraph> {
  return { actors, ...(await fetchKnownRestByProbe(driver, database, restProbe(extracted, actors))) };
}

/** Read 2 for a batch: one query for the union of the articles' probes (each computed against that article's view of the actors). */
export async function fetchKnownRestOfBatch(driver: Driver, database: string, probes: readonly RestProbe[]): Promise<Pick<KnownGraph, 'statements' | 'events'>> {
  const union = (f: (p: RestProbe) => string[]) => [...new Set(probes.flatMap(f))].sort();
  const distinct = <T>(xs: T[]) => [...new Map(xs.map((x) => [JSON.stringify(x), x])).values()];
  return fetchKnownRestByProbe(driver, database, {
    speakerIds: union((p) => p.speakerIds),
    statementIds: union((p) => p.statementIds),
    seriesNames: union((p) => p.seriesNames),
    dateProbes: distinct(probes.flatMap((p) => p.dateProbes)),
    undatedProbes: distinct(probes.flatMap((p) => p.undatedProbes)),
    agreementIds: union((p) => p.agreementIds),
    incidentLabels: probes[0]?.incidentLabels ?? [],
  });
}

async function fetchKnownRestByProbe(driver: Driver, database: string, probe: RestProbe): Promise<Pick<KnownGraph, 'statements' | 'events'>> {
  const nothing = probe.speakerIds.length + probe.statementIds.length + probe.seriesNames.length + probe.dateProbes.length +
    probe.undatedProbes.length + probe.agreementIds.length === 0;
  if (nothing) return { statements: [], events: [] };
  const { records } = await dbExecutor(driver, database).run(
    'fetchKnownRest',
    FETCH_KNOWN_REST,
    // One map parameter: Neo4j keys its plan cache on parameter types, and an empty list types differently
    // from a list of strings, so eight separate lists that are empty or not in every combination cost a fresh
    // ~0.5 s plan of this query for many of the first articles (measured on the seed articles: 5 plans → 3).
    { p: { ...probe, widePrecisions: [...WIDE_PRECISIONS] } },
    { budget: 'write' },
  );
  const rec = records[0];
  if (!rec) return { statements: [], events: [] };
  const statements = rec.get('statements') as KnownGraph['statements'];
  const events = (rec.get('events') as Array<Record<string, unknown>>).map(toKnownEvent);
  return { statements: [...statements].sort(byId), events: events.sort(byId) };
}

/** Everything resolution may match against, sorted by id so resolution is deterministic. */
export async function fetchKnownGraph(driver: Driver, database: string, extracted: ExtractedArticle): Promise<KnownGraph> {
  const { actors } = await fetchKnownActors(driver, database, extracted);
  return fetchKnownRest(driver, database, extracted, actors);
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
    place: (e.place as string | null) ?? null,
    vehicles: (e.vehicles as string[] | null) ?? null,
  };
}

export const FETCH_EVENTS_OF_KINDS = `
MATCH (e:Event) WHERE e.kind IN $kinds
RETURN ${KNOWN_EVENT} AS event
ORDER BY e.id`;

/** Stored events of the given kinds, as resolution and curation see them. */
export async function fetchEventsOfKinds(driver: Driver, database: string, kinds: readonly EventKind[]): Promise<KnownGraph['events']> {
  const { records } = await dbExecutor(driver, database).run('fetchEventsOfKinds', FETCH_EVENTS_OF_KINDS, { kinds: [...kinds] }, { budget: 'write' });
  return records.map((r) => toKnownEvent(r.get('event') as Record<string, unknown>));
}
