/**
 * Cue finding on the parse: a speech-act verb (by the engine's lemma, from data/lexicon/speech-cues.json),
 * a phrasal cue ("called for", "pointed out"), or a prepositional one ("according to X").
 * Verbs of belief and intention are not cues: a statement is something said or written.
 */
import cueData from '../../../../data/lexicon/speech-cues.json' with { type: 'json' };
import type { ParsedToken } from '../../../nlp/types.js';
import type { Syntax } from '../../syntax.js';

export const CUE_VERBS = new Set(cueData.verbs);
const NEEDS_PARTICLE = new Set(cueData.needsParticle);
/** Verbs whose object alone is no statement ("attacked Clinton"): they need a clause or a quote. */
export const NEEDS_CONTENT = new Set(cueData.needsContent);
const PHRASAL = new Map<string, Set<string>>();
for (const p of cueData.phrasal) {
  if (!PHRASAL.has(p.lemma)) PHRASAL.set(p.lemma, new Set());
  PHRASAL.get(p.lemma)!.add(p.particle);
}
export const NOT_SPEAKERS = new Set(cueData.notSpeakers);
/** "asked not to be named": a cue verb right before one of these words is a request, not a statement. */
const NOT_BEFORE = new Map<string, Set<string>>(Object.entries(cueData.notBefore.words).map(([lemma, words]) => [lemma, new Set(words)]));
/** Written sources whose named issuer is the speaker: "a statement from the ministry". */
export const DOCUMENT_HEADS = new Set(cueData.documents.lemmas);
/** "according to X": the words, lower-cased. */
const PREPOSITIONAL = cueData.prepositional.map((p) => p.words);

export type CueKind = 'verb' | 'preposition';

export interface Cue {
  kind: CueKind;
  /** The cue's head token: the verb, or "according"/"per". */
  token: ParsedToken;
  /** Lemma shown as the statement's verb ("say", "call for", "according to"). */
  lemma: string;
  /** Tokens that belong to the cue itself (the verb and its particle), for the attribution span. */
  tokens: ParsedToken[];
}

const VERB_TAGS = new Set(['VB', 'VBD', 'VBG', 'VBN', 'VBP', 'VBZ']);

export function findCues(syn: Syntax, sentence: { firstToken: number; endToken: number }): Cue[] {
  const out: Cue[] = [];
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    const t = syn.tok(i);
    const phrase = PREPOSITIONAL.find((words) => words.every((w, k) => syn.tok(i + k)?.text.toLowerCase() === w));
    if (phrase) {
      const tokens = phrase.map((_, k) => syn.tok(i + k));
      out.push({ kind: 'preposition', token: t, lemma: phrase.join(' '), tokens });
      continue;
    }
    if (!VERB_TAGS.has(t.tag) || t.pos === 'AUX') continue;
    const lemma = t.lemma.toLowerCase();
    const particles = PHRASAL.get(lemma);
    const particle = particles
      ? syn.kids(i).find((k) => (k.dep === 'prt' || k.dep === 'prep' || k.dep === 'dobj' || k.dep === 'acomp' || k.dep === 'oprd') && particles.has(k.text.toLowerCase()))
      : undefined;
    if (particle) {
      out.push({ kind: 'verb', token: t, lemma: `${lemma} ${particle.text.toLowerCase()}`, tokens: [t, particle] });
      continue;
    }
    if (!CUE_VERBS.has(lemma) || NEEDS_PARTICLE.has(lemma)) continue;
    if (NOT_BEFORE.get(lemma)?.has(syn.tok(i + 1)?.text.toLowerCase() ?? '')) continue;
    out.push({ kind: 'verb', token: t, lemma, tokens: [t] });
  }
  return out;
}
