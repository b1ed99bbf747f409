/**
 * Person-name keys shared by extraction (alias merging inside an article) and resolution (across
 * articles): "Bill Hart", "William Hart" and "Hart" must meet on one key, "Omar al-Rashid" and
 * "Omar Rashid" too, romanisations of one name as well (data/lexicon/transliterations.json), while two
 * people who only share a surname never do. `nearMiss` is the one fuzzy rule: a misspelling of a name.
 */
import { NAME_PARTICLES, formalNames, hasTransliterations, isGivenName, isSurname, isTitleWord, surnameSpelling, transliterationOf } from './nameLexicon.js';
import { slugify } from './ids.js';

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Strips a particle glued to a surname ("al-Rashid" → "rashid"). */
function bareSurname(word: string): string {
  const m = /^([\p{L}]+)[-'’](\p{L}.*)$/u.exec(word);
  if (m && NAME_PARTICLES.has(fold(m[1] ?? ''))) return fold(m[2] ?? '');
  return fold(word);
}

export interface NameParts {
  /** Lower-case given name as written, undefined for a surname alone. */
  given?: string;
  /** Lower-case surname without particles, its romanised ending made canonical ("-skiy" → "-sky"). */
  surname: string;
  /** Lower-case initial when the name starts with one ("I. Hart" → "i"). */
  initial?: string;
  /** Generational suffix without its dot ("jr", "sr", "iii"): father and son are two people. */
  suffix?: string;
  /** The surname as written (folded, particles stripped), before its romanised ending is made canonical. */
  written?: string;
}

const partsCache = new Map<string, NameParts>();

/** Given name and surname of a person's name without titles ("Carlos M. Vazquez" → carlos / vazquez). */
export function nameParts(name: string): NameParts {
  let parts = partsCache.get(name);
  if (!parts) {
    // Bounded: names repeat within and across articles, but a long-running ingest must not grow forever.
    if (partsCache.size > 50_000) partsCache.clear();
    parts = computeNameParts(name);
    partsCache.set(name, parts);
  }
  return parts;
}

function computeNameParts(name: string): NameParts {
  const split = name.split(/\s+/).map((w) => w.replace(/,$/, '')).filter((w) => w.length > 0);
  const suffixWord = split.find((w, k) => k > 0 && SUFFIXES.has(fold(w)));
  const suffix = suffixWord === undefined ? undefined : fold(suffixWord).replace(/\.$/, '');
  const all = split.filter((w) => !SUFFIXES.has(fold(w)));
  // Titles and ranks written before the name are no part of it ("Major-General", "Lt.-Col.", "Maj. Gen.").
  let t = 0;
  while (t < all.length - 1 && isTitle(all[t] ?? '')) t++;
  const words = all.slice(t);
  // Lower-case particles written apart ("van Gogh", "bin Laden") belong to the surname; a capitalised
  // one at the start is a given name ("Ash Hart").
  const particle = (w: string | undefined) => w !== undefined && /^\p{Ll}/u.test(w) && NAME_PARTICLES.has(fold(w).replace(/\.$/, ''));
  let last = words.length - 1;
  while (last > 0 && particle(words[last - 1])) last--;
  const surnameWords = words.slice(last).filter((w, k, all) => k === all.length - 1 || !particle(w));
  const written = bareSurname(surnameWords.join(' '));
  const bare = surnameSpelling(written);
  const surname = suffix ? `${bare} ${suffix}` : bare;
  const given = last > 0 ? fold(words[0] ?? '') : undefined;
  const extra = { ...(suffix ? { suffix } : {}), ...(written !== bare ? { written } : {}) };
  if (given && /^\p{L}\.?$/u.test(given)) return { surname, initial: given.slice(0, 1), ...extra };
  return given ? { given, surname, ...extra } : { surname, ...extra };
}

/** A title word, hyphenated ranks included ("Major-General", "Lt.-Col."). */
function isTitle(word: string): boolean {
  return isTitleWord(word) || (word.includes('-') && word.split('-').every((w) => w.length > 0 && isTitleWord(w)));
}

/** The given names a given name stands for: as written, its formal names, and their canonical romanisations. */
function givenForms(given: string): string[] {
  const forms = [given, ...formalNames(given)];
  return [...new Set([...forms, ...forms.map(transliterationOf)])];
}

/** Every key the name can stand for: the given name as written and each formal name it is a nickname of. */
export function personKeys(name: string): string[] {
  const { given, surname } = nameParts(name);
  if (!given) return [surname];
  return givenForms(given).map((g) => `${g} ${surname}`);
}

/** The one key used for ids: the given name canonicalised by the nickname lexicon (first formal name). */
export function canonicalPersonKey(name: string): string {
  const { given, surname } = nameParts(name);
  if (!given) return surname;
  return `${transliterationOf(formalNames(given)[0] ?? given)} ${surname}`;
}

export function personSlug(name: string): string {
  return slugify(canonicalPersonKey(name));
}

/** True when one name can be the other: same surname and compatible given names (or one has none). */
export function namesCompatible(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (pa.surname !== pb.surname) return false;
  if (!pa.given || !pb.given) return true;
  const ka = new Set(personKeys(a));
  return personKeys(b).some((k) => ka.has(k));
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of one substring),
 * stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (i > 0 && best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

const VOWEL = /^[aeiouy]$/;

/** Same given name: a shared key (nickname, romanisation) or an initial that fits the other's given name. */
function givenCompatible(a: NameParts, b: NameParts): boolean {
  if (a.given && b.given) {
    const fa = new Set(givenForms(a.given));
    return givenForms(b.given).some((g) => fa.has(g));
  }
  if (a.initial && b.given) return b.given.startsWith(a.initial);
  if (b.initial && a.given) return a.given.startsWith(b.initial);
  return false;
}

/**
 * True when one full name is a misspelling of the other (never when they are compatible already):
 * - surnames one edit apart (insertion, deletion, substitution or swap of neighbours), both of 6+
 *   letters, same first letter, not both surnames compromise knows ("Petersen"/"Peterson" are two
 *   names), and the same given name (nickname, romanisation, or a fitting initial);
 * - or the same surname (5+ letters) and given names of 5+ letters that differ by one inner vowel
 *   ("Rashid"/"Rashad"), not both given names compromise knows ("Marian"/"Marion") nor two different
 *   romanisation groups.
 * A surname alone or a lone initial never near-misses anything.
 */
export function nearMiss(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (pa.surname === pb.surname) {
    if (!pa.given || !pb.given || pa.surname.length < 5) return false;
    return vowelSlip(pa.given, pb.given);
  }
  if (pa.suffix !== pb.suffix) return false;
  if (pa.surname.length < 6 || pb.surname.length < 6 || pa.surname[0] !== pb.surname[0]) return false;
  if (!/^\p{L}+$/u.test(pa.surname) || !/^\p{L}+$/u.test(pb.surname)) return false;
  if (isSurname(pa.surname) && isSurname(pb.surname)) return false;
  if (editDistance(pa.surname, pb.surname, 1) !== 1) return false;
  // One slip as written, not one after making both endings canonical: "Wendanski" and "Wendarsky" differ twice.
  if (editDistance(pa.written ?? pa.surname, pb.written ?? pb.surname, 1) !== 1) return false;
  return givenCompatible(pa, pb);
}

function vowelSlip(x: string, y: string): boolean {
  if (x.length !== y.length || x.length < 5 || x === y) return false;
  if (hasTransliterations(x) && hasTransliterations(y)) return false; // both known romanisations, different names
  if (isGivenName(x) && isGivenName(y)) return false;
  let diff = -1;
  for (let k = 0; k < x.length; k++) {
    if (x[k] === y[k]) continue;
    if (diff >= 0) return false;
    diff = k;
  }
  return diff > 0 && diff < x.length - 1 && VOWEL.test(x[diff]!) && VOWEL.test(y[diff]!);
}
