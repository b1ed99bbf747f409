/**
 * npm run eval — extracts and resolves the seed articles, scores them against the gold annotation
 * (tests/fixtures/gold) per category, prints a table and writes eval/results.json.
 *
 *   --seed DIR     articles + manifest.json (default: seed)
 *   --gold DIR     gold annotation (default: tests/fixtures/gold)
 *   --out FILE     JSON results (default: eval/results.json)
 *   --misses N     misses printed per category (default 5; all with --verbose)
 *   --check        exit 1 when a target is missed (statement attribution F1 >= 0.90, no wrong alias merge)
 *
 * npm run eval -- --polnear DIR — scores extraction on a corpus in PolNeAR's BRAT layout (DIR/text/*.txt,
 * DIR/attributions/*.ann) with the measure of ../shared/polnear/README.md (src/eval/polnear/):
 *
 *   --split-name NAME  label for the report (default: DIR's name)
 *   --json FILE        totals and per-article counts as JSON
 *   --misses N         print missed attributions and false positives of the N worst articles (default 0)
 *   --cues SET         which cues count for recall: readme (default: the README's list as written, comparable to
 *                      the figures in the issue) or extended (more verbs of saying)
 *
 * npm run eval -- --events-gold DIR --polnear SPLIT — scores events against the event gold in DIR (docs/eval-events.md),
 * reading the articles' text from SPLIT/text: dated-event precision/recall/F1 and duplicate nodes.
 *
 *   --json FILE        the figures as JSON;  --misses N   misses and false positives printed (default 10)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/extract/index.js';
import { readSeedFolder } from '../src/ingest/seedFolder.js';
import { resolveCorpus } from '../src/resolve/corpus.js';
import { runEval, type Score } from '../src/eval/index.js';
import { BratError, diagnoseArticle, evaluatePolnear, formatDiagnosis, scoreWith, summarise, type PolnearEvaluation } from '../src/eval/polnear/index.js';
import { extractionRunner } from '../src/eval/polnear/runner.js';
import { evaluateEventGold, EventGoldError, type EventGoldEvaluation } from '../src/eval/eventGold/index.js';
import type { ExtractedArticle } from '../src/domain/types.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { nlpRuntime } from '../src/nlp/index.js';
import type { Parse } from '../src/nlp/types.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: 'seed' },
    gold: { type: 'string', default: 'tests/fixtures/gold' },
    out: { type: 'string', default: 'eval/results.json' },
    misses: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    polnear: { type: 'string' },
    'split-name': { type: 'string' },
    json: { type: 'string' },
    cues: { type: 'string', default: 'readme' },
    'events-gold': { type: 'string' },
  },
});

// Extraction reads the NLP engine's parse: NLP_URL's engine, else the local worker (started here, stopped at the end).
const config = loadConfig();
const nlp = nlpRuntime(config, createLogger(config.LOG_LEVEL));
const getParse = async (text: string): Promise<Parse> => (await nlp.client()).parse(text);
try {
  if (values['events-gold'] !== undefined) await eventGold(values['events-gold'], values.polnear);
  else if (values.polnear !== undefined) await polnear(values.polnear);
  else await seedEval();
} finally {
  await nlp.close();
}

// ------------------------------------------------------------------------------------------ PolNeAR

async function polnear(dir: string): Promise<void> {
  const cues = values.cues;
  if (cues !== 'extended' && cues !== 'readme') {
    console.error(`--cues ${cues}: use "readme" (the default) or "extended"`);
    process.exit(2);
  }
  const started = performance.now();
  let e: PolnearEvaluation;
  try {
    e = await evaluatePolnear(dir, extractionRunner(extractArticle, getParse), {
      cues,
      ...(values['split-name'] ? { splitName: values['split-name'] } : {}),
    });
  } catch (err) {
    if (!(err instanceof BratError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  const totalMs = performance.now() - started;
  printPolnear(e, totalMs);
  const n = Number(values.misses ?? '0');
  if (n > 0) printWorst(e, n);
  if (values.json) {
    fs.mkdirSync(path.dirname(values.json), { recursive: true });
    const other = scoreWith(e.corpus, e.statements, e.cues === 'extended' ? 'readme' : 'extended');
    const alsoWith = { cues: e.cues === 'extended' ? 'readme' : 'extended', content: other.content, attributed: other.attributed };
    fs.writeFileSync(values.json, `${JSON.stringify({ ...summarise(e), alsoWith, totalMs }, null, 2)}\n`);
    console.log(`\nwrote ${values.json}`);
  }
}

function printPolnear(e: PolnearEvaluation, totalMs: number): void {
  const f = (x: number) => x.toFixed(3);
  console.log(
    `PolNeAR ${e.split} (${e.dir}): ${e.corpus.articles.length} articles, ${e.score.goldAll} gold attributions, ` +
      `${e.score.content.gold} with a speech-act cue (${e.cues} cues)`,
  );
  console.log(`${'measure'.padEnd(10)}  ${'P'.padStart(5)}  ${'R'.padStart(5)}  ${'F1'.padStart(5)}   statements matched/total   speech attributions matched/total`);
  for (const name of ['content', 'attributed'] as const) {
    const c = e.score[name];
    console.log(`${name.padEnd(10)}  ${f(c.precision)}  ${f(c.recall)}  ${f(c.f1)}   ${`${c.systemMatched}/${c.system}`.padStart(24)}   ${`${c.goldMatched}/${c.gold}`.padStart(33)}`);
  }
  const other = e.cues === 'extended' ? 'readme' : 'extended';
  const o = scoreWith(e.corpus, e.statements, other);
  console.log(
    `with ${other} cues (${o.content.gold} speech attributions): content R ${f(o.content.recall)} F1 ${f(o.content.f1)}, ` +
      `attributed R ${f(o.attributed.recall)} F1 ${f(o.attributed.f1)}` +
      (other === 'readme' ? ' (the README\'s list as written, as issue 9\'s table seems to count)' : ''),
  );
  for (const w of e.corpus.warnings) console.log(`warning: ${w}`);
  for (const id of e.missingFromRunner) console.log(`warning: the system returned nothing for ${id}`);
  const kb = e.bytes / 1024;
  const t = e.timing;
  console.log(
    `\n${kb.toFixed(1)} KiB of text; read ${t.readMs.toFixed(0)} ms, system ${t.runMs.toFixed(0)} ms (${(kb / (t.runMs / 1000)).toFixed(1)} KiB/s), ` +
      `scoring ${t.scoreMs.toFixed(0)} ms, total ${totalMs.toFixed(0)} ms`,
  );
}

/** The n articles with the most attributed errors (fn + fp), worst first. */
function printWorst(e: PolnearEvaluation, n: number): void {
  const worst = [...e.score.articles]
    .sort((a, b) => b.attributed.fn + b.attributed.fp - (a.attributed.fn + a.attributed.fp) || a.id.localeCompare(b.id))
    .slice(0, n);
  for (const a of worst) console.log(`\n${formatDiagnosis(diagnoseArticle(a, 'attributed'))}`);
}

