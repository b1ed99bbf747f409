/**
 * Which series a meeting is shown in. A meeting reported as "their third round of talks" by one article and "the
 * third video conference" by another is one node with two PART_OF relationships (one per series word the reports
 * use); its series is the one of the best `rank` (set by the loader: resolve/events.ts seriesRank — specific nouns in
 * the meeting lexicon's order, "video conference" before "teleconference", then generic ones such as "talks"), then
 * the first by name: the same whatever order the reports came in. Resolution in memory chooses the same way
 * (preferredSeriesName).
 */
import type { CypherVar } from './repositories/common.js';

/** The series of meeting `v`, as `{id, name, ordinal}`, or null. */
export const seriesOf = (v: CypherVar): string =>
  `COLLECT { MATCH (${v})-[po_:PART_OF]->(ms_:MeetingSeries) WITH ms_, po_ ORDER BY coalesce(ms_.rank, 1000), ms_.name, ms_.id ` +
  'LIMIT 1 RETURN ms_ {.id, .name, ordinal: po_.ordinal} }[0]';
