/**
 * Every word list the actor and statement stages use, loaded once from data/lexicon/*.json (each file
 * says where its words come from). Nothing here names a particular article's people or outlets.
 *
 * Person-name evidence comes from compromise's lexicon (given names, surnames) looked up directly: its
 * full tagger runs at ~0.1 MB/s, ten times below our throughput budget, so we use its data, not its parse.
 */
import speechVerbData from '../../data/lexicon/speech-verbs.json' with { type: 'json' };
import peopleData from '../../data/lexicon/people.json' with { type: 'json' };
import anonymousData from '../../data/lexicon/anonymous-sources.json' with { type: 'json' };
import organizationData from '../../data/lexicon/organizations.json' with { type: 'json' };
import mediaData from '../../data/lexicon/media-outlets.json' with { type: 'json' };
import { COUNTRY_ENTRIES, NOT_COUNTRIES } from './countries.js';
import { lexiconTags } from '../domain/nameLexicon.js';
import { phraseTokens } from '../domain/text.js';
import type { ActorKind } from '../domain/types.js';

// The person-name lists name comparison needs live in src/domain/nameLexicon.ts; the extraction stages take them from here.
export { NAME_PARTICLES, ROLE_NOUNS, formalNames, isGivenName, isSurname, isTitleWord } from '../domain/nameLexicon.js';

const NONE: never[] = [];

function matchesWords(words: string[], lowers: (i: number) => string | undefined, i: number): boolean {
  for (let k = 0; k < words.length; k++) if (lowers(i + k) !== words[k]) return false;
  return true;
}

/** A set of multi-word phrases, matched token by token (longest first) without re-scanning text. */
export class PhraseSet<T = true> {
  private readonly byFirst = new Map<string, Array<{ words: string[]; value: T }>>();

