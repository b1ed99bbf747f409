/**
 * The person-name word lists name comparison needs (src/domain/names.ts), loaded once from
 * data/lexicon/*.json: titles and role nouns (no part of a bare name), name particles, nicknames,
 * romanisations, and compromise's lexicon of given names and surnames (its data, not its parse: see
 * src/extract/lexicon.ts).
 */
import nlp from 'compromise';
import peopleData from '../../data/lexicon/people.json' with { type: 'json' };
import nicknameData from '../../data/lexicon/nicknames.json' with { type: 'json' };
import transliterationData from '../../data/lexicon/transliterations.json' with { type: 'json' };
import { phraseTokens } from './text.js';

export const ROLE_NOUNS = new Set(peopleData.roleNouns);
const TITLE_WORDS = new Set(
  [...peopleData.titles, ...peopleData.ranks].flatMap((t) => phraseTokens(t).map((w) => w.toLowerCase().replace(/\.$/, ''))),
);
/** A word of a title or rank ("Secretary", "Gen."), or a role noun: no part of a bare name. */
export function isTitleWord(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return TITLE_WORDS.has(w) || ROLE_NOUNS.has(w);
}
export const NAME_PARTICLES = new Set(peopleData.nameParticles);

const nicknames = new Map<string, string[]>();
for (const [nick, full] of Object.entries(nicknameData.nicknames)) nicknames.set(nick, full);
/** Formal given names a nickname stands for (lower-case), most common first; [] when it is no nickname. */
export function formalNames(given: string): string[] {
  return (nicknames.get(given.toLowerCase()) ?? []).map((n) => n.toLowerCase());
}

const transliterations = new Map<string, string>();
for (const group of transliterationData.givenNames) {
  const canonical = (group[0] ?? '').toLowerCase();
  for (const v of group) transliterations.set(v.toLowerCase(), canonical);
}
/** The canonical romanisation of a given name ("dmitri" → "dmitry"), or the name itself (lower-case). */
export function transliterationOf(given: string): string {
  const g = given.toLowerCase();
  return transliterations.get(g) ?? g;
}
/** True when the given name belongs to a transliteration group of data/lexicon/transliterations.json. */
export function hasTransliterations(given: string): boolean {
  return transliterations.has(given.toLowerCase());
}
const SURNAME_ENDINGS = [...transliterationData.surnameEndings].sort((a, b) => (b[0] ?? '').length - (a[0] ?? '').length);
/** A surname with its romanised ending made canonical ("kowalskiy" → "kowalsky"); lower-case in, lower-case out. */
export function surnameSpelling(surname: string): string {
  for (const [from, to] of SURNAME_ENDINGS) {
    if (from && to !== undefined && surname.endsWith(from) && surname.length - from.length >= 3 && /^\p{L}+$/u.test(surname)) {
      return surname.slice(0, surname.length - from.length) + to;
    }
  }
  return surname;
}
/** Every romanised spelling of a surname's ending ("kowalsky" → kowalsky, kowalskiy, kowalskyy, kowalskii, kowalski). */
export function surnameSpellings(surname: string): string[] {
  const canonical = surnameSpelling(surname);
  const out = new Set([surname, canonical]);
  for (const [from, to] of SURNAME_ENDINGS) {
    if (from && to && canonical.endsWith(to) && canonical.length - to.length >= 3) out.add(canonical.slice(0, canonical.length - to.length) + from);
  }
  return [...out];
}

const LEXICON = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[] | undefined> } } }).model.one.lexicon;

/** compromise's lexicon tags for a word ([] when it does not know it). */
export function lexiconTags(word: string): string[] {
  const t = LEXICON[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** compromise knows the word as a given name. */
export function isGivenName(word: string): boolean {
  return lexiconTags(word).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

/** compromise knows the word as a surname or a person. */
export function isSurname(word: string): boolean {
  return lexiconTags(word).some((t) => t === 'LastName' || t === 'Person');
}
