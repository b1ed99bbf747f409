/**
 * Claims: what one source asserts about an event. The source is the speaker of the statement the words
 * sit in; words outside any statement are the article's own assertion (no source actor).
 */
import type { ExtractedClaim, Span } from '../../domain/types.js';
import type { EventContext } from './context.js';

export function makeClaim(
  ctx: EventContext,
  eventKey: string,
  attribute: string,
  span: Span,
  normalized: string,
  value: string = span.exact,
): ExtractedClaim {
  const st = ctx.statementAt(span.start, span.end);
  return {
    key: ctx.key('cl'),
    eventKey,
    attribute,
    value,
    normalized,
    ...(st ? { sourceActorKey: st.speakerKey, statementKey: st.key } : {}),
    span,
  };
}

/** One claim per (attribute, span): the same words found twice are one claim. */
export function dedupeClaims(claims: ExtractedClaim[]): ExtractedClaim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const k = `${c.eventKey}|${c.attribute}|${c.span.start}|${c.span.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
