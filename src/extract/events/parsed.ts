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
import meetingData from '../../../data/lexicon/meetings.json' with { type: 'json' };
import speechData from '../../../data/lexicon/speech-cues.json' with { type: 'json' };
import type { ParsedToken } from '../../nlp/types.js';
import type { Syntax } from '../syntax.js';
import { ordinalWord, ROUND_OF } from './meetings.js';
import { NUMBER_WORDS } from './numbers.js';
import { isFutureContext, resolveWeekday, type DateMention } from '../time.js';
import type { EventKind, ExtractedEvent, FuzzyDate, Span } from '../../domain/types.js';
import { addDays, normalizeDate } from '../../domain/dates.js';
import { spanOf } from '../text.js';
import type { EventContext } from './context.js';
import { BARE_WEEKDAY, soonAhead, tensed, WEEKDAYS } from './eventTense.js';
import { compatibleNames, group, mergeSynonyms, overlaps, width, wordsOf, type Grouped, type LexKind, type Mention } from './mentionGroups.js';

const NOUN_KIND = new Map(nounData.nouns.map((n) => [n.lemma, n.kind as LexKind]));
const VERB_KIND = new Map(Object.entries(mentionData.verbs) as Array<[string, LexKind]>);
const VERB_NOUN = new Map(Object.entries(mentionData.verbNouns));
const PLURAL_OK = new Set(mentionData.pluralNouns);
const DATE_PREPS = new Set(mentionData.datePrepositions);
const TIME_DEPS = new Set(mentionData.timeDependencies);
const NOT_REAL_DET = new Set(mentionData.notRealDeterminers);
const HYPOTHETICAL = new Set(mentionData.hypotheticalMarkers);
const NAME_MODIFIERS = new Set(mentionData.nameModifiers);
/** Words that also name a discussion ("the debate over taxes"): the lexical meeting rules decide those. */
const TOPICAL = new Set(meetingData.nouns.filter((n) => n.topical).flatMap((n) => n.forms.map((f) => f.toLowerCase())));
const CONTEST_VERBS = new Set(mentionData.contestVerbs);
const IRREALIS_HEADS = new Set(mentionData.irrealisHeads);
const CONTEST_NOUNS = new Set(mentionData.contestNouns);
/** "the media gathered" is an event; "gathered information" is not. */
const INTRANSITIVE_ONLY = new Set(mentionData.intransitiveOnly);
const NEWS_PEG_VERBS = new Set(mentionData.newsPegVerbs);
const FIGURATIVE = { nouns: new Set(mentionData.figurativeNatural.nouns), modifiers: new Set(mentionData.figurativeNatural.modifiers), verbs: new Set(mentionData.figurativeNatural.verbs) };
const FUTURE_INFINITIVE_HEADS = new Set(mentionData.futureInfinitiveHeads);
const VERBAL_SENSE_VERBS = new Set(mentionData.verbalSense.verbs);
const VERBAL_SENSE_PREPS = new Set(mentionData.verbalSense.prepositions);
const NOUN_WITH_PREP = new Map(
  mentionData.nounsWithPreposition.map((n) => [n.lemma, { kind: n.kind as LexKind, preposition: n.preposition, objects: 'objects' in n ? new Set(n.objects) : undefined }]),
);
const VERB_WITH_OBJECT = new Map(mentionData.verbsWithObject.map((v) => [v.lemma, { object: v.object, kind: v.kind as LexKind, trigger: v.trigger }]));
const OCCURRENCE_PARTICIPLES = new Set(mentionData.occurrenceParticiples);
const ORDINALS = new Map(Object.entries(ordinalData.words));
const SPEECH_VERBS = new Set(speechData.verbs);
/** Entity types whose tokens name the event's place or parties ("New Hampshire", "Republican"). */
const NAMING_ENTS = new Set(['GPE', 'NORP', 'ORG', 'LOC', 'EVENT', 'FAC', 'PERSON']);
const LEFT_DEPS = new Set(['det', 'poss', 'amod', 'compound', 'nummod', 'nmod', 'npadvmod', 'quantmod', 'case']);

/** The graph has no VOTE kind: elections, primaries and votes are OTHER events named by what they are. */
const GRAPH_KIND: Record<LexKind, EventKind> = { MEETING: 'MEETING', INCIDENT: 'INCIDENT', AGREEMENT: 'AGREEMENT', CAMPAIGN: 'CAMPAIGN', VOTE: 'OTHER' };

function lexKindOfNoun(syntax: Syntax, t: ParsedToken): { kind: LexKind; trigger: string; first: number } | undefined {
  const lemma = t.lemma.toLowerCase();
  const text = t.text.toLowerCase();
  // Two-word nouns first ("town hall", "air strike", "video conference"): a compound child right before the head,
  // or a participle the parser calls a modifier ("working dinner": work/VERB/amod).
  const prev = t.i > 0 ? syntax.tok(t.i - 1) : undefined;
  if (prev && prev.head === t.i && (prev.dep === 'compound' || (prev.dep === 'amod' && prev.tag === 'VBG'))) {
    for (const w of [`${prev.lemma.toLowerCase()} ${lemma}`, `${prev.text.toLowerCase()} ${text}`]) {
      const kind = NOUN_KIND.get(w);
      if (kind) return { kind, trigger: w, first: prev.i };
    }
  }
  for (const w of [text, lemma]) {
    const kind = NOUN_KIND.get(w);
    if (kind) return { kind, trigger: lemma, first: t.i };
  }
  // "Sunday's first round", "the second round of the presidential election": a numbered round of voting, in a sentence
  // that names the vote (a talks' rounds are the lexical meetings').
  if (lemma === 'round' && syntax.kids(t.i).some((k) => k.i < t.i && ORDINALS.has(k.text.toLowerCase()))) {
    const sentence = syntax.tokens.filter((k) => k.sent === t.sent);
    const voting = sentence.some((k) => k.i !== t.i && (k.pos === 'NOUN' || k.pos === 'PROPN') && (NOUN_KIND.get(k.lemma.toLowerCase()) === 'VOTE' || k.lemma.toLowerCase() === 'majority'));
    if (voting) return { kind: 'VOTE', trigger: 'round', first: t.i };
  }
  // "a call with analysts": a noun that is an event only with its preposition (data nounsWithPreposition).
  const withPrep = NOUN_WITH_PREP.get(lemma);
  const fits = (p: ParsedToken) => {
    if (p.i < t.i || p.lemma.toLowerCase() !== withPrep!.preposition) return false;
    const object = syntax.kid(p.i, 'pobj');
    return !withPrep!.objects || (!!object && withPrep!.objects.has(object.lemma.toLowerCase()));
  };
  const prep = withPrep ? syntax.kids(t.i, 'prep').find(fits) : undefined;
  // Named with its object when that is what makes it an event ("exchange of fire"), not "exchange".
  if (prep) return { kind: withPrep!.kind, trigger: withPrep!.objects ? `${lemma} ${withPrep!.preposition} ${syntax.kid(prep.i, 'pobj')!.lemma.toLowerCase()}` : lemma, first: t.i };
  return undefined;
}

/** The left modifiers of a noun ("the", "Tuesday's", "Iowa"): where a date is the event's own words. */
function leftModifiers(syntax: Syntax, head: number): ParsedToken[] {
  return syntax.kids(head).filter((k) => k.i < head && LEFT_DEPS.has(k.dep));
}

/** Character ranges of the subtrees of `tokens`. */
function subtreeSlots(syntax: Syntax, tokens: ParsedToken[]): Array<{ start: number; end: number }> {
  return tokens.map((k) => syntax.chars(syntax.subtree(k.i)));
}

/** Character ranges where a date dates the word at `head`: its time adjuncts and "on/in/at …" phrases. */
function dateSlots(syntax: Syntax, head: number, scheduled = false): Array<{ start: number; end: number }> {
  const slots: Array<{ start: number; end: number }> = [];
  for (const k of syntax.kids(head)) {
    const prep = k.lemma.toLowerCase();
    // "a week ago": the parser makes "ago" an adverb; as part of a date entity it is a time adjunct all the same.
    if (TIME_DEPS.has(k.dep) || (k.dep === 'advmod' && k.ent === 'DATE')) slots.push(syntax.chars(syntax.subtree(k.i)));
    // The whole phrase: the date reader's mention often takes the preposition in ("on Tuesday"). `scheduled`: a
    // participle on the event noun, where "for" gives the event's day ("the primaries scheduled for March 15").
    else if (k.dep === 'prep' && (DATE_PREPS.has(prep) || (scheduled && prep === 'for')) && syntax.kid(k.i, 'pobj')) slots.push(syntax.chars(syntax.subtree(k.i)));
  }
  return slots;
}

