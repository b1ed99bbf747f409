/**
 * Quote attribution: a deterministic sieve in the spirit of CoreNLP's, tuned for news. Per unit (a
 * sentence, or sentences a quote spans), in order:
 *   1. reporting verbs with a speaker before them ("X said …", "X told Y that …", "…, X said") or after
 *      them ("…," said X); content after the verb, or — when nothing follows — the words before the speaker;
 *   2. a quote followed by a speaker and no verb ("…," Col. X, the spokesman, as quoted by Y);
 *   3. "according to X" / "per X" / "reports X": an intermediary when the unit already has a speaker,
 *      otherwise X is the speaker of the clause;
 *   4. a quote in the next unit with no attribution continues the previous speaker (split quotes).
 * Speakers come from the actor stage; "he"/"she"/"they", "the spokesman" and "the statement" back off to
 * the last compatible speaker. Said-dates come only from the attribution clause, never from the content.
 */
import type { ActorIndex } from './actorIndex.js';
import type { Doc } from './doc.js';
import {
  AUDIENCE_NOUNS,
  ANON_PLURAL,
  ANON_SINGULAR,
  GROUP_HEADS,
  PARTICIPLES,
  REPORT_NOUNS,
  ROLE_NOUNS,
  SETTING_NOUNS,
  SKIPPABLE,
  SPEECH_VERBS,
  UNNAMED_HEADS,
  VIA_CUES,
  isTitleWord,
  isVerbOrAdverb,
  type SpeechVerb,
} from './lexicon.js';
import { findQuotes, findUnits, type Quote, type Unit } from './quotes.js';
import { spanOf, trimSpan } from './text.js';
import { datesOf } from './dates.js';
import { tokenIndexAt, tokensOf, type Token } from './tokens.js';
import type { ExtractedActor, ExtractedStatement, FuzzyDate } from './types.js';

interface Range {
  start: number;
  end: number;
}

interface Via {
  actor: ExtractedActor;
  rank: number;
  pos: number;
}

