/**
 * Events of any story from the NLP engine's dependency parse: an event noun of the open vocabulary
 * (data/lexicon/event-nouns.json, WordNet's event hierarchies) or an event verb (event-mentions.json), with
 * the date its own phrase or its clause's predicate gives it ("Tuesday's primary", "the primary on Tuesday",
 * "the Iowa caucuses are Feb. 1", "a truck attack Thursday night"), its ordinal, and the proper names that
 * modify it ("the New Hampshire primary"). Undated definite mentions ("the primary") join the article's one
 * event of the same noun. Only events with a date or an ordinal are kept: an undated, unnumbered event noun
 * is too often generic ("debates are boring") to be a node of the timeline.
 *
 * Runs after the lexical event extractors (meetings, incidents, agreements, campaigns): a mention inside one
 * of their events is theirs.
 */
import nounData from '../../../data/lexicon/event-nouns.json' with { type: 'json' };
import mentionData from '../../../data/lexicon/event-mentions.json' with { type: 'json' };
import ordinalData from '../../../data/lexicon/ordinals.json' with { type: 'json' };
import speechData from '../../../data/lexicon/speech-cues.json' with { type: 'json' };
import type { ParsedToken } from '../../nlp/types.js';
import type { Syntax } from '../syntax.js';
import type { DateMention } from '../time.js';
import type { EventKind, ExtractedEvent, FuzzyDate, Span } from '../types.js';
import { spanOf } from '../text.js';
import { normalizeDate, type EventContext } from './context.js';

type LexKind = 'MEETING' | 'INCIDENT' | 'AGREEMENT' | 'CAMPAIGN' | 'VOTE';

const NOUN_KIND = new Map(nounData.nouns.map((n) => [n.lemma, n.kind as LexKind]));
const VERB_KIND = new Map(Object.entries(mentionData.verbs) as Array<[string, LexKind]>);
const VERB_NOUN = new Map(Object.entries(mentionData.verbNouns));
const PLURAL_OK = new Set(mentionData.pluralNouns);
const DATE_PREPS = new Set(mentionData.datePrepositions);
const TIME_DEPS = new Set(mentionData.timeDependencies);
const NOT_REAL_DET = new Set(mentionData.notRealDeterminers);
const HYPOTHETICAL = new Set(mentionData.hypotheticalMarkers);
const NAME_MODIFIERS = new Set(mentionData.nameModifiers);
/** "the media gathered" is an event; "gathered information" is not. */
const INTRANSITIVE_ONLY = new Set(mentionData.intransitiveOnly);
const ORDINALS = new Map(Object.entries(ordinalData.words));
const SPEECH_VERBS = new Set(speechData.verbs);
/** Entity types whose tokens name the event's place or parties ("New Hampshire", "Republican"). */
const NAMING_ENTS = new Set(['GPE', 'NORP', 'ORG', 'LOC', 'EVENT', 'FAC', 'PERSON']);
const LEFT_DEPS = new Set(['det', 'poss', 'amod', 'compound', 'nummod', 'nmod', 'npadvmod', 'quantmod', 'case']);

/** The graph has no VOTE kind: elections, primaries and votes are OTHER events named by what they are. */
const GRAPH_KIND: Record<LexKind, EventKind> = { MEETING: 'MEETING', INCIDENT: 'INCIDENT', AGREEMENT: 'AGREEMENT', CAMPAIGN: 'CAMPAIGN', VOTE: 'OTHER' };

interface Mention {
  kind: LexKind;
  /** Lemma of the event word ("primary", "attack"): mentions of one event share it. */
  trigger: string;
  name: string;
  span: Span;
  token: number;
  date?: FuzzyDate;
  ordinal?: number;
  definite: boolean;
  verb: boolean;
  participantKeys: string[];
}

function lexKindOfNoun(syntax: Syntax, t: ParsedToken): { kind: LexKind; trigger: string; first: number } | undefined {
  const lemma = t.lemma.toLowerCase();
  const text = t.text.toLowerCase();
  // Two-word nouns first ("town hall", "air strike", "video conference"): a compound child right before the head.
  const prev = t.i > 0 ? syntax.tok(t.i - 1) : undefined;
  if (prev && prev.head === t.i && prev.dep === 'compound') {
    for (const w of [`${prev.lemma.toLowerCase()} ${lemma}`, `${prev.text.toLowerCase()} ${text}`]) {
      const kind = NOUN_KIND.get(w);
      if (kind) return { kind, trigger: w, first: prev.i };
    }
  }
  for (const w of [text, lemma]) {
    const kind = NOUN_KIND.get(w);
    if (kind) return { kind, trigger: lemma, first: t.i };
  }
  return undefined;
}

