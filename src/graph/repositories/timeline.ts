/**
 * The timeline: statements and events interleaved by (sortDate, id), keyset-paged so pages never skip or
 * repeat items even while articles are being ingested (a cursor is a position, not an offset).
 *
 * Each branch pages on its own and only then are they merged: statements and events are each read in
 * (sortDate, id) order starting at the cursor and cut at the page size — an ordered seek on the range
 * indexes `statement_sort_date`/`event_sort_date` when nothing narrows the list, or from the named
 * actors/events (a few hundred rows at most) when something does — so a page costs the same at 100 or
 * 10,000 articles. The loader sets `sortDate` on every statement and every event it writes; only events
 * written without one (undated) are read by a label scan, and only when the dated rows do not fill the page.
 */
import type { Runner } from './runner.js';
import { seriesOf } from '../series.js';
import {
  ACTOR_FIELDS,
  DIRECTION,
  UNDATED,
  afterCursor,
  asObj,
  eventRow,
  fixedVariants,
  fulltextQuery,
  keysetParams,
  seekBounds,
  statementRow,
  toPage,
} from './common.js';
import { EVENT_INVOLVES_ACTORS, EVENT_IN_RANGE, EVENT_NAME_HAS_WORDS, nameWords } from './events.js';
import type { EventKind, KeysetKey, Page, PageRequest, SortOrder, TimelineItemKind, TimelineRow } from './types.js';

export interface TimelineFilter {
  from?: string | null;
  to?: string | null;
  actorIds?: readonly string[] | null;
  kinds?: readonly TimelineItemKind[] | null;
  eventIds?: readonly string[] | null;
  text?: string | null;
}

/** Where statements come from: the sortDate index, full-text hits, the named actors' statements, or statements about the named events. */
type StatementSource = 'all' | 'text' | 'actors' | 'events' | 'none';
/** Where events come from: the sortDate index, the named actors' events, or the named events. */
type EventSource = 'all' | 'actors' | 'ids' | 'none';
type Source = `${StatementSource}+${EventSource}`;

const STATEMENT_SOURCES: readonly StatementSource[] = ['all', 'text', 'actors', 'events', 'none'];
const EVENT_SOURCES: readonly EventSource[] = ['all', 'actors', 'ids', 'none'];

/**
 * Ordered seek on the sortDate range index (the index gives the date order; ties are sorted by id one day at
 * a time, PartialTop). A composite (sortDate, id) index was tried: the planner still preferred this one.
 */
const seek = (x: 's' | 'e') => `${x}.sortDate >= date($lo) AND ${x}.sortDate <= date($hi)`;

const STATEMENT_FROM = `($from IS NULL OR coalesce(s.saidOnEnd, s.saidOnStart, s.sortDate) >= date($from))`;
const STATEMENT_TO = `($to IS NULL OR coalesce(s.saidOnStart, s.sortDate) <= date($to))`;
const STATEMENT_BY_ACTORS = `($actorIds IS NULL
    OR EXISTS { MATCH (ia:Actor)-[:SAID]->(s) WHERE ia.id IN $actorIds }
    OR EXISTS { MATCH (s)-[:ABOUT]->(ia:Actor) WHERE ia.id IN $actorIds })`;
const STATEMENT_ABOUT_EVENTS = `($eventIds IS NULL OR EXISTS { MATCH (s)-[:ABOUT]->(ie:Event) WHERE ie.id IN $eventIds })`;

