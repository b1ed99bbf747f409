/**
 * Word tokens with offsets, made once per article and shared by the actor and statement stages, so no
 * stage re-scans the text character by character. Abbreviation periods ("U.S.", "Gen.") stay on their
 * token; a possessive "'s" is split off into `baseEnd` so names match without it.
 */
import abbreviationData from '../../data/lexicon/abbreviations.json' with { type: 'json' };

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** End of the token without a possessive "'s" (equals `end` when there is none). */
  baseEnd: number;
  /** Lower-cased text without the possessive. */
  base: string;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Index of the sentence (doc.sentences) the token is in, -1 when outside every sentence. */
  sentence: number;
  /** First token of its sentence (or right after an opening quote / colon). */
  initial: boolean;
}

const ABBREVIATIONS = new Set(abbreviationData.abbreviations.map((a) => a.toLowerCase()));
const WORD = /[\p{L}\p{N}]+(?:[-'’&.][\p{L}\p{N}]+)*/gu;
const INITIALS = /^(\p{L}\.)+\p{L}$/u;
const POSSESSIVE = /['’]s$/i;
/** A token right after one of these starts a clause ("“We", ": The", "(Reuters"). */
const OPENS_BEFORE = new Set(['“', '"', '‘', ':', '(', '\n']);
/** … and after one of these plus a space. */
const OPENS_BEFORE_SPACE = new Set(['“', '"', '‘', ':']);
const WHITESPACE = /^\s$/;
const UPPER_FIRST = /^\p{Lu}/u;

function takesPeriod(word: string): boolean {
  return INITIALS.test(word) || /^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/** Tokenises `text`; `sentences` (sorted, non-overlapping) assign each token its sentence index. */
export function tokenize(text: string, sentences: Array<{ start: number; end: number }> = []): Token[] {
  const out: Token[] = [];
  let s = 0;
  let lastSentence = -2;
  // exec on one global regex: matchAll would clone it and allocate an iterator per article.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (text[end] === '.' && takesPeriod(m[0])) end++;
    const raw = text.slice(start, end);
    while (s < sentences.length && (sentences[s]?.end ?? 0) <= start) s++;
    const inSentence = s < sentences.length && (sentences[s]?.start ?? Infinity) <= start;
    const sentence = inSentence ? s : -1;
    const possessive = POSSESSIVE.test(raw) && raw.length > 2;
    const baseEnd = possessive ? end - 2 : end;
    // Character tests instead of a regex over a fresh two-character slice per token (a hot spot).
    const initial =
      sentence !== lastSentence ||
      OPENS_BEFORE.has(text[start - 1] ?? '') ||
      (start >= 2 && OPENS_BEFORE_SPACE.has(text[start - 2]!) && WHITESPACE.test(text[start - 1]!));
    lastSentence = sentence;
    const lower = raw.toLowerCase();
    const first = raw.charCodeAt(0);
    out.push({
      start,
      end,
      text: raw,
      lower,
      baseEnd,
      base: possessive ? text.slice(start, baseEnd).toLowerCase() : lower,
      cap: first < 128 ? first >= 65 && first <= 90 : UPPER_FIRST.test(raw),
      sentence,
      initial,
    });
  }
  return out;
}

/** Index of the first token starting at or after `offset` (binary search). */
export function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when only spaces or hyphens separate two tokens (no comma, quote, period or line break). */
export function joined(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00a0-]*$/.test(text.slice(a.end, b.start));
}

const cache = new WeakMap<object, Token[]>();
/** Tokens of a Doc, computed once and shared by the stages that need them. */
export function tokensOf(doc: { text: string; sentences: Array<{ start: number; end: number }> }): Token[] {
  let t = cache.get(doc);
  if (!t) {
    t = tokenize(doc.text, doc.sentences);
    cache.set(doc, t);
  }
  return t;
}
