/**
 * One list of statements from the two attribution passes, in text order with keys `s<n>` (later stages
 * see one sequence). The surface sieve's statements come first: on PolNeAR train the order made no
 * measurable difference (docs/extraction.md), and the sieve carries what the parse pass does not yet —
 * intermediary chains ("as quoted by"), settings and split quotes. The parse pass adds every cue the
 * sieve missed (parseStatements skips content the sieve already has).
 */
import type { ExtractedStatement } from '../../../domain/types.js';

/** A stray quote mark is no statement (the sieve misreading unusual punctuation); one word can be ("called it “stupid”"). */
export function substantialStatement(s: ExtractedStatement): boolean {
  return s.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 1;
}

export function combineStatements(fromSieve: readonly ExtractedStatement[], fromParse: readonly ExtractedStatement[]): ExtractedStatement[] {
  return [...fromSieve, ...fromParse]
    .sort((a, b) => (a.quoteSpans[0]?.start ?? a.span.start) - (b.quoteSpans[0]?.start ?? b.span.start) || a.span.start - b.span.start)
    .map((s, i) => ({ ...s, key: `s${i + 1}` }));
}
