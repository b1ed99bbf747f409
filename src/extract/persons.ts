/**
 * Person candidates from capitalised name runs, with the evidence news gives for them: a title before
 * the name ("Defense Secretary", "Maj. Gen.", "ministry spokesman Captain"), a given name compromise
 * knows, an appositive role (", a spokesman for …,"), a reporting verb right after the name, or a
 * surname compromise knows. Single capitalised words are kept apart: they may be a known person's surname.
 */
import {
  NAME_PARTICLES,
  NON_PERSON_FOLLOWERS,
  NON_PERSON_PREFIXES,
  ROLE_NOUNS,
  SKIPPABLE,
  SPEECH_VERBS,
  TITLES,
  isCommonWord,
  isGivenName,
  isSurname,
} from './lexicon.js';
import { joined, type Token } from './tokens.js';

export interface RoleInfo {
  text: string;
  /** 3: appositive with a role noun; 2: a functional title before the name; 1: a rank only. */
  score: number;
  /** Where to look for the institution the role belongs to. */
  start: number;
  end: number;
}

export interface PersonCandidate {
  /** Name tokens [i, j). */
  i: number;
  j: number;
  start: number;
  end: number;
  name: string;
  /** The name with the titles before it, when there are any ("Norwegian Defense Secretary Bill Hart"). */
  titled?: string;
  roles: RoleInfo[];
  /** True when the evidence says this is a person; false for a lone capitalised word (maybe a surname). */
  confirmed: boolean;
  /** For a word of an unconfirmed run of several words, the whole run ("Hunter Hale" for "Hale"). */
  run?: string;
}

