/**
 * Quotations and the units attribution works on. Quote marks pair within a paragraph: curly marks say
 * which way they face; a straight mark opens when no quote is open and closes otherwise (so mixed pairs
 * like “…" still pair). A quote still open at the end of its paragraph closes there (news style for
 * quotes running over paragraphs). A unit is a sentence, or several when a quote spans them.
 */
import type { Span } from '../domain/types.js';
import { spanOf } from './text.js';

export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark (or the paragraph end for an unclosed quote). */
  close: number;
  /** The quoted words: inside the marks, trimmed, a trailing comma dropped ("…battle space,"). */
  inner: Span;
}

const OPENERS = new Set(['“', '„']);
const CLOSERS = new Set(['”']);

export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  let openLength = 1;
  const finish = (closeMark: number, after: number) => {
    let s = open + openLength;
    let e = closeMark;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /[\s,;:]/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ open, close: after, inner: spanOf(text, s, e) });
    open = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\n') {
      if (open >= 0) finish(i, i);
      continue;
    }
    if (OPENERS.has(ch)) {
      if (open < 0) {
        open = i;
        openLength = 1;
      }
    } else if (CLOSERS.has(ch)) {
      if (open >= 0) finish(i, i + 1);
    } else if (ch === '"' || (ch === "'" && text[i + 1] === "'")) {
      // Some wires (the New York Times archive) write a straight double quote as two apostrophes: ''…''.
      const length = ch === '"' ? 1 : 2;
      if (open >= 0) finish(i, i + length);
      else {
        open = i;
        openLength = length;
      }
      i += length - 1;
    }
  }
  if (open >= 0) finish(text.length, text.length);
  return out;
}

export interface Unit {
  start: number;
  end: number;
  /** Quotes that start inside the unit. */
  quotes: Quote[];
  /** Paragraph number (line-break separated). */
  paragraph: number;
}

/** Sentences merged where a quote runs across a sentence boundary. */
export function findUnits(text: string, sentences: Span[], quotes: Quote[]): Unit[] {
  const units: Unit[] = [];
  let q = 0;
  let paragraph = 0;
  let lastEnd = 0;
  for (const s of sentences) {
    paragraph += (text.slice(lastEnd, s.start).match(/\n/g) ?? []).length > 0 ? 1 : 0;
    lastEnd = s.end;
    const prev = units[units.length - 1];
    // Continue the previous unit while one of its quotes is still open here.
    if (prev && prev.quotes.some((x) => x.close > s.start)) {
      prev.end = Math.max(prev.end, s.end);
      while (q < quotes.length && (quotes[q]?.open ?? Infinity) < prev.end) prev.quotes.push(quotes[q++] as Quote);
      continue;
    }
    const unit: Unit = { start: s.start, end: s.end, quotes: [], paragraph };
    while (q < quotes.length && (quotes[q]?.open ?? Infinity) < s.start) q++;
    while (q < quotes.length && (quotes[q]?.open ?? Infinity) < s.end) unit.quotes.push(quotes[q++] as Quote);
    units.push(unit);
  }
  // A quote may still extend a unit past its last sentence end (unclosed to paragraph end).
  for (const u of units) for (const x of u.quotes) u.end = Math.max(u.end, Math.min(x.close, text.length));
  return units;
}
