/**
 * Who says it: the subject of a reporting verb. Speakers come from the actor stage — the nearest
 * acceptable mention before the verb, with only adverbs, a date, an appositive or a short prepositional
 * phrase between them — or after it when inverted (`…," said X`). Without a mention, a noun phrase whose
 * head makes it a speaker ("Norwegian activists", "officials") becomes an actor when the draft is
 * committed. "he"/"she"/"they", "the spokesman" and "the statement" back off to the last compatible
 * speaker; a participle (", saying …") or a coordinated verb ("… and said") continues the clause's speaker.
 */
import {
  ANON_PLURAL,
  ANON_SINGULAR,
  GROUP_HEADS,
  ORGANIZATION_HEADS,
  mayBeHeOrShe,
  PARTICIPLES,
  ROLE_NOUNS,
  SKIPPABLE,
  SPEECH_VERBS,
  UNNAMED_HEADS,
  isVerbOrAdverb,
} from '../lexicon.js';
import type { Unit } from '../quotes.js';
import type { ExtractedActor } from '../../domain/types.js';
import { CALENDAR_WORD, PREPOSITIONS, QUOTE_MARKS, type Draft, type Range, type SieveContext } from './context.js';

const RELATIVES = new Set(['who', 'which', 'that']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);

export interface Subject {
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

/** "X denied … and said", "…, but warned that": a verb coordinated with an earlier one. */
export function isCoordinated(ctx: SieveContext, p: number): boolean {
  const k = ctx.skipBack(p - 1);
  return k >= 0 && /^(and|but)$/.test(ctx.tok(k)!.lower);
}

/** "…, saying …", "by saying …", "other than to say …": the verb continues a clause's speaker. */
export function isParticiple(ctx: SieveContext, p: number): boolean {
  const verbTok = ctx.tok(p)!;
  const prev = ctx.tok(p - 1);
  const gapBefore = prev ? ctx.text.slice(prev.end, verbTok.start) : '';
  if (prev?.lower === 'to') return true;
  return PARTICIPLES.has(verbTok.lower) && (/,\s*["”]?\s*$/.test(gapBefore) || prev?.lower === 'by');
}

export function subjectOf(ctx: SieveContext, unit: Unit, p: number): Subject | undefined {
  const verbTok = ctx.tok(p)!;
  if (isParticiple(ctx, p)) {
    const parent = ctx.lastDraftIn(unit);
    if (parent) return { actor: parent.speaker, range: { start: verbTok.start, end: verbTok.start }, continues: true, parent };
    const first = firstSubject(ctx, unit, verbTok.start);
    return first ? { ...first, continues: true } : undefined;
  }
  // Inverted: `…," said the official` / `…, said X`.
  const lastQuote = [...unit.quotes].reverse().find((x) => x.close <= verbTok.start);
  if (lastQuote && /^[\s,]*$/.test(ctx.text.slice(lastQuote.close, verbTok.start))) {
    const after = ctx.mentionStartingAt(p + 1) ?? ctx.mentionStartingAt(p + 2);
    if (after && ctx.text.slice(verbTok.end, after.start).trim().split(/\s+/).filter(Boolean).length <= 1) {
      return { actor: after.actor, range: { start: after.start, end: after.end }, inverted: true };
    }
  }
  return subjectBefore(ctx, unit, p);
}

/** The subject of the clause the verb at `p` is in: nearest acceptable mention, pronoun or speaker noun phrase. */
function subjectBefore(ctx: SieveContext, unit: Unit, p: number): Subject | undefined {
  const verbTok = ctx.tok(p)!;
  const clauseStart = ctx.clauseStart(unit, p);
  const cands = ctx.mentionsIn(clauseStart, verbTok.start).filter((m) => !ctx.inQuote(m.start, unit));
  // "X denied … and said", "X said …, but warned": the coordinated verb shares the first verb's subject.
  const k = ctx.skipBack(p - 1);
  if (isCoordinated(ctx, p)) {
    const prev = ctx.lastDraftIn(unit);
    if (prev) return { actor: prev.speaker, range: { start: ctx.tok(k)!.start, end: ctx.tok(k)!.end }, backoff: true };
    const first = firstSubject(ctx, unit, verbTok.start);
    if (first) return first;
  }
  // "a baker who asked to be identified only as Karim told France 24": the speaker is the one the relative clause
  // describes, not a name inside it.
  const described = describedByRelative(ctx, clauseStart, verbTok.start);
  if (described) return described;
  for (let c = cands.length - 1; c >= 0; c--) {
    const m = cands[c]!;
    if (ctx.afterPreposition(m.start, clauseStart)) continue;
    if (gapAccepts(ctx, m.end, verbTok.start, m.actor.kind === 'PERSON')) return { actor: m.actor, range: m };
  }
  // A pronoun right before the verb: the last compatible speaker.
  if (k >= 0 && PRONOUNS.has(ctx.tok(k)!.lower) && ctx.tok(k)!.start >= clauseStart) {
    const tk = ctx.tok(k)!;
    const actor = pronounReferent(ctx, tk.lower, tk.start);
    return actor ? { actor, range: { start: tk.start, end: tk.end }, pronoun: true } : undefined;
  }
  return nounPhraseSubject(ctx, unit, clauseStart, p);
}

/**
 * An unnamed speaker described, then a relative clause running to the verb without a comma: "a baker who asked to be
 * identified only as Karim told …", "a resident who declined to give her name said …". The description speaks.
 */
function describedByRelative(ctx: SieveContext, clauseStart: number, verbStart: number): Subject | undefined {
  const before = ctx.text.slice(clauseStart, verbStart);
  const m = /(?:^|[\s,])((?:a|an|the|one)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+))\s+who\s+[^,;:"“”]+$/u.exec(before);
  if (!m || m[2]!.length < 3) return undefined;
  const start = clauseStart + m.index + m[0].indexOf(m[1]!);
  const range = { start, end: start + m[1]!.length };
  return { range, create: { kind: 'ANONYMOUS_SOURCE', name: m[1]! } };
}

/** First subject-like mention of the clause (for participles with no earlier statement in the unit). */
function firstSubject(ctx: SieveContext, unit: Unit, before: number): Subject | undefined {
  const first = ctx.mentionsIn(unit.start, before).find((m) => !ctx.afterPreposition(m.start, unit.start) && !ctx.inQuote(m.start, unit));
  return first ? { actor: first.actor, range: first } : undefined;
}

/**
 * Between a subject and its verb: adverbs, auxiliaries, a date, a relative pronoun, an appositive
 * (", a spokesman for …,"), the closing comma of an appositive name ("A spokeswoman, Ana Ruiz, said"),
 * or a short prepositional phrase ("Two officials at the operator said").
 */
function gapAccepts(ctx: SieveContext, from: number, to: number, person = true): boolean {
  const gap = ctx.text.slice(from, to);
  if (/^\s*,\s*(who|which|whose)\b/i.test(gap)) return !QUOTE_MARKS.test(gap);
  // An appositive is closed by its comma (", the city's prosecutor, said"), or describes a named person (news often
  // drops that comma: "Pavel Marek, a spokesman for the ministry told"); else the noun phrase is the subject
  // itself ("… killed three people, the city's prosecutor said").
  if (/^\s*,\s*(a|an|the)\b/i.test(gap)) return !QUOTE_MARKS.test(gap) && (/,\s*$/.test(gap) || person);
  if (/^\s*,\s*$/.test(gap)) return appositiveName(ctx, from);
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
function appositiveName(ctx: SieveContext, end: number): boolean {
  const m = ctx.mentionBefore(end);
  if (!m || m.end !== end || m.actor.kind !== 'PERSON') return false;
  return /,\s*$/.test(ctx.text.slice(Math.max(0, m.start - 3), m.start));
}

/** No actor mention: a noun phrase whose head makes it a speaker ("Norwegian activists", "the statement"). */
function nounPhraseSubject(ctx: SieveContext, unit: Unit, clauseStart: number, p: number): Subject | undefined {
  const end = ctx.skipBack(p - 1);
  if (end < 0) return undefined;
  const head = ctx.tok(end)!;
  if (head.start < clauseStart) return undefined;
  let s = end;
  while (s - 1 >= 0 && ctx.tok(s - 1)!.start >= clauseStart && !/[,;:"“”()]/.test(ctx.text.slice(ctx.tok(s - 1)!.end, ctx.tok(s)!.start))) s--;
  while (s < end && /^(the|a|an|his|her|their|its|however|meanwhile|also)$/.test(ctx.tok(s)!.lower)) s++;
  // "…, at a consulting firm called X": a prepositional phrase is no subject.
  if (PREPOSITIONS.has(ctx.tok(s)!.lower)) return undefined;
  const range = { start: ctx.tok(s)!.start, end: head.baseEnd };
  const words = end - s + 1;
  if (words > 6 || ctx.inQuote(range.start, unit)) return undefined;
  const name = ctx.text.slice(range.start, range.end);
  const definite = /^(the|this|that)$/.test(ctx.tok(s - 1)?.lower ?? '') && ctx.tok(s - 1)!.start >= clauseStart;
  if (head.base === 'statement' && definite) {
    const d = ctx.lastWrittenDraft() ?? ctx.drafts[ctx.drafts.length - 1];
    return d ? { actor: d.speaker, range, backoff: true } : undefined;
  }
  if (definite && ROLE_NOUNS.has(head.base) && words === 1) {
    const actor = roleReferent(ctx, head.base, range.start);
    return actor ? { actor, range, backoff: true } : undefined;
  }
  // A described speaker with no proper name ("the rail operator", "his wife", "officials") is a source
  // of this article only; a named group ("Norwegian activists") is the same group everywhere.
  const named = ctx.tokens.slice(s, end + 1).some((t) => t.cap && !t.initial);
  if (GROUP_HEADS.has(head.base) && (named || (words >= 2 && ctx.tok(s)!.cap))) return { range, create: { kind: 'GROUP', name } };
  // "The Central Electoral Bureau said": an institution's name, every word capitalised, is that organisation everywhere.
  const proper = words >= 2 && ctx.tokens.slice(s, end + 1).every((t) => t.cap);
  if (proper && ORGANIZATION_HEADS.has(head.base)) return { range, create: { kind: 'ORGANIZATION', name } };
  if (ANON_SINGULAR.has(head.base) || ANON_PLURAL.has(head.base) || UNNAMED_HEADS.has(head.base) || GROUP_HEADS.has(head.base)) {
    const det = ctx.tok(s - 1);
    const lead = det && /^(the|his|her|their|its|a|an)$/.test(det.lower) ? `${det.lower} ` : '';
    return { range: { start: det && lead ? det.start : range.start, end: range.end }, create: { kind: 'ANONYMOUS_SOURCE', name: `${lead}${name}` } };
  }
  return undefined;
}

function pronounReferent(ctx: SieveContext, pronoun: string, before: number): ExtractedActor | undefined {
  const speakers = ctx.speakersLatestFirst();
  // No gender filter: given-name lexicons mark unisex names as female, and news rarely needs it.
  const ok = mayBeHeOrShe;
  if (pronoun === 'he' || pronoun === 'she') {
    // "Y's foreign policy chief, X, congratulated Z. 'Q,' she wrote.": the person the paragraph's sentence
    // before was about, not an earlier speaker.
    const lead = leadPersonBefore(ctx, before);
    if (lead) return lead;
    const fromSpeakers = speakers.find(ok);
    if (fromSpeakers) return fromSpeakers;
    return ctx.actorsMentionedBefore(before).find(ok);
  }
  if (pronoun === 'they') return speakers.find((a) => a.kind !== 'PERSON' && !/official$|source$/.test(a.name));
  return speakers.find((a) => ['ORGANIZATION', 'GOVERNMENT', 'COUNTRY', 'MEDIA_OUTLET'].includes(a.kind));
}

/**
 * The subject of the sentence right before the pronoun's, in its paragraph: its first person named outside
 * quotes and prepositional phrases, with no verb or adverb before it ("Interior Minister X, who …, promised").
 */
function leadPersonBefore(ctx: SieveContext, offset: number): ExtractedActor | undefined {
  const at = ctx.units.findIndex((u) => u.start <= offset && offset < u.end);
  const prev = at > 0 ? ctx.units[at - 1] : undefined;
  if (!prev || prev.paragraph !== ctx.units[at]!.paragraph || prev.quotes.length > 0) return undefined;
  const m = ctx.mentionsIn(prev.start, prev.end).find((x) => x.actor.kind === 'PERSON');
  if (!m || ctx.afterPreposition(m.start, prev.start)) return undefined;
  const before = ctx.tokens.filter((t) => t.start >= prev.start && t.end <= m.start);
  return before.every((t) => t.cap || !isVerbOrAdverb(t.lower) || SKIPPABLE.has(t.lower)) ? m.actor : undefined;
}

/** "the spokesman": the last speaker (or person) whose role names it. */
function roleReferent(ctx: SieveContext, noun: string, before: number): ExtractedActor | undefined {
  const has = (a: ExtractedActor) => (a.role ?? '').toLowerCase().includes(noun);
  const fromSpeakers = ctx.speakersLatestFirst().find(has);
  if (fromSpeakers) return fromSpeakers;
  return ctx.actorsMentionedBefore(before).find(has);
}

/** The subject's actor, created in the actor index (and the mention index) on first use. */
export function resolveSubject(ctx: SieveContext, s: Subject): ExtractedActor {
  if (s.actor) return s.actor;
  const actor = ctx.ensure(s.range, s.create!.kind, s.create!.name);
  s.actor = actor;
  return actor;
}
