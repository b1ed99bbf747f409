/**
 * What the known-graph read must return so that resolution against it gives exactly the ids it would give
 * against the whole stored graph — derived from the matching rules of actors.ts, statements.ts and
 * events.ts, so the read stays bounded by the article instead of growing with the corpus.
 *
 * - Actors: per actor, full-text terms of the forms the rules compare (a person's name, never titles, plus
 *   the other romanised endings of the surname and a one-edit fuzzy term for near misses; other kinds'
 *   name and aliases).
 * - Statements: every statement of each resolved speaker (the rules only compare a speaker's own
 *   statements) plus each statement's own content id (idempotent re-runs).
 * - Events: meetings of the same series (by series name); events of the parse (with a trigger) of their kind whose
 *   dates overlap theirs (what a nested date needs); incidents and campaigns whose dates fall
 *   inside the rule's window (through the (kind, start) index, plus wide YEAR/INTERVAL events); for
 *   incidents also the undated matches, found from a shared participant (what an undated match needs); agreements
 *   by the id their name gives.
 */
import { isTitleWord, surnameSpellings } from '../domain/nameLexicon.js';
import { addDays } from '../domain/dates.js';
import { nameParts } from '../domain/names.js';
import { slugify } from '../domain/ids.js';
import type { EventKind, ExtractedArticle, KnownGraph } from '../domain/types.js';
import { ownActorIds, resolveActors } from './actors.js';
import { actorRenames } from './actorRekeys.js';
import { CAMPAIGN_WINDOW_DAYS, INCIDENT_CLASS_LABELS, INCIDENT_WINDOW_DAYS, incidentClass } from './events.js';
import { statementId } from './statements.js';

/** Lucene terms per actor's query (one actor's name and aliases have far fewer). */
const MAX_TERMS = 40;
/**
 * Events at most this many days wide are found by a seek on their start; wider ones (YEAR and INTERVAL
 * precision: a DAY is 0 days wide, a MONTH at most 30) through the (kind, precision) index.
 */
export const NARROW_EVENT_DAYS = 62;
/** Precisions whose date ranges can be wider than NARROW_EVENT_DAYS. */
export const WIDE_PRECISIONS = ['YEAR', 'INTERVAL'] as const;

/**
 * Lucene terms: lowercase letters/digits (and a word's inner apostrophe, which the standard analyzer keeps
 * inside one token: "o'brien"), with and without diacritics (the index does not fold them). Nothing
 * needs escaping and no operator can be formed (operators are upper case).
 */
