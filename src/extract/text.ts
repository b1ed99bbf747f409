/**
 * Sentence segmentation with exact offsets. A hand-rolled splitter (instead of an NLP library's) so that
 * every sentence is a Span whose offsets point into the original text, and abbreviations such as
 * "U.S." or "Col." never end a sentence.
 */
import abbreviationData from '../../data/lexicon/abbreviations.json' with { type: 'json' };
import type { Span } from '../domain/types.js';

const ABBREVIATIONS = new Set(abbreviationData.abbreviations.map((a) => a.toLowerCase()));

/** Builds a Span, keeping the invariant text.slice(start, end) === exact. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, exact: text.slice(start, end) };
}

/** Trims whitespace off both ends of a span. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return spanOf(text, start, end);
}

const CLOSERS = `"'”’)]`;
const NEXT_CHAR = /[ \t]+(\S)/y;
const NEXT_WORD = /\s*(\S+)/y;

/** True when the period at `dot` belongs to an abbreviation or an initial ("U.S.", "Col.", "J."). */
function isAbbreviationDot(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i] ?? '')) i--;
  const word = text.slice(i + 1, dot);
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^[A-Z]$/.test(word)) return true; // a middle initial
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // U.S, e.g
  return false;
}

/**
 * Splits text into sentences. Line breaks always end a sentence (headlines, captions, paragraphs).
 * A sentence ends at . ! ? (plus closing quotes/brackets) followed by whitespace and a capital, digit or
 * opening quote, unless the period belongs to an abbreviation.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = trimSpan(text, start, end);
    if (s.exact.length > 0) out.push(s);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.includes(text[end] ?? '')) end++;
    // Sticky regexes read ahead from `end` without copying the rest of the text (linear, not quadratic).
    NEXT_CHAR.lastIndex = end;
    const next = NEXT_CHAR.exec(text);
    if (!next) {
      if (end >= text.length || text[end] === '\n') push(end);
      continue;
    }
    const nextChar = next[1] ?? '';
    if (!/[A-Z0-9"“‘'([]/.test(nextChar)) continue;
    if (ch === '.' && isAbbreviationDot(text, i)) {
      // "… in the U.S. The next sentence" — an abbreviation can still end a sentence before a clear
      // sentence opener; we only accept that when the next word is a common sentence starter.
      NEXT_WORD.lastIndex = end;
      const nextWord = NEXT_WORD.exec(text)?.[1] ?? '';
      if (!/^(The|A|An|It|He|She|They|We|But|However|Meanwhile|In|On|At|This|That|These|Those)$/.test(nextWord)) continue;
    }
    push(end);
  }
  push(text.length);
  return out;
}

/** The sentence containing offset `at`, if any. */
export function sentenceAt(sentences: Span[], at: number): Span | undefined {
  return sentences.find((s) => s.start <= at && at < s.end);
}

/** A wire dateline: a place in capitals, maybe a date, the agency in brackets, a dash ("LIMA, Oct 5 (Reuters) - "). */
const DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]*\p{Lu},?[^()\n]{0,40}?\([^()\n]{2,40}\)\s*[-–—]+\s*/u;

/** The length of the wire dateline `s` opens with (0 when none, or when nothing follows it). */
export function datelineLength(s: string): number {
  const m = DATELINE.exec(s);
  return m && m[0].length < s.trimEnd().length ? m[0].length : 0;
}
