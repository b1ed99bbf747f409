/**
 * The tense of an event's predicate, and what it says about a date the shared date code resolved from sentence-wide
 * cue words: a bare weekday's week, a yearless month or day ahead or past. Used by the parse's events
 * (parsed.ts) for their own dates and for the lexical meetings' weekdays.
 */
import mentionData from '../../../data/lexicon/event-mentions.json' with { type: 'json' };
import type { ParsedToken } from '../../nlp/types.js';
import type { Syntax } from '../syntax.js';
import type { FuzzyDate } from '../../domain/types.js';

const UNDECIDED_TENSE = new Set(mentionData.undecidedTenseVerbs);
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A bare weekday ("Tuesday", "Tuesday's", "on Tuesday"): nothing but the weekday says which week. */
export const BARE_WEEKDAY = /^(?:on\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:['’]s)?(?:\s+(?:night|morning|afternoon|evening))?$/i;

/**
 * The tense of the event's predicate decides the week of a bare weekday when it can ("won Tuesday's primary" is
 * past, "will hold a rally on Friday" future) — the sentence-wide cue words the shared date code reads are misled
 * by a quote ("… will be," he said at Tuesday's rally).
 */
export function tensed(syntax: Syntax, verb: ParsedToken | undefined): 'past' | 'future' | undefined {
  // "scheduled a debate for Thursday": planning happened, the event may still be ahead.
  if (!verb || UNDECIDED_TENSE.has(verb.lemma.toLowerCase())) return undefined;
  const aux = syntax.kids(verb.i).filter((k) => k.dep === 'aux' || k.dep === 'auxpass');
  if (aux.some((k) => ['will', "'ll", 'shall'].includes(k.lemma.toLowerCase()) || k.text.toLowerCase() === "'ll")) return 'future';
  if (aux.some((k) => k.lemma.toLowerCase() === 'would') && reportedFuture(syntax, verb)) return 'future';
  if (verb.tag === 'VBD' || aux.some((k) => k.tag === 'VBD' || ['have', 'has', 'had'].includes(k.text.toLowerCase()))) return 'past';
  return undefined;
}

const SPEECH_LEMMAS = new Set(['say', 'tell', 'announce', 'add', 'confirm']);

/**
 * "said the first meeting would be held on Tuesday": "would" under an undated speech verb is the speaker's "will"
 * (said on Thursday, "would resume on Friday" may be past by publication: left to the other cues).
 */
function reportedFuture(syntax: Syntax, verb: ParsedToken): boolean {
  if (verb.dep !== 'ccomp' || verb.head === verb.i) return false;
  const head = syntax.tok(verb.head);
  if (!SPEECH_LEMMAS.has(head.lemma.toLowerCase())) return false;
  return !syntax.kids(head.i).some((k) => k.i !== verb.i && (k.ent === 'DATE' || syntax.kids(k.i).some((g) => g.ent === 'DATE')));
}

/** How far ahead a yearless date may lie to be read as coming rather than past. */
const SOON_DAYS = 92;

/**
 * A yearless month or day the date code put in the past ("late July" in a June article → last July) moved to the
 * coming one when that is near (within SOON_DAYS of publication): news names a near month ahead without its year,
 * while a month or day long past is told as such ("the attacks in November", written in July, were last November).
 */
export function soonAhead(date: FuzzyDate, publishedAt: string): FuzzyDate {
  // "last October", "the previous March": the words say past.
  if (date.end >= publishedAt || (date.span && /\b(?:last|past|previous|ago)\b/i.test(date.span.exact))) return date;
  const next = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
  const start = next(date.start);
  const end = date.precision === 'MONTH' ? new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0)).toISOString().slice(0, 10) : next(date.end);
  if ((Date.parse(start) - Date.parse(publishedAt)) / 86_400_000 > SOON_DAYS) return date;
  return { ...date, start, end };
}