export function searchTerms(texts: Iterable<string>, minLength: number, keep: (word: string) => boolean = () => true): string[] {
  const terms = new Set<string>();
  const addWords = (s: string, split: RegExp) => {
    for (const w of s.split(split)) if (w.length >= minLength && keep(w)) terms.add(w);
  };
  for (const t of texts) {
    const lower = t.toLowerCase().replace(/’/g, "'");
    const folded = lower.normalize('NFKD').replace(/\p{M}+/gu, '');
    addWords(folded, /[^\p{L}\p{N}]+/u);
    if (folded !== lower) addWords(lower.normalize('NFC'), /[^\p{L}\p{N}]+/u);
    for (const w of lower.normalize('NFC').split(/[^\p{L}\p{N}']+/u)) {
      if (/^[\p{L}\p{N}]+'[\p{L}\p{N}]+$/u.test(w) && keep(w)) terms.add(w);
    }
  }
  return [...terms].sort().slice(0, MAX_TERMS);
}

export interface ActorProbe {
  /** One `a OR b OR …` query per named actor over the actorNamesFolded full-text index. */
  actorQueries: string[];
  actorKinds: string[];
}

export function actorProbe(extracted: ExtractedArticle): ActorProbe {
  // Anonymous sources are distinct per article, so stored ones are never candidates.
  const named = extracted.actors.filter((a) => a.kind !== 'ANONYMOUS_SOURCE');
  // A person only meets stored people with the same surname (a bare form, never a title): the name's
  // words suffice. Other kinds meet on a form equal to the name; their aliases find a stored actor
  // whose name is this one's alias ("United States" for "U.S."). One query per actor: a shared query
  // would have to cut its terms somewhere, and its hit limit would let busy words crowd out rare names.
  const queries = named.map((a) =>
    (a.kind === 'PERSON' ? personTerms(a.name) : searchTerms([a.name, ...a.aliases], 2)).join(' OR '),
  );
  return {
    actorQueries: [...new Set(queries.filter((q) => q !== ''))].sort(),
    actorKinds: [...new Set(named.map((a) => a.kind))].sort(),
  };
}

/**
 * Terms that find a stored person whose surname is spelt otherwise: the other romanised endings
 * ("kowalskiy" for "Kowalsky") and, for surnames of 6+ letters (the near-miss rule's floor), Lucene's
 * one-edit fuzzy term ("brennick~1" finds "Brenick"). The surname is letters only, so `~1` is the
 * one operator formed.
 */
function personTerms(name: string): string[] {
  const terms = searchTerms([name], 2, (w) => !isTitleWord(w));
  return [...terms, ...surnameVariantTerms(name).filter((t) => !terms.includes(t))];
}

function surnameVariantTerms(name: string): string[] {
  const { surname } = nameParts(name);
  if (!/^\p{Ll}+$/u.test(surname)) return [];
  const spellings = surnameSpellings(surname).filter((s) => /^[a-z]+$/.test(s));
  return [...spellings, ...(surname.length >= 6 && /^[a-z]+$/.test(surname) ? [`${surname}~1`] : [])];
}

/** A date window for incidents and campaigns: stored events of `kind` whose range is within [lo, hi]. */
export interface DateProbe {
  kind: EventKind;
  lo: string;
  hi: string;
  /** lo - NARROW_EVENT_DAYS: the earliest start of a narrow event that can reach the window. */
  narrowFrom: string;
}

/**
 * Incidents of one class that no date window bounds (the report or the stored incident is undated): those need a
 * shared participant to match (src/resolve/events.ts incidentMatch), so they are found from the participants.
 */
export interface UndatedProbe {
  /** The incident class ('' when the name has none); compared exactly in Cypher. */
  cls: string;
  participantIds: string[];
  /** True: the article's incident has no date, so it meets dated and undated stored ones alike (two suffice: more than
   *  one fit joins none); false: only stored undated ones (all: a dated report joins every one that fits). */
  anyDate: boolean;
}

export interface RestProbe {
  speakerIds: string[];
  statementIds: string[];
  seriesNames: string[];
  dateProbes: DateProbe[];
  undatedProbes: UndatedProbe[];
  agreementIds: string[];
  /** The incident cue labels and their classes, for the exact class test in Cypher. */
  incidentLabels: Array<{ label: string; cls: string }>;
}

/** `addDays`, or null when the date does not parse. */
function addDaysOrNull(iso: string, days: number): string | null {
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : addDays(iso, days);
}

function dateProbe(kind: DateProbe['kind'], start: string, end: string, windowDays: number): DateProbe | null {
  const lo = addDaysOrNull(start, -windowDays);
  const hi = addDaysOrNull(end || start, windowDays);
  const narrowFrom = addDaysOrNull(start, -windowDays - NARROW_EVENT_DAYS);
  return lo && hi && narrowFrom ? { kind, lo, hi, narrowFrom } : null;
}

/**
 * The statements and events resolution can match, once the article's actors are resolved against the
 * stored actors `knownActors` (participants and speakers are compared by global id). `actorIds`: the article's
 * actors resolved against `knownActors`, when the caller has them already; `formerIds`: the stored ids of people an
 * earlier article of the same batch re-keyed.
 */
export function restProbe(
  extracted: ExtractedArticle,
  knownActors: KnownGraph['actors'],
  actorIds: Record<string, string> = resolveActors(extracted, { actors: knownActors, statements: [], events: [] }),
  formerIds: (id: string) => string[] = () => [],
): RestProbe {
  const idOf = (key: string) => actorIds[key] ?? key;
  // A stored person the article (or an earlier article of its batch: `formerIds`) re-keys (actorRekeys.ts) is still
  // stored under its old id: read by both.
  const storedIdsOf = new Map<string, string[]>();
  for (const [from, to] of actorRenames(actorIds)) storedIdsOf.set(to, [...(storedIdsOf.get(to) ?? []), from, ...formerIds(from)]);
  const idsOf = (key: string) => [...new Set([idOf(key), ...(storedIdsOf.get(idOf(key)) ?? []), ...formerIds(idOf(key))])];
  const own = ownActorIds(extracted);
  const speakerIds = new Set<string>();
  const statementIds = new Set<string>();
  for (const s of extracted.statements) {
    for (const id of idsOf(s.speakerKey)) speakerIds.add(id);
    statementIds.add(statementId(own[s.speakerKey] ?? idOf(s.speakerKey), s.text));
  }
  const seriesNames = new Set<string>();
  const dateProbes: DateProbe[] = [];
  const undatedProbes: UndatedProbe[] = [];
  const agreementIds = new Set<string>();
  for (const e of extracted.events) {
    if (e.trigger !== undefined) {
      // An event of the parse (triggerMatch): a stored event of its kind whose date nests with its date — which
      // overlaps it — can be the same event (its own id, the same name and date, is one of them).
      const probe = e.date ? dateProbe(e.kind, e.date.start, e.date.end, 0) : null;
      if (probe) dateProbes.push(probe);
      continue;
    }
    if (e.kind === 'MEETING' && e.series) seriesNames.add(e.series.name);
    else if (e.kind === 'AGREEMENT') agreementIds.add(`event:agreement:${slugify(e.name)}`);
    else if (e.kind === 'INCIDENT') {
      const participantIds = [...new Set(e.participantKeys.flatMap(idsOf))].sort();
      const probe = e.date ? dateProbe('INCIDENT', e.date.start, e.date.end, INCIDENT_WINDOW_DAYS) : null;
      if (probe) dateProbes.push(probe);
      // Undated on either side: only a shared participant can tie them, so a report naming none needs no probe.
      if (participantIds.length > 0) undatedProbes.push({ cls: incidentClass(e.name) ?? '', participantIds, anyDate: !probe });
    } else if (e.kind === 'CAMPAIGN' && e.date) {
      const probe = dateProbe('CAMPAIGN', e.date.start, e.date.end, CAMPAIGN_WINDOW_DAYS);
      if (probe) dateProbes.push(probe);
    }
  }
  return {
    speakerIds: [...speakerIds].sort(),
    statementIds: [...statementIds].sort(),
    seriesNames: [...seriesNames].sort(),
    dateProbes,
    undatedProbes,
    agreementIds: [...agreementIds].sort(),
    incidentLabels: INCIDENT_CLASS_LABELS,
  };
}