/** Character ranges where a date would be the event's own: its left modifiers, time adjuncts, "on/in" phrases. */
function dateSlots(syntax: Syntax, head: number, includeLeft: boolean): Array<{ start: number; end: number }> {
  const slots: Array<{ start: number; end: number }> = [];
  for (const k of syntax.kids(head)) {
    if (includeLeft && k.i < head && LEFT_DEPS.has(k.dep)) slots.push(syntax.chars(syntax.subtree(k.i)));
    else if (TIME_DEPS.has(k.dep)) slots.push(syntax.chars(syntax.subtree(k.i)));
    else if (k.dep === 'prep' && DATE_PREPS.has(k.lemma.toLowerCase())) {
      const obj = syntax.kid(k.i, 'pobj');
      if (obj) slots.push(syntax.chars(syntax.subtree(obj.i)));
    }
  }
  return slots;
}

/**
 * The predicate whose time adjuncts date the noun ("the primary [is] Tuesday", "[held] a rally Friday",
 * "[defeated] Sanders in Delaware's primary Tuesday"): the nearest verb up the tree through noun-phrase links
 * only, so a date in another clause never reaches it.
 */
const NP_LINKS = new Set(['nsubj', 'nsubjpass', 'dobj', 'attr', 'oprd', 'pobj', 'prep', 'conj', 'appos', 'compound', 'dative']);
function governingVerb(syntax: Syntax, t: ParsedToken): { verb?: ParsedToken; nouns: number[] } {
  let cur = t;
  const nouns: number[] = [];
  for (let hops = 0; hops < 5; hops++) {
    if (!NP_LINKS.has(cur.dep) || cur.head === cur.i) break;
    const head = syntax.tok(cur.head);
    if (head.pos === 'VERB' || head.pos === 'AUX') return { verb: head, nouns };
    // Nouns passed on the way ("a finish in the primary on Tuesday") may carry the date too.
    if (head.pos === 'NOUN' || head.pos === 'PROPN') nouns.push(head.i);
    cur = head;
  }
  return { nouns };
}

/** The noun's own right-hand phrase ("the caucuses in Iowa on Feb. 1"), without clauses hanging off it. */
function rightPhrase(syntax: Syntax, head: number): Array<{ start: number; end: number }> {
  return syntax
    .kids(head)
    .filter((k) => k.i > head && (k.dep === 'prep' || TIME_DEPS.has(k.dep)))
    .map((k) => syntax.chars(syntax.subtree(k.i)));
}

function hypothetical(syntax: Syntax, verb: ParsedToken | undefined): boolean {
  if (!verb) return false;
  return syntax.kids(verb.i).some((k) => k.dep === 'neg' || (['mark', 'aux'].includes(k.dep) && HYPOTHETICAL.has(k.lemma.toLowerCase())));
}

export class ParsedEvents {
  private readonly sentenceDates = new Map<number, DateMention[]>();

  constructor(
    private readonly ctx: EventContext,
    private readonly syntax: Syntax,
  ) {}

  /** The article's date mention inside one of the slots (nearest to the event word), not a said-on date. */
  private dateIn(slots: Array<{ start: number; end: number }>, near: number): FuzzyDate | undefined {
    if (slots.length === 0) return undefined;
    const si = this.ctx.sentenceIndexAt(near);
    let dates = this.sentenceDates.get(si);
    if (!dates) {
      dates = this.ctx.dates(si).filter((d) => !this.ctx.isSpeechDate(d, this.ctx.sentences[si]!.start) && !this.ctx.isAnchoredElsewhere(d, this.ctx.sentences[si]!.start));
      this.sentenceDates.set(si, dates);
    }
    let best: DateMention | undefined;
    for (const d of dates) {
      if (!slots.some((s) => d.span.start >= s.start && d.span.end <= s.end)) continue;
      if (d.date.precision === 'YEAR') continue;
      if (!best || Math.abs(d.span.start - near) < Math.abs(best.span.start - near)) best = d;
    }
    return best?.date;
  }

  private actorKeysIn(start: number, end: number): string[] {
    return this.ctx.actors.actorsIn(start, end).map((a) => a.key);
  }

