/**
 * The speaker of a cue, from the parse: the cue's subject (or the object of "according to"), with
 * appositives, relative clauses and trailing prepositional phrases stripped; then the actor it names —
 * one the actor stage found, one the engine's entities name, an institution, group or unnamed source
 * made from the noun phrase, or, for a pronoun, the last compatible speaker or person before it.
 */
import type { ParsedToken } from '../../../nlp/types.js';
import type { ActorIndex } from '../../actorIndex.js';
import type { Syntax, TokenRange } from '../../syntax.js';
import { spanOf } from '../../text.js';
import type { ActorKind, ExtractedActor } from '../../../domain/types.js';
import { ANON_HEADS, GROUP_HEAD_NOUNS } from './lexicon.js';
import { NOT_SPEAKERS } from './cues.js';
import { mayBeHeOrShe } from '../../lexicon.js';

/** Dependents that are not part of a speaker's name: "X, who …", "X, a spokesman for Y,", "X of Y". */
const NOT_IN_NAME = new Set(['appos', 'relcl', 'acl', 'punct', 'cc', 'conj', 'advmod', 'parataxis', 'prep', 'npadvmod', 'dep', 'meta']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const GROUP_PRONOUNS = new Set(['they', 'them']);
const FIRST_PERSON = new Set(['me', 'us', 'you']);
/** Longer subjects are clauses more than names ("early results of the exit poll conducted by … for …"). */
const MAX_DESCRIPTION_TOKENS = 24;
/** Where a description ends: the text's own separators (dashes and parentheses stay inside). */
const DESCRIPTION_STOP = /^[,;:"“”‘’]$/;
/** How far back a pronoun looks for the person or institution it stands for. */
const LOOK_BACK_CHARS = 3000;
const AUTHOR_PRONOUNS = new Set(['i', 'we']);
const RELATIVES = new Set(['who', 'that', 'which', 'whom']);
/** Heads that name a share of a polled population: "a majority say …", "half said". */
const QUANTITY_HEADS = new Set(['percent', 'majority', 'minority', 'half', 'third', 'quarter', 'plurality', 'share']);

export interface SpeakerContext {
  syn: Syntax;
  text: string;
  actors: ActorIndex;
  /** Whether a speaker the article has no actor for yet may be added (false: only known actors). */
  mayCreate: boolean;
  /** Speakers of the statements found so far, in text order (pronoun back-off). */
  speakersBefore(offset: number): ExtractedActor[];
}

export interface Speaker {
  actor: ExtractedActor;
  /** Token range of the speaker's words (for the attribution span). */
  range: TokenRange;
}

/** The subject of a cue verb, following coordination, participles and relative clauses upward. */
export function subjectOf(syn: Syntax, verb: ParsedToken): ParsedToken | undefined {
  let v = verb;
  for (let hops = 0; hops < 4; hops++) {
    const subj = syn.kid(v.i, 'nsubj');
    if (subj) return subj;
    if (syn.kid(v.i, 'nsubjpass')) return undefined; // "it was said that …": no speaker in the clause
    if (v.dep === 'relcl') return syn.tok(v.head); // "Smith, who said …"
    // "X denied it and said …", "X spoke, saying …", "X went on to say …": the governing verb's subject.
    if ((v.dep === 'conj' || v.dep === 'advcl' || v.dep === 'xcomp') && v.head !== v.i) {
      v = syn.tok(v.head);
      continue;
    }
    // "… by saying", "… before saying": through the preposition to the verb it modifies.
    if (v.dep === 'pcomp' && syn.tok(v.head).dep === 'prep') {
      v = syn.tok(syn.tok(v.head).head);
      continue;
    }
    return undefined;
  }
  return undefined;
}

export function speakerFor(ctx: SpeakerContext, head: ParsedToken, cueStart: number): Speaker | undefined {
  const { syn, actors } = ctx;
  const lower = head.text.toLowerCase();
  if (RELATIVES.has(lower) && head.dep !== 'nsubj') return undefined;
  if (RELATIVES.has(lower)) {
    // "X, who said …": the relative clause's head noun.
    const verb = syn.tok(head.head);
    return verb.dep === 'relcl' ? speakerFor(ctx, syn.tok(verb.head), cueStart) : undefined;
  }
  if (AUTHOR_PRONOUNS.has(lower)) {
    // Outside quotation marks (cues inside quotes are skipped before), "I" and "we" are the writer: an op-ed.
    const surface = spanOf(ctx.text, head.start, head.end);
    if (!ctx.mayCreate) return undefined;
    return { actor: actors.ensure(surface, 'ANONYMOUS_SOURCE', "the article's author"), range: { first: head.i, last: head.i } };
  }
  if (head.pos === 'PRON' && (PERSON_PRONOUNS.has(lower) || GROUP_PRONOUNS.has(lower) || lower === 'it')) return pronounSpeaker(ctx, head, cueStart);
  if (NOT_SPEAKERS.has(lower) || FIRST_PERSON.has(lower) || head.pos === 'PRON') return undefined;
  // "The spokesman, John Smith, said": the name in apposition names the speaker.
  const appos = syn.kid(head.i, 'appos');
  let h = head;
  if (appos && head.ent !== 'PERSON' && (appos.ent === 'PERSON' || (head.pos === 'NOUN' && appos.pos === 'PROPN'))) h = appos;
  const range = nameRange(syn, h);
  const { start, end } = syn.chars(range);
  const known = actors.actorAt(h.start, h.end);
  if (known) {
    describe(ctx, known, head);
    return { actor: known, range };
  }
  const entity = syn.entityOf(h.i);
  const kind = kindOf(syn, h, entity !== undefined ? syn.tok(entity.first).ent : '');
  if (!kind) return undefined;
  const surface = spanOf(ctx.text, start, end);
  const person = kind === 'PERSON' ? personBySurname(actors, surface.exact) : undefined;
  if (person) {
    // "Berg urged …" after "Councillor Tomas Berg": the person already named, not a new one.
    actors.mention(person, start, end);
    return { actor: person, range };
  }
  const name = kind === 'ANONYMOUS_SOURCE' ? surface.exact : surface.exact.replace(/^(the|a|an)\s+/i, '');
  if (!/\p{L}/u.test(name)) return undefined;
  if (!ctx.mayCreate) return undefined;
  const actor = actors.ensure(surface, kind, name);
  describe(ctx, actor, head);
  return { actor, range };
}

/**
 * The words the speaker is introduced by, up to the first comma ("Democratic party officials", "a recent
 * poll of Indiana voters", "people who have battled online threats", "another friend" for the Mariam Emara
 * of "another friend, Mariam Emara"), recorded as a mention so the actor carries the text's own description.
 */
function describe(ctx: SpeakerContext, actor: ExtractedActor, subject: ParsedToken): void {
  const { syn } = ctx;
  const r = syn.subtree(subject.i, (c) => c.dep === 'cc' || c.dep === 'conj');
  let last = r.last;
  for (let k = subject.i + 1; k <= r.last; k++) if (DESCRIPTION_STOP.test(syn.tok(k).text)) { last = k - 1; break; }
  let first = r.first;
  for (let k = subject.i - 1; k >= r.first; k--) if (DESCRIPTION_STOP.test(syn.tok(k).text)) { first = k + 1; break; }
  while (last > first && syn.tok(last).pos === 'PUNCT') last--;
  if (last - first + 1 > MAX_DESCRIPTION_TOKENS || last - first < 1) return;
  const { start, end } = syn.chars({ first, last });
  if (actor.mentions.some((m) => m.start <= start && end <= m.end)) return;
  ctx.actors.mention(actor, start, end);
}

/** The one person of the article whose name ends in this lone surname, if exactly one does. */
function personBySurname(actors: ActorIndex, surface: string): ExtractedActor | undefined {
  if (/\s/.test(surface.trim())) return undefined;
  const people = actors.actors.filter((a) => a.kind === 'PERSON' && a.name !== surface && a.name.split(/\s+/).pop() === surface);
  return people.length === 1 ? people[0] : undefined;
}

/** The speaker's own words: the head with its determiners, modifiers, compounds and possessors. */
function nameRange(syn: Syntax, head: ParsedToken): TokenRange {
  const entity = syn.entityOf(head.i);
  const r = syn.subtree(head.i, (c) => NOT_IN_NAME.has(c.dep));
  if (entity) return { first: Math.min(r.first, entity.first), last: Math.max(entity.last, head.i) };
  return { first: r.first, last: head.i };
}

/**
 * What kind of actor a speaker phrase names. Only names travel across articles: a phrase without one
 * ("the survey", "critics", "52 percent of voters", "a senior official") is an unnamed source of this
 * article (ANONYMOUS_SOURCE ids are per article), so two articles' "the survey" never become one actor.
 */
function kindOf(syn: Syntax, head: ParsedToken, entity: string): ActorKind | undefined {
  if (entity === 'PERSON') return 'PERSON';
  if (entity === 'ORG') return 'ORGANIZATION';
  if (entity === 'GPE') return 'COUNTRY';
  if (entity === 'NORP') return 'GROUP';
  // A share of those polled: "52 percent of voters say", "Nine in 10 Democrats", "half".
  if (entity === 'PERCENT' || entity === 'CARDINAL' || head.pos === 'NUM' || QUANTITY_HEADS.has(head.lemma.toLowerCase())) return 'ANONYMOUS_SOURCE';
  if (entity !== '') return undefined; // a date or a time: "12:15 p.m."
  if (head.pos === 'PROPN') return syn.kid(head.i, 'compound') ? 'ORGANIZATION' : 'PERSON';
  if (head.pos !== 'NOUN') return undefined;
  // "the Clinton campaign", "Syrian activists": a name in the phrase makes it the same actor everywhere.
  const named = syn.kids(head.i).some((k) => (k.dep === 'compound' || k.dep === 'amod' || k.dep === 'poss') && (k.pos === 'PROPN' || k.ent !== ''));
  if (!named || ANON_HEADS.has(head.lemma.toLowerCase())) return 'ANONYMOUS_SOURCE';
  return GROUP_HEAD_NOUNS.has(head.lemma.toLowerCase()) || head.tag === 'NNS' ? 'GROUP' : 'ORGANIZATION';
}

/** he/she → the last person who spoke, else the last person named; they → the last group or institution. */
function pronounSpeaker(ctx: SpeakerContext, pron: ParsedToken, before: number): Speaker | undefined {
  const lower = pron.text.toLowerCase();
  const range = { first: pron.i, last: pron.i };
  const recent = ctx.speakersBefore(before).reverse();
  if (PERSON_PRONOUNS.has(lower)) {
    const spoke = recent.find(mayBeHeOrShe);
    const named = lastPersonNamed(ctx, before);
    // The nearer of the last speaker and the last person named: news names a new person, then "he said".
    const pick = spoke && named ? (lastMention(spoke, before) >= lastMention(named, before) ? spoke : named) : spoke ?? named;
    return pick ? { actor: pick, range } : undefined;
  }
  if (GROUP_PRONOUNS.has(lower)) {
    const group = recent.find((a) => a.kind !== 'PERSON' && /s$|^the /i.test(a.name));
    return group ? { actor: group, range } : undefined;
  }
  if (lower === 'it') {
    // "it" as a speaker is an institution: the last one that spoke, else the last one named.
    const institution = (a: ExtractedActor) => a.kind === 'ORGANIZATION' || a.kind === 'GOVERNMENT' || a.kind === 'MEDIA_OUTLET';
    const spoke = recent.find(institution);
    const named = lastNamed(ctx, before, institution);
    const pick = spoke && named ? (lastMention(spoke, before) >= lastMention(named, before) ? spoke : named) : spoke ?? named;
    return pick ? { actor: pick, range } : undefined;
  }
  return undefined;
}

function lastMention(actor: ExtractedActor, before: number): number {
  let at = -1;
  for (const m of actor.mentions) if (m.start < before) at = Math.max(at, m.start);
  return at;
}

/** The last actor `wanted` accepts that the actor stage names before `before` (within ~3,000 characters). */
function lastNamed(ctx: SpeakerContext, before: number, wanted: (a: ExtractedActor) => boolean): ExtractedActor | undefined {
  const { syn, actors } = ctx;
  for (let i = syn.tokenAt(before) - 1; i >= 0 && before - syn.tok(i).start < LOOK_BACK_CHARS; i--) {
    const t = syn.tok(i);
    const a = actors.actorAt(t.start, t.end);
    if (a && wanted(a)) return a;
  }
  return undefined;
}

/** The last PERSON the actor stage or the engine's entities name before `before`. */
function lastPersonNamed(ctx: SpeakerContext, before: number): ExtractedActor | undefined {
  const { syn, actors } = ctx;
  for (let i = syn.tokenAt(before) - 1; i >= 0 && before - syn.tok(i).start < LOOK_BACK_CHARS; i--) {
    const t = syn.tok(i);
    const a = actors.actorAt(t.start, t.end);
    if (a?.kind === 'PERSON') return a;
    if (t.ent === 'PERSON' && t.entIob === 'B') {
      const r = syn.entityOf(i)!;
      const { start, end } = syn.chars(r);
      return ctx.mayCreate ? actors.ensure(spanOf(ctx.text, start, end), 'PERSON') : undefined;
    }
  }
  return undefined;
}