/**
 * A verb's date slots and those of a present participle describing one of its arguments: in "rammed into a crowd
 * celebrating the holiday on Thursday night" the parser hangs the date on "celebrating", which happens when the
 * ramming does (a past participle, "a merger announced Monday", tells an earlier time and is left out).
 */
function verbDateSlots(syntax: Syntax, verb: number): Array<{ start: number; end: number }> {
  const slots = dateSlots(syntax, verb);
  for (const k of syntax.kids(verb)) {
    const arg = k.dep === 'prep' ? syntax.kid(k.i, 'pobj') : ARGUMENT_DEPS.has(k.dep) ? k : undefined;
    if (!arg) continue;
    for (const p of syntax.kids(arg.i)) if (p.dep === 'acl' && p.tag === 'VBG') slots.push(...dateSlots(syntax, p.i));
  }
  return slots;
}

const MAX_HEADLINE_CHARS = 200;
/** How many decks (subheadlines) may stand between a headline and a datelined lede. */
const MAX_DECKS = 3;
/** A wire dateline opening a lede: "MANCHESTER, N.H. -", "KUALA LUMPUR, Jan 19 (Reuters) -", "ANKARA, Turkey (AP) —". */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{N} .,'’-]{2,}(?:,\s*[\p{L}\p{N}. ]+)?(?:\s*\([^)]{1,40}\))?\s*[-–—]\s/u;
/** Spans too long for one event ("years of negotiation"); "two days of talks" may still be one round. */
const LONG_SPANS = new Set(['year', 'month', 'decade']);
const MONTH_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Days in a unit of a counted offset ("six days before", "two weeks after"). */
const DAYS_PER_UNIT: Record<string, number> = { day: 1, week: 7 };
/** How far back the story's day (storyDay) may lie before publication. */
const STORY_DAYS = 3;
/** How far back "recently" (the news peg) reaches when the article dates the event itself. */
const PEG_WEEK_DAYS = 7;
const DIRECT_ARGUMENTS = new Set(['nsubj', 'nsubjpass', 'dobj']);
/**
 * The story-day phrases as one expression. A phrase ending in "before" stands alone ("the day before"), not before a
 * noun phrase ("the day before the primary": a day told by another event).
 */
const DISCOURSE_DAY = new RegExp(
  mentionData.discourseDayPhrases
    .map((p) => {
      const words = p.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&').replace(/ /g, '\\s+');
      return /before$/.test(p) ? `${words}(?!\\s+(?:the|a|an|his|her|their|its|this|that)\\b|\\s+\\p{Lu})` : words;
    })
    .map((w) => `\\b${w}\\b`)
    .join('|'),
  'iu',
);
/** How many sentences back the story's day may be told. */
const DISCOURSE_SENTENCES = 6;
/** Kinds of event that are over when reported (a vote, an attack, a deal), unlike talks or a campaign that go on. */
const PEGGED_KINDS = new Set<LexKind>(['VOTE', 'INCIDENT', 'AGREEMENT']);
/** Prepositions that make their object a reference point in time ("until the election", "ahead of the vote"). */
const RELATIVE_PREPS = new Set(['until', 'till', 'before', 'after', 'since', 'ahead']);
/** Prepositions whose object is still to come when their clause happens ("days before Tuesday's primary"). */
const AWAITING_PREPS = new Set(['until', 'till', 'before', 'ahead']);
/** The object of "in connection with" or "over" is what another act was about ("arrested two men on Sunday in connection
 *  with a shooting"): that act's date is not the event's. */
const REASON_PREP = (syn: Syntax, t: ParsedToken): boolean => {
  if (t.dep !== 'pobj') return false;
  const prep = syn.tok(t.head);
  const lemma = prep.lemma.toLowerCase();
  return lemma === 'over' || (lemma === 'with' && syn.tok(prep.head).lemma.toLowerCase() === 'connection');
};
/** Clauses that happen when the verb they hang on does (a conjunct, an adjunct); a complement (ccomp) may not. */
const SHARED_TIME_DEPS = new Set(['conj', 'advcl', 'xcomp', 'pcomp', 'acl']);
/** Nouns naming a phase of the event their "of" phrase names: what dates the phase dates the event. */
const PHASES = new Set(['start', 'beginning', 'opening', 'outset', 'middle', 'height', 'course', 'end', 'close', 'conclusion', 'finish', 'climax']);
/** Links by which a noun on the way up describes a person ("Cooper, [the] opponent in …"). */
const PERSON_LINKS = new Set(['appos']);
/** Words that put an event ahead ("the upcoming election"). */
const FUTURE_MODIFIERS = new Set(['upcoming', 'coming', 'next', 'forthcoming', 'future', 'planned', 'scheduled']);
const PARTICIPLE_TAGS = new Set(['VBG', 'VBN']);
/** Dependencies only a noun phrase fills. */
const NOMINAL_ROLES = new Set(['nsubj', 'nsubjpass', 'dobj', 'pobj', 'attr', 'appos']);
const ARGUMENT_DEPS = new Set(['nsubj', 'nsubjpass', 'dobj']);
/** Prepositions that make an event the setting of its clause ("At a rally Monday, X said …"). */
const SETTING_PREPS = new Set(['at', 'during', 'in']);
const ADJUNCT_CLAUSES = new Set(['advcl', 'acl', 'xcomp', 'pcomp']);
const NP_LINKS = new Set(['nsubj', 'nsubjpass', 'dobj', 'attr', 'oprd', 'pobj', 'prep', 'conj', 'appos', 'compound', 'dative']);
/**
 * The predicate whose time adjuncts date the noun ("the primary [is] Tuesday", "[held] a rally Friday",
 * "[defeated] Sanders in Delaware's primary Tuesday"): the nearest verb up the tree through noun-phrase links
 * only, so a date in another clause never reaches it.
 */
function governingVerb(syntax: Syntax, t: ParsedToken): { verb?: ParsedToken; nouns: number[]; viaOf: boolean } {
  let cur = t;
  const nouns: number[] = [];
  let viaOf = false;
  for (let hops = 0; hops < 5; hops++) {
    if (!NP_LINKS.has(cur.dep) || cur.head === cur.i) break;
    const head = syntax.tok(cur.head);
    if (head.pos === 'VERB' || head.pos === 'AUX') return { verb: head, nouns, viaOf };
    // "his ad of the general election", "the eve of the vote": a thing or time belonging to the event (the noun the
    // event's own "of" hangs on) is not the event — unless it is a phase of it ("at the conclusion of a rally on
    // February 27").
    if (hops === 0 && head.dep === 'prep' && head.lemma.toLowerCase() === 'of' && cur.dep === 'pobj' && !PHASES.has(syntax.tok(head.head).lemma.toLowerCase())) viaOf = true;
    // Nouns passed on the way ("a finish in the primary on Tuesday") may carry the date too.
    if (head.pos === 'NOUN' || head.pos === 'PROPN') nouns.push(head.i);
    cur = head;
  }
  return { nouns, viaOf };
}

/** The noun's own right-hand phrase ("the caucuses in Iowa on Feb. 1"), without clauses hanging off it. */
function rightPhrase(syntax: Syntax, head: number): Array<{ start: number; end: number }> {
  return syntax
    .kids(head)
    .filter((k) => k.i > head && (k.dep === 'prep' || TIME_DEPS.has(k.dep)))
    .map((k) => syntax.chars(syntax.subtree(k.i)));
}

/**
 * The time adjuncts of a reduced relative on the noun ("a merger announced Monday", "the primaries scheduled for
 * March 15"): they date the event itself, even when the participle is a verb of saying.
 */
function participleSlots(syntax: Syntax, head: number): Array<{ start: number; end: number }> {
  const slots = syntax.kids(head).flatMap((k) => (k.i > head && k.dep === 'acl' && (k.tag === 'VBN' || k.tag === 'VBD') ? dateSlots(syntax, k.i, true) : []));
  // "the third round of talks, held on March 3": the parser often hangs a participle of occurrence that follows the
  // noun phrase on the main verb; right after the phrase (a comma between at most) it still tells the noun's time.
  let next = syntax.subtree(head).last + 1;
  if (next < syntax.tokens.length && syntax.tok(next).text === ',') next++;
  const k = next < syntax.tokens.length ? syntax.tok(next) : undefined;
  if (k && k.tag === 'VBN' && k.head !== head && OCCURRENCE_PARTICIPLES.has(k.lemma.toLowerCase())) slots.push(...dateSlots(syntax, k.i, true));
  return slots;
}

/**
 * The time adjuncts of a relative clause whose subject is the event ("the blizzard that hit his state last month",
 * "the attack that killed 80 on Thursday"): it tells the event happening. Not one whose subject is someone else
 * ("the deal that he criticized on Monday").
 */
