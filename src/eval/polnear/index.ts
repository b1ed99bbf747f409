/**
 * `evaluatePolnear(dir, runner)`: reads a corpus in PolNeAR's layout (brat.ts), hands the articles to a
 * system (any `SystemRunner`: this module never extracts anything itself) and scores what comes back
 * with the PolNeAR measure (measure.ts).
 */
import path from 'node:path';
import { readCorpus, type Corpus } from './brat.js';
import { scorePolnear, type CueSet, type PolnearScore, type SystemStatement } from './measure.js';

export { readCorpus, parseAnn, BratError, type Attribution, type Corpus, type CorpusArticle } from './brat.js';
export { scorePolnear, scoreArticle, isSpeechCue, type CueSet, type Counts, type PolnearScore, type ArticleScore, type SystemStatement } from './measure.js';
export { diagnoseArticle, formatDiagnosis, type ArticleDiagnosis } from './diagnose.js';

export interface RunnerArticle {
  id: string;
  text: string;
  publishedAt?: string;
}

/** A system under evaluation: articles in, each article's statements out (keyed by article id). */
export type SystemRunner = (articles: RunnerArticle[]) => Promise<Map<string, SystemStatement[]>>;

export interface PolnearOptions {
  /** A name for the split in reports (default: the directory's name). */
  splitName?: string;
  /** metadata.tsv to date articles from (default: in the directory or its parent, if there). */
  metadataFile?: string;
  /** Which cues count for recall (default `extended`). */
  cues?: CueSet;
}

export interface PolnearEvaluation {
  split: string;
  cues: CueSet;
  dir: string;
  corpus: Corpus;
  score: PolnearScore;
  /** What the runner returned, per article id. */
  statements: Map<string, SystemStatement[]>;
  /** Articles the runner returned nothing for (scored with no statements). */
  missingFromRunner: string[];
  timing: { readMs: number; runMs: number; scoreMs: number };
  /** Bytes (UTF-8) of text handed to the runner. */
  bytes: number;
}

export async function evaluatePolnear(dir: string, runner: SystemRunner, opts: PolnearOptions = {}): Promise<PolnearEvaluation> {
  const t0 = performance.now();
  const corpus = readCorpus(dir, opts.metadataFile ? { metadataFile: opts.metadataFile } : {});
  const t1 = performance.now();
  const statements = await runner(
    corpus.articles.map((a) => ({ id: a.id, text: a.text, ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}) })),
  );
  const t2 = performance.now();
  const missingFromRunner = corpus.articles.filter((a) => !statements.has(a.id)).map((a) => a.id);
  const cues = opts.cues ?? 'extended';
  const score = scoreWith(corpus, statements, cues);
  const t3 = performance.now();
  return {
    split: opts.splitName ?? path.basename(path.resolve(dir)),
    cues,
    dir,
    corpus,
    score,
    statements,
    missingFromRunner,
    timing: { readMs: t1 - t0, runMs: t2 - t1, scoreMs: t3 - t2 },
    bytes: corpus.articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0),
  };
}

/** Scores the statements of a corpus with a cue set (to compare sets without running the system again). */
export function scoreWith(corpus: Corpus, statements: Map<string, SystemStatement[]>, cues: CueSet): PolnearScore {
  return scorePolnear(
    corpus.articles.map((a) => ({ id: a.id, gold: a.attributions, system: statements.get(a.id) ?? [] })),
    { cues },
  );
}

/** The figures worth keeping (no texts): totals and per-article counts, for `--json`. */
export function summarise(e: PolnearEvaluation) {
  return {
    split: e.split,
    dir: e.dir,
    cues: e.cues,
    articles: e.corpus.articles.length,
    goldAttributions: e.score.goldAll,
    content: e.score.content,
    attributed: e.score.attributed,
    timing: e.timing,
    bytes: e.bytes,
    warnings: e.corpus.warnings,
    missingFromRunner: e.missingFromRunner,
    perArticle: e.score.articles.map((a) => ({
      id: a.id,
      goldAll: a.goldAll,
      content: a.content,
      attributed: a.attributed,
    })),
  };
}
