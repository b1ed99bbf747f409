/**
 * Regex building for the event stage's phrase lexicons (data/lexicon/*.json). Every lexicon is matched
 * with one compiled alternation per list, longest phrase first, so a scan is linear in the text.
 */

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whitespace in a phrase matches any run of spaces; straight and curly apostrophes match each other. */
function phrasePattern(phrase: string): string {
  return escape(phrase)
    .replace(/\s+/g, '\\s+')
    .replace(/['’]/g, "['’]");
}

/**
 * One alternation over `phrases`, longest first, bounded so a phrase never matches inside a word
 * (lookarounds instead of \b, because phrases may start or end with a period: "Gen.").
 */
export function phraseSource(phrases: readonly string[]): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?<![\\p{L}\\p{N}])(?:${sorted.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`;
}

export function phraseRegex(phrases: readonly string[], flags = 'giu'): RegExp {
  return new RegExp(phraseSource(phrases), flags.includes('u') ? flags : `${flags}u`);
}

export interface PhraseHit {
  start: number;
  end: number;
  text: string;
}

/** Every non-overlapping match of `re` in text[start, end), offsets into the whole text. */
export function hitsIn(re: RegExp, text: string, start: number, end: number): PhraseHit[] {
  const out: PhraseHit[] = [];
  const slice = text.slice(start, end);
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of slice.matchAll(g)) {
    out.push({ start: start + (m.index ?? 0), end: start + (m.index ?? 0) + m[0].length, text: m[0] });
  }
  return out;
}

/** True when `re` matches somewhere in `s`. */
export function hasPhrase(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const found = re.test(s);
  re.lastIndex = 0;
  return found;
}

/** The lexicon entry whose phrase list contains `text` (case- and space-insensitive). */
export function entryFor<T>(entries: readonly T[], phrases: (e: T) => readonly string[], text: string): T | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
  const t = norm(text);
  return entries.find((e) => phrases(e).some((p) => norm(p) === t));
}
