/**
 * Actor stage: who appears in an article. Gazetteers (data/lexicon) give countries, institutions and
 * outlets; persons.ts finds people and their roles; anonymous.ts finds unnamed sources. Aliases are merged
 * here, within the article: "William Hart" / "Hart", "a senior defense official" / "the official".
 */
import type { ActorIndex } from './actorIndex.js';
import { ActorStore } from './actorStore.js';
import { compatible, findAnonymousCandidates, type AnonCandidate } from './anonymous.js';
import type { Doc } from './doc.js';
import { gazetteerMatches, type GazetteerMatch } from './gazetteer.js';
import organizationData from '../../data/lexicon/organizations.json' with { type: 'json' };
import { formalNames, type Country, type GazetteerValue } from './lexicon.js';
import { nameParts, namesCompatible, nearMiss } from '../domain/names.js';
import { findPersonCandidates, type PersonCandidate, type RoleInfo } from './persons.js';
import { tokensOf, type Token } from './tokens.js';
import type { ExtractedActor } from '../domain/types.js';

const LOCATIVE = new Set(['in', 'at', 'from', 'to', 'near', 'outside', 'across', 'into', 'over', 'around', 'visit', 'visited', 'via', 'toward', 'towards']);

/** Which reading of a gazetteer phrase names an actor, most specific first. */
function primary(values: GazetteerValue[]): GazetteerValue | undefined {
  const order: GazetteerValue['type'][] = ['media', 'institution', 'pattern-head', 'country', 'seat', 'demonym', 'other-place'];
  return [...values].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))[0];
}

function countryOf(values: GazetteerValue[]): Country | undefined {
  for (const v of values) if (v.type === 'country' || v.type === 'demonym') return v.country;
  return undefined;
}

export function extractActors(doc: Doc): ActorIndex {
  const { text } = doc;
  const tokens = tokensOf(doc);
  const store = new ActorStore(text);
  const matches = gazetteerMatches(text, tokens);
  const matchOfToken: Array<GazetteerMatch | undefined> = new Array(tokens.length);
  for (const m of matches) for (let k = m.i; k < m.j; k++) matchOfToken[k] = m;
  const titleCase = titleCaseSentences(tokens);

  addGazetteerActors(text, tokens, matches, store);

  const persons = findPersonCandidates({
    text,
    tokens,
    covered: (k) => matchOfToken[k] !== undefined,
    titleCase: (s) => titleCase.has(s),
  });
  addPersons(persons, store, (start, end) => affiliationIn(store, matches, start, end));

  const anonymous = findAnonymousCandidates(text, tokens, (k) => matchOfToken[k]);
  addAnonymous(anonymous, store, (c) => anonAffiliation(store, c));
  return store;
}

const LETTER = /^\p{L}$/u;
/** UTF-16 length of a word's letters (what `replace(/[^\p{L}]/gu, '').length` counts), without building a string. */
function letterCount(word: string): number {
  let n = 0;
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    if (c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER.test(ch)) n += ch.length;
  }
  return n;
}

/** Headlines in title case (5+ capitalised longer words, at most one lower-case one): only titles make a person there. */
function titleCaseSentences(tokens: Token[]): Set<number> {
  const counts = new Map<number, { cap: number; lower: number }>();
  for (const t of tokens) {
    if (letterCount(t.text) < 4) continue;
    const c = counts.get(t.sentence) ?? { cap: 0, lower: 0 };
    if (t.cap) c.cap++;
    else c.lower++;
    counts.set(t.sentence, c);
  }
  const out = new Set<number>();
  for (const [s, c] of counts) if (c.cap >= 5 && c.lower <= 1) out.add(s);
  return out;
}

function addGazetteerActors(text: string, tokens: Token[], matches: GazetteerMatch[], store: ActorStore): void {
  for (let n = 0; n < matches.length; n++) {
    const m = matches[n] as GazetteerMatch;
    const v = primary(m.values);
    if (!v) continue;
    switch (v.type) {
      case 'media': {
        if (v.contextual && !store.findByName('MEDIA_OUTLET', v.name)) break;
        store.mention(store.declare('MEDIA_OUTLET', v.name), m.start, m.end);
        break;
      }
      case 'institution':
        store.mention(store.declare(v.kind, v.name), m.start, m.end);
        break;
      case 'country':
        if (opensInstitutionName(text, tokens, m)) break;
        store.mention(store.declare('COUNTRY', v.country.name), m.start, m.end);
        break;
      case 'seat': {
        if (opensInstitutionName(text, tokens, m)) break;
        const before = tokens[m.i - 1];
        if (before && LOCATIVE.has(before.lower)) break; // "in Oslo" is a place, not a speaker
        store.mention(store.declare('GOVERNMENT', v.country.government), m.start, m.end);
        break;
      }
      case 'pattern-head': {
        const prev = matches[n - 1];
        const prevCountry = prev && prev.j === m.i ? countryOf(prev.values) : undefined;
        if (prevCountry) {
          store.mention(store.declare(v.kind, `${prevCountry.modifier} ${v.canonical}`), prev!.start, m.end);
          break;
        }
        const named = unqualifiedInstitution(tokens, matches, store, m, v.canonical);
        if (named) store.mention(store.declare(v.kind, named), m.start, m.end);
        break;
      }
      case 'demonym':
        break;
    }
  }
}

