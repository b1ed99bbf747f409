/**
 * The PolNeAR measure (../shared/polnear/README.md, "The measure the project is judged by"), with the
 * choices below where the README is silent (docs/extraction.md, "Measuring on PolNeAR", lists them):
 *
 * - Recall counts the gold attributions whose cue is a speech act (data/eval/speech-act-cues.json: the
 *   README's list extended with clear verbs of saying, or with `cues: 'readme'` the list as written);
 *   beliefs and intentions need not be found. A cue is matched by its words' lemmas (an inflection table).
 * - Precision counts a system statement correct when it matches any attribution of its article (speech or not).
 * - Match (content): the multiset intersection of the gold content's words and the statement's words
 *   is at least half the word count of the shorter of the two (≥ 0.5: exactly half matches). Words are
 *   lower-cased, quote marks and apostrophes deleted, dotted acronyms closed up (U.S. → us), and every
 *   other non-letter, non-digit character separates words. Multiset: a word counts as often as it occurs
 *   in both ("the" twice in each → 2).
 * - Match (attributed): content match, and the gold source's key word is one of the words of the speaker's
 *   name or aliases (case-insensitive, whole words, possessive 's dropped). The key word is the last
 *   capitalised word before the source's first comma, with bracketed asides ("(R)") and generational
 *   suffixes (Jr., II) left out and function words (determiners, numerals, prepositions, pronouns,
 *   conjunctions: a sentence-initial "The", "Two") not counting as capitalised words; failing that, the
 *   last word before the comma that is not a function word (the README's "last noun", without a POS
 *   tagger). When no such word precedes the comma ("as one of them, …"), the whole source is used.
 *   A source of pronouns and relative pronouns (he, she, they, who, which, that, his, …) accepts any
 *   speaker, as does one of pronouns and other function words only ("most of whom", "some", "another":
 *   pronouns in all but name), and an attribution without a source.
 * - One-to-one: per article, one maximum bipartite matching between gold attributions and statements
 *   (Kuhn's augmenting paths), built speech-cue attributions first: the matched speech attributions are as
 *   many as any one-to-one matching allows (recall's tp), and the matching then grows to a maximum one
 *   over all attributions, so the matched statements are as many as any one-to-one matching allows
 *   (precision's tp; augmenting never unmatches a vertex). Both counts therefore come from one matching.
 * - Micro-averaged over the corpus: P = Σ matched statements / Σ statements, R = Σ matched speech
 *   attributions / Σ speech attributions, F1 = 2PR / (P + R).
 */
import cueData from '../../../data/eval/speech-act-cues.json' with { type: 'json' };
import type { Attribution } from './brat.js';
import { multisetOverlap } from '../score.js';

/** What the system says was said: the words and every name of the speaker (name plus aliases). */
export interface SystemStatement {
  text: string;
  speakerNames: string[];
}

export interface ArticleToScore {
  id: string;
  gold: Attribution[];
  system: SystemStatement[];
}

export type MeasureName = 'content' | 'attributed';

