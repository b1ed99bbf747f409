/**
 * Pass 2, a quote followed by its speaker and no verb: `"…," Col. X, the spokesman, as quoted by Y`.
 * Only a quote ending in a comma with a person or an anonymous source right after it counts, and only
 * when no statement of pass 1 already holds it; intermediaries after the speaker are read as in pass 1.
 */
import type { Unit } from '../quotes.js';
import type { Draft, SieveContext } from './context.js';
import { readVia } from './via.js';

export function verblessQuotes(ctx: SieveContext, unit: Unit): void {
  for (const quote of unit.quotes) {
    if (ctx.claimed(quote.open)) continue;
    // Only `"…," Name` — a quote ending in a comma, the speaker right after it.
    if (!/,\s*["”]$/.test(ctx.text.slice(quote.open, quote.close))) continue;
    const k = ctx.tokenIndexAt(quote.close);
    const m = [ctx.mentionStartingAt(k), ctx.mentionStartingAt(k + 1), ctx.mentionStartingAt(k + 2)].find(Boolean);
    if (!m || !['PERSON', 'ANONYMOUS_SOURCE'].includes(m.actor.kind)) continue;
    if (!/^[\s\p{L}.]*$/u.test(ctx.text.slice(quote.close, m.start))) continue;
    const draft: Draft = { unit, speaker: m.actor, verb: 'say', fragments: [{ start: quote.open, end: quote.close }], attribution: [], via: [], written: false };
    const end = ctx.tokenIndexAt(unit.end);
    for (let x = ctx.tokenIndexAt(m.end); x < end; x++) {
      const next = readVia(ctx, x, draft, end);
      if (next > x) x = next - 1;
    }
    draft.attribution.push({ start: m.start, end: unit.end });
    ctx.drafts.push(draft);
  }
}
