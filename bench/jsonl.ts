/**
 * The JSONL ingest phase of `npm run bench -- --jsonl N` (docs/performance.md, "Ingest from JSON Lines"): the
 * synthetic corpus written as an N-record JSON Lines file in a temp dir, then read back the way
 * `chronicle ingest corpus.jsonl` reads it — streamed line by line (src/ingest/formats), batches of 50 into the
 * full ingest pipeline (validation, extraction, resolution, one write transaction per article). Measures
 * records/s and MB/s, and samples the process's memory (RSS, V8 heap used) every 250 ms during the run,
 * reporting min/max overall and per quarter of the run so "flat" can be read off: the reader holds one batch,
 * so what the process retains (the heap floor, see heapGrowthMB) should not grow with the file.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../src/config.js';
import { ingestArticles, type ArticleParser } from '../src/ingest/pipeline.js';
import { buildMapping } from '../src/ingest/formats/mapping.js';
import { openRecords } from '../src/ingest/formats/records.js';
import { DEFAULT_BATCH_SIZE, ingestRecordStream } from '../src/ingest/formats/stream.js';
import { generateCorpus, type Expected } from './corpus/generate.js';
import { exportData, parseExportSpec } from '../src/export/data.js';
import { createRunner } from '../src/graph/repositories/runner.js';

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const MB = 2 ** 20;

export interface MemoryRange {
  minMB: number;
  maxMB: number;
}

export interface JsonlIngestResult {
  records: number;
  fileMB: number;
  generateSeconds: number;
  batchSize: number;
  created: number;
  unchanged: number;
  failed: number;
  firstFailure?: string;
  /** Ids of the records that failed (the count check leaves them out). */
  failedIds: string[];
  seconds: number;
  recordsPerSecond: number;
  mbPerSecond: number;
  memory: {
    samples: number;
    intervalMs: number;
    rss: MemoryRange;
    heapUsed: MemoryRange;
    /** RSS and heap used over each quarter of the run (by time). */
    byQuarter: Array<{ rss: MemoryRange; heapUsed: MemoryRange }>;
    /**
     * The heap-used floor (minimum) of the last quarter minus that of the first (MB). Heap used includes
     * garbage not yet collected, and V8 lets more of it pile up as the heap grows, so the maximum climbs
     * with GC scheduling; the floor over a quarter (hundreds of samples, many collections) is what survives
     * GC — what the run retains. Growth with the file would show here.
     */
    heapGrowthMB: number;
    /** heapGrowthMB within max(16 MB, 10% of the first quarter's floor): the rule docs/performance.md states. */
    flat: boolean;
  };
  /** The generator's expectation for these records (the caller checks the graph's counts against it). */
  expected: Expected;
}

