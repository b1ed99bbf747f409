/**
 * Actor resolution: one global id per real actor across articles.
 * - Anonymous sources are per article: `actor:anonymous:<articleId>:<slug>`.
 * - People meet on a name key with the given name canonicalised by the nickname lexicon ("Bill Hart" and
 *   "William Hart" → william hart; particles dropped: "Omar al-Rashid" = "Omar Rashid"). A surname
 *   alone joins a stored person only when exactly one stored person has that surname, so two different
 *   people who share a surname are never merged. Romanisations of a given name meet on one key
 *   (data/lexicon/transliterations.json: "Sergey" / "Sergei"); ranks before a name are no part of it.
 * - A full name that meets no stored key but is a near miss (names.ts `nearMiss`: a one-edit surname
 *   slip with the same given name, or a one-vowel given-name slip with the same surname) of exactly ONE
 *   stored person joins that person; two or more fitting people → a new person, never a guess.
 * - Everything else meets on its canonical (gazetteer) name or an alias of the same kind.
 * - A person's id is the content id of the node's name (the longest form), whichever report came first: a stored
 *   person is re-keyed when a better name with another content id arrives (`mergeActor:`, actorRekeys.ts); two people
 *   one article tells apart never join one stored person.
 */
import { isTitleWord } from '../domain/nameLexicon.js';
import { canonicalPersonKey, nameParts, nearMiss, personKeys } from '../domain/names.js';
import { kindSlug, slugify } from '../domain/ids.js';
import { normalizeForComparison } from '../domain/text.js';
import type { ExtractedArticle, ExtractedActor, KnownGraph } from '../domain/types.js';

type KnownActor = KnownGraph['actors'][number];

const DESCRIPTION_WORDS = new Set(['of', 'from', 'in', 'at', 'for', 'and', 'the', 'a', 'an', 'with', 'who', 'to', 'on', 'by']);

