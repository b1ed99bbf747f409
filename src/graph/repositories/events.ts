/** Events: meetings with series and participants, incidents and their claims, agreements and milestones. */
import type { Runner } from './runner.js';
import {
  ARTICLE_FIELDS,
  UNDATED,
  actorMap,
  asObj,
  actorRow,
  claimMap,
  claimRow,
  eventMap,
  eventRow,
  keysetParams,
  sourceRow,
  toList,
  toPage,
} from './common.js';
import { CLAIM_PROVENANCE_FIELDS, provenanceRow, type ClaimProvenance } from './claims.js';
import { groupRows, keyed } from './group.js';
import type { ActorRow, AgreementStatus, ClaimRow, EventKind, EventRow, Page, PageRequest, SourceRow } from './types.js';

/** `e` involves one of `$actorIds`: took part, spoke about it, or claimed something about it. Shared with the timeline. */
export const EVENT_INVOLVES_ACTORS = `(EXISTS { MATCH (ia:Actor)-[:PARTICIPATED_IN]->(e) WHERE ia.id IN $actorIds }
    OR EXISTS { MATCH (ia:Actor)-[:SAID]->(:Statement)-[:ABOUT]->(e) WHERE ia.id IN $actorIds }
    OR EXISTS { MATCH (ia:Actor)-[:CLAIMS]->(:Claim)-[:ON]->(e) WHERE ia.id IN $actorIds }
    OR EXISTS { MATCH (ia:Actor)-[:SAID]->(:Statement)-[:ASSERTS]->(:Claim)-[:ON]->(e) WHERE ia.id IN $actorIds })`;

/** `e` has a date range overlapping [$from, $to]; undated events never match a date filter. */
export const EVENT_IN_RANGE = `($from IS NULL OR coalesce(e.end, e.start, e.sortDate) >= date($from))
  AND ($to IS NULL OR coalesce(e.start, e.sortDate) <= date($to))`;

/** `e.name` contains every word of `$words` (lower-cased by the caller), as a plain substring test. */
export const EVENT_NAME_HAS_WORDS = `($words IS NULL OR all(w IN $words WHERE toLower(e.name) CONTAINS w))`;

export const FIND_EVENTS = `UNWIND $ids AS eid
MATCH (e:Event {id: eid})
RETURN eid AS key, ${eventMap('e')} AS event`;

export async function eventsByIds(run: Runner, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  return groupRows(await run.read(FIND_EVENTS, { ids }), (r) => eventRow(r.event));
}

export interface EventFilter {
  kinds?: readonly EventKind[] | null;
  from?: string | null;
  to?: string | null;
  text?: string | null;
  actorIds?: readonly string[] | null;
  seriesId?: string | null;
}

/** Events by (sortDate, id), undated last. */
export const LIST_EVENTS = `MATCH (e:Event)
WITH e, coalesce(e.sortDate, e.start, date($undated)) AS key
WHERE ($kinds IS NULL OR e.kind IN $kinds)
  AND ${EVENT_NAME_HAS_WORDS}
  AND ($seriesId IS NULL OR EXISTS { MATCH (e)-[:PART_OF]->(:MeetingSeries {id: $seriesId}) })
  AND ${EVENT_IN_RANGE}
  AND ($actorIds IS NULL OR ${EVENT_INVOLVES_ACTORS})
  AND ($afterId IS NULL OR key > date($afterKey) OR (key = date($afterKey) AND e.id > $afterId))
RETURN ${eventMap('e')} AS node, toString(key) AS key
ORDER BY key, e.id
LIMIT $limit`;

/** User text → lower-cased words for EVENT_NAME_HAS_WORDS; null = no text filter. */
export function nameWords(text: string | null | undefined): string[] | null {
  const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return words.length > 0 ? words : null;
}

export async function listEvents(run: Runner, filter: EventFilter, page: PageRequest): Promise<Page<EventRow>> {
  const rows = await run.read(LIST_EVENTS, {
    kinds: filter.kinds?.length ? filter.kinds : null,
    words: nameWords(filter.text),
    seriesId: filter.seriesId ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    actorIds: filter.actorIds?.length ? filter.actorIds : null,
    undated: UNDATED.ASC,
    ...keysetParams(page.limit, page.after),
  });
  return toPage(keyed(rows, eventRow), page.limit);
}

export const MENTIONS_OF_EVENTS = `UNWIND $ids AS eid
MATCH (:Event {id: eid})-[m:MENTIONED_IN]->(art:Article)
RETURN eid AS key, {article: art {${ARTICLE_FIELDS}}, start: m.start, end: m.end, exact: m.exact} AS source
ORDER BY art.publishedAt, art.id, m.start`;