const NAME_HEADS = new Set(organizationData.nameHeads.words);

/**
 * A country opening an organisation's proper name ("the Kenya Civil Aviation Authority said", "the U.S. Geological
 * Survey"): capitalised words right after it, in its sentence, end in a name head (data/lexicon/organizations.json).
 */
function opensInstitutionName(text: string, tokens: Token[], m: GazetteerMatch): boolean {
  for (let k = m.j; k < m.j + 5 && k < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1]!;
    if (!t.cap || t.sentence !== prev.sentence || !/^[^\S\n]+$/.test(text.slice(prev.end, t.start))) return false;
    if (NAME_HEADS.has(t.base)) return true;
  }
  return false;
}

/**
 * "the defence ministry" with no country: the one already named in the article, else the one country
 * its sentence names, else (ministries only) the bare institution. Generic heads ("the government") stay unnamed.
 */
function unqualifiedInstitution(tokens: Token[], matches: GazetteerMatch[], store: ActorStore, m: GazetteerMatch, canonical: string): string | undefined {
  // Only ministries are named without their country ("the defence ministry"); "military planes" is no actor.
  if (!/ministry/i.test(canonical)) return undefined;
  const suffix = ` ${canonical}`.toLowerCase();
  const existing = store.actors.find((a) => a.name.toLowerCase().endsWith(suffix));
  if (existing) return existing.name;
  const sentence = tokens[m.i]?.sentence;
  const countries = new Set<Country>();
  for (const o of matches) {
    if (o === m || tokens[o.i]?.sentence !== sentence) continue;
    const c = countryOf(o.values);
    if (c) countries.add(c);
  }
  if (countries.size === 1) return `${[...countries][0]!.modifier} ${canonical}`;
  return canonical;
}

/** The institution a role belongs to: an organisation named in [start, end), else its country's government. */
function affiliationIn(store: ActorStore, matches: GazetteerMatch[], start: number, end: number): ExtractedActor | undefined {
  const inside = store.mentionsIn(start, end).map((x) => x.actor);
  const org = inside.find((a) => a.kind === 'ORGANIZATION' || a.kind === 'GOVERNMENT' || a.kind === 'GROUP');
  if (org) return org;
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    const c = countryOf(m.values);
    if (c) return store.declare('GOVERNMENT', c.government);
  }
  return undefined;
}

interface Person {
  actor: ExtractedActor;
  forms: string[];
  /** Offsets of the person's full-name mentions, in text order. */
  positions: number[];
  /** How often each full form is written (a misspelling is outvoted by the spelling written more often). */
  counts: Map<string, number>;
  role?: RoleInfo;
}

