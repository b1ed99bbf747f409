/** Small helpers resolvers share: paging arguments, GraphQL type names for rows, fuzzy dates. */
import type { ActorRow, ClaimRow, EventKind, EventRow, StatementRow } from '../../graph/repositories/types.js';
import type { ApiContext } from '../context.js';
import { pageRequest } from '../paging.js';

/** `first`/`after` of connection `field`, checked against MAX_PAGE_SIZE. */
export function page(ctx: ApiContext, field: string, args: { first?: number | null; after?: string | null }, dateKey = true) {
  return pageRequest(field, args, ctx.config.MAX_PAGE_SIZE, { dateKey });
}

const EVENT_TYPE: Record<EventKind, 'Meeting' | 'Incident' | 'Agreement' | 'AgreementMilestone' | 'Campaign' | 'OtherEvent'> = {
  MEETING: 'Meeting',
  INCIDENT: 'Incident',
  AGREEMENT: 'Agreement',
  AGREEMENT_MILESTONE: 'AgreementMilestone',
  CAMPAIGN: 'Campaign',
  OTHER: 'OtherEvent',
};

export function eventTypeName(e: EventRow) {
  return EVENT_TYPE[e.kind] ?? 'OtherEvent';
}

/** GraphQL object type of a union member row. */
export function topicType(row: ActorRow | EventRow) {
  return row.entity === 'actor' ? ('Actor' as const) : eventTypeName(row);
}

export function timelineItemType(row: StatementRow | EventRow) {
  return row.entity === 'statement' ? ('Statement' as const) : eventTypeName(row);
}

export function annotationTargetType(row: ActorRow | EventRow | StatementRow | ClaimRow) {
  if (row.entity === 'statement') return 'Statement' as const;
  if (row.entity === 'claim') return 'Claim' as const;
  return topicType(row);
}

export function fuzzyDate(start: string | null, end: string | null, precision: string | null) {
  if (!start) return null;
  return { start, end: end ?? start, precision: (precision ?? 'DAY') as 'DAY' | 'MONTH' | 'YEAR' | 'INTERVAL' };
}

export const production = (ctx: ApiContext) => ctx.config.NODE_ENV === 'production';
