/**
 * Pass 4, split quotes: a unit that is almost all quotation (at least 80% of its letters) and has no
 * attribution of its own continues the previous unit's speaker: the statement grows by the new quotes.
 * (A continuation of a continuation becomes a statement of its own sharing the earlier one's verb,
 * audience, intermediaries and date.)
 */
import type { Unit } from '../quotes.js';
import type { SieveContext } from './context.js';
import { SPEECH_VERBS } from '../lexicon.js';

/** A form of a verb of saying that is no noun as well ("said", "told", "warned" — not "states", "claims", "report"). */
function isSayingVerbForm(word: string): boolean {
  return SPEECH_VERBS.has(word) && (/ed$/.test(word) || ['said', 'says', 'told', 'tells', 'wrote', 'writes'].includes(word));
}

export function continuation(ctx: SieveContext, unit: Unit, n: number): void {
  const quote = unit.quotes[0];
  if (!quote || n === 0) return;
  const prevUnit = ctx.units[n - 1]!;
  const prev = ctx.lastDraftIn(prevUnit);
  if (!prev) return;
  const body = ctx.text.slice(unit.start, unit.end).replace(/\s+/g, '');
  const quoted = unit.quotes.reduce((s, q) => s + ctx.text.slice(q.open, q.close).replace(/\s+/g, '').length, 0);
  if (quoted < 0.8 * body.length) return;
  // 'Berg said the accord "does not establish …"': a verb of saying outside the quotes is the unit's own attribution.
  let outside = ctx.text.slice(unit.start, unit.end);
  for (const q of [...unit.quotes].sort((a, b) => b.open - a.open)) outside = outside.slice(0, q.open - unit.start) + outside.slice(q.close - unit.start);
  if (outside.toLowerCase().split(/[^\p{L}]+/u).some(isSayingVerbForm)) return;
  // One utterance quoted over several paragraphs is one statement, whether it began quoted or reported
  // ("X said that …. “…”"): PolNeAR train, +0.009 precision, recall unchanged.
  if (prev.parent === undefined) {
    for (const q of unit.quotes) prev.fragments.push({ start: q.open, end: q.close });
    return;
  }
  ctx.drafts.push({ unit, speaker: prev.speaker, verb: prev.verb, fragments: unit.quotes.map((q) => ({ start: q.open, end: q.close })), attribution: [], via: [...prev.via], audience: prev.audience, written: prev.written, parent: prev });
}