  nounMention(t: ParsedToken): Mention | undefined {
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return undefined;
    if (t.ent === 'PERSON' || t.ent === 'WORK_OF_ART') return undefined;
    const lex = lexKindOfNoun(this.syntax, t);
    if (!lex) return undefined;
    const plural = t.tag === 'NNS' || t.tag === 'NNPS';
    if (plural && !PLURAL_OK.has(t.text.toLowerCase()) && !PLURAL_OK.has(lex.trigger)) return undefined;
    const left = this.syntax.kids(t.i).filter((k) => k.i < t.i && LEFT_DEPS.has(k.dep));
    if (left.some((k) => k.dep === 'det' && NOT_REAL_DET.has(k.lemma.toLowerCase()))) return undefined;
    if (left.some((k) => k.dep === 'amod' && NOT_REAL_DET.has(k.lemma.toLowerCase()))) return undefined;
    const { verb, nouns } = governingVerb(this.syntax, t);
    if (hypothetical(this.syntax, verb)) return undefined;
    const first = Math.min(lex.first, ...left.map((k) => this.syntax.subtree(k.i).first));
    const span = spanOf(this.ctx.text, this.syntax.tok(first).start, t.end);
    let date = this.dateIn([...dateSlots(this.syntax, t.i, true), ...rightPhrase(this.syntax, t.i)], t.start);
    if (!date && nouns.length > 0) date = this.dateIn(nouns.flatMap((n) => dateSlots(this.syntax, n, false)), t.start);
    if (!date && verb && !SPEECH_VERBS.has(verb.lemma.toLowerCase())) date = this.dateIn(dateSlots(this.syntax, verb.i, false), t.start);
    let ordinal: number | undefined;
    const properParts: string[] = [];
    const commonParts: string[] = [];
    for (let i = first; i < lex.first; i++) {
      const k = this.syntax.tok(i);
      const lower = k.text.toLowerCase();
      if (ORDINALS.has(lower) && ordinal === undefined) {
        ordinal = ORDINALS.get(lower);
        continue;
      }
      if (date?.span && k.start >= date.span.start && k.end <= date.span.end) continue;
      if (k.ent === 'DATE' || k.ent === 'TIME' || k.ent === 'ORDINAL' || k.ent === 'CARDINAL') continue;
      if (k.pos === 'DET' || k.pos === 'PRON' || k.pos === 'PART' || k.pos === 'PUNCT' || k.dep === 'case') continue;
      if (NAMING_ENTS.has(k.ent) || k.pos === 'PROPN') properParts.push(k.text.replace(/['’]s$/, ''));
      else if (NAME_MODIFIERS.has(lower)) commonParts.push(lower);
    }
    const definite = left.some((k) => (k.dep === 'det' && ['the', 'this', 'that'].includes(k.lemma.toLowerCase())) || k.dep === 'poss');
    const headWord = plural ? t.text.toLowerCase() : lex.trigger.split(' ').pop()!.toLowerCase();
    const trigger = lex.first < t.i ? lex.trigger : headWord;
    // Proper words name the event ("Delaware Democratic primary"); common modifiers only when there are none
    // ("presidential election"), so that two articles' wordings of one event get one name.
    const nameParts = properParts.length > 0 ? properParts : commonParts;
    const name = [...nameParts, lex.first < t.i ? lex.trigger : headWord].join(' ').replace(/\s+/g, ' ');
    return {
      kind: lex.kind,
      trigger,
      name,
      span,
      token: t.i,
      ...(date ? { date } : {}),
      ...(ordinal !== undefined ? { ordinal } : {}),
      definite,
      verb: false,
      participantKeys: this.actorKeysIn(span.start, span.end),
    };
  }

  verbMention(t: ParsedToken): Mention | undefined {
    if (t.pos !== 'VERB') return undefined;
    const kind = VERB_KIND.get(t.lemma.toLowerCase());
    if (!kind || hypothetical(this.syntax, t)) return undefined;
    if (INTRANSITIVE_ONLY.has(t.lemma.toLowerCase()) && this.syntax.kid(t.i, 'dobj')) return undefined;
    const date = this.dateIn(dateSlots(this.syntax, t.i, false), t.start);
    if (!date) return undefined;
    const trigger = VERB_NOUN.get(t.lemma.toLowerCase()) ?? t.lemma.toLowerCase();
    const subj = this.syntax.kid(t.i, new Set(['nsubj', 'nsubjpass']));
    const obj = this.syntax.kid(t.i, 'dobj');
    const participantKeys = [subj, obj].flatMap((x) => {
      if (!x) return [];
      const { start, end } = this.syntax.chars(this.syntax.subtree(x.i));
      return this.actorKeysIn(start, end);
    });
    return { kind, trigger, name: trigger, span: spanOf(this.ctx.text, t.start, t.end), token: t.i, date, definite: true, verb: true, participantKeys };
  }
}

interface Grouped {
  kind: LexKind;
  trigger: string;
  name: string;
  date: FuzzyDate | null;
  ordinal?: number;
  mentions: Mention[];
}

const overlaps = (a: FuzzyDate, b: FuzzyDate) => a.start <= b.end && b.start <= a.end;
const wordsOf = (name: string) => name.toLowerCase().split(' ');
/** "primary" ⊆ "Delaware Democratic presidential primary": the shorter name says less, not something else. */
const nameWithin = (short: string, long: string) => {
  const words = new Set(wordsOf(long));
  return wordsOf(short).every((w) => words.has(w));
};
const compatibleNames = (a: string, b: string) => nameWithin(a, b) || nameWithin(b, a);
const width = (d: FuzzyDate) => Date.parse(d.end) - Date.parse(d.start);

/** One event per trigger + name + date within the article; undated definite mentions join the one event of their trigger. */
function group(mentions: Mention[]): Grouped[] {
  const events: Grouped[] = [];
  const dated = mentions.filter((m) => m.date || m.ordinal !== undefined);
  for (const m of dated.filter((x) => !x.verb)) {
    const same = events.find(
      (e) =>
        e.trigger === m.trigger &&
        compatibleNames(e.name, m.name) &&
        (m.ordinal === undefined || e.ordinal === undefined || e.ordinal === m.ordinal) &&
        (!m.date || !e.date || overlaps(m.date, e.date)),
    );
    if (same) {
      same.mentions.push(m);
      if (m.name.length > same.name.length) same.name = m.name;
      if (m.date && (!same.date || width(m.date) < width(same.date))) same.date = m.date;
      same.ordinal ??= m.ordinal;
    } else events.push({ kind: m.kind, trigger: m.trigger, name: m.name, date: m.date ?? null, ordinal: m.ordinal, mentions: [m] });
  }
  // A dated verb ("voters caucused Monday") is the article's one event of its kind on that date, else its own.
  for (const m of dated.filter((x) => x.verb)) {
    const same = events.filter((e) => e.kind === m.kind && e.date && m.date && overlaps(e.date, m.date));
    if (same.length === 1) same[0]!.mentions.push(m);
    else if (same.length === 0) events.push({ kind: m.kind, trigger: m.trigger, name: m.name, date: m.date ?? null, mentions: [m] });
  }
  // Several candidates: the one mentioned last before it ("Delaware's primary … the primary").
  for (const m of mentions.filter((x) => !x.date && x.ordinal === undefined && x.definite && !x.verb)) {
    const same = events.filter((e) => e.trigger === m.trigger && nameWithin(m.name, e.name));
    const before = (e: Grouped) => Math.max(-1, ...e.mentions.filter((x) => x.span.start < m.span.start).map((x) => x.span.start));
    const target = same.length === 1 ? same[0] : same.filter((e) => before(e) >= 0).sort((a, b) => before(b) - before(a))[0];
    target?.mentions.push(m);
  }
  return events;
}

/**
 * A parse-found event on the same day and of the same kind as the article's one lexical event of that kind and
 * day is that event seen through other words ("the town hall" beside "the meeting" of the same Sunday): its
 * mentions join the lexical event. Returns the parse-found events that stay events of their own.
 */
export function joinLexical(lexical: ExtractedEvent[], parsed: ExtractedEvent[]): ExtractedEvent[] {
  const sameDay = (a: FuzzyDate | null, b: FuzzyDate | null) => !!a && !!b && a.precision === 'DAY' && b.precision === 'DAY' && a.start === b.start;
  return parsed.filter((p) => {
    const targets = lexical.filter((l) => l.kind === p.kind && sameDay(l.date, p.date));
    if (targets.length !== 1) return true;
    const target = targets[0]!;
    target.mentions = [...target.mentions, ...p.mentions].sort((a, b) => a.start - b.start);
    target.participantKeys = [...new Set([...target.participantKeys, ...p.participantKeys])];
    return false;
  });
}

export function extractParsedEvents(ctx: EventContext, syntax: Syntax, taken: Span[]): ExtractedEvent[] {
  const finder = new ParsedEvents(ctx, syntax);
  const isTaken = (t: ParsedToken) => taken.some((s) => t.start < s.end && s.start < t.end);
  const mentions: Mention[] = [];
  for (const t of syntax.tokens) {
    if (isTaken(t)) continue;
    const m = finder.nounMention(t) ?? finder.verbMention(t);
    if (m) mentions.push(m);
  }
  return group(mentions).map((g) => {
    const kind = GRAPH_KIND[g.kind];
    const name = g.ordinal !== undefined ? g.name : g.date ? `${g.name} of ${normalizeDate(g.date)}` : g.name;
    return {
      key: ctx.key('ev'),
      kind,
      name,
      date: g.date,
      ...(kind === 'MEETING' && g.ordinal !== undefined ? { series: { name: g.name, ordinal: g.ordinal } } : {}),
      participantKeys: [...new Set(g.mentions.flatMap((m) => m.participantKeys))],
      trigger: g.trigger,
      mentions: g.mentions.map((m) => m.span).sort((a, b) => a.start - b.start),
    };
  });
}