function subjectRelativeSlots(syntax: Syntax, head: number): Array<{ start: number; end: number }> {
  return syntax.kids(head).flatMap((k) => {
    if (k.dep !== 'relcl' || k.i < head) return [];
    // Active only: in "the election that was postponed on Monday" the date is the postponing's.
    const subject = syntax.kid(k.i, 'nsubj');
    return subject && ['that', 'which'].includes(subject.lemma.toLowerCase()) ? dateSlots(syntax, k.i) : [];
  });
}

/** "round" in "the third round of talks, held on March 3": the noun whose "of" phrase the event word is. */
function containerOf(syntax: Syntax, t: ParsedToken): number | undefined {
  if (t.dep !== 'pobj' || t.head === t.i) return undefined;
  const of = syntax.tok(t.head);
  if (of.lemma.toLowerCase() !== 'of' || of.head === of.i) return undefined;
  const noun = syntax.tok(of.head);
  return noun.pos === 'NOUN' ? noun.i : undefined;
}

/** Told as over: a simple past ("stumbled", "had stumbled"), not a present perfect ("has emboldened") or a present. */
function simplePast(syntax: Syntax, verb: ParsedToken | undefined): boolean {
  if (!verb) return false;
  const aux = syntax.kids(verb.i).filter((k) => k.dep === 'aux' || k.dep === 'auxpass');
  if (aux.some((k) => ['has', 'have', "'s", "'ve"].includes(k.text.toLowerCase()))) return false;
  return verb.tag === 'VBD' || aux.some((k) => k.tag === 'VBD');
}

function hypothetical(syntax: Syntax, verb: ParsedToken | undefined): boolean {
  if (!verb) return false;
  return syntax.kids(verb.i).some((k) => k.dep === 'neg' || (['mark', 'aux'].includes(k.dep) && HYPOTHETICAL.has(k.lemma.toLowerCase())));
}

export class ParsedEvents {
  private readonly sentenceDates = new Map<number, DateMention[]>();

  /** Where the headline (the first paragraph) and the lede (the paragraph after it) end. */
  private readonly headlineEnd: number;
  private readonly ledeEnd: number;

  constructor(
    private readonly ctx: EventContext,
    private readonly syntax: Syntax,
  ) {
    // A headline is a short first paragraph. The lede is the body's first paragraph, at most its first two sentences.
    const breaks = [...ctx.text.matchAll(/\n\s*\n/g)].map((m) => m.index!);
    const headline = breaks[0] !== undefined && breaks[0] <= MAX_HEADLINE_CHARS;
    // Decks under the headline ("INTENSE CAMPAIGNING ON BOTH SIDES.", "Trump, Sanders lead; primary unlikely to settle
    // race.") are part of it when a dateline opens the paragraph after them ("MANCHESTER, N.H. - …"): that is the lede.
    let h = headline ? 1 : 0;
    const datelined = headline ? breaks.slice(1, MAX_DECKS + 1).findIndex((b, i) => DATELINE.test(ctx.text.slice(breaks[i]!, b).trim())) : -1;
    if (datelined > 0) h = datelined + 1;
    this.headlineEnd = headline ? breaks[h - 1]! : 0;
    const bodyStart = ctx.sentenceIndexAt(this.headlineEnd + (headline ? 1 : 0));
    const twoSentences = ctx.sentences[Math.min(ctx.sentences.length - 1, bodyStart + 1)]?.end ?? ctx.text.length;
    this.ledeEnd = Math.min(breaks[h] ?? ctx.text.length, twoSentences);
  }

  /**
   * "on Wednesday, just six days before the primary", "a week after the vote": the day a counted duration on
   * "before"/"after" puts the event at, from the day-precise date of the predicate it hangs on.
   */
  private countedFrom(prep: ParsedToken, verb: ParsedToken, near: number): FuzzyDate | undefined {
    const lemma = prep.lemma.toLowerCase();
    if (lemma !== 'before' && lemma !== 'after') return undefined;
    const unit = this.syntax.kid(prep.i, 'npadvmod');
    const days = unit ? DAYS_PER_UNIT[unit.lemma.toLowerCase()] : undefined;
    if (!unit || !days) return undefined;
    const count = this.syntax.kid(unit.i, 'nummod') ?? this.syntax.kid(unit.i, 'det');
    const n = count ? (NUMBER_WORDS.get(count.text.toLowerCase()) ?? (/^\d+$/.test(count.text) ? Number(count.text) : undefined)) : undefined;
    const anchor = n ? this.dateOfPredicate(verb, near) : undefined;
    if (!n || !anchor || anchor.precision !== 'DAY') return undefined;
    const day = addDays(this.byTense(anchor, verb).start, (lemma === 'before' ? 1 : -1) * n * days);
    // No span: the day is counted, not a weekday to be read again by tense.
    return { start: day, end: day, precision: 'DAY', source: 'INFERRED' };
  }

  /**
   * The verb of saying whose setting the event (the object of "at", "during", "in") is: the preposition hangs on
   * it, on a participle of it ("said, speaking at a rally", "said answering a question at a town hall") or on
   * that participle's object.
   */
  private speechOfSetting(t: ParsedToken, verb: ParsedToken | undefined): ParsedToken | undefined {
    if (!verb) return undefined;
    const prep = this.syntax.tok(t.head);
    const onVerb = prep.head === verb.i || this.syntax.kid(verb.i, 'dobj')?.i === prep.head;
    if (!onVerb) return undefined;
    if (SPEECH_VERBS.has(verb.lemma.toLowerCase())) return verb;
    const head = this.syntax.tok(verb.head);
    return ADJUNCT_CLAUSES.has(verb.dep) && head.i !== verb.i && SPEECH_VERBS.has(head.lemma.toLowerCase()) ? head : undefined;
  }

  /**
   * The day the story reports, for an undated setting of what was said further down ("Clinton on Tuesday said …" in
   * the lede, then "… Clinton said at a town hall in Berlin"): the first day-precise date of the lede, when it is a
   * recent past day (news quotes the occasion it reports). Not in the lede itself, where the news peg reads dates.
   */
  private storyDay(t: ParsedToken): FuzzyDate | undefined {
    if (t.start < this.ledeEnd) return undefined;
    // An event whose own phrase gives a time, or a sentence that names a year ("In my first meeting with him in 2011,
    // he said"), is of another day.
    const phrase = this.syntax.chars(this.syntax.subtree(t.i));
    const own = (d: DateMention) => d.span.start >= phrase.start && d.span.end <= phrase.end;
    const si = this.ctx.sentenceIndexAt(t.start);
    const sentence = this.ctx.sentences[si]!;
    const year = this.syntax.within(sentence.start, sentence.end).some((k) => k.ent === 'DATE' && /^\d{4}$/.test(k.text));
    if (year || this.datesOf(si).some(own)) return undefined;
    const first = this.ctx.sentenceIndexAt(this.headlineEnd);
    for (let si = first; si < this.ctx.sentences.length && this.ctx.sentences[si]!.start < this.ledeEnd; si++) {
      const day = this.datesOf(si).find((d) => d.date.precision === 'DAY');
      if (!day) continue;
      const recent = day.date.end <= this.ctx.publishedAt && day.date.start >= addDays(this.ctx.publishedAt, -STORY_DAYS);
      return recent ? { ...day.date, source: 'INFERRED' } : undefined;
    }
    return undefined;
  }

  /** The date of a verb's own time adjuncts, read in the week its tense says ("on Tuesday signed"). */
  dateOfVerb(verb: ParsedToken): FuzzyDate | undefined {
    const date = this.dateIn(dateSlots(this.syntax, verb.i), verb.start);
    return date && this.byTense(date, verb);
  }

  /**
   * A year among the noun's own words ("a 2010 treaty", "the 2014 midterms"), when nothing dates it closer: the
   * date reader does not read a bare year, and a year elsewhere in the sentence is mostly background.
   */
  private yearOf(left: ParsedToken[]): FuzzyDate | undefined {
    const year = left.find((k) => k.ent === 'DATE' && /^(1[89]|20)\d\d$/.test(k.text));
    if (!year) return undefined;
    return { start: `${year.text}-01-01`, end: `${year.text}-12-31`, precision: 'YEAR', source: 'TEXT', span: spanOf(this.ctx.text, year.start, year.end) };
  }

  /** The name an incident word titles ("Storm Idris": Storm/compound → Idris/PROPN): the name's last token. */
  private titledName(t: ParsedToken): ParsedToken | undefined {
    if (t.dep !== 'compound' || !/^\p{Lu}/u.test(t.text) || t.head !== t.i + 1) return undefined;
    const head = this.syntax.tok(t.head);
    if (head.pos !== 'PROPN' || NOUN_KIND.get(t.lemma.toLowerCase()) !== 'INCIDENT') return undefined;
    // The name must head its phrase: "Storm Shadow missiles" names missiles.
    if (head.dep === 'compound' || head.ent === 'PRODUCT') return undefined;
    return head;
  }