interface Draft {
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

const PREPOSITIONS = new Set([
  'in', 'on', 'at', 'for', 'of', 'to', 'from', 'with', 'by', 'about', 'against', 'between', 'among', 'into', 'over',
  'under', 'toward', 'towards', 'via', 'during', 'including', 'like', 'near', 'than', 'within', 'without', 'through',
  'across', 'behind', 'beyond', 'upon', 'despite', 'per', 'after', 'before',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);
const BOUNDARY_CONJUNCTIONS = new Set(['while', 'whereas', 'but', 'although', 'though', 'after', 'as', 'when', 'because', 'since', 'and', 'if', 'whom']);
const RELATIVES = new Set(['who', 'which', 'that']);
const CALENDAR_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|\d+)\.?$/;
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
const DATE_HINT = /\d|day\b|night|morning|evening|week|month|year|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\btoday\b|\bnow\b|ago\b/i;
const QUOTE_MARKS = /["“”„]/;

export function extractStatements(doc: Doc, actors: ActorIndex): ExtractedStatement[] {
  return new Sieve(doc, actors).run();
}

class Sieve {
  private readonly text: string;
  private readonly tokens: Token[];
  private readonly quotes: Quote[];
  private readonly units: Unit[];
  private mentions: Array<{ start: number; end: number; actor: ExtractedActor }> = [];
  private readonly drafts: Draft[] = [];

  constructor(
    private readonly doc: Doc,
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

  private ensure(range: Range, kind: ExtractedActor['kind'], name: string): ExtractedActor {
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

  /** Outermost mentions inside [start, end), in order. */
  private mentionsIn(start: number, end: number) {
    const out: typeof this.mentions = [];
    for (let i = this.firstMentionFrom(start); i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      if (m.start >= end) break;
      if (m.end <= end) out.push(m);
    }
    return out;
  }

  private mentionStartingAt(tokenIndex: number) {
    const t = this.tokens[tokenIndex];
    if (!t) return undefined;
    const m = this.mentions[this.firstMentionFrom(t.start)];
    return m?.start === t.start ? m : undefined;
  }

  private tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  private inQuote(offset: number, unit: Unit): Quote | undefined {
    return unit.quotes.find((q) => q.open <= offset && offset < q.close);
  }

  run(): ExtractedStatement[] {
    this.units.forEach((unit, n) => {
      const before = this.drafts.length;
      this.verbCues(unit);
      this.verblessQuotes(unit);
      this.accordingTo(unit);
      if (this.drafts.length === before) this.continuation(unit, n);
    });
    return this.finish();
  }

  // ------------------------------------------------------------ 1. reporting verbs

  private verbCues(unit: Unit): void {
    const t0 = tokenIndexAt(this.tokens, unit.start);
    const t1 = tokenIndexAt(this.tokens, unit.end);
    type Cue = { p: number; verb: SpeechVerb; subject?: Subject; participle: boolean };
    const cues: Cue[] = [];
    for (let p = t0; p < t1; p++) {
      const t = this.tok(p)!;
      const verb = SPEECH_VERBS.get(t.lower);
      if (!verb || this.inQuote(t.start, unit)) continue;
      const next = this.tok(p + 1);
      if (next && verb.excludeParticles.has(next.lower)) continue;
      if (this.isViaCue(p)) continue;
      // A participle's or a coordinated verb's speaker is the statement built just before it: found later.
      const deferred = this.isParticiple(p) || this.isCoordinated(p);
      cues.push({ p, verb, subject: deferred ? undefined : this.subjectOf(unit, p), participle: deferred });
    }
    for (let c = 0; c < cues.length; c++) {
      const cue = cues[c]!;
      if (cue.participle) cue.subject = this.subjectOf(unit, cue.p);
      if (!cue.subject) continue;
      // Content stops where the next attribution begins: its own subject ("…, while Y said …") or the
      // conjunction of a coordinated verb ("…, but warned that …").
      const verbEnd = this.tok(cue.p)?.end ?? 0;
      const next = cues.slice(c + 1).find((x) => (x.subject && x.subject.range.start > verbEnd && !x.subject.continues) || this.isCoordinated(x.p));
      const nextStart = next ? (this.isCoordinated(next.p) ? this.tok(this.skipBack(next.p - 1))!.start : next.subject!.range.start) : undefined;
      const limit = nextStart !== undefined ? this.clauseCut(nextStart, unit) : unit.end;
      const inside = this.drafts.find((d) => d.unit === unit && d.fragments.some((f) => f.start <= this.tok(cue.p)!.start && this.tok(cue.p)!.start < f.end));
      if (inside && !cue.subject.continues) continue; // a verb inside reported content ("evidence … reports that …")
      this.buildFromVerb(unit, cue.p, cue.verb, cue.subject, limit);
    }
  }

  /** Where the content before a later subject ends: at the comma before it ("…, while the activists said"). */
  private clauseCut(offset: number, unit: Unit): number {
    let i = tokenIndexAt(this.tokens, offset) - 1;
    while (i >= 0 && (DETERMINERS.has(this.tok(i)!.lower) || BOUNDARY_CONJUNCTIONS.has(this.tok(i)!.lower))) i--;
    const prevEnd = i >= 0 ? this.tok(i)!.end : unit.start;
    const comma = this.text.slice(prevEnd, offset).indexOf(',');
    if (comma >= 0) return Math.max(unit.start, prevEnd + comma);
    return Math.max(unit.start, i >= 0 ? this.tok(i + 1)!.start : unit.start);
  }

  private isViaCue(p: number): boolean {
    const t = this.tok(p)!;
    if (t.lower !== 'reports' && t.lower !== 'reported') return false;
    // "…, reports Kyodo": an inverted report naming an intermediary.
    const m = this.mentionStartingAt(p + 1);
    return m !== undefined && /,\s*$/.test(this.text.slice(Math.max(0, t.start - 3), t.start));
  }

  /** "X denied … and said", "…, but warned that": a verb coordinated with an earlier one. */
  private isCoordinated(p: number): boolean {
    const k = this.skipBack(p - 1);
    return k >= 0 && /^(and|but)$/.test(this.tok(k)!.lower);
  }

  /** "…, saying …", "by saying …", "other than to say …": the verb continues a clause's speaker. */
  private isParticiple(p: number): boolean {
    const verbTok = this.tok(p)!;
    const prev = this.tok(p - 1);
    const gapBefore = prev ? this.text.slice(prev.end, verbTok.start) : '';
    if (prev?.lower === 'to') return true;
    return PARTICIPLES.has(verbTok.lower) && (/,\s*["”]?\s*$/.test(gapBefore) || prev?.lower === 'by');
  }

  private subjectOf(unit: Unit, p: number): Subject | undefined {
    const verbTok = this.tok(p)!;
    if (this.isParticiple(p)) {
      const parent = [...this.drafts].reverse().find((d) => d.unit === unit);
      if (parent) return { actor: parent.speaker, range: { start: verbTok.start, end: verbTok.start }, continues: true, parent };
      const first = this.firstSubject(unit, verbTok.start);
      return first ? { ...first, continues: true } : undefined;
    }
    // Inverted: `…," said the official` / `…, said X`.
    const lastQuote = [...unit.quotes].reverse().find((x) => x.close <= verbTok.start);
    if (lastQuote && /^[\s,]*$/.test(this.text.slice(lastQuote.close, verbTok.start))) {
      const after = this.mentionStartingAt(p + 1) ?? this.mentionStartingAt(p + 2);
      if (after && this.text.slice(verbTok.end, after.start).trim().split(/\s+/).filter(Boolean).length <= 1) {
        return { actor: after.actor, range: { start: after.start, end: after.end }, inverted: true };
      }
    }
    return this.subjectBefore(unit, p);
  }

  /** The subject of the clause the verb at `p` is in: nearest acceptable mention, pronoun or speaker noun phrase. */
  private subjectBefore(unit: Unit, p: number): Subject | undefined {
    const verbTok = this.tok(p)!;
    const clauseStart = this.clauseStart(unit, p);
    const cands = this.mentionsIn(clauseStart, verbTok.start).filter((m) => !this.inQuote(m.start, unit));
    // "X denied … and said", "X said …, but warned": the coordinated verb shares the first verb's subject.
    const k = this.skipBack(p - 1);
    if (k >= 0 && /^(and|but)$/.test(this.tok(k)!.lower)) {
      const prev = [...this.drafts].reverse().find((d) => d.unit === unit);
      if (prev) return { actor: prev.speaker, range: { start: this.tok(k)!.start, end: this.tok(k)!.end }, backoff: true };
      const first = this.mentionsIn(unit.start, verbTok.start).find((m) => !this.afterPreposition(m.start, unit.start) && !this.inQuote(m.start, unit));
      if (first) return { actor: first.actor, range: first };
    }
    for (let c = cands.length - 1; c >= 0; c--) {
      const m = cands[c]!;
      if (this.afterPreposition(m.start, clauseStart)) continue;
      if (this.gapAccepts(m.end, verbTok.start)) return { actor: m.actor, range: m };
    }
    // A pronoun right before the verb: the last compatible speaker.
    if (k >= 0 && PRONOUNS.has(this.tok(k)!.lower) && this.tok(k)!.start >= clauseStart) {
      const tk = this.tok(k)!;
      const actor = this.pronounReferent(tk.lower, tk.start);
      return actor ? { actor, range: { start: tk.start, end: tk.end }, pronoun: true } : undefined;
    }
    return this.nounPhraseSubject(unit, clauseStart, p);
  }

  /** First subject-like mention of the clause (for participles with no earlier statement in the unit). */
  private firstSubject(unit: Unit, before: number): Subject | undefined {
    const first = this.mentionsIn(unit.start, before).find((m) => !this.afterPreposition(m.start, unit.start) && !this.inQuote(m.start, unit));
    return first ? { actor: first.actor, range: first } : undefined;
  }

  /** Clause start for subject search: the unit start, after a quote, a colon/semicolon, or ", <conjunction>". */
  private clauseStart(unit: Unit, p: number): number {
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
  private skipBack(k: number): number {
    while (k >= 0 && (SKIPPABLE.has(this.tok(k)!.lower) || CALENDAR_WORD.test(this.tok(k)!.lower))) k--;
    return k;
  }

  /** The mention at `offset` sits in a prepositional phrase ("for the ministry"), within the clause. */
  private afterPreposition(offset: number, clauseStart = 0): boolean {
    let i = tokenIndexAt(this.tokens, offset) - 1;
    if (i < 0 || this.tok(i)!.start < clauseStart) return false;
    const gap = (a: number) => this.text.slice(this.tok(a)!.end, this.tok(a + 1)!.start);
    if (DETERMINERS.has(this.tok(i)!.lower) && !/[,;:]/.test(gap(i))) i--;
    return i >= 0 && this.tok(i)!.start >= clauseStart && PREPOSITIONS.has(this.tok(i)!.lower) && !/[,;:]/.test(gap(i));
  }

  /**
   * Between a subject and its verb: adverbs, auxiliaries, a date, a relative pronoun, an appositive
   * (", a spokesman for …,"), the closing comma of an appositive name ("A spokeswoman, Ana Ruiz, said"),
   * or a short prepositional phrase ("Two officials at the operator said").
   */
  private gapAccepts(from: number, to: number): boolean {
    const gap = this.text.slice(from, to);
    if (/^\s*,\s*(a|an|the|who|which|whose)\b/i.test(gap)) return !QUOTE_MARKS.test(gap);
    if (/^\s*,\s*$/.test(gap)) return this.appositiveName(from);
    if (/[,;:"“”()]/.test(gap)) return false;
    const words = gap.trim().split(/\s+/).filter(Boolean);
    if (words.length > 0 && words.length <= 6 && /^(at|of|from|with|for|in|close|familiar)$/i.test(words[0] ?? '')) {
      return words.slice(1).every((w) => !isVerbOrAdverb(w.toLowerCase()) && !SPEECH_VERBS.has(w.toLowerCase()));
    }
    return words.every((w) => {
      const l = w.toLowerCase().replace(/[.]$/, '');
      return SKIPPABLE.has(l) || CALENDAR_WORD.test(l) || RELATIVES.has(l);
    });
  }

  /** The mention ending at `end` is a name set off by commas after a role: "A spokeswoman for X, Ana Ruiz,". */
  private appositiveName(end: number): boolean {
    const m = this.mentions[this.firstMentionFrom(end) - 1];
    if (!m || m.end !== end || m.actor.kind !== 'PERSON') return false;
    return /,\s*$/.test(this.text.slice(Math.max(0, m.start - 3), m.start));
  }

  /** No actor mention: a noun phrase whose head makes it a speaker ("Norwegian activists", "the statement"). */
  private nounPhraseSubject(unit: Unit, clauseStart: number, p: number): Subject | undefined {
    const end = this.skipBack(p - 1);
    if (end < 0) return undefined;
    const head = this.tok(end)!;
    if (head.start < clauseStart) return undefined;
    let s = end;
    while (s - 1 >= 0 && this.tok(s - 1)!.start >= clauseStart && !/[,;:"“”()]/.test(this.text.slice(this.tok(s - 1)!.end, this.tok(s)!.start))) s--;
    while (s < end && /^(the|a|an|his|her|their|its|however|meanwhile|also)$/.test(this.tok(s)!.lower)) s++;
    const range = { start: this.tok(s)!.start, end: head.baseEnd };
    const words = end - s + 1;
    if (words > 6 || this.inQuote(range.start, unit)) return undefined;
    const name = this.text.slice(range.start, range.end);
    const definite = /^(the|this|that)$/.test(this.tok(s - 1)?.lower ?? '') && this.tok(s - 1)!.start >= clauseStart;
    if (head.base === 'statement' && definite) {
      const d = [...this.drafts].reverse().find((x) => x.written) ?? this.drafts[this.drafts.length - 1];
      return d ? { actor: d.speaker, range, backoff: true } : undefined;
    }
    if (definite && ROLE_NOUNS.has(head.base) && words === 1) {
      const actor = this.roleReferent(head.base, range.start);
      return actor ? { actor, range, backoff: true } : undefined;
    }
    // A described speaker with no proper name ("the rail operator", "his wife", "officials") is a source
    // of this article only; a named group ("Norwegian activists") is the same group everywhere.
    const named = this.tokens.slice(s, end + 1).some((t) => t.cap && !t.initial);
    if (GROUP_HEADS.has(head.base) && (named || (words >= 2 && this.tok(s)!.cap))) return { range, create: { kind: 'GROUP', name } };
    if (ANON_SINGULAR.has(head.base) || ANON_PLURAL.has(head.base) || UNNAMED_HEADS.has(head.base) || GROUP_HEADS.has(head.base)) {
      const det = this.tok(s - 1);
      const lead = det && /^(the|his|her|their|its|a|an)$/.test(det.lower) ? `${det.lower} ` : '';
      return { range: { start: det && lead ? det.start : range.start, end: range.end }, create: { kind: 'ANONYMOUS_SOURCE', name: `${lead}${name}` } };
    }
    return undefined;
  }

  private pronounReferent(pronoun: string, before: number): ExtractedActor | undefined {
    const speakers = [...this.drafts].reverse().map((d) => d.speaker);
    // No gender filter: given-name lexicons mark unisex names as female, and news rarely needs it.
    // An unnamed single source ("a local resident") can be "she" too.
    const ok = (a: ExtractedActor) => a.kind === 'PERSON' || (a.kind === 'ANONYMOUS_SOURCE' && !/s$/.test(a.name));
    if (pronoun === 'he' || pronoun === 'she') {
      const fromSpeakers = speakers.find(ok);
      if (fromSpeakers) return fromSpeakers;
      const mentioned = this.mentionsIn(0, before).map((m) => m.actor).reverse();
      return mentioned.find(ok);
    }
    if (pronoun === 'they') return speakers.find((a) => a.kind !== 'PERSON' && !/official$|source$/.test(a.name));
    return speakers.find((a) => ['ORGANIZATION', 'GOVERNMENT', 'COUNTRY', 'MEDIA_OUTLET'].includes(a.kind));
  }

  /** "the spokesman": the last speaker (or person) whose role names it. */
  private roleReferent(noun: string, before: number): ExtractedActor | undefined {
    const has = (a: ExtractedActor) => (a.role ?? '').toLowerCase().includes(noun);
    const fromSpeakers = [...this.drafts].reverse().map((d) => d.speaker).find(has);
    if (fromSpeakers) return fromSpeakers;
    return this.mentionsIn(0, before).map((m) => m.actor).reverse().find(has);
  }

  private resolveSubject(s: Subject): ExtractedActor {
    if (s.actor) return s.actor;
    const actor = this.ensure(s.range, s.create!.kind, s.create!.name);
    s.actor = actor;
    return actor;
  }

  private buildFromVerb(unit: Unit, p: number, verb: SpeechVerb, subject: Subject, limit: number): void {
    const verbTok = this.tok(p)!;
    const draft: Omit<Draft, 'speaker'> & { speaker?: ExtractedActor } = {
      unit,
      verb: verb.lemma,
      fragments: [],
      attribution: [],
      via: [],
      written: false,
      parent: subject.parent,
    };
    const clauseStart = subject.inverted || subject.continues ? verbTok.start : this.clauseStart(unit, p);
    let q = p + 1;
    if (subject.inverted) q = tokenIndexAt(this.tokens, subject.range.end);

    if (!subject.inverted && !subject.continues) {
      // A fronted setting: "In a briefing with reporters Tuesday, X said …".
      const to = tokenIndexAt(this.tokens, subject.range.start);
      for (let k = tokenIndexAt(this.tokens, clauseStart); k < to; k++) {
        const next = this.readSetting(k, draft, to);
        if (next > k) k = next - 1;
      }
    }

    if (verb.quoteOnly) {
      // "X described it as 'Q'", "X called it 'Q'": only the quotation is the statement.
      const quote = unit.quotes.find((x) => x.open > verbTok.end && x.open < limit && this.text.slice(verbTok.end, x.open).split(/\s+/).length <= 30);
      if (!quote) return;
      draft.fragments.push({ start: quote.open, end: quote.close });
      draft.attribution.push({ start: clauseStart, end: quote.open });
      this.commit(draft, subject);
      return;
    }

    // `"…," X said …` / `"…," said X …`: the quote is the content, whatever follows the verb is attribution.
    const quoteFirst = subject.inverted === true || (!subject.continues && !subject.backoff && this.followsQuote(unit, subject.range.start));
    const after = this.readAfterVerb(unit, q, verb, draft, limit);
    let contentStart = after.contentStart;
    if (verb.object && !after.sawThat) {
      // "accused Norway of targeting …": the object and its clause are the content.
      contentStart = this.tok(q)?.start ?? limit;
    }
    const contentEnd = this.contentEnd(unit, contentStart, limit, draft);
    const hasForward = contentStart < contentEnd && /[\p{L}\p{N}]/u.test(this.text.slice(contentStart, contentEnd));
    if (!quoteFirst && hasForward && (verb.bare || after.sawThat || after.quoteNext || verb.object || subject.continues)) {
      draft.fragments.push({ start: contentStart, end: contentEnd });
      draft.attribution.push({ start: clauseStart, end: contentStart });
      if (contentEnd < unit.end) draft.attribution.push({ start: contentEnd, end: unit.end });
      this.commit(draft, subject);
      return;
    }
    if (!quoteFirst && (hasForward || subject.continues)) return; // e.g. "denied to comment", "speculates more problems"
    // Nothing after the verb: the content is what precedes the speaker ("…, the official said").
    const speakerStart = subject.inverted ? verbTok.start : subject.range.start;
    const start = this.reverseContentStart(unit, speakerStart);
    const end = this.reverseContentEnd(unit, start, speakerStart);
    if (end <= start) return;
    draft.fragments.push({ start, end });
    this.splitQuoteTail(unit, draft, after.attributionEnd);
    const tail = draft.fragments.length > 1 ? draft.fragments[draft.fragments.length - 1]!.start : unit.end;
    draft.attribution.push({ start: speakerStart, end: quoteFirst ? tail : after.attributionEnd });
    this.commit(draft, subject);
  }

  /** A quote ends right before the speaker (only titles between): `"…," ministry spokesman X said`. */
  private followsQuote(unit: Unit, at: number): boolean {
    const q = [...unit.quotes].reverse().find((x) => x.close <= at);
    if (!q) return false;
    const gap = this.text.slice(q.close, at);
    const closing = this.text.slice(q.open, q.close).replace(/["”\s]+$/, '');
    if (!/[,?!]$/.test(closing) && !/^\s*,/.test(gap)) return false;
    const words = gap.trim().split(/\s+/).filter(Boolean);
    return !/[,;:!?"“”]/.test(gap.replace(/^\s*,/, '')) && words.length <= 6 && !words.some((w) => SPEECH_VERBS.has(w.toLowerCase()));
  }

  /** Where reversed content starts: after the previous statement in the unit, or a leading "Meanwhile,". */
  private reverseContentStart(unit: Unit, before: number): number {
    let start = unit.start;
    for (const d of this.drafts) {
      if (d.unit !== unit) continue;
      for (const r of [...d.fragments, ...d.attribution]) if (r.end <= before) start = Math.max(start, r.end);
    }
    const slice = this.text.slice(start, before);
    const lead = /^[\s,.;]*(?:[A-Z][a-z]+ly|Meanwhile|However|Still|Yet|Also|Separately|Earlier|Later|Instead|Moreover|Besides|Indeed),\s*/.exec(slice);
    if (lead && !QUOTE_MARKS.test(lead[0])) start += lead[0].length;
    while (start < before && /[\s,.;]/.test(this.text[start] ?? '')) start++;
    return start;
  }

  /** `"Q1," the official said, "Q2."`: a quote right after the attribution continues the statement. */
  private splitQuoteTail(unit: Unit, draft: Omit<Draft, 'speaker'>, from: number): void {
    const next = unit.quotes.find((x) => x.open >= from && /^[\s,:]*$/.test(this.text.slice(from, x.open)));
    if (next && !draft.fragments.some((f) => f.start <= next.open && next.open < f.end)) draft.fragments.push({ start: next.open, end: next.close });
  }

  /**
   * Reads what follows a verb: audience ("told reporters"), intermediaries ("told Kyodo", "according to X",
   * "as quoted by X"), a date, a setting ("in a statement to …"), adverbs, a colon or "that". Returns where
   * the content starts, or the unit's end when nothing but attribution follows.
   */
  private readAfterVerb(unit: Unit, q: number, verb: SpeechVerb, draft: Omit<Draft, 'speaker'>, limit: number) {
    let sawThat = false;
    let quoteNext = false;
    const end = tokenIndexAt(this.tokens, limit);
    const lower = (k: number) => this.tok(k)?.lower;
    let audienceDone = !verb.audience;
    while (q < end) {
      const t = this.tok(q)!;
      const gap = this.text.slice(this.tok(q - 1)?.end ?? unit.start, t.start);
      if (QUOTE_MARKS.test(gap)) {
        quoteNext = true;
        break;
      }
      if (!audienceDone) {
        audienceDone = true;
        const m = this.mentionStartingAt(q) ?? (t.lower === 'the' ? this.mentionStartingAt(q + 1) : undefined);
        if (m) {
          if (m.actor.kind === 'MEDIA_OUTLET') draft.via.push({ actor: m.actor, rank: 0, pos: m.start });
          else draft.audience = m.actor;
          q = tokenIndexAt(this.tokens, m.end);
          continue;
        }
        const aud = AUDIENCE_NOUNS.matchAt(lower, q);
        if (aud) {
          let e = q + aud.length;
          if (lower(e) === 'of') while (e < end && !/[,;:"“”]/.test(this.text.slice(this.tok(e - 1)!.end, this.tok(e)!.start)) && lower(e) !== 'that' && !CALENDAR_WORD.test(lower(e) ?? '')) e++;
          const range = { start: t.start, end: this.tok(e - 1)!.end };
          const name = this.text.slice(t.start, range.end).replace(/^(the|a|an)\s+/i, '');
          draft.audience = this.ensure(range, 'GROUP', name);
          q = e;
          continue;
        }
      }
      const via = this.readVia(q, draft, end);
      if (via > q) {
        q = via;
        continue;
      }
      const setting = this.readSetting(q, draft, end);
      if (setting > q) {
        q = setting;
        // "said in a statement that was published …": a relative clause, not content.
        if (lower(q) === 'that' || lower(q) === 'which') {
          const after = lower(q + 1) ?? '';
          if (/^(was|is|were|are|had|has|have|will|would|appeared|ran)$/.test(after)) return { contentStart: limit, sawThat, quoteNext, attributionEnd: limit };
        }
        continue;
      }
      if (SKIPPABLE.has(t.lower) || CALENDAR_WORD.test(t.lower)) {
        q++;
        continue;
      }
      if (t.lower === 'that') {
        sawThat = true;
        q++;
        if (QUOTE_MARKS.test(this.text.slice(t.end, this.tok(q)?.start ?? t.end))) quoteNext = true;
        break;
      }
      break;
    }
    if (q >= end) return { contentStart: limit, sawThat, quoteNext, attributionEnd: limit };
    const t = this.tok(q)!;
    let contentStart = t.start;
    const gap = this.text.slice(this.tok(q - 1)?.end ?? unit.start, t.start);
    const mark = gap.search(QUOTE_MARKS);
    if (mark >= 0) contentStart = (this.tok(q - 1)?.end ?? unit.start) + mark;
    return { contentStart, sawThat, quoteNext, attributionEnd: contentStart };
  }

  /** "as quoted by X", "according to X", "reports X", "per X" at token q → index after it (q when none). */
  private readVia(q: number, draft: Omit<Draft, 'speaker'>, end: number): number {
    const cue = this.viaCueAt(q);
    if (!cue) return q;
    const found = this.viaTarget(q + cue.length, end);
    if (!found) return q;
    draft.via.push({ actor: found.actor, rank: cue.value, pos: found.start });
    return tokenIndexAt(this.tokens, found.end);
  }

  /** The actor a via cue names, skipping "a report from", "the". */
  private viaTarget(k: number, end: number): { actor: ExtractedActor; start: number; end: number } | undefined {
    let sawReport = false;
    let adjectives = 0;
    for (let x = k; x < Math.min(end, k + 7); x++) {
      const m = this.mentionStartingAt(x);
      if (m) return adjectives === 0 || sawReport ? m : undefined;
      const t = this.tok(x)!;
      if (x > k && /[,;:.]/.test(this.text.slice(this.tok(x - 1)!.end, t.start))) return undefined;
      if (REPORT_NOUNS.has(t.lower)) sawReport = true;
      else if (isTitleWord(t.lower)) continue; // "according to Mayor X"
      else if (t.cap && !DETERMINERS.has(t.lower)) return undefined;
      else if (!(DETERMINERS.has(t.lower) || /^(from|by|in|on|of|some|news)$/.test(t.lower))) adjectives++;
      if (adjectives > 2) return undefined;
    }
    return undefined;
  }

  /** "in a (written) statement (to X)", "in an interview with X", "during a briefing". */
  private readSetting(q: number, draft: Omit<Draft, 'speaker'>, end: number): number {
    const lower = (k: number) => this.tok(k)?.lower;
    if (!/^(in|during|at|on)$/.test(lower(q) ?? '')) return q;
    let k = q + 1;
    if (DETERMINERS.has(lower(k) ?? '')) k++;
    let s = SETTING_NOUNS.matchAt(lower, k);
    // "in a brief statement", "in a rare televised address": up to two words before the setting noun.
    for (let adj = 1; !s && adj <= 2; adj++) {
      s = SETTING_NOUNS.matchAt(lower, k + adj);
      if (s) k += adj;
    }
    if (!s) return q;
    if (/statement|release|post|tweet|letter|email/.test(lower(k + s.length - 1) ?? '')) draft.written = true;
    k += s.length;
    if (/^(to|with|before)$/.test(lower(k) ?? '') && k + 1 < end) {
      const m = this.mentionStartingAt(k + 1) ?? (lower(k + 1) === 'the' ? this.mentionStartingAt(k + 2) : undefined);
      if (m) {
        if (m.actor.kind === 'MEDIA_OUTLET') draft.via.push({ actor: m.actor, rank: 0, pos: m.start });
        else draft.audience = m.actor;
        return tokenIndexAt(this.tokens, m.end);
      }
      const aud = AUDIENCE_NOUNS.matchAt(lower, k + 1);
      if (aud) {
        const first = this.tok(k + 1)!;
        const last = this.tok(k + aud.length)!;
        draft.audience = this.ensure({ start: first.start, end: last.end }, 'GROUP', this.text.slice(first.start, last.end).replace(/^(the|a|an)\s+/i, ''));
        return k + 1 + aud.length;
      }
    }
    return k;
  }

  /** End of forward content: the limit, or a trailing ", according to X" / ", reports X" / ", saying …". */
  private contentEnd(unit: Unit, start: number, limit: number, draft: Omit<Draft, 'speaker'>): number {
    const from = tokenIndexAt(this.tokens, start);
    const to = tokenIndexAt(this.tokens, limit);
    for (let k = from; k < to; k++) {
      const t = this.tok(k)!;
      if (this.inQuote(t.start, unit)) continue;
      const prev = this.tok(k - 1);
      const gap = prev ? this.text.slice(prev.end, t.start) : '';
      if (!/,\s*["”]?\s*$/.test(gap)) continue;
      if (PARTICIPLES.has(t.lower) && SPEECH_VERBS.has(t.lower)) return this.endBefore(prev!.end, t.start);
      const cue = this.viaCueAt(k);
      if (cue) {
        const target = this.viaTarget(k + cue.length, to);
        if (target) draft.via.push({ actor: target.actor, rank: cue.value, pos: target.start });
        if (target || t.lower === 'according') return this.endBefore(prev!.end, t.start);
      }
    }
    let e = limit;
    while (e > start && /[\s.,;:]/.test(this.text[e - 1] ?? '')) e--;
    return e;
  }

  /** Content end before a trailing cue: keeps a closing quote mark that sits in the gap (`…object," according`). */
  private endBefore(prevEnd: number, next: number): number {
    const gap = this.text.slice(prevEnd, next);
    const mark = gap.search(/["”]/);
    return mark >= 0 ? prevEnd + mark + 1 : prevEnd;
  }

  /** End of reversed content: right after its last quote when only the speaker's titles follow it. */
  private reverseContentEnd(unit: Unit, start: number, speakerStart: number): number {
    const q = [...unit.quotes].reverse().find((x) => x.close <= speakerStart && x.open >= start);
    if (q && !/[,;:!?()"“”]/.test(this.text.slice(q.close, speakerStart))) return q.close;
    let i = tokenIndexAt(this.tokens, speakerStart) - 1;
    let end = speakerStart;
    while (i >= 0 && this.tok(i)!.start >= start && DETERMINERS.has(this.tok(i)!.lower)) end = this.tok(i--)!.start;
    while (end > start && /[\s,]/.test(this.text[end - 1] ?? '')) end--;
    return end;
  }

  /** A via cue at token k; a bare "reports X" counts only after a comma ("…, reports Kyodo"). */
  private viaCueAt(k: number): { length: number; value: number } | undefined {
    const cue = VIA_CUES.matchAt((x) => this.tok(x)?.lower, k);
    if (!cue) return undefined;
    const t = this.tok(k)!;
    if (cue.length === 1 && /^report/.test(t.lower)) {
      const prev = this.tok(k - 1);
      if (prev && !/,\s*["”]?\s*$/.test(this.text.slice(prev.end, t.start))) return undefined;
    }
    return cue;
  }

  private commit(draft: Omit<Draft, 'speaker'> & { speaker?: ExtractedActor }, subject: Subject): void {
    draft.speaker = this.resolveSubject(subject);
    if (subject.parent) draft.parent = subject.parent;
    if (draft.attribution.some((r) => /\bstatement\b/i.test(this.text.slice(r.start, r.end)))) draft.written = true;
    this.drafts.push(draft as Draft);
  }

  // ------------------------------------------------------------ 2. quote + speaker, no verb

  private verblessQuotes(unit: Unit): void {
    for (const quote of unit.quotes) {
      if (this.claimed(quote.open)) continue;
      // Only `"…," Name` — a quote ending in a comma, the speaker right after it.
      if (!/,\s*["”]$/.test(this.text.slice(quote.open, quote.close))) continue;
      const k = tokenIndexAt(this.tokens, quote.close);
      const m = [this.mentionStartingAt(k), this.mentionStartingAt(k + 1), this.mentionStartingAt(k + 2)].find(Boolean);
      if (!m || !['PERSON', 'ANONYMOUS_SOURCE'].includes(m.actor.kind)) continue;
      if (!/^[\s\p{L}.]*$/u.test(this.text.slice(quote.close, m.start))) continue;
      const draft: Draft = { unit, speaker: m.actor, verb: 'say', fragments: [{ start: quote.open, end: quote.close }], attribution: [], via: [], written: false };
      const end = tokenIndexAt(this.tokens, unit.end);
      for (let x = tokenIndexAt(this.tokens, m.end); x < end; x++) {
        const next = this.readVia(x, draft, end);
        if (next > x) x = next - 1;
      }
      draft.attribution.push({ start: m.start, end: unit.end });
      this.drafts.push(draft);
    }
  }

  private claimed(offset: number): boolean {
    return this.drafts.some((d) => d.fragments.some((f) => f.start <= offset && offset < f.end));
  }

  // ------------------------------------------------------------ 3. according to / per / reports

  private accordingTo(unit: Unit): void {
    const t0 = tokenIndexAt(this.tokens, unit.start);
    const t1 = tokenIndexAt(this.tokens, unit.end);
    for (let k = t0; k < t1; k++) {
      const t = this.tok(k)!;
      if (this.inQuote(t.start, unit)) continue;
      const cue = this.viaCueAt(k);
      if (!cue) continue;
      if (this.drafts.some((d) => d.via.some((v) => v.pos > t.start && v.pos < t.start + 60))) continue; // already read
      const target = this.viaTarget(k + cue.length, t1) ?? this.statementTarget(k + cue.length);
      if (!target) continue;
      const owner = this.drafts.find((d) => d.unit === unit && this.adjacent(d, t.start));
      if (owner && !('backoff' in target)) {
        owner.via.push({ actor: target.actor, rank: cue.value, pos: target.start });
        k = tokenIndexAt(this.tokens, target.end) - 1;
        continue;
      }
      if (this.claimed(t.start)) continue;
      const draft: Draft = { unit, speaker: target.actor, verb: 'say', fragments: [], attribution: [{ start: t.start, end: target.end }], via: [], written: false };
      const leading = !/[\p{L}\p{N}]/u.test(this.text.slice(this.reverseContentStart(unit, t.start), t.start));
      if (leading) {
        let s = target.end;
        while (s < unit.end && /[\s,]/.test(this.text[s] ?? '')) s++;
        const e = this.contentEnd(unit, s, unit.end, draft);
        if (e > s) draft.fragments.push({ start: s, end: e });
      } else {
        const s = this.reverseContentStart(unit, t.start);
        let e = t.start;
        while (e > s && /[\s,]/.test(this.text[e - 1] ?? '')) e--;
        if (e > s) draft.fragments.push({ start: s, end: e });
      }
      if (draft.fragments.length > 0) this.drafts.push(draft);
      k = tokenIndexAt(this.tokens, target.end) - 1;
    }
  }

  /** "according to the statement": the author of the last written statement. */
  private statementTarget(k: number): { actor: ExtractedActor; start: number; end: number; backoff: true } | undefined {
    const a = this.tok(k);
    const b = this.tok(k + 1);
    if (!a || !b || !/^(the|that|this)$/.test(a.lower) || b.base !== 'statement') return undefined;
    const d = [...this.drafts].reverse().find((x) => x.written);
    return d ? { actor: d.speaker, start: a.start, end: b.end, backoff: true } : undefined;
  }

  /** A cue at `offset` belongs to a statement's attribution: right before its content or right after it. */
  private adjacent(d: Draft, offset: number): boolean {
    const first = d.fragments[0];
    const last = d.fragments[d.fragments.length - 1];
    if (!first || !last) return false;
    if (offset >= last.end && !/[.!?]\s/.test(this.text.slice(last.end, offset))) return true;
    return d.attribution.some((r) => r.start <= offset && offset <= r.end);
  }

  // ------------------------------------------------------------ 4. continuation quotes

  private continuation(unit: Unit, n: number): void {
    const quote = unit.quotes[0];
    if (!quote || n === 0) return;
    const prevUnit = this.units[n - 1]!;
    const prev = [...this.drafts].reverse().find((d) => d.unit === prevUnit);
    if (!prev) return;
    const body = this.text.slice(unit.start, unit.end).replace(/\s+/g, '');
    const quoted = unit.quotes.reduce((s, q) => s + this.text.slice(q.open, q.close).replace(/\s+/g, '').length, 0);
    if (quoted < 0.8 * body.length) return;
    const isDirect = this.quotedShare(prev.fragments) >= 0.5;
    if (isDirect && prev.parent === undefined) {
      for (const q of unit.quotes) prev.fragments.push({ start: q.open, end: q.close });
      return;
    }
    this.drafts.push({ unit, speaker: prev.speaker, verb: prev.verb, fragments: unit.quotes.map((q) => ({ start: q.open, end: q.close })), attribution: [], via: [...prev.via], audience: prev.audience, written: prev.written, parent: prev });
  }

  // ------------------------------------------------------------ output

  private quotedShare(fragments: Range[]): number {
    let quoted = 0;
    let total = 0;
    for (const f of fragments) {
      total += this.text.slice(f.start, f.end).replace(/["“”„\s]/g, '').length;
      for (const q of this.quotes) {
        if (q.open >= f.start && q.close <= f.end) quoted += q.inner.exact.replace(/\s/g, '').length;
      }
    }
    return total === 0 ? 0 : quoted / total;
  }

  private finish(): ExtractedStatement[] {
    const ordered = [...this.drafts].sort((a, b) => (a.fragments[0]?.start ?? 0) - (b.fragments[0]?.start ?? 0));
    const out: ExtractedStatement[] = [];
    const saidOn = new Map<Draft, FuzzyDate | null>();
    for (const d of ordered) {
      const pieces: string[] = [];
      const quoteSpans = [];
      for (const f of d.fragments) {
        const pure = this.quotes.find((q) => q.open === f.start && q.close >= f.end - 1);
        const span = pure ? pure.inner : trimSpan(this.text, f.start, f.end);
        const clean = pure ? span : this.trimContent(span.start, span.end);
        pieces.push(clean.exact);
        quoteSpans.push(clean);
      }
      const date = this.saidOn(d);
      saidOn.set(d, date);
      const parentDate = d.parent ? saidOn.get(d.parent) : undefined;
      const via = [...(d.parent ? d.parent.via : []), ...d.via]
        .sort((a, b) => a.rank - b.rank || a.pos - b.pos)
        .map((v) => v.actor.key)
        .filter((k, i, all) => all.indexOf(k) === i && k !== d.speaker.key);
      const starts = [...d.fragments, ...d.attribution].map((r) => r.start);
      const ends = [...d.fragments, ...d.attribution].map((r) => r.end);
      const span = trimSpan(this.text, Math.min(...starts), Math.max(...ends));
      const audience = d.audience ?? d.parent?.audience;
      out.push({
        key: `s${out.length + 1}`,
        speakerKey: d.speaker.key,
        text: pieces.join(' … '),
        kind: this.quotedShare(d.fragments) >= 0.5 ? 'DIRECT' : 'INDIRECT',
        verb: d.verb,
        saidOn: date ?? parentDate ?? null,
        ...(audience ? { audienceKey: audience.key } : {}),
        viaKeys: via,
        span,
        quoteSpans,
        aboutKeys: [],
      });
    }
    return out;
  }

  /** Content without a trailing period or comma (quote marks stay when the content ends in a quote). */
  private trimContent(start: number, end: number) {
    const tail = /\s*\([A-Z ]+\)\s*$/.exec(this.text.slice(start, end)); // "(PHOTOS)", "(VIDEO)"
    if (tail) end -= tail[0].length;
    while (end > start && /[\s.,;:]/.test(this.text[end - 1] ?? '')) end--;
    return spanOf(this.text, start, end);
  }

  /** The first date in the attribution clause, outside every quote and content fragment. */
  private saidOn(d: Draft): FuzzyDate | null {
    for (const r of [...d.attribution].sort((a, b) => a.start - b.start)) {
      // chrono is the slow part of the sieve: only ask it where a date word or a number appears.
      if (r.end <= r.start || !DATE_HINT.test(this.text.slice(r.start, r.end))) continue;
      for (const m of datesOf(this.doc).inRange(r)) {
        const inside = (x: Range) => m.span.start < x.end && x.start < m.span.end;
        if (d.fragments.some(inside) || d.unit.quotes.some((q) => inside({ start: q.open, end: q.close }))) continue;
        return m.date;
      }
    }
    return null;
  }
}

interface Subject {
  /** The speaker, when already known (undefined: `create` it on commit). */
  actor?: ExtractedActor;
  range: Range;
  create?: { kind: ExtractedActor['kind']; name: string };
  inverted?: boolean;
  pronoun?: boolean;
  backoff?: boolean;
  /** A participle or infinitive continuing the clause's speaker. */
  continues?: boolean;
  parent?: Draft;
}
