/**
 * What every pass of the sieve shares about one article: the text, its tokens, quotes and units, the
 * outermost-mention index (kept current as the sieve creates speakers such as "Norwegian activists"), and
 * the drafts built so far — later passes, split quotes and referents ("he", "the spokesman", "the
 * statement") all read the drafts before them. Also the small token and mention helpers every pass uses.
 */
import type { ActorIndex } from '../actorIndex.js';
import type { Doc } from '../doc.js';
import { SKIPPABLE } from '../lexicon.js';
import { findQuotes, findUnits, type Quote, type Unit } from '../quotes.js';
import { spanOf } from '../text.js';
import { tokenIndexAt, tokensOf, type Token } from '../tokens.js';
import type { ExtractedActor } from '../../domain/types.js';

export interface Range {
  start: number;
  end: number;
}

export interface Mention extends Range {
  actor: ExtractedActor;
}

export interface Via {
  actor: ExtractedActor;
  rank: number;
  pos: number;
}

export interface Draft {
  unit: Unit;
  speaker: ExtractedActor;
  verb: string;
  /** Content spans (raw: may include quote marks); several for a split quote. */
  fragments: Range[];
  /** Where the attribution clause is (for the statement span and its said-date). */
  attribution: Range[];
  via: Via[];
  audience?: ExtractedActor;
  /** The attribution mentions a written statement: "the statement" refers back to this speaker. */
  written: boolean;
  /** A participle continuing another statement (", saying …") shares its date, audience and intermediaries. */
  parent?: Draft;
}

/** A draft being built: its speaker is resolved only when it is committed. */
export type PendingDraft = Omit<Draft, 'speaker'> & { speaker?: ExtractedActor };