  /**
   * "attacked her opponent as a fraud", "Trump attacks Clinton over emails": a verb politics uses for words — a
   * person attacking or attacked, or an "as/for/over" of what was said (data verbalSense).
   */
  private spokenSense(t: ParsedToken): boolean {
    if (!VERBAL_SENSE_VERBS.has(t.lemma.toLowerCase())) return false;
    // A named person attacking ("Trump attacks Clinton"); a person attacked is not enough ("A man attacked Salman
    // Rushdie on stage").
    if (this.syntax.kids(t.i).some((k) => k.dep === 'nsubj' && k.ent === 'PERSON')) return true;
    return this.syntax.kids(t.i, 'prep').some((p) => VERBAL_SENSE_PREPS.has(p.lemma.toLowerCase()));
  }

  /**
   * A weekday told by an infinitive of expecting or planning is ahead ("voters expect Clinton to win Monday's
   * debate"; data futureInfinitiveHeads) — unless that verb is
   * past ("expected to win Tuesday's primary" may be told after it). Present tense decides nothing: news tells
   * analysis and schedules in it ("Thursday's dinner precedes Friday's sessions", written on the Friday).
   */
  private aheadInBody(verb: ParsedToken | undefined): 'future' | undefined {
    if (!verb || verb.start < this.headlineEnd) return undefined;
    const infinitive = verb.tag === 'VB' && this.syntax.kids(verb.i).some((k) => k.dep === 'aux' && k.tag === 'TO');
    if (!infinitive || verb.head === verb.i) return undefined;
    // Only a verb of expecting or planning: a noun's infinitive may tell the past ("Rubio's failure to win
    // Tuesday's primary ended his campaign").
    const head = this.syntax.tok(verb.head);
    return FUTURE_INFINITIVE_HEADS.has(head.lemma.toLowerCase()) && tensed(this.syntax, head) !== 'past' ? 'future' : undefined;
  }

  /**
   * "a storm of criticism", "a political earthquake", "weathered the storm": a natural disaster's word used for
   * something else (data figurativeNatural).
   */
  private figurative(t: ParsedToken): boolean {
    if (!FIGURATIVE.nouns.has(t.lemma.toLowerCase())) return false;
    const kids = this.syntax.kids(t.i);
    if (kids.some((k) => k.dep === 'prep' && k.lemma.toLowerCase() === 'of' && k.i > t.i)) return true;
    if (kids.some((k) => k.dep === 'amod' && FIGURATIVE.modifiers.has(k.lemma.toLowerCase()))) return true;
    const head = this.syntax.tok(t.head);
    return t.dep === 'dobj' && FIGURATIVE.verbs.has(head.lemma.toLowerCase());
  }

  /** The date a reduced relative of occurrence on the noun gives ("the second round, held in late January"). */
  participleDate(t: ParsedToken): FuzzyDate | undefined {
    return this.dateIn(participleSlots(this.syntax, t.i), t.start, true);
  }

  /** `at` lies in the headline (a short first paragraph). */
  inHeadline(at: number): boolean {
    return at < this.headlineEnd;
  }

  /**
   * The article's date mention inside one of the slots (nearest to the event word), not a said-on date.
   * `own`: the slots are the event's own words ("Tuesday's primary"), where a date is the event's even after
   * "ahead of" (which elsewhere marks a date as another event's).
   */
  private dateIn(slots: Array<{ start: number; end: number }>, near: number, own = false): FuzzyDate | undefined {
    if (slots.length === 0) return undefined;
    const si = this.ctx.sentenceIndexAt(near);
    const sentenceStart = this.ctx.sentences[si]!.start;
    let best: DateMention | undefined;
    for (const d of this.datesOf(si)) {
      // A date in the event's own words ("at Tuesday's rally") is the event's even right after a verb of saying.
      if (!own && this.ctx.isSpeechDate(d, sentenceStart)) continue;
      const slot = slots.find((s) => d.span.start >= s.start && d.span.end <= s.end);
      if (!slot) continue;
      if (d.date.precision === 'YEAR') continue;
      // "crashed shortly after takeoff on Sunday": a date that is the whole adjunct of its word is that word's,
      // whatever "after" comes before it; only a date inside a longer adjunct ("days after the summit on Monday")
      // may anchor another event.
      const wholeAdjunct = this.ctx.text.slice(slot.start, d.span.start).trim() === '';
      // Only an anchoring word inside the adjunct counts: in "after the Paris attacks in November" the "after" is
      // the noun's, not its date's.
      if (!own && !wholeAdjunct && this.ctx.isAnchoredElsewhere(d, Math.max(sentenceStart, slot.start))) continue;
      // "the worst attack since 9/11", "the first meeting since March": the object of the preposition "since" is the
      // point a span is counted from, not the event's day ("since" as a conjunction, "since last weekend both
      // jets …", introduces a clause of its own and is not this).
      if (this.sinceObject(d)) continue;
      // A date inside a clause of the adjunct ("on the day they met … since forces started strikes on Sept. 30")
      // belongs to that clause.
      const clauseVerb = this.verbOfDate(d);
      if (clauseVerb && clauseVerb.start >= slot.start && clauseVerb.end <= slot.end) continue;
      if (!best || Math.abs(d.span.start - near) < Math.abs(best.span.start - near)) best = d;
    }
    return best?.date;
  }

  /** The date mentions of sentence `si`, read once per sentence. */
  private datesOf(si: number): DateMention[] {
    let dates = this.sentenceDates.get(si);
    if (!dates) {
      dates = this.ctx.dates(si);
      this.sentenceDates.set(si, dates);
    }
    return dates;
  }

  /**
   * A bare weekday re-read in the week its predicate's tense says (see `tensed`); a yearless month or day ("the
   * convention in late July", "on Feb. 1") moved to the coming one when near and the predicate is not past — the
   * shared date code takes the past one whenever the sentence has no future cue word ("before it drafts the
   * platform for the convention in late July", written in June, is next month's).
   */
  private byTense(date: FuzzyDate, verb: ParsedToken | undefined, awaited = false): FuzzyDate {
    const yearless = date.span && !/\d{4}/.test(date.span.exact) && !BARE_WEEKDAY.test(date.span.exact.trim()) && /\p{L}/u.test(date.span.exact);
    // "last October": the date reader keeps only "October"; the word before it says past.
    const saidPast = !!date.span && /\b(?:last|past|previous)\s+$/i.test(this.ctx.text.slice(Math.max(0, date.span.start - 12), date.span.start));
    if (yearless && !saidPast && (date.precision === 'MONTH' || date.precision === 'DAY') && tensed(this.syntax, verb) !== 'past') {
      return soonAhead(date, this.ctx.publishedAt);
    }
    const m = date.precision === 'DAY' && date.span ? BARE_WEEKDAY.exec(date.span.exact.trim()) : null;
    if (!m) return date;
    // No tense on the predicate: a future cue word in the date's own clause, not anywhere in the sentence.
    const clause = this.ctx.clauseAround(date.span!.start);
    // "has emboldened … just days before Tuesday's primary": an event awaited by a clause that is not over in the
    // simple past ("stumbled days before Tuesday's primary" may be told after it) is still ahead.
    const tense = awaited && !simplePast(this.syntax, verb)
      ? 'future'
      : tensed(this.syntax, verb) ?? this.aheadInBody(verb) ?? (isFutureContext(this.ctx.text.slice(clause.start, clause.end)) ? 'future' : 'past');
    const day = resolveWeekday(this.ctx.publishedAt, WEEKDAYS.indexOf(m[1]!.toLowerCase()), tense === 'future');
    return day === date.start ? date : { ...date, start: day, end: day };
  }

  /**
   * A lexical meeting's bare weekday ("held its hearing Wednesday, in the hopes that the platform will …") re-read by
   * the tense of the verb the weekday hangs on, as a parse event's is (byTense): the lexical rules read the tense of
   * the whole sentence.
   */
  rereadWeekday(date: FuzzyDate): FuzzyDate {
    if (!date.span || date.source !== 'TEXT' || !BARE_WEEKDAY.test(date.span.exact.trim())) return date;
    const tok = this.syntax.within(date.span.start, date.span.end).find((t) => t.ent === 'DATE');
    let cur = tok;
    // Up to the clause's verb through the phrase ("drew plaudits for their performances at Saturday's debate").
    for (let hops = 0; cur && hops < 7 && cur.pos !== 'VERB' && cur.head !== cur.i; hops++) cur = this.syntax.tok(cur.head);
    return cur?.pos === 'VERB' ? this.byTense(date, cur) : date;
  }