function statementBranch(source: Exclude<StatementSource, 'none'>, order: SortOrder): string {
  const { dir } = DIRECTION[order];
  const start = {
    all: `MATCH (s:Statement) WHERE ${seek('s')}`,
    text: `CALL db.index.fulltext.queryNodes('statementText', $lucene) YIELD node AS s
  WITH s WHERE s.sortDate IS NOT NULL`,
    // Said by or about one of the actors: a few hundred rows for the busiest actor, whatever the graph's size.
    actors: `UNWIND $actorIds AS aid
  MATCH (ia:Actor {id: aid})
  CALL (ia) {
    MATCH (ia)-[:SAID]->(s:Statement) RETURN s
    UNION
    MATCH (s:Statement)-[:ABOUT]->(ia) RETURN s
  }
  WITH DISTINCT s WHERE s.sortDate IS NOT NULL`,
    events: `UNWIND $eventIds AS eid
  MATCH (:Event {id: eid})<-[:ABOUT]-(s:Statement)
  WITH DISTINCT s WHERE s.sortDate IS NOT NULL`,
  }[source];
  const filters = [
    STATEMENT_FROM,
    STATEMENT_TO,
    ...(source === 'actors' ? [] : [STATEMENT_BY_ACTORS]),
    ...(source === 'events' ? [] : [STATEMENT_ABOUT_EVENTS]),
    afterCursor('s.sortDate', 's.id', order),
  ];
  return `${start}
    AND ${filters.join('\n    AND ')}
  WITH s ORDER BY s.sortDate ${dir}, s.id ${dir} LIMIT $limit
  RETURN s AS node, 'STATEMENT' AS kind, s.sortDate AS key`;
}

function eventBranch(source: Exclude<EventSource, 'none'>, order: SortOrder): string {
  const { dir } = DIRECTION[order];
  // The seek reads dated events only; the other sources see undated ones too and sort them last.
  const key = source === 'all' ? 'e.sortDate' : 'coalesce(e.sortDate, date($undated))';
  const start = {
    all: `MATCH (e:Event) WHERE ${seek('e')}`,
    actors: `UNWIND $actorIds AS aid
  MATCH (ia:Actor {id: aid})
  CALL (ia) {
    MATCH (ia)-[:PARTICIPATED_IN]->(e:Event) RETURN e
    UNION
    MATCH (ia)-[:SAID]->(:Statement)-[:ABOUT]->(e:Event) RETURN e
    UNION
    MATCH (ia)-[:CLAIMS]->(:Claim)-[:ON]->(e:Event) RETURN e
    UNION
    MATCH (ia)-[:SAID]->(:Statement)-[:ASSERTS]->(:Claim)-[:ON]->(e:Event) RETURN e
  }
  WITH DISTINCT e WHERE true`,
    ids: `MATCH (e:Event) WHERE e.id IN $eventIds`,
  }[source];
  // Event ids, when given, always choose the 'ids' source, and actor ids the 'actors' source unless event ids
  // are given too (see `timeline`): only 'ids' can still need the actor filter.
  const filters = [
    '($eventKinds IS NULL OR e.kind IN $eventKinds)',
    EVENT_NAME_HAS_WORDS,
    EVENT_IN_RANGE,
    ...(source === 'ids' ? [`($actorIds IS NULL OR ${EVENT_INVOLVES_ACTORS})`] : []),
    afterCursor(key, 'e.id', order),
  ];
  return `${start}
    AND ${filters.join('\n    AND ')}
  WITH e, ${key} AS key ORDER BY key ${dir}, e.id ${dir} LIMIT $limit
  RETURN e AS node, e.kind AS kind, key`;
}

/**
 * Undated events (no `sortDate`, so not in the index) sort after every dated item in both directions. Only
 * the index source misses them (it is used only without actor and event ids), and it looks for them only when the dated rows leave room on the page and
 * no date filter is set (an undated event never matches one).
 */
