/** Small helpers resolvers share: paging arguments, GraphQL type names for rows, fuzzy dates. */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { ActorRow, ClaimRow, EventKind, EventRow, StatementRow } from '../../graph/repositories/types.js';
import { exposeErrorDetails } from '../../config.js';
import type { ApiContext } from '../context.js';
import { badInput } from '../errors.js';
import { searchTermCount } from '../../graph/repositories/common.js';
import { pageRequest } from '../paging.js';

/** `first`/`after` of connection `field`, checked against MAX_PAGE_SIZE. */
export function page(ctx: ApiContext, field: string, args: { first?: number | null; after?: string | null }, dateKey = true) {
  return pageRequest(field, args, ctx.config.MAX_PAGE_SIZE, { dateKey });
}

/**
 * `filter.text` of root field `field` within MAX_FILTER_TEXT_CHARS and MAX_FILTER_TEXT_TERMS, checked before
 * anything reaches Neo4j: longer text made Lucene fail (too many clauses, automaton too large) and a 1 MB
 * string held Neo4j for seconds.
 */
export function checkFilterText(ctx: ApiContext, field: string, filter: { text?: string | null } | null | undefined): void {
  const text = filter?.text;
  if (text === null || text === undefined) return;
  const name = `${field}.filter.text`;
  const maxChars = ctx.config.MAX_FILTER_TEXT_CHARS;
  if (text.length > maxChars) {
    throw badInput(`${name} is ${text.length} characters long; the limit is ${maxChars} (MAX_FILTER_TEXT_CHARS)`, name);
  }
  const maxTerms = ctx.config.MAX_FILTER_TEXT_TERMS;
  const terms = searchTermCount(text);
  if (terms > maxTerms) {
    throw badInput(`${name} has ${terms} search terms; the limit is ${maxTerms} (MAX_FILTER_TEXT_TERMS)`, name);
  }
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

/** Internal error text in responses: only when asked for (EXPOSE_ERROR_DETAILS, or NODE_ENV=development). */
export const exposeDetails = (ctx: ApiContext) => exposeErrorDetails(ctx.config);

/** Fields selected directly in these selection sets, through fragments and inline fragments (any type condition). */
function fieldsOf(sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) out.push(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else {
        const fragment = info.fragments[sel.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}

/**
 * Look-ahead: does the selection under the current field follow `path` (field names) and then select one of
 * `names`? Lets a parent fetch what its children will ask for in its own query. Directives are ignored:
 * at worst a skipped field's data is fetched for nothing.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[], names: readonly string[]): boolean {
  let sets = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const step of path) {
    sets = fieldsOf(sets, info)
      .filter((f) => f.name.value === step)
      .flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }
  return fieldsOf(sets, info).some((f) => names.includes(f.name.value));
}

/** Statement fields served by its reports (`statementReports`). */
export const REPORT_FIELDS = ['sources', 'reports', 'earliestReport', 'otherWordings'] as const;
/** Event fields served by its claims (`eventClaims`, and `claimProvenance` below them). */
export const CLAIM_FIELDS = ['claims', 'claimsByAttribute'] as const;