  /**
   * The date of a predicate's time adjuncts; a participle adjunct without its own ("rammed into a crowd on Thursday
   * night, killing 80 in an attack") happens when its main verb does.
   */
  private dateOfPredicate(verb: ParsedToken, near: number): FuzzyDate | undefined {
    let cur = verb;
    for (let hops = 0; hops < 3; hops++) {
      const date = this.dateIn(verbDateSlots(this.syntax, cur.i), near);
      if (date) return date;
      if (!PARTICIPLE_TAGS.has(cur.tag) || !ADJUNCT_CLAUSES.has(cur.dep) || cur.head === cur.i) return undefined;
      cur = this.syntax.tok(cur.head);
      // "took the stage this week after falling short in the primary": through the preposition to its verb.
      if (cur.pos === 'ADP' && cur.head !== cur.i) cur = this.syntax.tok(cur.head);
      if (cur.pos !== 'VERB' || SPEECH_VERBS.has(cur.lemma.toLowerCase())) return undefined;
    }
    return undefined;
  }

  /**
   * The news peg: an undated event the lede reports as done ("Truck attack in France kills 80", "Clinton won the
   * primary") happened on the publication day or the day before — news reports what just happened. Only in the
   * headline and first paragraph, only told in the past (a headline's present is its past), and only when the
   * sentence has no date of its own to give.
   */
  private newsPeg(t: ParsedToken, verb: ParsedToken | undefined): FuzzyDate | undefined {
    if (t.start >= this.ledeEnd) return undefined;
    const si = this.ctx.sentenceIndexAt(t.start);
    // A date that only says when someone spoke ("Sanders on Saturday criticized the accord") dates no event.
    const spoken = (d: DateMention) => SPEECH_VERBS.has(this.verbOfDate(d)?.lemma.toLowerCase() ?? '');
    if (this.datesOf(si).some((d) => d.date.precision !== 'YEAR' && !spoken(d))) return undefined;
    const tense = tensed(this.syntax, verb);
    // A headline's present tells the past ("Truck attack kills 80") when the event is the predicate's own subject
    // or object — not "Kasich hopes for a win in the Ohio primary".
    const headlineNews =
      t.start < this.headlineEnd && !!verb && ['VBZ', 'VBP'].includes(verb.tag) && (t.i === verb.i || (DIRECT_ARGUMENTS.has(t.dep) && t.head === verb.i));
    if (tense !== 'past' && !headlineNews) return undefined;
    return { start: addDays(this.ctx.publishedAt, -1), end: this.ctx.publishedAt, precision: 'INTERVAL', source: 'PUBLICATION' };
  }

  /** `verb` is `dateVerb` or an adjunct or conjunct clause of it (which shares its time), not a complement clause. */
  private withinTimeOf(verb: ParsedToken, dateVerb: ParsedToken): boolean {
    let cur = verb;
    for (let hops = 0; hops < 3; hops++) {
      if (cur.i === dateVerb.i) return true;
      if (!SHARED_TIME_DEPS.has(cur.dep) || cur.head === cur.i) return false;
      cur = this.syntax.tok(cur.head);
    }
    return cur.i === dateVerb.i;
  }

  /** The date is the object of the preposition "since" ("since 9/11", "since early March"). */
  private sinceObject(d: DateMention): boolean {
    const tok = this.syntax.within(d.span.start, d.span.end)[0];
    let cur = tok;
    // Up from the date's first word to the preposition it is the object of ("since early March": early → March → since).
    for (let hops = 0; cur && hops < 3 && cur.head !== cur.i; hops++) {
      const head = this.syntax.tok(cur.head);
      if (cur.dep === 'pobj') return head.lemma.toLowerCase() === 'since' && head.dep === 'prep';
      if (head.start < d.span.start || head.end > d.span.end) return false;
      cur = head;
    }
    return false;
  }

  /** The verb a date mention hangs on: up the tree from its first token to the first verb. */
  private verbOfDate(d: DateMention): ParsedToken | undefined {
    let cur: ParsedToken | undefined = this.syntax.within(d.span.start, d.span.end)[0];
    for (let hops = 0; cur && hops < 6; hops++) {
      if (cur.pos === 'VERB' || (cur.pos === 'AUX' && cur.dep === 'ROOT')) return cur;
      if (cur.head === cur.i) return undefined;
      cur = this.syntax.tok(cur.head);
    }
    return undefined;
  }

  /**
   * The story's day, for a clause that refers to it ("met Xi in the afternoon", "met with him that day", "the next
   * day"): the last day-precise date told before it, in its sentence or at most DISCOURSE_SENTENCES back; "the
   * next day"/"the day before" shift it by one.
   */
  private discourseDay(at: number): FuzzyDate | undefined {
    const clause = this.ctx.clauseAround(at);
    const phrase = DISCOURSE_DAY.exec(this.ctx.text.slice(clause.start, clause.end));
    if (!phrase) return undefined;
    const si = this.ctx.sentenceIndexAt(at);
    const phraseAt = clause.start + phrase.index;
    // Its own sentence first (a day told before the phrase, not the day something was said), then the ones before.
    for (let j = si; j >= Math.max(0, si - DISCOURSE_SENTENCES); j--) {
      const sentenceStart = this.ctx.sentences[j]!.start;
      const days = this.datesOf(j).filter((d) => d.date.precision === 'DAY' && (j < si || (d.span.end <= phraseAt && !this.ctx.isSpeechDate(d, sentenceStart))));
      const last = days[days.length - 1];
      if (!last) continue;
      const shift = /next|following/i.test(phrase[0]) ? 1 : /before|previous/i.test(phrase[0]) ? -1 : 0;
      // The same day keeps the words it was told in, so a bare weekday is re-read by the event's tense (byTense).
      if (shift === 0) return { ...last.date, source: 'INFERRED' };
      const day = addDays(last.date.start, shift);
      return { start: day, end: day, precision: 'DAY', source: 'INFERRED', span: spanOf(this.ctx.text, phraseAt, phraseAt + phrase[0].length) };
    }
    return undefined;
  }

  private onlyDateOfClause(at: number, verb?: ParsedToken): FuzzyDate | undefined {
    const clause = this.ctx.clauseAround(at);
    const si = this.ctx.sentenceIndexAt(at);
    const sentenceStart = this.ctx.sentences[si]!.start;
    const inClause = this.datesOf(si).filter(
      (d) =>
        d.span.start >= clause.start &&
        d.span.end <= clause.end &&
        d.date.precision !== 'YEAR' &&
        !this.ctx.isSpeechDate(d, sentenceStart) &&
        !this.ctx.isAnchoredElsewhere(d, sentenceStart),
    );
    if (inClause.length !== 1) return undefined;
    // The date must hang on the event's own predicate: "said a curfew would continue through the weekend" dates the
    // curfew, not "the arrest" the sentence announced.
    const dateVerb = this.verbOfDate(inClause[0]!);
    return !verb || !dateVerb || this.withinTimeOf(verb, dateVerb) ? inClause[0]!.date : undefined;
  }

  /**
   * A date right after the noun ("a rally Monday morning", "the rally on Monday"). It may also be when the clause's
   * speaker spoke: "At a rally Monday, X said …" was said at the rally.
   */
  private adjacentDate(t: ParsedToken): FuzzyDate | undefined {
    const si = this.ctx.sentenceIndexAt(t.start);
    // Right after the noun's phrase: "In a call with analysts Monday, …".
    const end = Math.max(t.end, this.syntax.chars(this.syntax.subtree(t.i)).end);
    const d = this.datesOf(si).find((x) => x.span.start >= end && /^\s*(?:on\s+)?$/i.test(this.ctx.text.slice(end, x.span.start)));
    return d && d.date.precision !== 'YEAR' ? d.date : undefined;
  }

  private actorKeysIn(start: number, end: number): string[] {
    return this.ctx.actors.actorsIn(start, end).map((a) => a.key);
  }

