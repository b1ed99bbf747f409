/**
 * Gazetteer lookup over the article's tokens: countries, demonyms, seats of government, institutions,
 * outlets and institution heads ("Defense Ministry"), longest match first, in one left-to-right pass.
 */
import { GAZETTEER, caseMatches, type GazetteerValue } from './lexicon.js';
import { joined, type Token } from './tokens.js';

export interface GazetteerMatch {
  /** First token index and one past the last. */
  i: number;
  j: number;
  start: number;
  /** End without a possessive "'s" on the last word. */
  end: number;
  values: GazetteerValue[];
}

export function gazetteerMatches(text: string, tokens: Token[]): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  const base = (k: number) => tokens[k]?.base;
  for (let i = 0; i < tokens.length; i++) {
    for (const cand of GAZETTEER.matchesAt(base, i)) {
      const j = i + cand.length;
      const words = tokens.slice(i, j);
      if (!words.every((t, k) => k === 0 || joined(text, words[k - 1] as Token, t))) continue;
      // A possessive may only sit on the last word ("Norway's Defense Ministry" is two matches).
      if (words.slice(0, -1).some((t) => t.baseEnd !== t.end)) continue;
      const key = words.map((t) => t.base).join(' ');
      if (!caseMatches(key, words.map((t) => text.slice(t.start, t.baseEnd)))) continue;
      const last = words[words.length - 1] as Token;
      out.push({ i, j, start: words[0]?.start ?? 0, end: last.baseEnd, values: cand.value });
      i = j - 1;
      break;
    }
  }
  return out;
}