function addPersons(cands: PersonCandidate[], store: ActorStore, affiliation: (start: number, end: number) => ExtractedActor | undefined): void {
  const people: Person[] = [];
  const bySurname = new Map<string, Person[]>();
  const register = (p: Person, surname: string) => {
    const list = bySurname.get(surname) ?? [];
    if (!list.includes(p)) list.push(p);
    bySurname.set(surname, list);
  };
  const isFull = (c: PersonCandidate) => c.confirmed && nameParts(c.name).given !== undefined;
  for (const c of cands.filter(isFull)) {
    // Same surname, compatible given names ("Bill" / "William") → the same person; else a new one.
    const surname = nameParts(c.name).surname;
    let p = (bySurname.get(surname) ?? []).find((x) => x.forms.some((f) => namesCompatible(f, c.name)));
    if (!p) {
      // A misspelling of exactly one person already named ("Samir" for "Samer", "-ow" for "-ov").
      const near = people.filter((x) => x.forms.some((f) => nearMiss(f, c.name)));
      if (near.length === 1) {
        p = near[0]!;
        register(p, surname);
      }
    }
    if (!p) {
      p = { actor: store.declare('PERSON', c.name), forms: [], positions: [], counts: new Map() };
      people.push(p);
      register(p, surname);
    }
    p.forms.push(c.name);
    p.counts.set(c.name, (p.counts.get(c.name) ?? 0) + 1);
    p.positions.push(c.start);
    store.mention(p.actor, c.start, c.end);
    if (c.titled) store.addAlias(p.actor, c.titled);
    for (const r of c.roles) if (!p.role || r.score > p.role.score) p.role = r;
  }
  // A surname alone: the nearest person before it with that surname (else the first one named).
  const lone = cands.filter((c) => !isFull(c));
  const nearestBefore = (list: Person[], at: number) => {
    let best: Person | undefined;
    let bestPos = -1;
    for (const p of list) {
      for (const pos of p.positions) if (pos < at && pos > bestPos) [best, bestPos] = [p, pos];
    }
    return best ?? list[0];
  };
  // A given name alone, after the full name ("Anan Srisuk … Anan said"; Thai, Indonesian and Icelandic news name
  // people by their given name): the one person named before with that given name, when it is no one's surname.
  const byGivenName = (c: PersonCandidate): Person | undefined => {
    const word = nameParts(c.name).surname; // folded, as given names are
    if (bySurname.has(word)) return undefined;
    const fits = people.filter((x) => x.forms.some((f) => nameParts(f).given === word) && x.positions.some((pos) => pos < c.start));
    return fits.length === 1 ? fits[0] : undefined;
  };
  const unresolved: PersonCandidate[] = [];
  for (const c of lone) {
    const surname = nameParts(c.name).surname;
    const target = nearestBefore(bySurname.get(surname) ?? [], c.start) ?? (c.run ? undefined : byGivenName(c));
    // The last word of an unconfirmed "Hunter Hale" is no mention of "Joe Hale": its run names another given name.
    if (target && c.run && otherGivenName(c.run, surname, target.forms)) continue;
    if (target) store.mention(target.actor, c.start, c.end);
    else if (c.confirmed) {
      // A surname compromise knows, with no full name in the article ("Kowalski"): a person of its own.
      const p: Person = { actor: store.declare('PERSON', c.name), forms: [c.name], positions: [c.start], counts: new Map(), role: c.roles[0] };
      people.push(p);
      register(p, surname);
      store.mention(p.actor, c.start, c.end);
    } else unresolved.push(c);
  }
  // Unconfirmed single words before such a surname-only person ("…," Kowalski is …) join it too.
  for (const c of unresolved) {
    const p = bySurname.get(nameParts(c.name).surname)?.[0];
    if (p && !store.actorAt(c.start, c.end)) store.mention(p.actor, c.start, c.end);
    else if (!p && !c.run && !store.actorAt(c.start, c.end)) {
      const given = byGivenName(c);
      if (given) store.mention(given.actor, c.start, c.end);
    }
  }
  for (const p of people) {
    store.rename(p.actor, canonicalForm(p.forms, p.counts));
    if (p.role) {
      p.actor.role = p.role.text;
      const aff = affiliation(p.role.start, p.role.end);
      if (aff && aff !== p.actor) p.actor.affiliationKey = aff.key;
    }
  }
}

/** True when `run` is a given name and this surname that fits none of the person's full forms. */
function otherGivenName(run: string, surname: string, forms: string[]): boolean {
  const parts = nameParts(run);
  if (parts.given === undefined || parts.surname !== surname) return false;
  return !forms.some((f) => namesCompatible(f, run) || nearMiss(f, run));
}

/**
 * The fullest form: a formal given name beats a nickname ("William" over "Bill"), then the longer form.
 * Between two spellings that are near misses of each other, the one written more often wins.
 */
function canonicalForm(forms: string[], counts: Map<string, number>): string {
  const score = (f: string) => {
    const { given } = nameParts(f);
    const formal = given !== undefined && formalNames(given).length === 0 ? 1 : 0;
    return formal * 1000 + f.length;
  };
  const best = [...forms].sort((a, b) => score(b) - score(a) || (a < b ? -1 : 1))[0] ?? forms[0] ?? '';
  const rival = [...new Set(forms)]
    .filter((f) => nearMiss(f, best) && (counts.get(f) ?? 0) > (counts.get(best) ?? 0))
    .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1))[0];
  return rival ?? best;
}

function addAnonymous(cands: AnonCandidate[], store: ActorStore, affiliation: (c: AnonCandidate) => ExtractedActor | undefined): void {
  const introduced: Array<{ cand: AnonCandidate; actor: ExtractedActor }> = [];
  for (const c of cands) {
    if (c.determiner === 'definite') {
      const antecedent = [...introduced].reverse().find((x) => compatible(c, x.cand));
      if (antecedent) store.mention(antecedent.actor, c.start, c.end);
      continue;
    }
    const actor = store.declare('ANONYMOUS_SOURCE', c.description);
    store.mention(actor, c.start, c.end);
    let aff = affiliation(c);
    if (!aff && (c.determiner === 'another' || c.determiner === 'partitive')) {
      // "another official", "one of the officials": of the same side as the sources before them.
      const prev = [...introduced].reverse().find((x) => x.cand.head.replace(/s$/, '') === c.head.replace(/s$/, ''));
      const key = prev?.actor.affiliationKey;
      aff = key ? store.byKey(key) : undefined;
    }
    if (aff && !actor.affiliationKey) actor.affiliationKey = aff.key;
    introduced.push({ cand: c, actor });
  }
}

function anonAffiliation(store: ActorStore, c: AnonCandidate): ExtractedActor | undefined {
  const institution = c.affiliations.map((m) => primary(m.values)).find((v) => v?.type === 'institution');
  if (institution && institution.type === 'institution') return store.findByName(institution.kind, institution.name);
  const countries = new Set<Country>();
  for (const m of c.affiliations) {
    const country = countryOf(m.values);
    if (country) countries.add(country);
  }
  if (countries.size !== 1) return undefined;
  return store.declare('GOVERNMENT', [...countries][0]!.government);
}