function undatedEvents(order: SortOrder): string {
  const { dir } = DIRECTION[order];
  return `WITH collect({node: node, kind: kind, key: key}) AS dated
CALL (dated) {
  // A row only when there is room: the planner cannot move this guard below the label scan.
  UNWIND CASE WHEN size(dated) < $limit AND $from IS NULL AND $to IS NULL THEN [true] ELSE [] END AS room_
  MATCH (e:Event) WHERE e.sortDate IS NULL
    AND ($eventKinds IS NULL OR e.kind IN $eventKinds)
    AND ${EVENT_NAME_HAS_WORDS}
    AND ${afterCursor('date($undated)', 'e.id', order)}
  WITH e ORDER BY e.id ${dir} LIMIT $limit
  RETURN collect({node: e, kind: e.kind, key: date($undated)}) AS undated
}
UNWIND dated + undated AS row
WITH row.node AS node, row.kind AS kind, row.key AS key LIMIT $limit`;
}

function timelineQuery(variant: Source, order: SortOrder): string {
  const { dir } = DIRECTION[order];
  const [statements, events] = variant.split('+') as [StatementSource, EventSource];
  const branches = [
    ...(statements === 'none' ? [] : [statementBranch(statements, order)]),
    ...(events === 'none' ? [] : [eventBranch(events, order)]),
  ];
  // Page first, project after: only the rows of this page are turned into maps.
  return `CALL () {
  ${branches.join('\n  UNION ALL\n  ')}
}
WITH node, kind, key ORDER BY key ${dir}, node.id ${dir} LIMIT $limit
${events === 'all' ? `${undatedEvents(order)}\n` : ''}RETURN kind, toString(key) AS key, node {.*,
  speaker: [(spk_:Actor)-[:SAID]->(node) | spk_ {${ACTOR_FIELDS}}][0],
  series: ${seriesOf('node')}
} AS node
ORDER BY key ${dir}, node.id ${dir}`;
}

const SOURCES: readonly Source[] = STATEMENT_SOURCES.flatMap((s) =>
  EVENT_SOURCES.filter((e) => !(s === 'none' && e === 'none')).map((e): Source => `${s}+${e}`),
);

/** Fixed variants: (statement source + event source) × direction. */
export const TIMELINE = fixedVariants(SOURCES, timelineQuery);

export async function timeline(
  run: Runner,
  filter: TimelineFilter,
  page: PageRequest,
  order: SortOrder = 'ASC',
): Promise<Page<TimelineRow>> {
  const lucene = filter.text ? fulltextQuery(filter.text) : null;
  const kinds = filter.kinds?.length ? filter.kinds : null;
  const eventKinds = kinds ? kinds.filter((k): k is EventKind => k !== 'STATEMENT') : null;
  const actorIds = filter.actorIds?.length ? filter.actorIds : null;
  const eventIds = filter.eventIds?.length ? filter.eventIds : null;
  // A text no statement can match (only punctuation) still filters events by name; statements drop out.
  const withStatements = (!kinds || kinds.includes('STATEMENT')) && !(filter.text && !lucene);
  const withEvents = !kinds || (eventKinds?.length ?? 0) > 0;
  if (!withStatements && !withEvents) return { items: [], hasNextPage: false };
  const statements: StatementSource = !withStatements
    ? 'none'
    : lucene
      ? 'text'
      : actorIds
        ? 'actors'
        : eventIds
          ? 'events'
          : 'all';
  const events: EventSource = !withEvents ? 'none' : eventIds ? 'ids' : actorIds ? 'actors' : 'all';
  const rows = await run.read(TIMELINE[`${statements}+${events}`][order], {
    eventKinds: eventKinds?.length ? eventKinds : null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    actorIds,
    eventIds,
    words: nameWords(filter.text),
    lucene,
    undated: UNDATED[order],
    ...seekBounds(order, page.after, filter.to),
    ...keysetParams(page.limit, page.after),
  });
  const items = rows.map((r) => {
    const kind = String(r.kind) as TimelineItemKind;
    const m = asObj(r.node);
    const node = kind === 'STATEMENT' ? statementRow(m) : eventRow(m);
    const key = String(r.key);
    const sortDate = key === UNDATED[order] ? null : key;
    return { node: { kind, sortDate, node } satisfies TimelineRow, key: [key, node.id] as KeysetKey };
  });
  return toPage(items, page.limit);
}
