/** Text comparison helpers shared by extraction, resolution and evaluation. */

/** Lower-cases, folds curly quotes and dashes, and collapses whitespace: for comparing wordings. */
export function normalizeForComparison(s: string): string {
  return s
    .toLowerCase()
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a lexicon phrase into the token forms the tokenizer produces ("U.N.-backed force" → u.n. backed force). */
export function phraseTokens(phrase: string): string[] {
  const words: string[] = [];
  for (const m of phrase.matchAll(/[\p{L}\p{N}]+(?:[-'’&.][\p{L}\p{N}]+)*\.?/gu)) words.push(m[0]);
  return words;
}
