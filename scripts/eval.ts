/**
 * npm run eval — extracts and resolves the seed articles, scores them against the gold annotation
 * (tests/fixtures/gold) per category, prints a table and writes eval/results.json.
 *
 *   --seed DIR     articles + manifest.json (default: seed)
 *   --gold DIR     gold annotation (default: tests/fixtures/gold)
 *   --out FILE     JSON results (default: eval/results.json)
 *   --misses N     misses printed per category (default 5; all with --verbose)
 *   --check        exit 1 when a target is missed (statement attribution F1 >= 0.90, no wrong alias merge)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/extract/index.js';
import { readSeedFolder } from '../src/ingest/seedFolder.js';
import { resolveCorpus } from '../src/resolve/corpus.js';
import { runEval, type Score } from '../src/eval/index.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: 'seed' },
    gold: { type: 'string', default: 'tests/fixtures/gold' },
    out: { type: 'string', default: 'eval/results.json' },
    misses: { type: 'string', default: '5' },
    verbose: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});

const { inputs, errors } = readSeedFolder(values.seed!, { MAX_ARTICLE_BYTES: 10_000_000 });
for (const e of errors) console.error(`skipped: ${e.message}`);
const started = performance.now();
const extracted = inputs.map(({ source: _source, ...article }) => extractArticle(article));
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
console.log(`\n${inputs.length} articles, ${(bytes / 1024).toFixed(1)} KiB extracted in ${extractMs.toFixed(0)} ms (includes first-call warm-up)`);

const limit = values.verbose ? Infinity : Number(values.misses);
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

function targetsMissed(all: Score[]): string[] {
  const out: string[] = [];
  const attribution = all.find((s) => s.category.startsWith('statements: attribution'));
  if (attribution && attribution.f1 < 0.9) out.push(`statement attribution F1 ${attribution.f1.toFixed(3)} < 0.90`);
  const merges = all.find((s) => s.category.startsWith('actors: alias merges'));
  if (merges && (merges.extra?.wrongMerges ?? 0) > 0) out.push(`${merges.extra?.wrongMerges} wrong alias merge(s)`);
  return out;
}