const STOP = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'if', 'as', 'it', 'he', 'she', 'they', 'we', 'i', 'you',
  'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'of', 'for', 'to', 'by',
  'with', 'from', 'after', 'before', 'when', 'while', 'although', 'though', 'since', 'meanwhile', 'however',
  'apparently', 'both', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'not', 'no', 'yes', 'all', 'some',
  'many', 'most', 'one', 'two', 'three', 'another', 'other', 'news', 'read', 'more', 'click', 'contact', 'find',
]);
const CALENDAR = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const PARTICLE_GLUED = /^(\p{L}+)[-'’]\p{Lu}/u;
const INITIAL = /^\p{Lu}\.$/u;

export interface PersonContext {
  text: string;
  tokens: Token[];
  /** Token index → true when a gazetteer entry covers it (no name word). */
  covered: (k: number) => boolean;
  /** Sentence index → true for a headline in title case (only titles count as evidence there). */
  titleCase: (sentence: number) => boolean;
}

export function findPersonCandidates(ctx: PersonContext): PersonCandidate[] {
  const { text, tokens } = ctx;
  const titleKind = markTitles(tokens);

  const isNameWord = (k: number): boolean => {
    const t = tokens[k];
    if (!t || ctx.covered(k) || titleKind[k]) return false;
    if (INITIAL.test(t.text)) return true;
    const glued = PARTICLE_GLUED.exec(t.text);
    if (glued && NAME_PARTICLES.has((glued[1] ?? '').toLowerCase())) return true;
    if (!t.cap || STOP.has(t.base) || CALENDAR.test(t.base) || /\d/.test(t.text)) return false;
    if (t.text.length >= 2 && t.text === t.text.toUpperCase()) return false; // acronyms
    if ((t.initial || ctx.titleCase(t.sentence)) && isCommonWord(t.base)) return false;
    return true;
  };

  const out: PersonCandidate[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (!isNameWord(k) || INITIAL.test(tokens[k]?.text ?? '')) continue;
    let j = k + 1;
    while (j < tokens.length && j - k < 4 && joined(text, tokens[j - 1] as Token, tokens[j] as Token)) {
      const prev = tokens[j - 1] as Token;
      if (prev.baseEnd !== prev.end) break; // a possessive ends the name
      const t = tokens[j] as Token;
      if (isNameWord(j)) j++;
      else if (NAME_PARTICLES.has(t.lower) && j + 1 < tokens.length && isNameWord(j + 1)) j++;
      else break;
    }
    const cand = classify(ctx, titleKind, k, j);
    if (cand) out.push(...cand);
    k = j - 1;
  }
  return out;
}

/** Token index → 'title' | 'rank' for capitalised titles ("Defense Secretary", "Maj. Gen.", "Colonel"). */
function markTitles(tokens: Token[]): Array<'title' | 'rank' | undefined> {
  const kinds: Array<'title' | 'rank' | undefined> = new Array(tokens.length);
  const lower = (k: number) => tokens[k]?.lower;
  for (let k = 0; k < tokens.length; k++) {
    if (!tokens[k]?.cap) continue;
    const m = TITLES.matchAt(lower, k);
    if (!m) continue;
    for (let x = k; x < k + m.length; x++) kinds[x] = m.value;
    k += m.length - 1;
  }
  return kinds;
}

function classify(ctx: PersonContext, titleKind: Array<'title' | 'rank' | undefined>, i: number, j: number): PersonCandidate[] | undefined {
  const { text, tokens } = ctx;
  const first = tokens[i] as Token;
  const last = tokens[j - 1] as Token;
  const before = tokens[i - 1];
  const after = tokens[j];
  if (before && joined(text, before, first) && NON_PERSON_PREFIXES.has(before.lower)) return undefined;
  if (NON_PERSON_FOLLOWERS.has(last.base) || (after && joined(text, last, after) && NON_PERSON_FOLLOWERS.has(after.base))) {
    return undefined;
  }
  const start = first.start;
  const end = last.baseEnd;
  const name = text.slice(start, end);
  const roles: RoleInfo[] = [];

  // Titles and institutions right before the name: "Norwegian Defense Secretary", "ministry spokesman Captain".
  let c = i;
  while (c > 0) {
    const p = tokens[c - 1] as Token;
    if (!joined(text, p, tokens[c] as Token) || p.baseEnd !== p.end) break;
    if (titleKind[c - 1] || ROLE_NOUNS.has(p.lower) || ctx.covered(c - 1)) c--;
    else break;
  }
  const chain = tokens.slice(c, i);
  const titled = chain.some((t, k) => titleKind[c + k] || ROLE_NOUNS.has(t.lower));
  if (titled) {
    const functional = chain.map((t, k) => (titleKind[c + k] === 'title' || ROLE_NOUNS.has(t.lower) ? k : -1)).filter((k) => k >= 0);
    const ranks = chain.map((t, k) => (titleKind[c + k] === 'rank' ? k : -1)).filter((k) => k >= 0);
    const pick = functional.length > 0 ? functional : ranks;
    const a = chain[pick[0] ?? 0] as Token;
    const b = chain[pick[pick.length - 1] ?? 0] as Token;
    roles.push({ text: text.slice(a.start, b.end), score: functional.length > 0 ? 2 : 1, start: chain[0]?.start ?? start, end: start });
  }
  const appositive = readAppositive(text, tokens, j) ?? readRoleBefore(text, tokens, i);
  if (appositive) roles.push(appositive);

  const titledSurface = titled ? text.slice(chain[0]?.start ?? start, end) : undefined;
  const length = j - i;
  const followedByVerb = nextIsSpeechVerb(text, tokens, j);
  const sentence = first.sentence;
  let confirmed = titled;
  if (!confirmed && !ctx.titleCase(sentence) && length >= 2) {
    confirmed =
      isGivenName(first.base) ||
      appositive !== undefined ||
      (followedByVerb && tokens.slice(i, j).every((t) => !isCommonWord(t.base)));
  }
  if (!confirmed && length === 1 && !ctx.titleCase(sentence) && (!first.initial || followedByVerb)) {
    confirmed = isSurname(first.base) && !isCommonWord(first.base);
  }
  if (confirmed) return [{ i, j, start, end, name, titled: titledSurface, roles, confirmed: true }];
  // Unconfirmed runs: each word may still be a surname of a person named elsewhere in the article.
  const singles: PersonCandidate[] = [];
  for (let k = i; k < j; k++) {
    const t = tokens[k] as Token;
    if (INITIAL.test(t.text)) continue;
    const single: PersonCandidate = { i: k, j: k + 1, start: t.start, end: t.baseEnd, name: text.slice(t.start, t.baseEnd), roles: [], confirmed: false };
    if (j - i > 1) single.run = name;
    else if (before && before.cap && before.initial && !ctx.covered(i - 1) && joined(text, before, first) && /^\p{Lu}\p{Ll}+$/u.test(before.text) && !STOP.has(before.base) && !titleKind[i - 1]) {
      // "Hunter Hale said" opening a sentence: the common word left out of the run may be a given name.
      single.run = text.slice(before.start, end);
    }
    singles.push(single);
  }
  return singles;
}

function nextIsSpeechVerb(text: string, tokens: Token[], j: number): boolean {
  for (let k = j; k < tokens.length && k < j + 3; k++) {
    const t = tokens[k] as Token;
    if (k > j && !joined(text, tokens[k - 1] as Token, t)) return false;
    if (k === j && !/^[ \t]*$/.test(text.slice(tokens[j - 1]?.end ?? 0, t.start))) return false;
    if (SPEECH_VERBS.has(t.lower)) return true;
    if (!SKIPPABLE.has(t.lower)) return false;
  }
  return false;
}

const APPOSITIVE_STOP = /^(who|which|whose|that|as|according|said|says|told|on|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** ", a spokesman for the U.N.-backed force," → role text and the span to look for its institution in. */
function readAppositive(text: string, tokens: Token[], j: number): RoleInfo | undefined {
  const det = tokens[j];
  if (!det || !/^\s*,\s*$/.test(text.slice(tokens[j - 1]?.end ?? 0, det.start))) return undefined;
  if (!/^(a|an|the)$/.test(det.lower)) return undefined;
  let k = j + 1;
  let hasRole = false;
  while (k < tokens.length && k < j + 13) {
    const t = tokens[k] as Token;
    const gap = text.slice((tokens[k - 1] as Token).end, t.start);
    if (/[,;:"“”()\n.]/.test(gap)) break;
    if (APPOSITIVE_STOP.test(t.lower) || SPEECH_VERBS.has(t.lower)) break;
    if (ROLE_NOUNS.has(t.base)) hasRole = true;
    k++;
  }
  // Trailing prepositions belong to what follows ("… force on Tuesday").
  while (k > j + 1 && /^(on|in|at|for|of|from|with|by)$/.test(tokens[k - 1]?.lower ?? '')) k--;
  if (!hasRole || k <= j + 1) return undefined;
  const startTok = tokens[j + 1] as Token;
  const endTok = tokens[k - 1] as Token;
  return { text: text.slice(startTok.start, endTok.end), score: 3, start: startTok.start, end: endTok.end };
}

/** "A spokeswoman for the European Commission, Ana Ruiz, said": the role set before the name. */
function readRoleBefore(text: string, tokens: Token[], i: number): RoleInfo | undefined {
  const first = tokens[i];
  const prev = tokens[i - 1];
  if (!first || !prev || !/^\s*,\s*$/.test(text.slice(prev.end, first.start))) return undefined;
  let k = i - 1;
  let hasRole = false;
  while (k >= 0 && k >= i - 12) {
    const t = tokens[k] as Token;
    if (ROLE_NOUNS.has(t.base)) hasRole = true;
    if (/^(a|an|the)$/.test(t.lower) && (t.initial || /,\s*$/.test(text.slice(tokens[k - 1]?.end ?? 0, t.start)))) break;
    if (k < i - 1 && /[,;:"“”()]/.test(text.slice(t.end, (tokens[k + 1] as Token).start))) return undefined;
    k--;
  }
  const det = tokens[k];
  if (!det || !hasRole || !/^(a|an|the)$/.test(det.lower)) return undefined;
  const startTok = tokens[k + 1] as Token;
  return { text: text.slice(startTok.start, prev.end), score: 3, start: startTok.start, end: prev.end };
}