  add(phrase: string, value: T): void {
    const words = phraseTokens(phrase).map((w) => w.toLowerCase());
    const first = words[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(first, list);
  }

  /** Longest phrase starting at `lowers(i)`. */
  matchAt(lowers: (i: number) => string | undefined, i: number): { length: number; value: T } | undefined {
    const first = lowers(i);
    if (first === undefined) return undefined;
    // Candidates are sorted longest first: the first that matches is the answer (no array per token).
    for (const cand of this.byFirst.get(first) ?? NONE) {
      if (matchesWords(cand.words, lowers, i)) return { length: cand.words.length, value: cand.value };
    }
    return undefined;
  }

  /** Every phrase starting at `lowers(i)`, longest first. */
  matchesAt(lowers: (i: number) => string | undefined, i: number): Array<{ length: number; value: T }> {
    const first = lowers(i);
    if (first === undefined) return [];
    const list = this.byFirst.get(first);
    if (list === undefined) return [];
    const out: Array<{ length: number; value: T }> = [];
    for (const cand of list) {
      if (matchesWords(cand.words, lowers, i)) out.push({ length: cand.words.length, value: cand.value });
    }
    return out;
  }
}

// ---------------------------------------------------------------- speech verbs

export interface SpeechVerb {
  lemma: string;
  /** May take a content clause without "that". */
  bare: boolean;
  quoteOnly: boolean;
  audience: boolean;
  /** Preposition introducing the content after an object ("accused X of …"). */
  object?: string;
  excludeParticles: Set<string>;
}

export const SPEECH_VERBS = new Map<string, SpeechVerb>();
for (const v of speechVerbData.verbs) {
  const entry: SpeechVerb = {
    lemma: v.lemma,
    bare: 'bare' in v ? Boolean(v.bare) : false,
    quoteOnly: 'quoteOnly' in v ? Boolean(v.quoteOnly) : false,
    audience: 'audience' in v ? Boolean(v.audience) : false,
    object: 'object' in v ? String(v.object) : undefined,
    excludeParticles: new Set('excludeParticles' in v ? (v.excludeParticles as string[]) : []),
  };
  for (const f of v.forms) SPEECH_VERBS.set(f, entry);
}
export const SKIPPABLE = new Set(speechVerbData.skippable.words);
export const PARTICIPLES = new Set(speechVerbData.participles);
export const VIA_CUES = new PhraseSet<number>();
for (const c of speechVerbData.viaCues.before) VIA_CUES.add(c.words.join(' '), c.rank);
export const REPORT_NOUNS = new Set(speechVerbData.viaCues.reportNouns);
/** Outlets named without a name: "state media", "Russian state television", "local newspapers". */
export const UNNAMED_OUTLETS = {
  modifiers: new Set(mediaData.unnamed.modifiers),
  heads: new PhraseSet<true>(),
  trailing: new Set(mediaData.unnamed.trailing),
};
for (const h of mediaData.unnamed.heads) UNNAMED_OUTLETS.heads.add(h, true);
export const AUDIENCE_NOUNS = new PhraseSet<true>();
for (const a of speechVerbData.audience.nouns) AUDIENCE_NOUNS.add(a, true);
export const SETTING_NOUNS = new PhraseSet<true>();
for (const a of speechVerbData.audience.settings) SETTING_NOUNS.add(a, true);

// ---------------------------------------------------------------- people

export const TITLES = new PhraseSet<'title' | 'rank'>();
// British and many agencies' style drops the abbreviation's points ("Maj Gen Anna Berg", "Mr Smith"): each
// abbreviation also without them.
const undotted = (t: string) => t.replace(/\.(?=[\s-]|$)/g, '');
for (const t of peopleData.titles) for (const f of new Set([t, undotted(t)])) TITLES.add(f, 'title');
for (const t of peopleData.ranks) for (const f of new Set([t, undotted(t)])) TITLES.add(f, 'rank');
export const NON_PERSON_PREFIXES = new Set(peopleData.nonPersonPrefixes.map((p) => p.toLowerCase()));
export const NON_PERSON_FOLLOWERS = new Set(peopleData.nonPersonFollowers.map((p) => p.toLowerCase()));

// ---------------------------------------------------------------- anonymous sources

export const ANON_DETERMINERS = new PhraseSet<true>();
for (const d of anonymousData.determiners) ANON_DETERMINERS.add(d, true);
export const ANON_ORDINALS = new Set(anonymousData.ordinalDeterminers);
export const ANON_MODIFIERS = new Set(anonymousData.modifiers);
export const ANON_SINGULAR = new Set(anonymousData.singularHeads);
export const ANON_PLURAL = new Set(anonymousData.pluralHeads);
export const SUBJECT_FOLLOWERS = new Set(anonymousData.subjectFollowers);
/** Heads of unnamed speakers described, not named ("his wife", "the rail operator"): per-article sources. */
export const UNNAMED_HEADS = new Set([...anonymousData.personHeads.words, ...anonymousData.organizationHeads.words]);
/** Heads of an institution's description: named ("the Central Electoral Bureau"), an organisation. */
export const ORGANIZATION_HEADS = new Set(anonymousData.organizationHeads.words);

/**
 * Subordinators whose clause is an adjunct of time, cause or condition ("two weeks after negotiators concluded the
 * deal"): a verb of saying inside it reports nothing of the words around it. Both attribution passes read it.
 */
export const ADJUNCT_SUBORDINATORS: readonly string[] = ['after', 'before', 'when', 'until', 'since', 'because', 'while', 'once', 'if', 'unless', 'although', 'though'];

/**
 * Who "he" or "she" may stand for: a person, or one unnamed source that is not an institution ("a local resident",
 * "the official"; not "officials", not "the company": "The company denied the claim. He denies all charges.").
 */
export function mayBeHeOrShe(a: { kind: ActorKind; name: string }): boolean {
  if (a.kind === 'PERSON') return true;
  return a.kind === 'ANONYMOUS_SOURCE' && !/s$/.test(a.name) && !ORGANIZATION_HEADS.has(a.name.split(' ').pop()!.toLowerCase());
}

// ---------------------------------------------------------------- countries, institutions, outlets

export interface Country {
  name: string;
  modifier: string;
  government: string;
}

/** What a gazetteer phrase stands for. */
export type GazetteerValue =
  | { type: 'country'; country: Country }
  | { type: 'demonym'; country: Country }
  | { type: 'seat'; country: Country }
  | { type: 'institution'; name: string; kind: ActorKind; country?: Country }
  | { type: 'media'; name: string; contextual: boolean }
  | { type: 'pattern-head'; canonical: string; kind: ActorKind }
  /** Another place whose name holds a country's ("New Mexico"): matched whole so that the country is not. */
  | { type: 'other-place' };

export const COUNTRIES = new Map<string, Country>();
export const GAZETTEER = new PhraseSet<GazetteerValue[]>();
/** Case-sensitive surface forms per phrase (lower-case key → forms as written), see `caseMatches`. */
const SURFACES = new Map<string, string[]>();

function addPhrase(phrase: string, value: GazetteerValue): void {
  const key = phraseTokens(phrase).map((w) => w.toLowerCase()).join(' ');
  const existing = GAZETTEER.matchAt((k) => key.split(' ')[k], 0);
  if (existing && existing.length === key.split(' ').length) existing.value.push(value);
  else GAZETTEER.add(phrase, [value]);
  SURFACES.set(key, [...(SURFACES.get(key) ?? []), phrase]);
}

for (const n of NOT_COUNTRIES) addPhrase(n, { type: 'other-place' });
for (const c of COUNTRY_ENTRIES) {
  const country: Country = { name: c.name, modifier: c.modifier, government: c.government };
  COUNTRIES.set(c.name, country);
  for (const n of [c.name, ...c.aliases]) addPhrase(n, { type: 'country', country });
  for (const d of c.demonyms) addPhrase(d, { type: 'demonym', country });
  for (const s of c.seats) addPhrase(s, { type: 'seat', country });
}
for (const i of organizationData.institutions) {
  const country = 'country' in i && i.country ? COUNTRIES.get(i.country) : undefined;
  const value: GazetteerValue = { type: 'institution', name: i.name, kind: i.kind as ActorKind, country };
  for (const n of [i.name, ...i.aliases]) addPhrase(n, value);
}
for (const o of mediaData.outlets) {
  for (const n of [o.name, ...o.aliases]) addPhrase(n, { type: 'media', name: o.name, contextual: false });
  for (const n of 'contextual' in o ? (o.contextual as string[]) : []) addPhrase(n, { type: 'media', name: o.name, contextual: true });
}
for (const h of organizationData.patterns.heads) {
  for (const f of h.forms) addPhrase(f, { type: 'pattern-head', canonical: h.canonical, kind: h.kind as ActorKind });
}
export const GROUP_HEADS = new Set(organizationData.groupHeads);

/**
 * Case rule for gazetteer phrases: an all-caps word must match exactly ("IS" is not "is"), a capitalised
 * word must be capitalised in the text ("the Times", not "the times"), lower-case words match any case.
 */
export function caseMatches(phraseKey: string, words: string[]): boolean {
  const forms = SURFACES.get(phraseKey) ?? [];
  return forms.some((form) => {
    const fw = phraseTokens(form);
    return fw.length === words.length && fw.every((w, k) => wordCaseMatches(w, words[k] ?? ''));
  });
}

function wordCaseMatches(pattern: string, word: string): boolean {
  const letters = pattern.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return pattern === word;
  if (/^\p{Lu}/u.test(pattern)) return /^\p{Lu}/u.test(word);
  return true;
}

// ---------------------------------------------------------------- compromise's lexicon

/** compromise knows the word as a female given name (for "he"/"she" back-off). */
export function isFemaleName(word: string): boolean {
  return lexiconTags(word).includes('FemaleName');
}

/** A verb form or adverb per compromise's lexicon (the word can follow a subject). */
export function isVerbOrAdverb(word: string): boolean {
  return lexiconTags(word).some((t) =>
    ['PastTense', 'PresentTense', 'Infinitive', 'Copula', 'Verb', 'Modal', 'Gerund', 'Auxiliary', 'Adverb'].includes(t),
  );
}

/** Words compromise files as something other than a name (so a capitalised one is no name). */
export function isCommonWord(word: string): boolean {
  const tags = lexiconTags(word);
  if (tags.length === 0) return false;
  return !tags.some((t) => ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun'].includes(t));
}
