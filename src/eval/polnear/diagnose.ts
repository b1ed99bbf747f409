/**
 * What went wrong in one article, for whoever tunes extraction: the speech attributions the system
 * missed and the statements that matched nothing, each with the nearest thing on the other side.
 */
import { multisetOverlap, words, type ArticleScore, type MeasureName, type SpeakerRule } from './measure.js';

export interface MissedRow {
  /** The E line ("E4") and its line in the .ann. */
  goldId: string;
  line: number;
  source: string;
  cue: string;
  /** First 80 characters of the content. */
  content: string;
  /** The word the speaker must contain ("Smith"), or why any speaker would do. */
  speakerRule: string;
  /**
   * Why it is missed, as far as the measure can tell:
   * - `no content match`: no statement shares enough words;
   * - `speaker`: a statement shares the words but its speaker lacks the key word (attributed only);
   * - `taken`: every statement that matches went to another attribution (one-to-one).
   * The statement shown is the one sharing most words with the content.
   */
  reason: 'no content match' | 'speaker' | 'taken';
  /** For `speaker` and `taken`: the statement concerned (index into the article's statements). */
  statement?: { index: number; speaker: string; text: string };
}

export interface FalsePositiveRow {
  /** Index into the article's statements. */
  index: number;
  speaker: string;
  text: string;
  /**
   * - `no content match`: no attribution of the article shares enough words;
   * - `speaker`: an attribution shares the words but names another source (attributed only);
   * - `taken`: the attributions it matches went to other statements (one-to-one).
   */
  reason: 'no content match' | 'speaker' | 'taken';
  /** For `speaker` and `taken`: the attribution concerned. */
  gold?: { goldId: string; source: string; cue: string };
}

export interface ArticleDiagnosis {
  id: string;
  measure: MeasureName;
  missed: MissedRow[];
  falsePositives: FalsePositiveRow[];
}

const clip = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

function describeRule(r: SpeakerRule): string {
  if (r.kind === 'any') return `any (${r.why})`;
  if (r.kind === 'none') return 'none (no word in the source)';
  return `${r.word} (${r.rule})`;
}

/** Missed speech attributions and false positives of one article under `measure` (default attributed). */
export function diagnoseArticle(score: ArticleScore, measure: MeasureName = 'attributed'): ArticleDiagnosis {
  const m = score.matching[measure];
  const contentEdges = score.edges.content;
  const speakerOf = (s: number) => score.system[s]!.speakerNames[0] ?? '(no speaker)';
  const statement = (s: number) => ({ index: s, speaker: speakerOf(s), text: clip(score.system[s]!.text, 80) });

  const systemWords = score.system.map((s) => words(s.text));
  /** Of several statements, the one covering most of the gold content (ties: the first). */
  const closest = (g: number, candidates: number[]) => {
    let best = candidates[0]!;
    let bestOverlap = -1;
    for (const s of candidates) {
      const o = multisetOverlap(score.gold[g]!.words, systemWords[s]!);
      if (o > bestOverlap) [best, bestOverlap] = [s, o];
    }
    return best;
  };

  const missed: MissedRow[] = [];
  score.gold.forEach((g, i) => {
    if (!g.speech || m.goldToSystem[i] !== -1) return;
    const a = g.attribution;
    const row: MissedRow = {
      goldId: a.id,
      line: a.line,
      source: a.source?.text ?? '(none)',
      cue: a.cue?.text ?? '(none)',
      content: clip(a.content?.text ?? '', 80),
      speakerRule: describeRule(g.speaker),
      reason: 'no content match',
    };
    const candidates = score.edges[measure][i]!;
    const wordsOnly = contentEdges[i]!;
    if (candidates.length > 0) {
      row.reason = 'taken';
      row.statement = statement(closest(i, candidates));
    } else if (wordsOnly.length > 0) {
      row.reason = 'speaker';
      row.statement = statement(closest(i, wordsOnly));
    }
    missed.push(row);
  });

  const falsePositives: FalsePositiveRow[] = [];
  score.system.forEach((s, si) => {
    if (m.systemToGold[si] !== -1) return;
    const row: FalsePositiveRow = { index: si, speaker: s.speakerNames[0] ?? '(no speaker)', text: s.text, reason: 'no content match' };
    const goldRef = (g: number) => {
      const a = score.gold[g]!.attribution;
      return { goldId: a.id, source: a.source?.text ?? '(none)', cue: a.cue?.text ?? '(none)' };
    };
    const matching = score.edges[measure].findIndex((list) => list.includes(si));
    const wordsOnly = contentEdges.findIndex((list) => list.includes(si));
    if (matching !== -1) {
      row.reason = 'taken';
      row.gold = goldRef(matching);
    } else if (wordsOnly !== -1) {
      row.reason = 'speaker';
      row.gold = goldRef(wordsOnly);
    }
    falsePositives.push(row);
  });

  return { id: score.id, measure, missed, falsePositives };
}

/** Plain-text rendering of a diagnosis, one row per line. */
export function formatDiagnosis(d: ArticleDiagnosis): string {
  const out = [`${d.id} (${d.measure}): ${d.missed.length} missed, ${d.falsePositives.length} false positive(s)`];
  for (const r of d.missed) {
    const near = r.statement ? ` → #${r.statement.index} [${r.statement.speaker}] "${r.statement.text}"` : '';
    out.push(`  MISS ${r.goldId} (line ${r.line}) [${clip(r.source, 40)}] ${clip(r.cue, 30)}: "${r.content}"  speaker ${r.speakerRule}; ${r.reason}${near}`);
  }
  for (const r of d.falsePositives) {
    const near = r.gold ? ` → ${r.gold.goldId} [${clip(r.gold.source, 40)}] ${clip(r.gold.cue, 30)}` : '';
    out.push(`  FP   #${r.index} [${r.speaker}] "${clip(r.text, 100)}"; ${r.reason}${near}`);
  }
  return out.join('\n');
}
