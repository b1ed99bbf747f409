/**
 * Person-name keys shared by extraction (alias merging inside an article) and resolution (across
 * articles): "Bill Hart", "William Hart" and "Hart" must meet on one key, "Omar al-Rashid" and
 * "Omar Rashid" too, while two people who only share a surname never do.
 */
import { NAME_PARTICLES, formalNames } from './lexicon.js';
import { slugify } from './text.js';

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
  /** Lower-case surname without particles. */
  surname: string;
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
  const words = name.split(/\s+/).filter((w) => w.length > 0 && !SUFFIXES.has(fold(w)));
  // Lower-case particles written apart ("van Gogh", "bin Laden") belong to the surname; a capitalised
  // one at the start is a given name ("Ash Hart").
  const particle = (w: string | undefined) => w !== undefined && /^\p{Ll}/u.test(w) && NAME_PARTICLES.has(fold(w).replace(/\.$/, ''));
  let last = words.length - 1;
  while (last > 0 && particle(words[last - 1])) last--;
  const surnameWords = words.slice(last).filter((w, k, all) => k === all.length - 1 || !particle(w));
  const surname = bareSurname(surnameWords.join(' '));
  const given = last > 0 ? fold(words[0] ?? '') : undefined;
  return given && !/^\p{L}\.?$/u.test(given) ? { given, surname } : { surname };
}

/** Every key the name can stand for: the given name as written and each formal name it is a nickname of. */
export function personKeys(name: string): string[] {
  const { given, surname } = nameParts(name);
  if (!given) return [surname];
  return [...new Set([...formalNames(given), given])].map((g) => `${g} ${surname}`);
}

/** The one key used for ids: the given name canonicalised by the nickname lexicon (first formal name). */
export function canonicalPersonKey(name: string): string {
  const { given, surname } = nameParts(name);
  if (!given) return surname;
  return `${formalNames(given)[0] ?? given} ${surname}`;
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
