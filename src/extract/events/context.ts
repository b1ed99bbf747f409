/**
 * What every event extractor needs about one article, computed once: sentences with their dates,
 * the statements (to attribute claims and to date reports), the parties, and key generation.
 */
import reportData from '../../../data/lexicon/report-cues.json' with { type: 'json' };
import type { ActorIndex } from '../actorIndex.js';
import type { Doc } from '../doc.js';
import { datesOf, type DocDates } from '../dates.js';
import type { DateMention } from '../time.js';
import type { ExtractedStatement, FuzzyDate, Span } from '../../domain/types.js';
import { phraseSource } from './lexicon.js';
import { Parties } from './parties.js';

const SPEECH_BEFORE_DATE = new RegExp(
  `${phraseSource(reportData.speechVerbs)}(?:\\s+[\\p{L}.,'’-]+){0,${reportData.maxWordsBetweenVerbAndDate}}\\s+(?:on\\s+)?$`,
  'iu',
);
const ANCHORED_ELSEWHERE = new RegExp(`${phraseSource(reportData.anchoredElsewhere)}\\s+(?:[\\p{L}.'’-]+\\s+){0,4}$`, 'iu');

/** A clause boundary: punctuation, or a conjunction that starts a new clause. */
const CLAUSE_BOUNDARY = /[,;:()“”"]|\s(?:but|while|whereas|although|after|since)\s/giu;

export class EventContext {
  readonly text: string;
  readonly publishedAt: string;
  readonly sentences: Span[];
  readonly parties: Parties;
  /** The article's dates, parsed once per sentence and shared with the statement stage. */
  private readonly docDates: DocDates;
  private readonly counters = new Map<string, number>();
  private readonly statementsByStart: ExtractedStatement[];
  /** Longest statement span: how far back a containing statement can start. */
  private readonly maxStatementLength: number;
  /** Starts of the said-on dates statements carry ("told reporters Wednesday"). */
  private readonly saidOnStarts: Set<number>;

  constructor(
    doc: Doc,
    readonly actors: ActorIndex,
    readonly statements: ExtractedStatement[],
  ) {
    this.text = doc.text;
    this.publishedAt = doc.publishedAt;
    this.sentences = doc.sentences;
    this.parties = new Parties(doc.text, actors);
    this.docDates = datesOf(doc);
    this.statementsByStart = [...statements].sort((a, b) => a.span.start - b.span.start);
    this.maxStatementLength = statements.reduce((m, st) => Math.max(m, st.span.end - st.span.start), 0);
    this.saidOnStarts = new Set(statements.flatMap((st) => (st.saidOn?.span ? [st.saidOn.span.start] : [])));
  }

  /** Index of the last statement starting at or before `at` (-1 if none). */
  private lastStatementAtOrBefore(at: number): number {
    let lo = 0;
    let hi = this.statementsByStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.statementsByStart[mid]!.span.start <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  key(prefix: 'ev' | 'cl'): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n}`;
  }

  /** Date expressions of sentence `i`, resolved against the publication date (parsed once per article). */
  dates(i: number): DateMention[] {
    return this.docDates.sentence(i);
  }

  /** Index of the sentence containing offset `at` (binary search: sentences are in text order). */
  sentenceIndexAt(at: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return mid;
    }
    return Math.max(0, Math.min(lo, this.sentences.length - 1));
  }

  /** True when the date names the day something was said ("told reporters Wednesday"), not an event day. */
  isSpeechDate(d: DateMention, sentenceStart: number): boolean {
    if (this.saidOnStarts.has(d.span.start)) return true;
    return SPEECH_BEFORE_DATE.test(this.text.slice(Math.max(sentenceStart, d.span.start - 60), d.span.start));
  }

  /** True when the date anchors another event ("days before the summit on Monday"). */
  isAnchoredElsewhere(d: DateMention, sentenceStart: number): boolean {
    return ANCHORED_ELSEWHERE.test(this.text.slice(Math.max(sentenceStart, d.span.start - 40), d.span.start));
  }

  /** The [start, end) of the clause around `at`, within its sentence. */
  clauseAround(at: number): { start: number; end: number } {
    const s = this.sentences[this.sentenceIndexAt(at)]!;
    let start = s.start;
    let end = s.end;
    const slice = this.text.slice(s.start, s.end);
    for (const m of slice.matchAll(CLAUSE_BOUNDARY)) {
      const b = s.start + (m.index ?? 0);
      if (b < at) start = b + m[0].length;
      else if (b >= at) {
        end = b;
        break;
      }
    }
    return { start, end };
  }

  /** The smallest statement whose attribution span contains [start, end): the claim's source. */
  statementAt(start: number, end: number): ExtractedStatement | undefined {
    let best: ExtractedStatement | undefined;
    for (let i = this.lastStatementAtOrBefore(start); i >= 0; i--) {
      const s = this.statementsByStart[i]!;
      if (s.span.start < start - this.maxStatementLength) break;
      if (s.span.end < end) continue;
      if (!best || s.span.end - s.span.start < best.span.end - best.span.start) best = s;
    }
    return best;
  }

  /**
   * When a fact at [start, end) was reported: the date of the statement carrying it, else a speech date
   * in its sentence ("an official said on Wednesday"), else the article's publication date.
   */
  reportDate(start: number, end: number): FuzzyDate {
    const st = this.statementAt(start, end);
    if (st?.saidOn) return st.saidOn;
    const i = this.sentenceIndexAt(start);
    const speech = this.dates(i).find((d) => this.isSpeechDate(d, this.sentences[i]!.start));
    if (speech) return speech.date;
    return { start: this.publishedAt, end: this.publishedAt, precision: 'DAY', source: 'PUBLICATION' };
  }

  /**
   * "the same day" / "on the day": the day of the latest dated report before `at` — a statement's
   * said-on date, or failing that a speech date in an earlier sentence.
   */
  dayOfLastReportBefore(at: number): FuzzyDate | null {
    for (let i = this.lastStatementAtOrBefore(at - 1); i >= 0; i--) {
      const saidOn = this.statementsByStart[i]!.saidOn;
      if (saidOn?.precision === 'DAY') return saidOn;
    }
    for (let i = this.sentenceIndexAt(at) - 1; i >= 0; i--) {
      const speech = this.dates(i).find((d) => d.date.precision === 'DAY' && this.isSpeechDate(d, this.sentences[i]!.start));
      if (speech) return speech.date;
    }
    return null;
  }
}

/** The intersection of date ranges when it is non-empty (the claims agree), else their union. */
export function combineDates(dates: FuzzyDate[]): FuzzyDate | null {
  if (dates.length === 0) return null;
  const start = dates.reduce((m, d) => (d.start > m ? d.start : m), dates[0]!.start);
  const end = dates.reduce((m, d) => (d.end < m ? d.end : m), dates[0]!.end);
  if (start <= end) {
    // The narrowest date inside the intersection carries the precision and the words.
    const exact = dates.find((d) => d.start === start && d.end === end);
    return exact ?? { start, end, precision: start === end ? 'DAY' : 'INTERVAL', source: 'TEXT' };
  }
  const lo = dates.reduce((m, d) => (d.start < m ? d.start : m), dates[0]!.start);
  const hi = dates.reduce((m, d) => (d.end > m ? d.end : m), dates[0]!.end);
  return { start: lo, end: hi, precision: 'INTERVAL', source: 'TEXT' };
}