/** Forms of a stored person that are bare names ("William Hart", "Hart"), not titled ones. */
function bareForms(a: { name: string; aliases: string[] }): string[] {
  return [a.name, ...a.aliases].filter((f) => {
    const words = f.split(/\s+/);
    // Name particles ("de", "van", "bin") are short lower-case words; "of", "from" … start a description
    // ("Stacy Baker of Columbia") that must not index a person under another surname.
    return words.length <= 4 && words.every((w) => /^\p{Lu}|^\p{Ll}+[-'’]\p{Lu}|^\p{Ll}{1,4}$/u.test(w) && !isTitleWord(w) && !DESCRIPTION_WORDS.has(w));
  });
}

interface PersonIndex {
  /** name key → stored ids ("william hart" → …). */
  byKey: Map<string, Set<string>>;
  /** surname → stored ids of people with a given name. */
  bySurname: Map<string, Set<string>>;
  /** surname → stored ids of people known by their surname only. */
  surnameOnly: Map<string, Set<string>>;
  /** first letter of the surname → stored full forms (for near misses). */
  fullForms: Map<string, Array<{ form: string; id: string }>>;
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(id);
  map.set(key, set);
}

function indexPeople(known: KnownActor[]): PersonIndex {
  const idx: PersonIndex = { byKey: new Map(), bySurname: new Map(), surnameOnly: new Map(), fullForms: new Map() };
  for (const a of known) {
    if (a.kind !== 'PERSON') continue;
    const forms = bareForms(a);
    const full = forms.filter((f) => nameParts(f).given !== undefined);
    for (const f of full) {
      for (const k of personKeys(f)) add(idx.byKey, k, a.id);
      const surname = nameParts(f).surname;
      add(idx.bySurname, surname, a.id);
      const list = idx.fullForms.get(surname.slice(0, 1)) ?? [];
      list.push({ form: f, id: a.id });
      idx.fullForms.set(surname.slice(0, 1), list);
    }
    if (full.length === 0) for (const f of forms) add(idx.surnameOnly, nameParts(f).surname, a.id);
  }
  return idx;
}

/** The smallest id of a set (deterministic choice), or undefined when the set has more than `max`. */
function only(ids: Set<string> | undefined, max = 1): string | undefined {
  if (!ids || ids.size === 0 || ids.size > max) return undefined;
  return [...ids].sort()[0];
}

function resolvePerson(actor: ExtractedActor, idx: PersonIndex): string {
  const { given, surname } = nameParts(actor.name);
  const fresh = personContentId(actor.name);
  if (given !== undefined) {
    const matches = new Set<string>();
    for (const k of personKeys(actor.name)) for (const id of idx.byKey.get(k) ?? []) matches.add(id);
    if (matches.size > 0) return matches.has(fresh) ? fresh : [...matches].sort()[0]!;
    // A misspelling of exactly one stored person ("Rashid" for "Rashad"); none or several → no guess.
    const near = new Set<string>();
    for (const { form, id } of idx.fullForms.get(surname.slice(0, 1)) ?? []) if (nearMiss(actor.name, form)) near.add(id);
    const slip = only(near);
    if (slip) return slip;
    // A person stored by surname alone ("Kowalski") is this one when no other stored person has that surname.
    if (!idx.bySurname.has(surname)) return only(idx.surnameOnly.get(surname)) ?? fresh;
    return fresh;
  }
  return only(idx.bySurname.get(surname)) ?? only(idx.surnameOnly.get(surname)) ?? fresh;
}

/** A person's content id: the slug of their canonical name key ("Bill Hart" → actor:person:william-hart; "Hart" → …:hart). */
export function personContentId(name: string): string {
  return `actor:person:${slugify(canonicalPersonKey(name))}`;
}

/** The loader's name rule (src/graph/load.ts): the longest form wins, ties alphabetical. */
function betterName(a: string, b: string): string {
  return b.length > a.length || (b.length === a.length && b < a) ? b : a;
}

/**
 * Canonical person ids, so that an id does not depend on which report came first: a person's id is the content id
 * of the name the stored node ends up with (the longest form, as the loader keeps it), so "Halvorsen" stored first
 * and "Margit Halvorsen" later give the node the full name's id, as the other order does. When the article brings a
 * name whose content id differs from the stored name's, the stored person is listed as `mergeActor:<storedId>` →
 * that content id (the loader re-keys it, as it does events); a stored id chosen otherwise (curated, older data)
 * stays while no better name arrives.
 */
function canonicalPeople(extracted: ExtractedArticle, known: KnownGraph, ids: Record<string, string>): void {
  const stored = new Map(known.actors.filter((a) => a.kind === 'PERSON').map((a) => [a.id, a.name]));
  const names = new Map<string, string>();
  for (const a of extracted.actors) {
    const id = ids[a.key]!;
    if (a.kind !== 'PERSON' || !stored.has(id)) continue;
    names.set(id, betterName(names.get(id) ?? stored.get(id)!, a.name));
  }
  const canonical = new Map<string, string>();
  for (const [id, name] of names) {
    const to = personContentId(name);
    if (to === id || to === personContentId(stored.get(id)!)) continue;
    canonical.set(id, to);
    ids[`mergeActor:${id}`] = to;
  }
  for (const a of extracted.actors) ids[a.key] = canonical.get(ids[a.key]!) ?? ids[a.key]!;
}

const NOTHING_KNOWN: KnownGraph = { actors: [], statements: [], events: [] };

/**
 * The article's actors' own content ids, what they get with nothing stored. Statement and claim ids hash these, not the
 * resolved ids, so they do not depend on which stored actor a report joined (that can depend on what came first).
 */
export function ownActorIds(extracted: ExtractedArticle): Record<string, string> {
  return resolveActors(extracted, NOTHING_KNOWN);
}

export function resolveActors(extracted: ExtractedArticle, known: KnownGraph): Record<string, string> {
  const ids: Record<string, string> = {};
  const people = indexPeople(known.actors);
  const byForm = new Map<string, string>();
  for (const k of known.actors) {
    if (k.kind === 'PERSON' || k.kind === 'ANONYMOUS_SOURCE') continue;
    for (const f of [k.name, ...k.aliases]) {
      const key = `${k.kind}\u0000${normalizeForComparison(f)}`;
      if (!byForm.has(key) || k.id < byForm.get(key)!) byForm.set(key, k.id);
    }
  }
  for (const actor of extracted.actors) {
    if (actor.kind === 'ANONYMOUS_SOURCE') {
      ids[actor.key] = `actor:anonymous:${extracted.article.id}:${slugify(actor.name)}`;
    } else if (actor.kind === 'PERSON') {
      ids[actor.key] = resolvePerson(actor, people);
    } else {
      const stored = byForm.get(`${actor.kind}\u0000${normalizeForComparison(actor.name)}`);
      ids[actor.key] = stored ?? `actor:${kindSlug(actor.kind)}:${slugify(actor.name)}`;
    }
  }
  keepApartWithinArticle(extracted, known, ids);
  canonicalPeople(extracted, known, ids);
  return ids;
}

/**
 * Two people the article tells apart ("Henrik Halvorsen" and "Margit Halvorsen") never join one stored person: a stored "Halvorsen"
 * known by surname alone fits both, and letting both in would merge them — or not, had a full name come first. Each
 * keeps its own content id instead.
 */
function keepApartWithinArticle(extracted: ExtractedArticle, known: KnownGraph, ids: Record<string, string>): void {
  const stored = new Set(known.actors.map((a) => a.id));
  const people = new Map<string, Set<string>>();
  for (const a of extracted.actors) {
    if (a.kind !== 'PERSON' || !stored.has(ids[a.key]!)) continue;
    people.set(ids[a.key]!, (people.get(ids[a.key]!) ?? new Set()).add(personContentId(a.name)));
  }
  for (const a of extracted.actors) {
    if (a.kind === 'PERSON' && (people.get(ids[a.key]!)?.size ?? 0) > 1) ids[a.key] = personContentId(a.name);
  }
}