  nounMention(t: ParsedToken): Mention | undefined {
    // "in New Hampshire's primary": the tagger sometimes calls an event noun an adjective; its role says noun.
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && !(t.pos === 'ADJ' && NOMINAL_ROLES.has(t.dep))) return undefined;
    // "get-out-the-vote efforts": a word inside a hyphenated compound modifies, it names no event.
    if (this.ctx.text[t.start - 1] === '-' || this.ctx.text[t.end] === '-') return undefined;
    // "Storm Idris", "Hurricane Katrina": an event word that titles a name is the event the name names (the engine
    // may call the name a person's).
    const titled = this.titledName(t);
    if (!titled && (t.ent === 'PERSON' || t.ent === 'WORK_OF_ART')) return undefined;
    // "in March": a month is no event, whatever its word ("march").
    if (t.ent === 'DATE' && MONTH_NAMES.has(t.text.toLowerCase())) return undefined;
    // "voting law", "the primary calendar": a modifier of another noun, not an event mention.
    if (!titled && (t.dep === 'compound' || t.dep === 'amod')) return undefined;
    const lex = lexKindOfNoun(this.syntax, t);
    if (!lex || TOPICAL.has(lex.trigger) || TOPICAL.has(t.text.toLowerCase())) return undefined;
    // "ended without a deal": an event said not to have happened.
    if (t.dep === 'pobj' && this.syntax.tok(t.head).lemma.toLowerCase() === 'without') return undefined;
    // "three rounds of talks that began in January": several meetings counted, not one; "years of negotiation",
    // "months of talks": a long process, not one event.
    const container = containerOf(this.syntax, t);
    const plurals = container !== undefined && this.syntax.tok(container).tag === 'NNS' ? this.syntax.tok(container).lemma.toLowerCase() : undefined;
    if (plurals !== undefined && (ROUND_OF.has(plurals) || LONG_SPANS.has(plurals))) return undefined;
    if (this.figurative(t)) return undefined;
    const plural = t.tag === 'NNS' || t.tag === 'NNPS';
    const left = leftModifiers(this.syntax, t.i);
    // "the Paris attacks", "the Nov. 13 bombings": a plural named by its place or day is one coordinated event;
    // "attacks" alone are several.
    const namedPlural = left.some((k) => k.dep === 'compound' && (k.ent === 'GPE' || k.ent === 'DATE'));
    if (plural && !namedPlural && !PLURAL_OK.has(t.text.toLowerCase()) && !PLURAL_OK.has(lex.trigger)) return undefined;
    if (left.some((k) => k.dep === 'det' && NOT_REAL_DET.has(k.lemma.toLowerCase()))) return undefined;
    if (left.some((k) => k.dep === 'amod' && NOT_REAL_DET.has(k.lemma.toLowerCase()))) return undefined;
    const { verb, nouns, viaOf } = governingVerb(this.syntax, t);
    // The event's own words first ("Tuesday's primary": even after "ahead of" or a verb of saying), then its phrase
    // ("the primary on Tuesday"), the nouns and the predicate above it, else the one event date of its clause.
    const ownDate =
      this.dateIn(subtreeSlots(this.syntax, left), t.start, true) ??
      this.dateIn([...dateSlots(this.syntax, t.i), ...rightPhrase(this.syntax, t.i)], t.start) ??
      this.dateIn(participleSlots(this.syntax, t.i), t.start, true) ??
      this.dateIn(participleSlots(this.syntax, containerOf(this.syntax, t) ?? t.i), t.start, true) ??
      this.dateIn(subjectRelativeSlots(this.syntax, t.i), t.start);
    // "would/could … a debate" is no event — unless the noun dates itself ("a merger announced Monday would …").
    if (!ownDate && hypothetical(this.syntax, verb)) return undefined;
    const first = Math.min(lex.first, ...left.map((k) => this.syntax.subtree(k.i).first));
    const span = spanOf(this.ctx.text, this.syntax.tok(first).start, titled ? titled.end : t.end);
    // Dates from around the noun only when it takes part in what its clause tells: not the reference point of
    // "two months until the election", not an event named to describe a person ("Cooper, McCrory's opponent in the
    // upcoming election, called Friday for …").
    // The predicate's date only when it follows the noun right away, whatever the parse hung it on ("before the
    // convention in late July").
    const following = (): FuzzyDate | undefined => {
      const next = verb ? this.dateOfPredicate(verb, t.start) : this.onlyDateOfClause(t.start);
      const between = next?.span && next.span.start >= t.end ? this.ctx.text.slice(t.end, next.span.start) : undefined;
      return between !== undefined && /^\s*(?:(?:in|on|at|of)\s+)?(?:(?:early|late|mid)[-\s]+)?$/i.test(between) ? next : undefined;
    };
    const borrowed = (): FuzzyDate | undefined => {
      if ((t.dep === 'pobj' && RELATIVE_PREPS.has(this.syntax.tok(t.head).lemma.toLowerCase())) || REASON_PREP(this.syntax, t)) {
        // "made their cases on Wednesday, six days before the primary": counted from the predicate's day.
        const counted = verb ? this.countedFrom(this.syntax.tok(t.head), verb, t.start) : undefined;
        return counted ?? following();
      }
      // "unveil on Monday his second ad of the general election": what belongs to an event ("of") is not the event, so
      // its clause's day is the ad's, not the election's ("on the eve of the convention in July" still is).
      if (viaOf) return following() ?? this.discourseDay(t.start);
      if (nouns.some((n) => n !== titled?.i && (this.syntax.tok(n).ent === 'PERSON' || PERSON_LINKS.has(this.syntax.tok(n).dep)))) return undefined;
      // "At a campaign rally Monday morning, Rubio said …": the setting's date, whatever the parse hung it on.
      if (t.dep === 'pobj' && SETTING_PREPS.has(this.syntax.tok(t.head).lemma.toLowerCase())) {
        const adjacent = this.adjacentDate(t);
        if (adjacent) return adjacent;
        // "Trump said on Tuesday at a rally": what was said at the event was said while it took place, so a verb of
        // saying dates its own setting (not an event it talks about: "said Tuesday the election was rigged").
        const speech = this.speechOfSetting(t, verb);
        if (speech) {
          // (`own`: the speech's date is exactly what is wanted here, which dateIn otherwise sets aside.)
          const spoken = this.dateIn(verbDateSlots(this.syntax, speech.i), t.start, true) ?? this.storyDay(t);
          if (spoken) return spoken;
        }
      }
      return (
        (nouns.length > 0 ? this.dateIn(nouns.flatMap((n) => dateSlots(this.syntax, n)), t.start) : undefined) ??
        (verb && !SPEECH_VERBS.has(verb.lemma.toLowerCase()) ? this.dateOfPredicate(verb, t.start) : undefined) ??
        this.onlyDateOfClause(t.start, verb) ??
        this.discourseDay(t.start)
      );
    };
    let date = ownDate ?? borrowed();
    // The noun's own year outranks a date borrowed from around it that falls in another year ("In 2012 … the 2016
    // election"), and dates it when nothing else does.
    const year = ownDate ? undefined : this.yearOf(left);
    if (year && (!date || date.start.slice(0, 4) !== year.start.slice(0, 4))) date = year;
    // "the upcoming election" is not dated by a day already past.
    if (date && !ownDate && left.some((k) => FUTURE_MODIFIERS.has(k.lemma.toLowerCase())) && date.end < this.ctx.publishedAt) date = undefined;
    const peg = !date && PEGGED_KINDS.has(lex.kind) ? this.newsPeg(t, verb) : undefined;
    // The object of "before", "ahead of", "until": awaited by its clause.
    const awaited = t.dep === 'pobj' && AWAITING_PREPS.has(this.syntax.tok(t.head).lemma.toLowerCase());
    if (date) date = this.byTense(date, verb, awaited);
    let ordinal: number | undefined;
    const properParts: string[] = [];
    const commonParts: string[] = [];
    const placeWords: string[] = [];
    for (let i = first; i < lex.first; i++) {
      const k = this.syntax.tok(i);
      const lower = k.text.toLowerCase();
      if (k.ent === 'GPE' && k.pos === 'PROPN') placeWords.push(k.text.replace(/['’]s$/, ''));
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
    // "the contest in Indiana", "the primary in Ohio": the one place of a vote names it as "the Indiana contest" does,
    // so that "won Indiana" finds it. A list ("the primaries in Florida, Ohio and …") is the places' own votes.
    if (lex.kind === 'VOTE') {
      const place = this.placeOfVote(t);
      if (place) properParts.push(...place.split(/\s+/).filter((w) => !properParts.includes(w)));
    }
    // Not introduced as a new one ("a rally"): may refer to the article's event of the same word.
    const definite = !left.some((k) => k.dep === 'det' && ['a', 'an', 'another', 'some'].includes(k.lemma.toLowerCase()));
    // A plural names its event by the lemma ("caucuses" → "caucus"), unless only the plural is an event word ("talks").
    const lemmaWord = lex.trigger.split(' ').pop()!.toLowerCase();
    const headWord = plural && !NOUN_KIND.has(lemmaWord) ? t.text.toLowerCase() : lemmaWord;
    const trigger = lex.trigger.includes(' ') ? lex.trigger : headWord;
    // Proper words name the event ("Delaware Democratic primary"); common modifiers only when there are none
    // ("presidential election"), so that two articles' wordings of one event get one name.
    const nameParts = properParts.length > 0 ? properParts : commonParts;
    const name = titled ? this.ctx.text.slice(t.start, titled.end) : [...nameParts, trigger].join(' ').replace(/\s+/g, ' ');
    return {
      kind: lex.kind,
      trigger,
      name,
      span,
      token: t.i,
      ...(date ? { date } : {}),
      ...(ordinal !== undefined ? { ordinal } : {}),
      ...(peg ? { peg } : {}),
      ...(lex.kind === 'VOTE' && placeWords.length > 0 ? { namedPlace: placeWords.join(' ') } : {}),
      complemented: this.syntax.kids(t.i).some((k) => k.i > t.i && ['prep', 'acl', 'relcl'].includes(k.dep)),
      definite,
      verb: false,
      participantKeys: this.actorKeysIn(span.start, span.end),
    };
  }

  /** The one place a vote noun's "in" phrase names ("the contest in Indiana"), not a list of places. */
  private placeOfVote(t: ParsedToken): string | undefined {
    const prep = this.syntax.kids(t.i).find((k) => k.dep === 'prep' && k.lemma.toLowerCase() === 'in' && k.i > t.i);
    const obj = prep && this.syntax.kid(prep.i, 'pobj');
    if (!obj || obj.ent !== 'GPE' || this.syntax.kids(obj.i).some((k) => k.dep === 'conj')) return undefined;
    const range = this.syntax.entityOf(obj.i);
    if (!range) return undefined;
    const { start, end } = this.syntax.chars(range);
    return this.ctx.text.slice(start, end);
  }

  /**
   * A place standing for the vote held there: the object of "won"/"lost" ("won Missouri") or the place of a
   * win, loss or result ("a big win in North Carolina Tuesday"). Named "<place> contest"; grouping joins it to
   * the article's vote event of that place ("the North Carolina primary") when there is one.
   */
  placeContest(t: ParsedToken): Mention | undefined {
    if (t.ent !== 'GPE' || (t.entIob === 'I' && t.i + 1 < this.syntax.tokens.length && this.syntax.tok(t.i + 1).entIob === 'I')) return undefined;
    const range = this.syntax.entityOf(t.i);
    if (!range) return undefined;
    // The entity's syntactic head: the token of the range whose head lies outside it.
    let headTok: ParsedToken | undefined;
    for (let i = range.first; i <= range.last; i++) {
      const k = this.syntax.tok(i);
      if (k.head < range.first || k.head > range.last || k.head === k.i) headTok = k;
    }
    if (!headTok || headTok.i !== t.i) return undefined;
    // "lost Ohio, Florida and North Carolina": a conjunct stands where the first one does.
    for (let hops = 0; hops < 6 && headTok.dep === 'conj'; hops++) headTok = this.syntax.tok(headTok.head);
    const listed = headTok.i !== t.i || this.syntax.kids(headTok.i).some((k) => k.dep === 'conj');
    const isVoteNoun = (k: ParsedToken) => (k.pos === 'NOUN' || k.pos === 'PROPN') && lexKindOfNoun(this.syntax, k)?.kind === 'VOTE';
    let anchor: ParsedToken | undefined;
    // A list naming the places: "three primaries on Tuesday: Florida, Ohio and …", "in two states — Missouri and Ohio".
    if (headTok.dep === 'appos') {
      headTok = this.syntax.tok(headTok.head);
      if (isVoteNoun(headTok)) anchor = headTok;
    }
    const head = this.syntax.tok(headTok.head);
    if (anchor) {
      // the vote noun itself is the anchor
    } else if (headTok.dep === 'dobj' && head.pos === 'VERB' && CONTEST_VERBS.has(head.lemma.toLowerCase())) anchor = head;
    else if (headTok.dep === 'pobj' && head.lemma.toLowerCase() === 'in') {
      const governor = this.syntax.tok(head.head);
      const lemma = governor.lemma.toLowerCase();
      // "the contest in Indiana": the vote noun's own mention names the place (placeOfVote).
      if (!listed && isVoteNoun(governor)) return undefined;
      // "won in Ohio", "a win in Ohio", "the primaries in Florida, Ohio and …".
      // A vote noun only anchors a list of places ("the primaries in Florida, Ohio and …"); "the primary in Ohio" is
      // the Ohio primary itself, one event.
      if ((governor.pos === 'VERB' && CONTEST_VERBS.has(lemma)) || (governor.pos === 'NOUN' && CONTEST_NOUNS.has(lemma)) || (listed && isVoteNoun(governor))) anchor = governor;
    }
    if (!anchor || hypothetical(this.syntax, anchor.pos === 'VERB' ? anchor : undefined)) return undefined;
    const { start, end } = this.syntax.chars(range);
    const place = this.ctx.text.slice(start, end);
    const nounAnchor = anchor.pos !== 'VERB';
    const predicate = nounAnchor ? governingVerb(this.syntax, anchor).verb : anchor;
    const anchorSlots = [...(nounAnchor ? subtreeSlots(this.syntax, leftModifiers(this.syntax, anchor.i)) : []), ...dateSlots(this.syntax, anchor.i)];
    let date = this.dateIn(anchorSlots, anchor.start);
    if (!date && nounAnchor && predicate) date = this.dateOfPredicate(predicate, anchor.start);
    date ??= this.onlyDateOfClause(anchor.start);
    const past = tensed(this.syntax, predicate) === 'past';
    if (date) date = this.byTense(date, predicate);
    const peg = date ? undefined : this.newsPeg(t, predicate);
    return {
      kind: 'VOTE',
      trigger: 'contest',
      name: `${place} contest`,
      span: spanOf(this.ctx.text, start, end),
      token: t.i,
      ...(date ? { date } : {}),
      definite: true,
      verb: false,
      place,
      past,
      ...(peg ? { peg } : {}),
      participantKeys: [],
    };
  }

  verbMention(t: ParsedToken): Mention | undefined {
    if (t.pos !== 'VERB') return undefined;
    // "opened fire": a verb that tells the event only with its object (data verbsWithObject).
    const withObject = VERB_WITH_OBJECT.get(t.lemma.toLowerCase());
    const objectEvent = withObject && this.syntax.kid(t.i, 'dobj')?.lemma.toLowerCase() === withObject.object ? withObject : undefined;
    const kind = VERB_KIND.get(t.lemma.toLowerCase()) ?? objectEvent?.kind;
    if (!kind || hypothetical(this.syntax, t)) return undefined;
    if (t.dep === 'xcomp' && IRREALIS_HEADS.has(this.syntax.tok(t.head).lemma.toLowerCase())) return undefined;
    if (INTRANSITIVE_ONLY.has(t.lemma.toLowerCase()) && this.syntax.kid(t.i, 'dobj')) return undefined;
    if (this.spokenSense(t)) return undefined;
    const found = this.dateIn(verbDateSlots(this.syntax, t.i), t.start) ?? this.discourseDay(t.start);
    // "St. Paul Votes To Condemn …": a headline or lede verb that reports the event as news takes the news peg.
    const peg = found || !NEWS_PEG_VERBS.has(t.lemma.toLowerCase()) ? undefined : this.newsPeg(t, t);
    if (!found && !peg) return undefined;
    const date = found ? this.byTense(found, t) : undefined;
    const trigger = objectEvent?.trigger ?? VERB_NOUN.get(t.lemma.toLowerCase()) ?? t.lemma.toLowerCase();
    const subj = this.syntax.kid(t.i, new Set(['nsubj', 'nsubjpass']));
    const obj = this.syntax.kid(t.i, 'dobj');
    const participantKeys = [subj, obj].flatMap((x) => {
      if (!x) return [];
      const { start, end } = this.syntax.chars(this.syntax.subtree(x.i));
      return this.actorKeysIn(start, end);
    });
    return { kind, trigger, name: trigger, span: spanOf(this.ctx.text, t.start, t.end), token: t.i, ...(date ? { date } : { peg }), definite: true, verb: true, participantKeys };
  }
}

/** Adds mentions to a lexical event, keeping its mentions in text order. */
function addMentions(e: ExtractedEvent, spans: Span[]): void {
  e.mentions = [...e.mentions, ...spans].sort((a, b) => a.start - b.start);
}

/**
 * A parse-found event on the same day and of the same kind as the article's one lexical event of that kind and
 * day is that event seen through other words ("the town hall" beside "the meeting" of the same Sunday): its
 * mentions join the lexical event. So does the one parse event of a kind when the lexical extractors found one
 * undated event of that kind. Returns the parse-found events that stay events of their own.
 */
export function joinLexical(lexical: ExtractedEvent[], parsed: ExtractedEvent[]): ExtractedEvent[] {
  const sameDay = (a: FuzzyDate | null, b: FuzzyDate | null) => !!a && !!b && a.precision === 'DAY' && b.precision === 'DAY' && a.start === b.start;
  const ofKind = (events: ExtractedEvent[], kind: EventKind) => events.filter((e) => e.kind === kind && !e.series);
  return parsed.filter((p) => {
    let targets = lexical.filter((l) => l.kind === p.kind && sameDay(l.date, p.date));
    // The article's one undated lexical event of a kind and its one parse event of that kind ("the deal" … "a merger
    // announced Monday"): one event, dated by the parse.
    const lone = ofKind(lexical, p.kind);
    // …when nothing says they differ: the lexical event names no parties, or the parse event shares one.
    const fits = (l: ExtractedEvent) => l.participantKeys.length === 0 || p.participantKeys.some((k) => l.participantKeys.includes(k));
    if (targets.length === 0 && !p.series && lone.length === 1 && !lone[0]!.date && fits(lone[0]!) && p.date && ofKind(parsed, p.kind).length === 1) {
      targets = lone;
      lone[0]!.date = p.date;
    }
    // …and so is the one lexical event of a kind dated by a span ("a plane crashed … last week") and the one parse event
    // of that kind dated by a day inside it ("the 16 November crash"): one event, of that day.
    const within = (l: ExtractedEvent) => !!l.date && !!p.date && l.date.precision !== 'DAY' && p.date.precision === 'DAY' && l.date.start <= p.date.start && p.date.end <= l.date.end;
    if (targets.length === 0 && !p.series && lone.length === 1 && within(lone[0]!) && fits(lone[0]!) && ofKind(parsed, p.kind).length === 1) {
      targets = lone;
      lone[0]!.date = p.date;
    }
    // The headline's pegged event ("Russia, Norway reach Barents Sea deal") is the article's one lexical event of its
    // kind, whatever that one is dated by: the news is what the article is about. Its own date stays.
    const pegged = p.date?.source === 'PUBLICATION';
    if (targets.length === 0 && !p.series && pegged && lone.length === 1 && ofKind(parsed, p.kind).length === 1) {
      targets = lone;
      // An undated one takes the news's day: the headline reports it done.
      lone[0]!.date ??= p.date;
    }
    if (targets.length !== 1) return true;
    const target = targets[0]!;
    addMentions(target, p.mentions);
    target.participantKeys = [...new Set([...target.participantKeys, ...p.participantKeys])];
    return false;
  });
}

/**
 * A lexical event the lexical rules left undated ("the accord", "the pact", "the third round of talks") takes the
 * date the parse reads for its own event nouns ("The accord signed on Friday …", "the third round of talks, held on
 * March 3 in Geneva"), when those dates agree.
 */
function dateUndatedLexical(lexical: ExtractedEvent[], syntax: Syntax, finder: ParsedEvents, publishedAt: string): void {
  // Milestones first: an agreement is dated by its signing, as the lexical rules date it.
  const milestonesFirst = [...lexical].sort((a, b) => Number(b.kind === 'AGREEMENT_MILESTONE') - Number(a.kind === 'AGREEMENT_MILESTONE'));
  for (const e of milestonesFirst) {
    if (e.date) continue;
    const signed = e.kind === 'AGREEMENT' ? lexical.find((m) => m.milestoneOf === e.key && m.status === 'SIGNED' && m.date) : undefined;
    if (signed) {
      e.date = signed.date;
      continue;
    }
    if (e.kind === 'AGREEMENT_MILESTONE') {
      // "Norway and Russia on Tuesday signed an agreement": the status verb's own time adjuncts, wherever they sit.
      const verb = e.mentions.flatMap((m) => syntax.within(m.start, m.end)).find((t) => t.pos === 'VERB');
      const date = verb ? finder.dateOfVerb(verb) : undefined;
      if (date) e.date = date;
      continue;
    }
    const dates: FuzzyDate[] = [];
    let peg: FuzzyDate | undefined;
    for (const span of e.mentions) {
      for (const t of syntax.within(span.start, span.end)) {
        const m = finder.nounMention(t) ?? finder.verbMention(t);
        // An agreement is dated by what happened to it, not by a plan ("will be signed in Oslo next week").
        if (m?.date && !(e.kind === 'AGREEMENT' && m.date.start > publishedAt)) dates.push(m.date);
        peg ??= m?.peg;
        // "The second round, held in late January": a meeting word the open vocabulary lacks ("round") is still
        // dated by a participle of occurrence on it.
        if (!m && e.kind === 'MEETING' && t.pos === 'NOUN') {
          const held = finder.participleDate(t);
          if (held) dates.push(held);
        }
      }
    }
    // Nothing dates it, but the headline names it and the lede reports it as news ("criticized the climate accord
    // adopted after two weeks of talks"): the news peg, which any date a later article gives outranks. Not an event
    // the lede only recalls ("ending a month of tension that followed a collision"), which the headline leaves out.
    if (dates.length === 0 && peg && e.mentions.some((m) => finder.inHeadline(m.start))) e.date = peg;
    if (dates.length === 0 || !dates.every((d) => dates.every((x) => overlaps(d, x)))) continue;
    e.date = dates.reduce((a, b) => (width(b) < width(a) ? b : a));
  }
}

/**
 * The parse's events of the article. `lexical` are the lexical extractors' events: their mentions are theirs,
 * and a later undated mention by the same word ("A bombing … the bombing") is added to the one of them it names.
 */
export function extractParsedEvents(ctx: EventContext, syntax: Syntax, lexical: ExtractedEvent[]): ExtractedEvent[] {
  const taken = lexical.flatMap((e) => e.mentions);
  const finder = new ParsedEvents(ctx, syntax);
  const isTaken = (t: ParsedToken) => taken.some((s) => t.start < s.end && s.start < t.end);
  dateUndatedLexical(lexical, syntax, finder, ctx.publishedAt);
  for (const e of lexical) {
    if (e.kind !== 'MEETING' || !e.date) continue;
    const before = normalizeDate(e.date);
    e.date = finder.rereadWeekday(e.date);
    // The lexical rules minted the name with the day ("hearing of 2024-03-20"): it names the day it now has.
    if (e.name.endsWith(` of ${before}`)) e.name = `${e.name.slice(0, -before.length)}${normalizeDate(e.date)}`;
  }
  const mentions: Mention[] = [];
  for (const t of syntax.tokens) {
    if (isTaken(t)) continue;
    const m = finder.nounMention(t) ?? finder.verbMention(t) ?? finder.placeContest(t);
    if (m) mentions.push(m);
  }
  const groups = group(mentions, ctx.publishedAt);
  const used = new Set(groups.flatMap((g) => g.mentions));
  const lastWord = (m: Span) => m.exact.toLowerCase().split(/\s+/).pop()!.replace(/[^\p{L}-]/gu, '');
  // What the lede reports as done and nothing else dates or names takes the news peg; later undated mentions of
  // the same word join it.
  const pegged: Mention[] = [];
  // The peg is only "recently": the article's one event of the word dated in the week before publication is what
  // the headline reports ("Plane crash kills 153" … "crashed … on Sunday", two days earlier).
  const recent = (d: FuzzyDate | null) => !!d && d.end <= ctx.publishedAt && d.start >= addDays(ctx.publishedAt, -PEG_WEEK_DAYS);
  for (const m of mentions.filter((x) => !used.has(x) && x.peg && x.place === undefined)) {
    // A verb joins by its own word ("Senate votes …" / "the vote"): "Police shot a man who had stabbed two people"
    // is not one event. Common words do not tell a headline's "Truck attack" from the body's "terrorist attack" of that week.
    const common = (name: string) => name === name.toLowerCase();
    const namesAgree = (g: Grouped) => compatibleNames(g.name, m.name) || (common(g.name) && common(m.name));
    const same = groups.filter((g) => g.trigger === m.trigger && (m.verb || namesAgree(g)) && recent(g.date));
    const sameLexical = lexical.filter(
      (e) => GRAPH_KIND[m.kind] === e.kind && recent(e.date) && (wordsOf(e.name).includes(m.trigger) || e.mentions.some((x) => lastWord(x) === m.trigger)),
    );
    if (same.length === 1) same[0]!.mentions.push(m);
    else if (same.length === 0 && sameLexical.length === 1) addMentions(sameLexical[0]!, [m.span]);
    else {
      pegged.push(m);
      continue;
    }
    used.add(m);
  }
  // A later undated mention by a lexical event's word ("A bombing … the bombing") is that event's.
  for (const m of mentions) {
    if (used.has(m) || m.date || m.verb || m.place !== undefined || !m.definite) continue;
    const named = lexical.filter((e) => e.mentions.some((x) => x.start < m.span.start && lastWord(x) === m.trigger));
    if (named.length === 1) {
      addMentions(named[0]!, [m.span]);
      used.add(m);
    }
  }
  if (pegged.length > 0) {
    const late = mentions.filter((m) => !used.has(m) && !m.date && !m.verb && m.place === undefined && m.definite && !pegged.includes(m));
    groups.push(...group([...pegged.map((m) => ({ ...m, date: m.peg })), ...late], ctx.publishedAt).filter((g) => g.mentions.some((m) => m.peg)));
  }
  return mergeSynonyms(groups).map((g) => {
    const kind = GRAPH_KIND[g.kind];
    // A numbered vote ("Sunday's first round") keeps its number in its name; a numbered meeting has it in its series.
    const base = g.ordinal !== undefined && kind !== 'MEETING' ? `${ordinalWord(g.ordinal)} ${g.name}` : g.name;
    const name = g.ordinal !== undefined && kind === 'MEETING' ? g.name : g.date ? `${base} of ${normalizeDate(g.date)}` : base;
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