export const PREPOSITIONS = new Set([
  'in', 'on', 'at', 'for', 'of', 'to', 'from', 'with', 'by', 'about', 'against', 'between', 'among', 'into', 'over',
  'under', 'toward', 'towards', 'via', 'during', 'including', 'like', 'near', 'than', 'within', 'without', 'through',
  'across', 'behind', 'beyond', 'upon', 'despite', 'per', 'after', 'before',
]);
export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);
export const BOUNDARY_CONJUNCTIONS = new Set(['while', 'whereas', 'but', 'although', 'though', 'after', 'as', 'when', 'because', 'since', 'and', 'if', 'whom']);
export const CALENDAR_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|\d+)\.?$/;
export const QUOTE_MARKS = /["“”„]/;

export class SieveContext {
  readonly text: string;
  readonly tokens: Token[];
  readonly quotes: Quote[];
  readonly units: Unit[];
  readonly drafts: Draft[] = [];
  private mentions: Mention[] = [];

  constructor(
    readonly doc: Doc,
    private readonly actors: ActorIndex,
  ) {
    this.text = doc.text;
    this.tokens = tokensOf(doc);
    this.quotes = findQuotes(doc.text);
    this.units = findUnits(doc.text, doc.sentences, this.quotes);
    this.indexMentions();
  }

  private indexMentions(): void {
    const all = this.actors.actors.flatMap((actor) => actor.mentions.map((m) => ({ start: m.start, end: m.end, actor })));
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    this.mentions = [];
    for (const m of all) {
      const last = this.mentions[this.mentions.length - 1];
      if (last && m.start < last.end) continue; // keep the outermost ("a U.S. official", not "U.S.")
      this.mentions.push(m);
    }
  }

  /** The actor named at `range` (created in the actor index when new), with the mention indexed. */
  ensure(range: Range, kind: ExtractedActor['kind'], name: string): ExtractedActor {
    const actor = this.actors.ensure(spanOf(this.text, range.start, range.end), kind, name);
    // Keep the outermost-mention index current without rebuilding it.
    const at = this.firstMentionFrom(range.start);
    const before = this.mentions[at - 1];
    if (before && before.end > range.start) return actor; // inside a longer mention
    let end = at;
    while (end < this.mentions.length && this.mentions[end]!.start < range.end) end++;
    this.mentions.splice(at, end - at, { start: range.start, end: range.end, actor });
    return actor;
  }

  /** Index of the first mention starting at or after `offset`. */
  private firstMentionFrom(offset: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid]?.start ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last outermost mention starting before `offset`. */
  mentionBefore(offset: number): Mention | undefined {
    return this.mentions[this.firstMentionFrom(offset) - 1];
  }

  /** Outermost mentions inside [start, end), in order. */
  mentionsIn(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.firstMentionFrom(start); i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      if (m.start >= end) break;
      if (m.end <= end) out.push(m);
    }
    return out;
  }

  /** Actors mentioned before `offset`, the latest first. */
  actorsMentionedBefore(offset: number): ExtractedActor[] {
    return this.mentionsIn(0, offset).map((m) => m.actor).reverse();
  }

  mentionStartingAt(tokenIndex: number): Mention | undefined {
    const t = this.tokens[tokenIndex];
    if (!t) return undefined;
    const m = this.mentions[this.firstMentionFrom(t.start)];
    return m?.start === t.start ? m : undefined;
  }

  tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  tokenIndexAt(offset: number): number {
    return tokenIndexAt(this.tokens, offset);
  }

  inQuote(offset: number, unit: Unit): Quote | undefined {
    return unit.quotes.find((q) => q.open <= offset && offset < q.close);
  }

  /** The latest draft of `unit`. */
  lastDraftIn(unit: Unit): Draft | undefined {
    return [...this.drafts].reverse().find((d) => d.unit === unit);
  }

  /** The latest draft whose attribution mentions a written statement. */
  lastWrittenDraft(): Draft | undefined {
    return [...this.drafts].reverse().find((x) => x.written);
  }

  /** The speakers of the drafts so far, the latest first. */
  speakersLatestFirst(): ExtractedActor[] {
    return [...this.drafts].reverse().map((d) => d.speaker);
  }

  /** Some draft's content covers `offset`. */
  claimed(offset: number): boolean {
    return this.drafts.some((d) => d.fragments.some((f) => f.start <= offset && offset < f.end));
  }

  /** Clause start for subject search: the unit start, after a quote, a colon/semicolon, or ", <conjunction>". */
  clauseStart(unit: Unit, p: number): number {
    const verbStart = this.tok(p)!.start;
    let start = unit.start;
    for (const q of unit.quotes) if (q.close <= verbStart) start = Math.max(start, q.close);
    const slice = this.text.slice(start, verbStart);
    const hard = Math.max(slice.lastIndexOf(': '), slice.lastIndexOf(';'));
    if (hard >= 0) start = start + hard + 1;
    for (let i = p - 1; i >= 0 && this.tok(i)!.start >= start; i--) {
      const t = this.tok(i)!;
      const prevTok = this.tok(i - 1);
      if (BOUNDARY_CONJUNCTIONS.has(t.lower) && prevTok && /,\s*$/.test(this.text.slice(prevTok.end, t.start))) return t.end;
    }
    return start;
  }

  /** Index of the first token before `k` (inclusive) that is not skippable ("has also", "on Wednesday"). */
  skipBack(k: number): number {
    while (k >= 0 && (SKIPPABLE.has(this.tok(k)!.lower) || CALENDAR_WORD.test(this.tok(k)!.lower))) k--;
    return k;
  }

  /** The mention at `offset` sits in a prepositional phrase ("for the ministry"), within the clause. */
  afterPreposition(offset: number, clauseStart = 0): boolean {
    let i = this.tokenIndexAt(offset) - 1;
    if (i < 0 || this.tok(i)!.start < clauseStart) return false;
    const gap = (a: number) => this.text.slice(this.tok(a)!.end, this.tok(a + 1)!.start);
    if (DETERMINERS.has(this.tok(i)!.lower) && !/[,;:]/.test(gap(i))) i--;
    return i >= 0 && this.tok(i)!.start >= clauseStart && PREPOSITIONS.has(this.tok(i)!.lower) && !/[,;:]/.test(gap(i));
  }
}