export interface Counts {
  /** Gold attributions with a speech-act cue (recall's denominator). */
  gold: number;
  /** Of those, matched one-to-one (recall's tp). */
  goldMatched: number;
  /** gold − goldMatched. */
  fn: number;
  /** System statements (precision's denominator). */
  system: number;
  /** Statements matched one-to-one to any attribution (precision's tp). */
  systemMatched: number;
  /** system − systemMatched. */
  fp: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One gold attribution as the measure sees it. */
export interface GoldItem {
  attribution: Attribution;
  /** The cue is a speech act: the attribution counts for recall. */
  speech: boolean;
  words: string[];
  speaker: SpeakerRule;
}

export type SpeakerRule =
  | { kind: 'any'; why: 'pronoun' | 'no source' }
  | { kind: 'word'; word: string; rule: 'capitalised' | 'last word' }
  /** No word in the source (punctuation only): no speaker matches. */
  | { kind: 'none' };

export interface Matching {
  /** For each gold item, the index of its statement, or -1. */
  goldToSystem: number[];
  /** For each statement, the index of its gold item, or -1. */
  systemToGold: number[];
}

export interface ArticleScore {
  id: string;
  gold: GoldItem[];
  system: SystemStatement[];
  /** Gold attributions of any cue (the speech ones are `content.gold`). */
  goldAll: number;
  content: Counts;
  attributed: Counts;
  matching: Record<MeasureName, Matching>;
  /** edges.content[g] = statements whose words match gold item g. */
  edges: Record<MeasureName, number[][]>;
}

export interface PolnearScore {
  content: Counts;
  attributed: Counts;
  /** Gold attributions of any cue. */
  goldAll: number;
  articles: ArticleScore[];
}

// ------------------------------------------------------------------------------------------ words

const QUOTE_MARKS = /['"‘’‚‛“”„‟`´′″«»‹›]/g;
const ACRONYM = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu;
const POSSESSIVE = /['’]s(?![\p{L}\p{N}])/gu;

/** Content words: lower-cased, quote marks and apostrophes deleted, "U.S." → "us", other punctuation separates. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(ACRONYM, (m) => m.replace(/\./g, ''))
    .replace(QUOTE_MARKS, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Name words: as `words`, with a possessive 's dropped first ("Clinton's" → clinton). */
export function nameWords(text: string): string[] {
  return words(text.replace(POSSESSIVE, ''));
}

export { multisetOverlap };

/** The README's match: overlap ≥ 0.5 × the shorter's word count (an empty side never matches). */
export function contentMatches(gold: string[], system: string[]): boolean {
  if (gold.length === 0 || system.length === 0) return false;
  return 2 * multisetOverlap(gold, system) >= Math.min(gold.length, system.length);
}

// ------------------------------------------------------------------------------------------ cues

/**
 * Which cues count for recall: `extended` (default) is the README's list plus clear verbs and nouns of
 * saying; `readme` is the README's list as written (say, tell, …, according to) with inflections.
 */
export type CueSet = 'extended' | 'readme';

interface CueLexicon {
  speech: Set<string>;
  phrases: string[][];
}

const LEMMA_OF = new Map<string, string>();
for (const table of [cueData.forms, cueData.speechNouns] as Array<Record<string, string[]>>) {
  for (const [lemma, inflected] of Object.entries(table)) for (const f of inflected) LEMMA_OF.set(f, lemma);
}

const CUE_SETS: Record<CueSet, CueLexicon> = {
  readme: {
    speech: new Set(cueData.readmeSpeechActs),
    phrases: cueData.readmePhrases.map((p) => p.split(' ')),
  },
  extended: {
    speech: new Set([...cueData.readmeSpeechActs, ...cueData.addedSpeechActs, ...Object.keys(cueData.speechNouns)]),
    phrases: [...cueData.readmePhrases, ...cueData.addedPhrases].map((p) => p.split(' ')),
  },
};

/** The cue's words as lemmas ("has argued" → has argue); a word not in the table is its own lemma. */
export function cueLemmas(cue: string): string[] {
  return words(cue).map((w) => LEMMA_OF.get(w) ?? w);
}

/** Whether a cue is a speech act: a speech lemma among its words, or a listed phrase ("according to"). */
export function isSpeechCue(cue: string | undefined, set: CueSet = 'extended'): boolean {
  if (cue === undefined) return false;
  const { speech, phrases } = CUE_SETS[set];
  const lemmas = cueLemmas(cue);
  if (lemmas.some((l) => speech.has(l))) return true;
  return phrases.some((p) => lemmas.some((_, i) => p.every((w, k) => lemmas[i + k] === w)));
}

// ------------------------------------------------------------------------------------------ speakers

/** Personal, possessive, reflexive and relative pronouns: a source made only of these accepts any speaker. */
export const PRONOUNS = new Set(
  (
    'i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself ' +
    'she her hers herself it its itself they them their theirs themselves who whom whose which that'
  ).split(' '),
);

/** Words that are never the source's key word, capitalised or not. */
const FUNCTION_WORDS = new Set([
  ...PRONOUNS,
  // determiners and quantifiers
  ...'the a an this these those some any each every all both many several few no another other others such much more most either neither'.split(' '),
  // numerals, which determine like quantifiers ("Two officials", "One of the aides")
  ...'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred dozen'.split(' '),
  // prepositions
  ...('of for to in on at by with from about as into onto over under among amid within without near like per through ' +
    'after before between against including across along around behind beyond during toward towards upon via than').split(' '),
  // conjunctions
  ...'and or but nor'.split(' '),
]);

/** Generational suffixes are not the name ("Joseph Biden Jr." → biden). */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

const trimPunct = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** How a gold source decides the speaker (see the header). */
export function speakerRule(source: string | undefined): SpeakerRule {
  if (source === undefined || source.trim() === '') return { kind: 'any', why: 'no source' };
  // On the token's own letters ("U.S." is not "us"); hyphenated numerals word by word ("Twenty-two").
  const isFunctionWord = (token: string) => trimPunct(token).toLowerCase().split('-').every((w) => FUNCTION_WORDS.has(w));
  const cores = source.split(/\s+/).map((t) => trimPunct(t).toLowerCase()).filter(Boolean);
  // "he", "who", and also "most of whom", "they both", "some", "another": nothing but pronouns and function words.
  if (cores.length > 0 && cores.every(isFunctionWord)) return { kind: 'any', why: 'pronoun' };
  const unbracketed = source.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
  // Raw tokens keep their dots, so "U.S." closes up to "us" rather than losing its last letter.
  const contentTokens = (part: string) =>
    part.split(/\s+/).filter((t) => trimPunct(t) !== '' && !isFunctionWord(t) && !NAME_SUFFIXES.has(trimPunct(t).toLowerCase()) && nameWords(t).length > 0);
  // Before the first comma; when nothing is left there ("as one of them, …"), the whole source.
  const beforeComma = contentTokens(unbracketed.split(',')[0]!);
  const content = beforeComma.length > 0 ? beforeComma : contentTokens(unbracketed);
  const capitalised = content.filter((t) => /^\p{Lu}/u.test(trimPunct(t)));
  const pick = (t: string | undefined) => (t === undefined ? undefined : nameWords(t).at(-1));
  const cap = pick(capitalised.at(-1));
  if (cap) return { kind: 'word', word: cap, rule: 'capitalised' };
  const last = pick(content.at(-1));
  if (last) return { kind: 'word', word: last, rule: 'last word' };
  return { kind: 'none' };
}

/** Whether a statement's speaker satisfies a gold source. */
export function speakerMatches(rule: SpeakerRule, speakerNames: string[]): boolean {
  if (rule.kind === 'any') return true;
  if (rule.kind === 'none') return false;
  return speakerNames.some((name) => nameWords(name).includes(rule.word));
}

// ------------------------------------------------------------------------------------------ matching

/**
 * Maximum bipartite matching by augmenting paths (Kuhn), trying gold items in `order`. A gold item once
 * matched stays matched, and so does a statement; each item in `order` is tried once, which yields a
 * maximum matching of the items tried so far.
 */
export function maximumMatching(edges: number[][], systemCount: number, order: number[]): Matching {
  const goldToSystem = edges.map(() => -1);
  const systemToGold = new Array<number>(systemCount).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (const s of edges[g] ?? []) {
      if (seen[s]) continue;
      seen[s] = true;
      const holder = systemToGold[s]!;
      if (holder === -1 || augment(holder, seen)) {
        goldToSystem[g] = s;
        systemToGold[s] = g;
        return true;
      }
    }
    return false;
  };
  for (const g of order) augment(g, new Array<boolean>(systemCount).fill(false));
  return { goldToSystem, systemToGold };
}

function counts(gold: number, goldMatched: number, system: number, systemMatched: number): Counts {
  const precision = system === 0 ? 0 : systemMatched / system;
  const recall = gold === 0 ? 0 : goldMatched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, goldMatched, fn: gold - goldMatched, system, systemMatched, fp: system - systemMatched, precision, recall, f1 };
}

export interface MeasureOptions {
  /** Which cues count for recall (default `extended`); see data/eval/speech-act-cues.json. */
  cues?: CueSet;
  /** Overrides `cues` with any predicate (experiments). */
  isSpeech?: (cue: string | undefined) => boolean;
}

export function goldItem(attribution: Attribution, opts: MeasureOptions = {}): GoldItem {
  return {
    attribution,
    speech: opts.isSpeech ? opts.isSpeech(attribution.cue?.text) : isSpeechCue(attribution.cue?.text, opts.cues ?? 'extended'),
    words: words(attribution.content?.text ?? ''),
    speaker: speakerRule(attribution.source?.text),
  };
}

export function scoreArticle(article: ArticleToScore, opts: MeasureOptions = {}): ArticleScore {
  const gold = article.gold.map((a) => goldItem(a, opts));
  const systemWords = article.system.map((s) => words(s.text));
  const contentEdges = gold.map((g) => systemWords.flatMap((w, s) => (contentMatches(g.words, w) ? [s] : [])));
  const attributedEdges = gold.map((g, i) => contentEdges[i]!.filter((s) => speakerMatches(g.speaker, article.system[s]!.speakerNames)));
  const order = [...gold.keys()].sort((a, b) => Number(gold[b]!.speech) - Number(gold[a]!.speech) || a - b);
  const speechCount = gold.filter((g) => g.speech).length;
  const score = (edges: number[][]): { c: Counts; m: Matching } => {
    const m = maximumMatching(edges, article.system.length, order);
    const goldMatched = gold.filter((g, i) => g.speech && m.goldToSystem[i] !== -1).length;
    const systemMatched = m.systemToGold.filter((g) => g !== -1).length;
    return { c: counts(speechCount, goldMatched, article.system.length, systemMatched), m };
  };
  const content = score(contentEdges);
  const attributed = score(attributedEdges);
  return {
    id: article.id,
    gold,
    system: article.system,
    goldAll: gold.length,
    content: content.c,
    attributed: attributed.c,
    matching: { content: content.m, attributed: attributed.m },
    edges: { content: contentEdges, attributed: attributedEdges },
  };
}

function sum(rows: Counts[]): Counts {
  const t = (k: keyof Counts) => rows.reduce((n, r) => n + r[k], 0);
  return counts(t('gold'), t('goldMatched'), t('system'), t('systemMatched'));
}

/** Scores every article and micro-averages over the corpus. */
export function scorePolnear(articles: ArticleToScore[], opts: MeasureOptions = {}): PolnearScore {
  const scored = articles.map((a) => scoreArticle(a, opts));
  return {
    content: sum(scored.map((a) => a.content)),
    attributed: sum(scored.map((a) => a.attributed)),
    goldAll: scored.reduce((n, a) => n + a.goldAll, 0),
    articles: scored,
  };
}