export async function mentionsOfEvents(run: Runner, ids: readonly string[]): Promise<Map<string, SourceRow[]>> {
  return groupRows(await run.read(MENTIONS_OF_EVENTS, { ids }), (r) => sourceRow(r.source));
}

export const PARTICIPANTS_BY_MEETINGS = `UNWIND $ids AS eid
MATCH (x:Actor)-[:PARTICIPATED_IN]->(:Event {id: eid})
RETURN eid AS key, ${actorMap('x')} AS actor
ORDER BY x.name, x.id`;

export async function participantsByMeetings(run: Runner, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  return groupRows(await run.read(PARTICIPANTS_BY_MEETINGS, { ids }), (r) => actorRow(r.actor));
}

export const MEETINGS_BY_SERIES = `UNWIND $ids AS sid
MATCH (e:Event)-[p:PART_OF]->(:MeetingSeries {id: sid})
RETURN sid AS key, ${eventMap('e')} AS event
ORDER BY coalesce(p.ordinal, e.ordinal), coalesce(e.sortDate, e.start), e.id`;

export async function meetingsBySeries(run: Runner, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  return groupRows(await run.read(MEETINGS_BY_SERIES, { ids }), (r) => eventRow(r.event));
}

// Ordered by the day each status is known to hold by (the end of its date range): a month-precision
// "signed in October" then follows the dated mid-October negotiation reports instead of jumping to Oct 1.
export const MILESTONES_BY_AGREEMENTS = `UNWIND $ids AS gid
MATCH (e:Event)-[:MILESTONE_OF]->(:Event {id: gid})
RETURN gid AS key, ${eventMap('e')} AS event
ORDER BY coalesce(e.end, e.sortDate, e.start), coalesce(e.start, e.sortDate), e.id`;

export async function milestonesByAgreements(run: Runner, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  return groupRows(await run.read(MILESTONES_BY_AGREEMENTS, { ids }), (r) => eventRow(r.event));
}

export const AGREEMENTS_OF_MILESTONES = `UNWIND $ids AS mid
MATCH (:Event {id: mid})-[:MILESTONE_OF]->(g:Event)
RETURN mid AS key, ${eventMap('g')} AS event`;

export async function agreementsOfMilestones(run: Runner, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  return groupRows(await run.read(AGREEMENTS_OF_MILESTONES, { ids }), (r) => eventRow(r.event));
}

/** An agreement's current status: its own, else the latest milestone's that records one. */
export function latestStatus(agreement: EventRow, history: readonly EventRow[]): AgreementStatus | null {
  return agreement.status ?? [...history].reverse().find((m) => m.status)?.status ?? null;
}

export const CLAIMS_BY_EVENTS = `UNWIND $ids AS eid
MATCH (c:Claim)-[:ON]->(:Event {id: eid})
RETURN eid AS key, ${claimMap('c')} AS claim
ORDER BY c.attribute, c.normalized, c.id`;

export async function claimsByEvents(run: Runner, ids: readonly string[]): Promise<Map<string, ClaimRow[]>> {
  return groupRows(await run.read(CLAIMS_BY_EVENTS, { ids }), (r) => claimRow(r.claim));
}

/**
 * Events by id with their claims and each claim's provenance, in one query: what `event(id) { claims { source
 * … } }` needs, so an incident's claims cost one round trip instead of three (event, claims, sources).
 */
export const FIND_EVENTS_WITH_CLAIMS = `UNWIND $ids AS eid
MATCH (e:Event {id: eid})
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:ON]->(e)
  WITH c ORDER BY c.attribute, c.normalized, c.id
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {claim: ${claimMap('c')}, provenance: {${CLAIM_PROVENANCE_FIELDS}}} END) AS claims
}
RETURN eid AS key, ${eventMap('e')} AS event, claims`;

export interface EventsWithClaims {
  events: Map<string, EventRow[]>;
  claims: Map<string, ClaimRow[]>;
  provenance: Map<string, ClaimProvenance>;
}

export async function eventsWithClaims(run: Runner, ids: readonly string[]): Promise<EventsWithClaims> {
  const out: EventsWithClaims = { events: new Map(), claims: new Map(), provenance: new Map() };
  for (const r of await run.read(FIND_EVENTS_WITH_CLAIMS, { ids })) {
    const id = String(r.key);
    out.events.set(id, [eventRow(r.event)]);
    const claims = toList(r.claims).map((x) => {
      const claim = claimRow(asObj(x).claim);
      out.provenance.set(claim.id, provenanceRow(asObj(x).provenance));
      return claim;
    });
    out.claims.set(id, claims);
  }
  return out;
}
