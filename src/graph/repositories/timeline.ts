/**
 * The timeline: statements and events interleaved by (sortDate, id), keyset-paged so pages never skip or
 * repeat items even while articles are being ingested (a cursor is a position, not an offset).
 */
import type { Runner } from './runner.js';
import { ACTOR_FIELDS, DIRECTION, UNDATED, asObj, eventRow, fulltextQuery, keysetParams, statementRow, toPage } from './common.js';
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

const STATEMENT_BRANCH_FILTER = `$withStatements
  AND ($from IS NULL OR coalesce(s.saidOnEnd, s.saidOnStart, s.sortDate) >= date($from))
  AND ($to IS NULL OR coalesce(s.saidOnStart, s.sortDate) <= date($to))
  AND ($actorIds IS NULL
    OR EXISTS { MATCH (ia:Actor)-[:SAID]->(s) WHERE ia.id IN $actorIds }
    OR EXISTS { MATCH (s)-[:ABOUT]->(ia:Actor) WHERE ia.id IN $actorIds })
  AND ($eventIds IS NULL OR EXISTS { MATCH (s)-[:ABOUT]->(ie:Event) WHERE ie.id IN $eventIds })`;

const EVENT_BRANCH_FILTER = `$withEvents
  AND ($eventKinds IS NULL OR e.kind IN $eventKinds)
  AND ($eventIds IS NULL OR e.id IN $eventIds)
  AND ${EVENT_NAME_HAS_WORDS}
  AND ${EVENT_IN_RANGE}
  AND ($actorIds IS NULL OR ${EVENT_INVOLVES_ACTORS})`;

function timelineQuery(source: 'all' | 'text', order: SortOrder): string {
  const { dir, cmp } = DIRECTION[order];
  const statements =
    source === 'text'
      ? "CALL db.index.fulltext.queryNodes('statementText', $lucene) YIELD node AS s"
      : 'MATCH (s:Statement)';
  // Page first, project after: only the rows of this page are turned into maps.
  return `CALL () {
  ${statements}
  WITH s WHERE ${STATEMENT_BRANCH_FILTER}
  RETURN s AS node, 'STATEMENT' AS kind, coalesce(s.sortDate, s.saidOnStart, date($undated)) AS key
  UNION ALL
  MATCH (e:Event)
  WHERE ${EVENT_BRANCH_FILTER}
  RETURN e AS node, e.kind AS kind, coalesce(e.sortDate, e.start, date($undated)) AS key
}
WITH node, kind, key
WHERE $afterId IS NULL OR key ${cmp} date($afterKey) OR (key = date($afterKey) AND node.id ${cmp} $afterId)
WITH node, kind, key ORDER BY key ${dir}, node.id ${dir} LIMIT $limit
RETURN kind, toString(key) AS key, node {.*,
  speaker: [(spk_:Actor)-[:SAID]->(node) | spk_ {${ACTOR_FIELDS}}][0],
  series: [(node)-[po_:PART_OF]->(ms_:MeetingSeries) | ms_ {.id, .name, ordinal: po_.ordinal}][0]
} AS node
ORDER BY key ${dir}, node.id ${dir}`;
}

/** Fixed variants: statement text search × direction. */
export const TIMELINE = {
  all: { ASC: timelineQuery('all', 'ASC'), DESC: timelineQuery('all', 'DESC') },
  text: { ASC: timelineQuery('text', 'ASC'), DESC: timelineQuery('text', 'DESC') },
} as const;

export async function timeline(
  run: Runner,
  filter: TimelineFilter,
  page: PageRequest,
  order: SortOrder = 'ASC',
): Promise<Page<TimelineRow>> {
  const lucene = filter.text ? fulltextQuery(filter.text) : null;
  const kinds = filter.kinds?.length ? filter.kinds : null;
  const eventKinds = kinds ? kinds.filter((k): k is EventKind => k !== 'STATEMENT') : null;
  // A text no statement can match (only punctuation) still filters events by name; statements drop out.
  const withStatements = (!kinds || kinds.includes('STATEMENT')) && !(filter.text && !lucene);
  const withEvents = !kinds || (eventKinds?.length ?? 0) > 0;
  const rows = await run.read(TIMELINE[lucene ? 'text' : 'all'][order], {
    withStatements,
    withEvents,
    eventKinds: eventKinds?.length ? eventKinds : null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    actorIds: filter.actorIds?.length ? filter.actorIds : null,
    eventIds: filter.eventIds?.length ? filter.eventIds : null,
    words: nameWords(filter.text),
    lucene,
    undated: UNDATED[order],
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
