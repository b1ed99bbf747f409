/**
 * Drafts → ExtractedStatement, in text order: each content fragment trimmed (a pure quote gives its inner
 * text, other content loses trailing punctuation and "(PHOTOS)"-style tags), DIRECT when at least half of
 * the content is inside quotes, intermediaries merged with the parent's and ranked, and the said-date
 * taken only from the attribution clause — never from the content — else from the statement it continues.
 */
import { datesOf } from '../dates.js';
import { datelineLength, spanOf, trimSpan } from '../text.js';
import type { ExtractedStatement, FuzzyDate } from '../../domain/types.js';
import type { Draft, Range, SieveContext } from './context.js';

const DATE_HINT = /\d|day\b|night|morning|evening|week|month|year|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\btoday\b|\bnow\b|ago\b/i;

/** The share of the fragments' letters that sit inside quotes (≥ 0.5: a direct statement). */
export function quotedShare(ctx: SieveContext, fragments: Range[]): number {
  let quoted = 0;
  let total = 0;
  for (const f of fragments) {
    total += ctx.text.slice(f.start, f.end).replace(/["“”„\s]/g, '').length;
    for (const q of ctx.quotes) {
      if (q.open >= f.start && q.close <= f.end) quoted += q.inner.exact.replace(/\s/g, '').length;
    }
  }
  return total === 0 ? 0 : quoted / total;
}

export function finish(ctx: SieveContext): ExtractedStatement[] {
  const ordered = [...ctx.drafts].sort((a, b) => (a.fragments[0]?.start ?? 0) - (b.fragments[0]?.start ?? 0));
  const out: ExtractedStatement[] = [];
  const saidOn = new Map<Draft, FuzzyDate | null>();
  for (const d of ordered) {
    const pieces: string[] = [];
    const quoteSpans = [];
    for (const f of d.fragments) {
      const pure = ctx.quotes.find((q) => q.open === f.start && q.close >= f.end - 1);
      const span = pure ? pure.inner : trimSpan(ctx.text, f.start, f.end);
      const clean = pure ? span : trimContent(ctx, span.start, span.end);
      pieces.push(clean.exact);
      quoteSpans.push(clean);
    }
    const date = saidOnOf(ctx, d);
    saidOn.set(d, date);
    const parentDate = d.parent ? saidOn.get(d.parent) : undefined;
    const via = [...(d.parent ? d.parent.via : []), ...d.via]
      .sort((a, b) => a.rank - b.rank || a.pos - b.pos)
      .map((v) => v.actor.key)
      .filter((k, i, all) => all.indexOf(k) === i && k !== d.speaker.key);
    const starts = [...d.fragments, ...d.attribution].map((r) => r.start);
    const ends = [...d.fragments, ...d.attribution].map((r) => r.end);
    const span = trimSpan(ctx.text, Math.min(...starts), Math.max(...ends));
    const audience = d.audience ?? d.parent?.audience;
    out.push({
      key: `s${out.length + 1}`,
      speakerKey: d.speaker.key,
      text: pieces.join(' … '),
      kind: quotedShare(ctx, d.fragments) >= 0.5 ? 'DIRECT' : 'INDIRECT',
      verb: d.verb,
      saidOn: date ?? parentDate ?? null,
      ...(audience ? { audienceKey: audience.key } : {}),
      viaKeys: via,
      span,
      quoteSpans,
      aboutKeys: [],
    });
  }
  return out;
}

/** Content without its dateline, a trailing period or comma (quote marks stay when the content ends in a quote). */
function trimContent(ctx: SieveContext, start: number, end: number) {
  // The lede's dateline is the wire's, not the speaker's words: "NAIROBI, Nov 18 (Reuters) - The death toll …".
  start += datelineLength(ctx.text.slice(start, end));
  const tail = /\s*\([A-Z ]+\)\s*$/.exec(ctx.text.slice(start, end)); // "(PHOTOS)", "(VIDEO)"
  if (tail) end -= tail[0].length;
  while (end > start && /[\s.,;:]/.test(ctx.text[end - 1] ?? '')) end--;
  return spanOf(ctx.text, start, end);
}

/** The first date in the attribution clause, outside every quote and content fragment. */
function saidOnOf(ctx: SieveContext, d: Draft): FuzzyDate | null {
  for (const r of [...d.attribution].sort((a, b) => a.start - b.start)) {
    // chrono is the slow part of the sieve: only ask it where a date word or a number appears.
    if (r.end <= r.start || !DATE_HINT.test(ctx.text.slice(r.start, r.end))) continue;
    for (const m of datesOf(ctx.doc).inRange(r)) {
      const inside = (x: Range) => m.span.start < x.end && x.start < m.span.end;
      if (d.fragments.some(inside) || d.unit.quotes.some((q) => inside({ start: q.open, end: q.close }))) continue;
      return m.date;
    }
  }
  return null;
}
