/**
 * Which series a meeting is shown in. A meeting reported as "their third round of talks" by one article and "the
 * third video conference" by another is one node with two PART_OF relationships (one per series word the reports
 * use); its series is the specific one ("video conference") over a generic one ("talks", `generic` set by the
 * loader from the meeting lexicon), then the first by name: the same whatever order the reports came in.
 * Resolution in memory chooses the same way (resolve/events.ts preferredSeriesName).
 */
import type { CypherVar } from './repositories/common.js';

/** The series of meeting `v`, as `{id, name, ordinal}`, or null. */
export const seriesOf = (v: CypherVar): string =>
  `COLLECT { MATCH (${v})-[po_:PART_OF]->(ms_:MeetingSeries) WITH ms_, po_ ORDER BY coalesce(ms_.generic, false), ms_.name, ms_.id ` +
  'LIMIT 1 RETURN ms_ {.id, .name, ordinal: po_.ordinal} }[0]';
