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

/** A global twin of each lexicon regex, compiled once: compiling these alternations per sentence was the top hot spot. */
const GLOBAL_TWIN = new WeakMap<RegExp, RegExp>();

function globalTwin(re: RegExp): RegExp {
  let g = GLOBAL_TWIN.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    GLOBAL_TWIN.set(re, g);
  }
  return g;
}

/** Every non-overlapping match of `re` in text[start, end), offsets into the whole text. */
export function hitsIn(re: RegExp, text: string, start: number, end: number): PhraseHit[] {
  const out: PhraseHit[] = [];
  // The slice keeps lookarounds from seeing past [start, end), as before.
  const slice = text.slice(start, end);
  const g = globalTwin(re);
  g.lastIndex = 0;
  for (let m = g.exec(slice); m; m = g.exec(slice)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
    // An empty match would loop forever: step over one code point, as matchAll does.
    if (m[0].length === 0) g.lastIndex += g.unicode && (slice.codePointAt(g.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  g.lastIndex = 0;
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
  return (entryIndex(entries, phrases).get(normPhrase(text)) as T | undefined) ?? undefined;
}

function normPhrase(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

/** Normalised phrase → first entry having it, per lexicon list (and accessor), built once instead of per hit. */
const ENTRY_INDEX = new WeakMap<readonly unknown[], Map<string, Map<string, unknown>>>();

function entryIndex<T>(entries: readonly T[], phrases: (e: T) => readonly string[]): Map<string, unknown> {
  let byAccessor = ENTRY_INDEX.get(entries);
  if (!byAccessor) {
    byAccessor = new Map();
    ENTRY_INDEX.set(entries, byAccessor);
  }
  const accessor = phrases.toString();
  let index = byAccessor.get(accessor);
  if (!index) {
    index = new Map();
    for (const e of entries) for (const p of phrases(e)) if (!index.has(normPhrase(p))) index.set(normPhrase(p), e);
    byAccessor.set(accessor, index);
  }
  return index;
}