// ------------------------------------------------------------------------------------------ event gold

async function eventGold(goldDir: string, split: string | undefined): Promise<void> {
  if (split === undefined) {
    console.error('--events-gold needs --polnear SPLIT (the PolNeAR split whose text/ the gold annotates, e.g. ../shared/polnear/train)');
    process.exit(2);
  }
  let e: EventGoldEvaluation;
  try {
    e = await evaluateEventGold(goldDir, path.join(split, 'text'), { extract: extractArticle, getParse, resolve: resolveCorpus });
  } catch (err) {
    if (!(err instanceof EventGoldError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  const s = e.score;
  const f = (x: number) => x.toFixed(3);
  console.log(`Event gold ${goldDir} on ${split}: ${e.articles} articles, ${s.dated.gold} dated gold events`);
  console.log(`dated events   P ${f(s.dated.precision)}  R ${f(s.dated.recall)}  F1 ${f(s.dated.f1)}   system ${s.dated.systemMatched}/${s.dated.system}, gold ${s.dated.goldMatched}/${s.dated.gold}`);
  console.log(`all gold events found (dated or not): ${f(s.anyRecall)};  kind agreement of matches: ${f(s.kindAgreement)}`);
  console.log(`duplicate nodes: ${s.duplicates}${s.duplicateRefs.length ? `  (${s.duplicateRefs.map((d) => `${d.ref} ×${d.ids.length}`).join(', ')})` : ''}`);
  console.log(`merged nodes (one node, several gold events): ${s.merges}${s.mergedIds.length ? `  (${s.mergedIds.map((m) => m.refs.join(' + ')).join('; ')})` : ''}`);
  const n = Number(values.misses ?? '10');
  if (n > 0) {
    console.log('\nmissed dated gold events:');
    for (const m of s.misses.slice(0, n)) console.log(`  ${m}`);
    console.log('false positives (dated system events matching no gold event):');
    for (const m of s.falsePositives.slice(0, n)) console.log(`  ${m}`);
  }
  console.log(`\nextraction + resolution ${e.runMs.toFixed(0)} ms`);
  if (values.json) {
    fs.mkdirSync(path.dirname(values.json), { recursive: true });
    const { misses: _m, falsePositives: _f, ...figures } = s;
    fs.writeFileSync(values.json, `${JSON.stringify({ gold: goldDir, split, articles: e.articles, ...figures }, null, 2)}\n`);
    console.log(`wrote ${values.json}`);
  }
}

// ------------------------------------------------------------------------------------------ seed gold

async function seedEval(): Promise<void> {
  const { inputs, errors } = readSeedFolder(values.seed!, { MAX_ARTICLE_BYTES: 10_000_000 });
  for (const e of errors) console.error(`skipped: ${e.message}`);
  const started = performance.now();
  const extracted: ExtractedArticle[] = [];
  for (const { source: _source, ...article } of inputs) extracted.push(extractArticle(article, await getParse(article.text)));
  const extractMs = performance.now() - started;
  const resolved = resolveCorpus(extracted);
  const { scores, skipped } = runEval({ extracted, resolved }, values.gold!);

  const pct = (x: number) => `${(100 * x).toFixed(1)}`.padStart(6);
  const width = Math.max(...scores.map((s) => s.category.length), 10);
  console.log(`${'category'.padEnd(width)}  ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp/fp/fn`);
  for (const s of scores) {
    const extra = s.extra ? `  ${Object.entries(s.extra).map(([k, v]) => `${k}=${v}`).join(' ')}` : '';
    console.log(`${s.category.padEnd(width)}  ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${s.tp}/${s.fp}/${s.fn}${extra}`);
  }
  for (const k of skipped) console.log(`skipped ${k}`);
  const bytes = inputs.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0);
  console.log(`\n${inputs.length} articles, ${(bytes / 1024).toFixed(1)} KiB extracted in ${extractMs.toFixed(0)} ms (includes first-call warm-up and any parse not cached)`);

  const limit = values.verbose ? Infinity : Number(values.misses ?? '5');
  for (const s of scores) {
    if (s.misses.length === 0 || limit === 0) continue;
    console.log(`\n${s.category}:`);
    for (const m of s.misses.slice(0, limit)) console.log(`  ${m}`);
    if (s.misses.length > limit) console.log(`  … ${s.misses.length - limit} more (--verbose)`);
  }

  fs.mkdirSync(path.dirname(values.out!), { recursive: true });
  fs.writeFileSync(values.out!, `${JSON.stringify({ articles: inputs.map((a) => a.id), scores, skipped }, null, 2)}\n`);
  console.log(`\nwrote ${values.out}`);

  const failed = targetsMissed(scores);
  for (const f of failed) console.log(`TARGET MISSED: ${f}`);
  if (values.check && failed.length > 0) process.exitCode = 1;
}

function targetsMissed(all: Score[]): string[] {
  const out: string[] = [];
  const attribution = all.find((s) => s.category.startsWith('statements: attribution'));
  if (attribution && attribution.f1 < 0.9) out.push(`statement attribution F1 ${attribution.f1.toFixed(3)} < 0.90`);
  const merges = all.find((s) => s.category.startsWith('actors: alias merges'));
  if (merges && (merges.extra?.wrongMerges ?? 0) > 0) out.push(`${merges.extra?.wrongMerges} wrong alias merge(s)`);
  return out;
}