/** Writes the corpus as JSON Lines ({id, text, outlet, publishedAt, title, url}: the plain preset), with backpressure. */
async function writeJsonl(file: string, articles: ReadonlyArray<{ id: string; text: string; outlet: string; publishedAt: string; title: string; url: string }>) {
  const out = createWriteStream(file);
  for (const a of articles) {
    const line = `${JSON.stringify({ id: a.id, text: a.text, outlet: a.outlet, publishedAt: a.publishedAt, title: a.title, url: a.url })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}

function range(xs: number[]): MemoryRange {
  return { minMB: round(Math.min(...xs) / MB, 1), maxMB: round(Math.max(...xs) / MB, 1) };
}

export async function benchJsonlIngest(
  driver: Driver,
  nlp: ArticleParser,
  config: Config,
  opts: { records: number; seed: number; log: (line: string) => void },
): Promise<JsonlIngestResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chronicle-bench-jsonl-'));
  try {
    const t0 = performance.now();
    let corpus: ReturnType<typeof generateCorpus> | null = generateCorpus({ scale: opts.records, seed: opts.seed });
    const file = path.join(dir, 'corpus.jsonl');
    const bytes = await writeJsonl(file, corpus.articles);
    const expected = corpus.expected;
    // Only the file remains: the generator's articles are dropped before the run is measured.
    corpus = null;
    const generateSeconds = round((performance.now() - t0) / 1000, 2);
    opts.log(`  wrote ${opts.records} records (${round(bytes / 1e6, 2)} MB) to ${file} in ${generateSeconds} s`);

    const samples: Array<{ t: number; rss: number; heap: number }> = [];
    const sample = () => {
      const m = process.memoryUsage();
      samples.push({ t: performance.now(), rss: m.rss, heap: m.heapUsed });
    };
    const intervalMs = 250;
    const source = openRecords(file, 'jsonl', { mapping: buildMapping('plain', undefined), overrides: {}, maxBytes: config.MAX_ARTICLE_BYTES });
    let firstFailure: string | undefined;
    const failedIds: string[] = [];
    let lastLog = 0;
    const start = performance.now();
    sample();
    const timer = setInterval(sample, intervalMs);
    let summary;
    try {
      summary = await ingestRecordStream(source, (inputs) => ingestArticles(driver, nlp, config, inputs), {
        batchSize: DEFAULT_BATCH_SIZE,
        onResult: (r) => {
          if (r.status !== 'failed') return;
          firstFailure ??= r.error;
          if (r.id) failedIds.push(r.id);
        },
        onProgress: (read, counts) => {
          const now = performance.now();
          if (now - lastLog > 15_000) {
            lastLog = now;
            opts.log(`  ${counts.records} records (${round((100 * read) / bytes, 0)}% of the file), ${round(counts.records / ((now - start) / 1000), 1)} records/s, RSS ${round(process.memoryUsage.rss() / MB, 0)} MB`);
          }
        },
      });
    } finally {
      clearInterval(timer);
      sample();
    }
    const seconds = (performance.now() - start) / 1000;
    const end = samples.at(-1)!.t;
    const quarter = (i: number) => samples.filter((s) => s.t >= start + ((end - start) * i) / 4 && s.t <= start + ((end - start) * (i + 1)) / 4);
    const byQuarter = [0, 1, 2, 3].map((i) => {
      const q = quarter(i);
      return { rss: range(q.map((s) => s.rss)), heapUsed: range(q.map((s) => s.heap)) };
    });
    const heapGrowthMB = round(byQuarter[3]!.heapUsed.minMB - byQuarter[0]!.heapUsed.minMB, 1);
    return {
      records: opts.records,
      fileMB: round(bytes / 1e6, 3),
      generateSeconds,
      batchSize: DEFAULT_BATCH_SIZE,
      created: summary.created,
      unchanged: summary.unchanged,
      failed: summary.failed,
      ...(firstFailure ? { firstFailure } : {}),
      failedIds,
      seconds: round(seconds, 2),
      recordsPerSecond: round(summary.records / seconds, 1),
      mbPerSecond: round(bytes / 1e6 / seconds, 3),
      memory: {
        samples: samples.length,
        intervalMs,
        rss: range(samples.map((s) => s.rss)),
        heapUsed: range(samples.map((s) => s.heap)),
        byQuarter,
        heapGrowthMB,
        flat: heapGrowthMB <= Math.max(16, byQuarter[0]!.heapUsed.minMB * 0.1),
      },
      expected,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ExportMeasure {
  what: string;
  format: string;
  bytes: number;
  /** Data rows (CSV: lines after the header; JSON Lines: lines; GraphML: nodes + edges). */
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Max RSS sampled during this export (MB). */
  maxRssMB: number;
}

/** Every data export of the loaded graph, consumed in memory (never written): time, size, rows, memory. */
export async function benchExports(driver: Driver, config: Config): Promise<ExportMeasure[]> {
  const run = createRunner(driver, { database: config.NEO4J_DATABASE, timeoutMs: 600_000 });
  const cases: Array<[string, string]> = [
    ['statements', 'csv'],
    ['statements', 'jsonl'],
    ['actors', 'csv'],
    ['events', 'csv'],
    ['claims', 'csv'],
    ['network', 'graphml'],
  ];
  const out: ExportMeasure[] = [];
  for (const [what, format] of cases) {
    let maxRss = process.memoryUsage.rss();
    const timer = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage.rss())), 100);
    const t0 = performance.now();
    let bytes = 0;
    let lines = 0;
    let graphItems = 0;
    try {
      for await (const chunk of exportData(run, parseExportSpec({ format, what: what === 'network' ? undefined : what }))) {
        bytes += Buffer.byteLength(chunk, 'utf8');
        // Newlines inside quoted CSV fields make line counts approximate; GraphML counts elements.
        if (format === 'graphml') graphItems += (chunk.match(/<(node|edge) /g) ?? []).length;
        else lines += (chunk.match(/\n/g) ?? []).length;
      }
    } finally {
      clearInterval(timer);
    }
    const seconds = (performance.now() - t0) / 1000;
    const rows = format === 'graphml' ? graphItems : format === 'csv' ? lines - 1 : lines;
    out.push({ what, format, bytes, rows, seconds: round(seconds, 2), rowsPerSecond: round(rows / seconds, 0), maxRssMB: round(Math.max(maxRss, process.memoryUsage.rss()) / MB, 1) });
  }
  return out;
}
