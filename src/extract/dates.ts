/**
 * The article's date expressions, parsed with chrono once per sentence and shared by the statement stage
 * (said-on dates of attribution clauses) and the event stage (dates of meetings, incidents, reports).
 * chrono is the costliest step of extraction; before this cache every stage parsed its own ranges.
 */
import type { Doc } from './doc.js';
import { isFutureContext, parseDates, resolveDates, type DateMention, type ParsedDate } from './time.js';

interface Range {
  start: number;
  end: number;
}

/** chrono's English filter treats "may" and "… the second" by the words around them: parse such ranges on their own. */
const CONTEXT_SENSITIVE = /\bmay\b|the\s+second/i;
/** An expression this close outside a range might have reached into it had chrono not preferred another reading. */
const NEAR = 24;

export class DocDates {
  private readonly parsed = new Map<number, ParsedDate[]>();
  private readonly resolved = new Map<number, DateMention[]>();

  constructor(private readonly doc: Doc) {}

  /** Date expressions of sentence `i`, resolved with the sentence's own tense: `findDates(text, publishedAt, sentence)`. */
  sentence(i: number): DateMention[] {
    let d = this.resolved.get(i);
    if (!d) {
      const s = this.doc.sentences[i]!;
      d = resolveDates(this.doc.text, this.doc.publishedAt, s, this.parsedSentence(i), isFutureContext(s.exact));
      this.resolved.set(i, d);
    }
    return d;
  }

  /**
   * `findDates(text, publishedAt, range)` for a range inside one sentence, read from that sentence's parse.
   * chrono's result for a sub-range can differ from the sentence's near the range's edges (an expression cut
   * in two, a merge, a filter that reads the words around), so such ranges are parsed on their own.
   */
  inRange(range: Range): DateMention[] {
    const { text, publishedAt } = this.doc;
    const slice = text.slice(range.start, range.end);
    const inFuture = isFutureContext(slice);
    const i = this.sentenceIndexOf(range);
    if (i < 0 || CONTEXT_SENSITIVE.test(slice)) return resolveDates(text, publishedAt, range, parseDates(text, publishedAt, range), inFuture);
    const inside: ParsedDate[] = [];
    for (const p of this.parsedSentence(i)) {
      const end = p.at + p.result.text.length;
      if (p.at >= range.start && end <= range.end) inside.push(p);
      else if (end > range.start - NEAR && p.at < range.end + NEAR) {
        return resolveDates(text, publishedAt, range, parseDates(text, publishedAt, range), inFuture);
      }
    }
    return resolveDates(text, publishedAt, range, inside, inFuture);
  }

  private parsedSentence(i: number): ParsedDate[] {
    let p = this.parsed.get(i);
    if (!p) {
      const s = this.doc.sentences[i]!;
      p = parseDates(this.doc.text, this.doc.publishedAt, s);
      this.parsed.set(i, p);
    }
    return p;
  }

  /** Index of the sentence holding all of `range`, or -1. */
  private sentenceIndexOf(range: Range): number {
    const sentences = this.doc.sentences;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (range.start < s.start) hi = mid - 1;
      else if (range.start >= s.end) lo = mid + 1;
      else return range.end <= s.end ? mid : -1;
    }
    return -1;
  }
}

const cache = new WeakMap<Doc, DocDates>();

/** The date cache of a Doc, made on first use and shared by the stages. */
export function datesOf(doc: Doc): DocDates {
  let d = cache.get(doc);
  if (!d) {
    d = new DocDates(doc);
    cache.set(doc, d);
  }
  return d;
}
