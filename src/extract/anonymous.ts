/**
 * Unnamed sources as news introduces them: a determiner, modifiers, a head noun ("a senior U.S. military
 * official", "another official", "one of the officials", "Norwegian and Swedish officials"), and the definite
 * descriptions that refer back to one ("the official", "the U.S. official").
 */
import {
  ANON_DETERMINERS,
  ANON_MODIFIERS,
  ANON_PLURAL,
  ANON_SINGULAR,
  SPEECH_VERBS,
  SUBJECT_FOLLOWERS,
  isVerbOrAdverb,
} from './lexicon.js';
import type { GazetteerMatch } from './gazetteer.js';
import { joined, type Token } from './tokens.js';

export type AnonDeterminer = 'indefinite' | 'definite' | 'another' | 'partitive' | 'bare';

export interface AnonCandidate {
  start: number;
  end: number;
  /** As written, determiner lower-cased: "a U.S. defense official". */
  description: string;
  determiner: AnonDeterminer;
  plural: boolean;
  head: string;
  /** Lower-cased modifiers, "and" left out. */
  modifiers: string[];
  /** Gazetteer matches among the modifiers (the source's country or institution). */
  affiliations: GazetteerMatch[];
}

const SINGULAR_DEFINITE = new Set(['the', 'this', 'that']);
const PLURAL_DEFINITE = new Set(['the', 'these', 'those']);
const ANOTHER = /^(another|a second|a third|a fourth|a fifth)$/;

/** The word after a head noun must let it be a noun phrase's head ("the official said"), not a modifier ("official statements"). */
function headCanEnd(text: string, head: Token, next: Token | undefined): boolean {
  if (head.baseEnd !== head.end) return true;
  if (!next) return true;
  if (/[^\s]/.test(text.slice(head.end, next.start))) return true;
  return SUBJECT_FOLLOWERS.has(next.lower) || SPEECH_VERBS.has(next.lower) || isVerbOrAdverb(next.lower) || /ed$/.test(next.lower);
}

export function findAnonymousCandidates(text: string, tokens: Token[], gazAt: (k: number) => GazetteerMatch | undefined): AnonCandidate[] {
  const out: AnonCandidate[] = [];
  for (let h = 0; h < tokens.length; h++) {
    const head = tokens[h] as Token;
    const plural = ANON_PLURAL.has(head.base);
    if (!plural && !ANON_SINGULAR.has(head.base)) continue;
    if (!headCanEnd(text, head, tokens[h + 1])) continue;
    let k = h - 1;
    while (k >= 0 && joined(text, tokens[k] as Token, tokens[k + 1] as Token)) {
      const t = tokens[k] as Token;
      if (t.baseEnd !== t.end) break;
      if (ANON_MODIFIERS.has(t.lower) || gazAt(k)) k--;
      // "Swedish and the Norwegian military officials": a determiner inside a coordination of modifiers.
      else if (t.lower === 'the' && tokens[k - 1]?.lower === 'and' && k >= 2 && (ANON_MODIFIERS.has(tokens[k - 2]!.lower) || gazAt(k - 2))) k -= 2;
      else break;
    }
    let modStart = k + 1;
    while (modStart < h && tokens[modStart]?.lower === 'and') modStart++;
    const modTokens = tokens.slice(modStart, h);
    const modifiers = modTokens.map((t) => t.lower).filter((w) => w !== 'and');

    let determiner: AnonDeterminer = 'bare';
    let detStart = modStart;
    for (const len of [3, 2, 1]) {
      const s = k - len + 1;
      if (s < 0) continue;
      const words = tokens.slice(s, k + 1);
      if (!words.every((t, x) => x === 0 || joined(text, words[x - 1] as Token, t))) continue;
      if (!joined(text, words[words.length - 1] as Token, tokens[k + 1] as Token)) continue;
      const phrase = words.map((t) => t.lower).join(' ');
      if (ANON_DETERMINERS.matchAt((x) => words[x]?.lower, 0)?.length === len) {
        determiner = phrase.endsWith(' the') ? 'partitive' : ANOTHER.test(phrase) ? 'another' : 'indefinite';
        detStart = s;
        break;
      }
      // "that"/"this" only determine a singular head ("that official"); as a plural's neighbour "that" is a conjunction.
      if (len === 1 && (plural ? PLURAL_DEFINITE : SINGULAR_DEFINITE).has(phrase)) {
        determiner = 'definite';
        detStart = s;
      }
    }
    if (determiner === 'bare' && (!plural || modifiers.length === 0)) continue;
    if (determiner === 'indefinite' && plural !== /^(two|three|four|several|some|many|other|both|a number of)$/.test(tokens.slice(detStart, k + 1).map((t) => t.lower).join(' '))) {
      continue; // "a … officials" or "two … official": not a source phrase
    }

    const first = tokens[detStart] as Token;
    let description = text.slice(first.start, head.baseEnd);
    if (determiner !== 'bare' || ANON_MODIFIERS.has(first.lower)) description = description.charAt(0).toLowerCase() + description.slice(1);
    const affiliations: GazetteerMatch[] = [];
    for (let x = modStart; x < h; x++) {
      const g = gazAt(x);
      if (g && !affiliations.includes(g)) affiliations.push(g);
    }
    out.push({ start: first.start, end: head.baseEnd, description, determiner, plural, head: head.base, modifiers, affiliations });
  }
  return out;
}

/** "the U.S. official" can refer to "a U.S. defense official": same head and number, no modifier it lacks. */
export function compatible(anaphor: AnonCandidate, antecedent: AnonCandidate): boolean {
  if (anaphor.plural !== antecedent.plural || anaphor.head !== antecedent.head) return false;
  const have = new Set(antecedent.modifiers);
  return anaphor.modifiers.every((m) => have.has(m));
}
