/**
 * `npm run bench [-- --scale 100|1000|10000] [--seed 42] [--requests 300] [--max-cell-seconds 20]`
 * `npm run bench -- --soak SECONDS [--clients 16] [--scale 300]`: memory under load instead (bench/soak.ts)
 *
 * One run, one fresh Neo4j and one NLP engine (temp dirs, free ports, always stopped; an empty parse cache):
 * generate the synthetic corpus → parse and extract it (throughput of each, peak memory) → seed the five seed articles (seed time) → wipe → load the corpus through the
 * ingest pipeline (throughput) → check the graph's counts against the generator's → serve our API and an
 * @neo4j/graphql API over the same graph → measure the benchmark queries (bench/queries.ts) with 1 and 16
 * concurrent HTTP clients, and the same repository Cypher through neo4j-driver → count Neo4j round trips per
 * request → write bench/results/<timestamp>-<scale>.json and print a table. Exit code 1 when the graph's
 * counts differ from the expectation or a query fails. docs/performance.md explains the numbers.
 *
 * `--jsonl N` adds a phase (off by default: it runs the whole pipeline, extraction included, over N articles):
 * the corpus as an N-record JSON Lines file, ingested the way `chronicle ingest file.jsonl` does it, with
 * throughput and memory sampled during the run (bench/jsonl.ts). `--jsonl-only` runs only that phase on its
 * own fresh Neo4j (`npm run bench -- --jsonl-only --jsonl 10000`), result file <timestamp>-jsonl-<N>.json.
 *
 * `--engines N` parses the corpus with N NLP engines at once (default 1, so per-engine figures stay comparable).
 * `--stream` (on by itself above 10,000 articles) keeps no extraction in memory: the load re-extracts each batch
 * from the on-disk parse cache, timed apart and left out of the load's figures (docs/performance.md, 100,000).
 * Memory of this process (it hosts our API servers) and of the Neo4j JVM is sampled during load and queries.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { createHttpApp, startHttpServer, type HttpHandle } from '../src/api/server.js';
import type { ResponseCache, ResponseCacheStats } from '../src/api/responseCache.js';
import { PHASES, phaseCollector, type PhaseTimes } from '../src/api/timing.js';
import { loadConfig, type Config } from '../src/config.js';
import { extractArticle } from '../src/extract/index.js';
import type { ArticleInput, ExtractedArticle } from '../src/domain/types.js';
import type { Parse } from '../src/nlp/types.js';
import { createDriver } from '../src/graph/driver.js';
import { FETCH_KNOWN_ACTORS, FETCH_KNOWN_REST } from '../src/graph/knownGraph.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/graph/localNeo4j.js';
import { createNlpClient, nlpRuntime, parallelNlpClient, startNlpEngine, type NlpClient, type NlpEngine, type NlpRuntime, type NlpStats } from '../src/nlp/index.js';
import { applyMigrations } from '../src/graph/migrations.js';
import { createRunner, type Runner } from '../src/graph/repositories/runner.js';
import { timeline } from '../src/graph/repositories/timeline.js';
import type { KeysetKey } from '../src/graph/repositories/types.js';
import { createLogger } from '../src/logger.js';
import { ingestArticles, type ArticleParser, type IngestResult } from '../src/ingest/pipeline.js';
import { readSeedFolder } from '../src/ingest/seedFolder.js';
import { STORED_SHA256 } from '../src/ingest/validate.js';
import { countsOf, generateCorpus, type Corpus, type Expected } from './corpus/generate.js';
import { PAGE_SIZE, QUERIES, type BenchQuery, type Json, type Targets } from './queries.js';
import { benchExports, benchJsonlIngest, type ExportMeasure, type JsonlIngestResult } from './jsonl.js';
import { optionReader } from './args.js';
import { procStatusBytes, sampleMemory, type PhaseMemory } from './memory.js';
import { comparePaged, latestBaseline, pagedRuleFor, PAGED_MAX_RATIO } from './paged.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const CONCURRENCY = [1, 16] as const;
const DATABASE = 'neo4j';

// ---------------------------------------------------------------------------------------------
// Arguments

interface Options {
  scale: number;
  seed: number;
  requests: number;
  maxCellSeconds: number;
  out: string;
  /** Records of the JSONL ingest phase; 0: no such phase. */
  jsonl: number;
  jsonlOnly: boolean;
  /** Articles per batch in the load phase (1: one article per read and transaction, the code before batching). */
  batch: number;
  /** `--workers 1,2,4`: the whole pipeline (parse with an empty cache → extract → resolve → load) once per N; empty: no such phase. */
  workers: number[];
  /** Skip the query measurements (a load-only run). */
  skipQueries: boolean;
  /** NLP engines parsing the corpus at once in the extraction pass (1: the per-engine figures of earlier runs). */
  engines: number;
  /** Keep no extractions between the extraction pass and the load: re-extract each batch (default above STREAM_ABOVE articles). */
  stream: boolean;
}

/** Above this scale the extractions are not kept for the load (~60 MB per 1,000 articles would exceed Node's heap at 100,000). */
const STREAM_ABOVE = 10_000;

function parseOptions(argv: string[]): Options {
  const { get, num } = optionReader(argv);
  for (const a of argv) {
    if (a.startsWith('--') && !['--scale', '--seed', '--requests', '--max-cell-seconds', '--out', '--jsonl', '--jsonl-only', '--batch', '--workers', '--skip-queries', '--engines', '--stream', '--no-stream'].includes(a)) {
      throw new Error(`unknown option ${a} (options: --scale N, --seed N, --requests N, --max-cell-seconds N, --out DIR, --jsonl N, --jsonl-only, --batch N, --workers 1,2,4, --skip-queries, --engines N, --stream, --no-stream)`);
    }
  }
  return {
    scale: Math.round(num('--scale', 1000)),
    seed: Math.round(num('--seed', 42)),
    requests: Math.round(num('--requests', 300)),
    maxCellSeconds: num('--max-cell-seconds', 20),
    out: get('--out') ?? path.join(HERE, 'results'),
    jsonl: argv.includes('--jsonl') ? Math.round(num('--jsonl', 10_000)) : argv.includes('--jsonl-only') ? 10_000 : 0,
    jsonlOnly: argv.includes('--jsonl-only'),
    batch: Math.round(num('--batch', 50)),
    workers: (get('--workers') ?? '').split(',').filter((x) => x !== '').map((x) => {
      const n = Number(x);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--workers takes whole numbers like 1,2,4, got ${x}`);
      return n;
    }),
    skipQueries: argv.includes('--skip-queries'),
    engines: Math.max(1, Math.round(num('--engines', 1))),
    stream: argv.includes('--stream') || (!argv.includes('--no-stream') && Math.round(num('--scale', 1000)) > STREAM_ABOVE),
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** What bench/loadgen.mjs takes and answers. */
interface LoadJob {
  url: string;
  body: string;
  concurrency: number;
  requests: number;
  warmup: number;
  maxMs: number;
}

interface LoadResult {
  latencies: number[];
  errors: number;
  firstError?: string;
  wallMs: number;
  bytes: number;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

interface LatencyStats {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  rps: number;
  firstError?: string;
  failed?: boolean;
}

function stats(latencies: number[], wallMs: number, errors: number, firstError?: string): LatencyStats {
  const s = [...latencies].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return {
    n: s.length,
    errors,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    mean: round(mean),
    rps: round((s.length / wallMs) * 1000, 1),
    ...(firstError ? { firstError } : {}),
  };
}

/** Counts Neo4j round trips: executeQuery calls and queries run in sessions or transactions. */
function countingDriver(driver: Driver): { driver: Driver; count: () => number } {
  let n = 0;
  const wrapRunner = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const v = Reflect.get(t, prop, receiver) as unknown;
        if (typeof v !== 'function') return v;
        if (prop === 'run') {
          return (...args: unknown[]) => {
            n++;
            return (v as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return (work: (tx: object) => unknown, ...rest: unknown[]) =>
            (v as (...a: unknown[]) => unknown).call(t, (tx: object) => work(wrapRunner(tx)), ...rest);
        }
        if (prop === 'beginTransaction') {
          return (...args: unknown[]) => wrapRunner((v as (...a: unknown[]) => object).apply(t, args));
        }
        return (v as (...a: unknown[]) => unknown).bind(t);
      },
    });
  const proxy = new Proxy(driver, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver) as unknown;
      if (prop === 'executeQuery') {
        return (...args: unknown[]) => {
          n++;
          return (v as (...a: unknown[]) => unknown).apply(t, args);
        };
      }
      if (prop === 'session') return (...args: unknown[]) => wrapRunner((v as (...a: unknown[]) => object).apply(t, args));
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
  return { driver: proxy as Driver, count: () => n };
}

async function gql(url: string, query: string, variables: Record<string, unknown>): Promise<Json> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  if (res.status !== 200 || body.errors?.length) {
    throw new Error(`GraphQL request to ${url} failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 800)}`);
  }
  return body.data;
}

function runWorker(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./loadgen.mjs', import.meta.url), { workerData: job, execArgv: [] });
    w.once('message', (m: LoadResult) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** The same work in-process: `concurrency` loops calling `fn` until `requests` are done or time runs out. */
async function runInProcess(fn: () => Promise<unknown>, concurrency: number, requests: number, warmup: number, maxMs: number) {
  let next = 0;
  const warm = Math.max(warmup, concurrency);
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < warm) {
      next++;
      await fn();
    }
  }));
  next = 0;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < requests && performance.now() < deadline) {
      next++;
      const t = performance.now();
      try {
        await fn();
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
      latencies.push(performance.now() - t);
    }
  }));
  return stats(latencies, performance.now() - t0, errors, firstError);
}

// ---------------------------------------------------------------------------------------------
// Phases

interface ParsingResult {
  /** Wall-clock seconds waiting for the engine, its CPU seconds (one worker: one core), and the rates. */
  seconds: number;
  engineCpuSeconds: number;
  kbPerSecond: number;
  kbPerEngineCpuSecond: number;
  requests: number;
  /** Engines parsing at once (--engines); CPU seconds are summed over them. */
  engines: number;
}

interface ExtractionResult {
  /** The NLP engine's share (the corpus parsed with an empty cache). */
  parsing: ParsingResult;
  /** Parse and extraction together, per CPU-second of both processes: what the per-core target is about. */
  kbPerCpuSecondWithParsing: number;
  articles: number;
  megabytes: number;
  seconds: number;
  mbPerSecond: number;
  /** CPU time of this process over the pass (the target is per core; wall time includes waiting for a busy machine). */
  cpuSeconds: number;
  mbPerCpuSecond: number;
  articlesPerSecond: number;
  peakRssMB: number;
  rssBeforeMB: number;
  statementsFound: number;
  statementsExpected: number;
  /** false with --stream: the extractions were dropped after counting (the load re-extracts). */
  kept: boolean;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 where unknown. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** Articles parsed per request during the extraction pass (what the ingest pipeline uses too). */
const PARSE_WINDOW = 16;

async function extractAll(
  corpus: Corpus,
  nlp: NlpClient,
  engines: readonly NlpEngine[],
  keep: boolean,
): Promise<{ result: ExtractionResult; extracted: Map<string, ExtractedArticle> | null }> {
  const extracted = keep ? new Map<string, ExtractedArticle>() : null;
  const engineCpu = () => engines.reduce((a, e) => a + cpuSecondsOf(e.pid), 0);
  // Each engine gets a window per request, as with one.
  const window = PARSE_WINDOW * engines.length;
  // Warm-up (lazy lexicon loading, JIT), not timed: with only 5 articles the timed pass still ran ~40% slower
  // at its start than later, so this measures steady-state throughput. Their parses are cached, so the timed
  // pass parses the other articles only: warm-up texts are excluded from the parsing rate.
  const warmup = corpus.articles.slice(0, 50);
  const warmParses = await nlp.parseMany(warmup.map((a) => a.text));
  for (const [i, a] of warmup.entries()) extractArticle(toInput(a), warmParses[i]!);
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  let found = 0;
  let parseMs = 0;
  const stats0 = nlp.stats();
  const engineCpu0 = engineCpu();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const tenth = Math.ceil(corpus.articles.length / 10);
  for (let w = 0; w < corpus.articles.length; w += window) {
    const articles = corpus.articles.slice(w, w + window);
    const p0 = performance.now();
    const parses = await nlp.parseMany(articles.map((a) => a.text));
    parseMs += performance.now() - p0;
    for (const [k, a] of articles.entries()) {
      const x = extractArticle(toInput(a), parses[k]!);
      found += x.statements.length;
      extracted?.set(a.id, x);
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    if (corpus.articles.length > STREAM_ABOVE && Math.floor((w + articles.length) / tenth) > Math.floor(w / tenth)) {
      log(`  parsed and extracted ${w + articles.length}/${corpus.articles.length} (${round((performance.now() - t0) / 1000, 0)} s, RSS ${round(process.memoryUsage.rss() / 2 ** 20, 0)} MB)`);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const engineCpuSeconds = engineCpu() - engineCpu0;
  const after = nlp.stats();
  const seconds = (performance.now() - t0 - parseMs) / 1000;
  // Node's CPU includes the JSON work of the client (expanding parses): counted as extraction's.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage.rss());
  const megabytes = corpus.expected.bytes / 1e6;
  const parsedKb = (after.parsedChars - stats0.parsedChars) / 1e3;
  return {
    extracted,
    result: {
      parsing: {
        seconds: round(parseMs / 1000, 3),
        engineCpuSeconds: round(engineCpuSeconds, 2),
        kbPerSecond: round(parsedKb / (parseMs / 1000), 1),
        kbPerEngineCpuSecond: engineCpuSeconds > 0 ? round(parsedKb / engineCpuSeconds, 1) : 0,
        requests: after.engineRequests - stats0.engineRequests,
        engines: engines.length,
      },
      kbPerCpuSecondWithParsing: round((megabytes * 1e3) / (cpuSeconds + engineCpuSeconds), 1),
      articles: corpus.articles.length,
      megabytes: round(megabytes, 3),
      seconds: round(seconds, 3),
      mbPerSecond: round(megabytes / seconds, 3),
      cpuSeconds: round(cpuSeconds, 3),
      mbPerCpuSecond: round(megabytes / cpuSeconds, 3),
      articlesPerSecond: round(corpus.articles.length / seconds, 1),
      peakRssMB: round(peak / 2 ** 20, 1),
      rssBeforeMB: round(rssBefore / 2 ** 20, 1),
      statementsFound: found,
      statementsExpected: corpus.expected.reports,
      kept: keep,
    },
  };
}

function toInput(a: Corpus['articles'][number]) {
  return { id: a.id, text: a.text, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt, url: a.url };
}

interface LoadPhase {
  /** Articles per batch (one known-graph read and one write transaction each). */
  batchArticles: number;
  articles: number;
  failed: number;
  firstFailure?: string;
  seconds: number;
  articlesPerSecond: number;
  nodesCreated: number;
  relationshipsCreated: number;
  nodesAndRelsPerSecond: number;
  /** Articles/s over each tenth of the corpus: how loading slows as the graph grows. */
  articlesPerSecondByTenth: number[];
  /** Where the time went (ms): reads before each write (stored version, known graph), the write transaction, and the rest (resolution, JS). */
  breakdownMs: Record<string, number>;
  /** Articles that failed to load, with the pipeline's one-line reason (the count check excludes them). */
  failures: Array<{ id: string | null; error: string }>;
  /**
   * --stream: the load re-extracted each article from its cached parse (nothing kept since the extraction pass).
   * That time is left out of `seconds`, the rates and the tenths (they stay resolution + writing, as without
   * --stream), and reported here; `wallSeconds` is the phase's wall clock with it.
   */
  reExtraction?: { articles: number; seconds: number };
  wallSeconds: number;
}

/** Times every driver call of the pipeline by the first words of its Cypher, to show where loading spends its time. */
function timingDriver(driver: Driver, buckets: Record<string, number>): Driver {
  // By identity with the named Cypher constants: the known-graph read is two queries (actors with the stored
  // version, then the rest once actors are resolved); the lone stored-version read only runs when extraction fails.
  const label = (q: string) =>
    q === FETCH_KNOWN_ACTORS || q === FETCH_KNOWN_REST ? 'knownGraphRead' : q === STORED_SHA256 ? 'storedVersionRead' : 'otherRead';
  return new Proxy(driver, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver) as unknown;
      if (prop === 'executeQuery') {
        return async (q: string, ...rest: unknown[]) => {
          const t0 = performance.now();
          try {
            return await (v as (...a: unknown[]) => Promise<unknown>).call(t, q, ...rest);
          } finally {
            const k = label(q);
            buckets[k] = (buckets[k] ?? 0) + performance.now() - t0;
          }
        };
      }
      if (prop === 'session') {
        return (...args: unknown[]) => {
          const s = (v as (...a: unknown[]) => Json).apply(t, args);
          return new Proxy(s, {
            get(st, sp, sr) {
              const sv = Reflect.get(st, sp, sr) as unknown;
              if (sp === 'executeWrite') {
                return async (...a: unknown[]) => {
                  const t0 = performance.now();
                  try {
                    return await (sv as (...x: unknown[]) => Promise<unknown>).apply(st, a);
                  } finally {
                    buckets.writeTransaction = (buckets.writeTransaction ?? 0) + performance.now() - t0;
                  }
                };
              }
              return typeof sv === 'function' ? (sv as (...x: unknown[]) => unknown).bind(st) : sv;
            },
          });
        };
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

async function loadCorpus(
  driver: Driver,
  nlp: NlpClient,
  config: Config,
  corpus: Corpus,
  extracted: Map<string, ExtractedArticle> | null,
  batch: number,
  /** Memory now, for the progress lines (a stopped run keeps what they printed). */
  memoryNow: () => string,
): Promise<LoadPhase> {
  const buckets: Record<string, number> = {};
  const timed = timingDriver(driver, buckets);
  const n = corpus.articles.length;
  const tenth = Math.max(1, Math.ceil(n / 10));
  const marks: number[] = [];
  const results: IngestResult[] = [];
  const t0 = performance.now();
  let last = t0;
  // Extraction was measured above: reuse its output so this phase times resolution and writing. With --stream
  // nothing was kept: extract again from the parse (a parse-cache hit either way) and time it apart.
  let reExtractMs = 0;
  let reExtracted = 0;
  const extract = (input: ArticleInput, parse: Parse) => {
    if (extracted) {
      const x = extracted.get(input.id);
      if (!x) throw new Error(`no extraction for ${input.id}`);
      return x;
    }
    const t = performance.now();
    try {
      return extractArticle(input, parse);
    } finally {
      reExtractMs += performance.now() - t;
      reExtracted++;
    }
  };
  for (let i = 0; i < n; i += tenth) {
    const slice = corpus.articles.slice(i, i + tenth).map(toInput);
    const reBefore = reExtractMs;
    results.push(...(await ingestArticles(timed, nlp, config, slice, { extract, batchArticles: batch })));
    const now = performance.now();
    marks.push(round(slice.length / ((now - last - (reExtractMs - reBefore)) / 1000), 1));
    last = now;
    log(`  loaded ${Math.min(n, i + tenth)}/${n} articles (${marks.at(-1)} articles/s${extracted ? '' : `, re-extraction ${round((reExtractMs - reBefore) / 1000, 1)} s apart`}; ${memoryNow()})`);
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  const seconds = wallSeconds - reExtractMs / 1000;
  const failed = results.filter((r) => r.status !== 'created');
  const nodes = results.reduce((a, r) => a + (r.counts?.nodesCreated ?? 0), 0);
  const rels = results.reduce((a, r) => a + (r.counts?.relationshipsCreated ?? 0), 0);
  const known = Object.values(buckets).reduce((a, b) => a + b, 0);
  return {
    batchArticles: batch,
    articles: n,
    failed: failed.length,
    ...(failed[0] ? { firstFailure: `${failed[0].source}: ${failed[0].status} ${failed[0].error ?? ''}` } : {}),
    failures: failed.map((f) => ({ id: f.id, error: f.error ?? f.status })),
    seconds: round(seconds, 2),
    articlesPerSecond: round(n / seconds, 1),
    nodesCreated: nodes,
    relationshipsCreated: rels,
    nodesAndRelsPerSecond: round((nodes + rels) / seconds, 0),
    articlesPerSecondByTenth: marks,
    breakdownMs: {
      ...Object.fromEntries(Object.entries(buckets).map(([k, v]) => [k, round(v, 0)])),
      resolveAndOther: round(seconds * 1000 - known, 0),
    },
    ...(extracted ? {} : { reExtraction: { articles: reExtracted, seconds: round(reExtractMs / 1000, 2) } }),
    wallSeconds: round(wallSeconds, 2),
  };
}

interface CountCheck {
  name: string;
  expected: number;
  actual: number;
  ok: boolean;
}

const COUNT_QUERY = `
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
CALL () { MATCH (:Statement)-[r:REPORTED_IN]->(:Article) RETURN count(r) AS reports }
CALL () { MATCH (s:Statement) WHERE COUNT { (s)-[:REPORTED_IN]->() } > 1 RETURN count(s) AS chains }
CALL () { MATCH (s:Statement {kind: 'DIRECT'}) RETURN count(s) AS direct }
CALL () { MATCH (:Statement)-[r:VIA]->(:Actor) RETURN count(r) AS via }
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (a:Actor {kind: 'PERSON'}) RETURN count(a) AS persons }
CALL () { MATCH (a:Actor {kind: 'MEDIA_OUTLET'}) RETURN count(a) AS outlets }
CALL () { MATCH (a:Actor {kind: 'COUNTRY'}) RETURN count(a) AS countries }
CALL () { MATCH (a:Actor {kind: 'GOVERNMENT'}) RETURN count(a) AS governments }
CALL () { MATCH (e:Event:Meeting) RETURN count(e) AS meetings }
CALL () { MATCH (m:MeetingSeries) RETURN count(m) AS series }
CALL () { MATCH (e:Event:Incident) RETURN count(e) AS incidents }
CALL () { MATCH (c:Claim) WHERE NOT coalesce(c.eventDate, false) RETURN count(c) AS claims }
CALL () { MATCH (e:Event) WHERE NOT e:Meeting AND NOT e:Incident RETURN count(e) AS otherEvents }
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
RETURN *`;

/**
 * The graph's counts against the generator's. When some articles failed to load, the expectation is that of
 * the articles that did load (the generator knows what each article holds), so the check stays exact.
 */
async function checkCounts(driver: Driver, expected: Expected, loadedIds: ReadonlySet<string>): Promise<CountCheck[]> {
  const { records } = await driver.executeQuery(COUNT_QUERY, {}, { database: DATABASE });
  const r = records[0]!;
  const get = (k: string) => neo4j.integer.toNumber(r.get(k));
  const e = countsOf(expected.perArticle.filter((a) => loadedIds.has(a.id)));
  const checks: Array<[string, number, number]> = [
    ['articles', e.articles, get('articles')],
    ['statements', e.statements, get('statements')],
    ['direct statements', e.directStatements, get('direct')],
    ['reports (REPORTED_IN)', e.reports, get('reports')],
    ['statement chains (>1 report)', e.chains, get('chains')],
    ['intermediaries (VIA)', e.via, get('via')],
    ['actors', e.actors.total, get('actors')],
    ['  persons', e.actors.PERSON, get('persons')],
    ['  media outlets', e.actors.MEDIA_OUTLET, get('outlets')],
    ['  countries', e.actors.COUNTRY, get('countries')],
    ['  governments', e.actors.GOVERNMENT, get('governments')],
    ['meetings', e.meetings, get('meetings')],
    ['meeting series', e.meetingSeries, get('series')],
    ['incidents', e.incidents, get('incidents')],
    ['claims', e.claims, get('claims')],
    ['other events', 0, get('otherEvents')],
  ];
  return checks.map(([name, exp, actual]) => ({ name, expected: exp, actual, ok: exp === actual }));
}

// ---------------------------------------------------------------------------------------------
// Servers

async function startPeer(driver: Driver): Promise<{ url: string; close: () => Promise<void> }> {
  const typeDefs = readFileSync(path.join(HERE, 'neo4j-graphql', 'typeDefs.graphql'), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const apollo = new ApolloServer({ schema, introspection: true });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

/**
 * The raw repository calls behind a bare node:http endpoint (no express, no GraphQL): POST /<query index>
 * answers the raw result as JSON. The same load generator measures it, so `rawHttp − raw` is what any HTTP
 * API pays on this machine (client, loopback, parsing, JSON) and `ours − rawHttp` is what GraphQL adds.
 */
async function startRawHttp(run: Runner, t: Targets): Promise<{ url: string; close: () => Promise<void> }> {
  const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const q = QUERIES[Number((req.url ?? '/').slice(1))];
      if (!q) return void res.writeHead(404).end();
      JSON.parse(Buffer.concat(chunks).toString('utf8')); // what a JSON API would do with the body
      q.raw(run, t).then(
        (v) => {
          const body = json({ data: v });
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
        },
        (err: Error) => void res.writeHead(500).end(json({ errors: [{ message: err.message }] })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type FoundTargets = Targets & { busyActorStatements: number; chainReports: number; incidentClaims: number; peerError?: string };

async function findTargets(driver: Driver, run: Runner, ourUrl: string, peerUrl: string): Promise<FoundTargets> {
  const one = async (q: string) => (await driver.executeQuery(q, {}, { database: DATABASE })).records[0];
  const busy = await one(`MATCH (a:Actor)-[:SAID]->(s:Statement) RETURN a.id AS id, count(s) AS n ORDER BY n DESC, id LIMIT 1`);
  const chain = await one(`MATCH (s:Statement)-[r:REPORTED_IN]->() RETURN s.id AS id, count(r) AS n ORDER BY n DESC, id LIMIT 1`);
  const incident = await one(`MATCH (c:Claim)-[:ON]->(e:Incident) RETURN e.id AS id, count(c) AS n ORDER BY n DESC, id LIMIT 1`);
  if (!busy || !chain || !incident) throw new Error('the loaded graph has no speaker, statement or incident to benchmark');

  // The 10th page's cursor, reached by paging nine times (keyset for us, offset for the peer).
  let ourAfter: string | null = null;
  let peerAfter: string | null = null;
  let peerError: string | undefined;
  let rawAfter: KeysetKey | null = null;
  for (let p = 0; p < 9; p++) {
    const ours: Json = await gql(ourUrl, QUERIES[0]!.ours.query, { after: ourAfter });
    ourAfter = ours.timeline.pageInfo.endCursor;
    const raw = await timeline(run, {}, { limit: PAGE_SIZE, after: rawAfter });
    rawAfter = raw.items.at(-1)?.key ?? null;
    if (peerError) continue;
    try {
      const peer: Json = await gql(peerUrl, QUERIES[0]!.peer.query, { after: peerAfter });
      peerAfter = peer.timelineItemsConnection.pageInfo.endCursor;
    } catch (err) {
      // Recorded, not fatal: the peer failing a query is a result.
      peerError = (err as Error).message;
    }
  }
  if (!ourAfter || !rawAfter) throw new Error('the timeline has fewer than 10 pages: use a larger --scale');
  return {
    busyActorId: busy.get('id') as string,
    busyActorStatements: neo4j.integer.toNumber(busy.get('n')),
    chainStatementId: chain.get('id') as string,
    chainReports: neo4j.integer.toNumber(chain.get('n')),
    incidentId: incident.get('id') as string,
    incidentClaims: neo4j.integer.toNumber(incident.get('n')),
    ourPage10After: ourAfter,
    peerPage10After: peerAfter ?? '',
    rawPage10After: rawAfter,
    ...(peerError ? { peerError } : {}),
  };
}

interface QueryResult {
  name: string;
  roundTrips: { ours: number; peer: number | null; raw: number };
  sameItems: boolean;
  items: number;
  /**
   * ours: our API with the response cache off (every request executes: the uncached figure).
   * oursCached: the response cache on, RESPONSE_CACHE_MAX_STALE_MS=0 (every hit confirmed by one shared
   * `RETURN 1` to Neo4j: never stale). oursCachedStale: RESPONSE_CACHE_MAX_STALE_MS=1000.
   * rawHttp: the raw calls behind a bare HTTP endpoint, through the same load generator (startRawHttp).
   */
  latency: Record<'ours' | 'oursCached' | 'oursCachedStale' | 'raw' | 'peer' | 'rawHttp', Record<string, LatencyStats>>;
  /** Ratios of p99 latencies; null where the peer failed the query. */
  ratios: Record<
    string,
    { oursOverRaw: number; cachedOverRaw: number; cachedStaleOverRaw: number; oursOverPeer: number | null; peerOverOurs: number | null }
  >;
  /** The response cache's counters over each cached cell (warm-up included): hits, misses, generation checks. */
  cache: Record<string, { strict: CacheCounters; stale: CacheCounters }>;
  /**
   * Where our server's time went per request (ms, src/api/timing.ts), per concurrency, warm-up included;
   * `client` is the load generator's latency minus the server's total (HTTP client, loopback, event-loop waits).
   */
  phases: Record<string, { n: number; p50: PhaseTimes & { client: number }; p99: PhaseTimes; mean: PhaseTimes }>;
  peerFailure?: string;
}

type CacheCounters = { hits: number; misses: number; checks: number };
interface CachedApi {
  url: string;
  cache: () => ResponseCache;
}
function cacheDelta(cache: ResponseCache, since: ResponseCacheStats): CacheCounters {
  const now = cache.stats();
  return { hits: now.hits - since.hits, misses: now.misses - since.misses, checks: now.checks - since.checks };
}

/** Collects our API's per-request phases (the bench builds its app with this recorder). */
const phases = phaseCollector();

async function measureQuery(
  q: BenchQuery,
  t: Targets,
  ours: { url: string; count: () => number },
  peer: { url: string; count: () => number },
  raw: { run: Runner; count: () => number; httpUrl: string },
  cached: { strict: CachedApi; stale: CachedApi },
  opts: Options,
): Promise<QueryResult> {
  // Round trips of one request each (sequential, nothing else running).
  let before = ours.count();
  const oursData = await gql(ours.url, q.ours.query, q.ours.variables(t));
  const oursTrips = ours.count() - before;
  // The peer may fail a query (e.g. Neo4j's transaction memory limit): then it is reported as failed, not timed.
  let peerFailure: string | undefined = q.name === 'timeline page 10' && t.peerError ? t.peerError : undefined;
  let peerData: Json = null;
  before = peer.count();
  if (!peerFailure) {
    try {
      peerData = await gql(peer.url, q.peer.query, q.peer.variables(t));
    } catch (err) {
      peerFailure = (err as Error).message;
    }
  }
  const peerTrips = peer.count() - before;
  before = raw.count();
  await q.raw(raw.run, t);
  const rawTrips = raw.count() - before;
  const oursIds = q.oursIds(oursData);
  const peerIds = peerFailure ? [] : q.peerIds(peerData);
  const sameItems = oursIds.length > 0 && JSON.stringify(oursIds) === JSON.stringify(peerIds);
  if (peerFailure) log(`  @neo4j/graphql failed "${q.name}": ${peerFailure.slice(0, 300)}`);

  const latency: QueryResult['latency'] = { ours: {}, oursCached: {}, oursCachedStale: {}, raw: {}, peer: {}, rawHttp: {} };
  const ratios: QueryResult['ratios'] = {};
  const cacheCounters: QueryResult['cache'] = {};
  const phaseStats: QueryResult['phases'] = {};
  const maxMs = opts.maxCellSeconds * 1000;
  for (const c of CONCURRENCY) {
    const requests = c === 1 ? opts.requests : opts.requests * 2;
    const warmup = c === 1 ? 10 : 32;
    const job = (url: string, query: string, variables: Record<string, unknown>): LoadJob => ({
      url, body: JSON.stringify({ query, variables }), concurrency: c, requests, warmup, maxMs,
    });
    phases.reset();
    const o = await runWorker(job(ours.url, q.ours.query, q.ours.variables(t)));
    latency.ours[`c${c}`] = stats(o.latencies, o.wallMs, o.errors, o.firstError);
    const ph = phases.summary();
    phaseStats[`c${c}`] = { ...ph, p50: { ...ph.p50, client: round(latency.ours[`c${c}`]!.p50 - ph.p50.total, 3) } };
    latency.raw[`c${c}`] = await runInProcess(() => q.raw(raw.run, t), c, requests, warmup, maxMs);
    const rh = await runWorker({ ...job(`${raw.httpUrl}/${QUERIES.indexOf(q)}`, q.ours.query, {}) });
    latency.rawHttp[`c${c}`] = stats(rh.latencies, rh.wallMs, rh.errors, rh.firstError);
    // The same query through the response cache: strict (never stale), then with 1 s of allowed staleness.
    const cachedCell = async (api: CachedApi) => {
      const since = api.cache().stats();
      const r = await runWorker(job(api.url, q.ours.query, q.ours.variables(t)));
      return { stats: stats(r.latencies, r.wallMs, r.errors, r.firstError), counters: cacheDelta(api.cache(), since) };
    };
    const strict = await cachedCell(cached.strict);
    const stale = await cachedCell(cached.stale);
    latency.oursCached[`c${c}`] = strict.stats;
    latency.oursCachedStale[`c${c}`] = stale.stats;
    cacheCounters[`c${c}`] = { strict: strict.counters, stale: stale.counters };
    const oc = latency.ours[`c${c}`]!;
    const rc = latency.raw[`c${c}`]!;
    const hc = latency.rawHttp[`c${c}`]!;
    const cachedRatios = { cachedOverRaw: round(strict.stats.p99 / rc.p99), cachedStaleOverRaw: round(stale.stats.p99 / rc.p99) };
    log(
      `  ${q.name} c=${c}: cached p50 ${strict.stats.p50} p99 ${strict.stats.p99} ms (${strict.counters.hits} hits, ${strict.counters.checks} checks), ` +
        `cached ≤1 s stale p50 ${stale.stats.p50} p99 ${stale.stats.p99} ms (${stale.counters.checks} checks)`,
    );
    log(`  ${q.name} c=${c}: raw over bare HTTP p50 ${hc.p50} p99 ${hc.p99} ms${hc.errors ? ` (${hc.errors} errors: ${hc.firstError})` : ''}`);
    if (peerFailure) {
      latency.peer[`c${c}`] = { ...stats([], 1, 1, peerFailure.slice(0, 500)), failed: true };
      ratios[`c${c}`] = { oursOverRaw: round(oc.p99 / rc.p99), ...cachedRatios, oursOverPeer: null, peerOverOurs: null };
      log(`  ${q.name} c=${c}: ours p50 ${oc.p50} p99 ${oc.p99} ms, raw p50 ${rc.p50} p99 ${rc.p99} ms, @neo4j/graphql FAILED`);
      continue;
    }
    const p = await runWorker(job(peer.url, q.peer.query, q.peer.variables(t)));
    latency.peer[`c${c}`] = stats(p.latencies, p.wallMs, p.errors, p.firstError);
    const pc = latency.peer[`c${c}`]!;
    ratios[`c${c}`] = { oursOverRaw: round(oc.p99 / rc.p99), ...cachedRatios, oursOverPeer: round(oc.p99 / pc.p99), peerOverOurs: round(pc.p99 / oc.p99) };
    log(`  ${q.name} c=${c}: ours p50 ${oc.p50} p99 ${oc.p99} ms, raw p50 ${rc.p50} p99 ${rc.p99} ms, @neo4j/graphql p99 ${pc.p99} ms`);
  }
  return {
    name: q.name,
    roundTrips: { ours: oursTrips, peer: peerFailure ? null : peerTrips, raw: rawTrips },
    sameItems,
    items: oursIds.length,
    latency,
    ratios,
    cache: cacheCounters,
    phases: phaseStats,
    ...(peerFailure ? { peerFailure: peerFailure.slice(0, 500) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function machine() {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpuModel: model.trim(),
    cores: os.availableParallelism(),
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    /** Other work on the machine skews every number: 1/5/15-minute load averages when the report was written. */
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

function pad(s: string | number, n: number, right = false): string {
  const t = String(s);
  return right ? t.padEnd(n) : t.padStart(n);
}

function printTable(r: BenchReport): void {
  const out: string[] = [];
  const e = r.extraction;
  const l = r.load;
  out.push(`Chronicle bench — scale ${r.scale} (${r.corpus.megabytes} MB), ${r.machine.cores} cores, ${r.machine.cpuModel}, load average ${r.machine.loadAverageAtStart.join('/')} at start`);
  out.push(`parsing (NLP engine${e.parsing.engines > 1 ? `s: ${e.parsing.engines} at once` : ''}): ${e.parsing.kbPerSecond} KB/s wall, ${e.parsing.kbPerEngineCpuSecond} KB per engine CPU-second, ${e.parsing.requests} requests, ${e.parsing.seconds} s`);
  out.push(`extraction: ${e.mbPerSecond} MB/s wall, ${e.mbPerCpuSecond} MB per CPU-second, ${e.articlesPerSecond} articles/s, peak RSS ${e.peakRssMB} MB`);
  const c = r.nlp.cacheAfter;
  out.push(`parse cache (cumulative): after extraction ${c.extraction?.hits} hits / ${c.extraction?.misses} misses, after seeding ${c.seed?.hits} / ${c.seed?.misses}, after loading ${c.load?.hits} / ${c.load?.misses}`);
  out.push(`load:       ${l.articlesPerSecond} articles/s, ${l.nodesAndRelsPerSecond} nodes+rels/s (${l.nodesCreated} nodes, ${l.relationshipsCreated} rels in ${l.seconds} s)`);
  const b = l.breakdownMs;
  out.push(`            time: write transactions ${b.writeTransaction ?? 0} ms, known-graph reads ${b.knownGraphRead ?? 0} ms, stored-version reads ${b.storedVersionRead ?? 0} ms, resolution+JS ${b.resolveAndOther} ms; articles/s by tenth: ${l.articlesPerSecondByTenth.join(' ')}`);
  if (l.reExtraction) out.push(`            re-extraction during the load (--stream; not in the figures above): ${l.reExtraction.articles} articles in ${l.reExtraction.seconds} s; load wall clock with it ${l.wallSeconds} s`);
  for (const [phase, m] of Object.entries(r.memory ?? {})) out.push(`memory ${pad(phase, 10, true)}: ${memoryLine(m)}`);
  out.push(`per core:   parse + extract ${e.kbPerCpuSecondWithParsing} KB per CPU-second (engine and extraction), beside load ${l.nodesAndRelsPerSecond} nodes+rels/s in batches of ${l.batchArticles}`);
  for (const w of r.workers ?? []) {
    out.push(`workers ${pad(w.workers, 2)}: whole pipeline ${w.articlesPerSecond} articles/s (${w.kbPerSecond} KB/s, x${w.speedup}), ${w.kbPerCpuSecond} KB per CPU-second, ${w.nodesAndRelsPerSecond} nodes+rels/s, ${w.failed} failed, counts ${w.countsOk ? 'exact' : 'MISMATCH'}`);
  }
  if (r.jsonlIngest) out.push(jsonlLine(r.jsonlIngest));
  out.push(`seed:       ${r.seed.articles} seed articles in ${r.seed.seconds} s into a fresh database, ${r.seed.warmSeconds} s warm`);
  const bad = r.counts.filter((c) => !c.ok);
  const excluded = l.failed > 0 ? ` (of the ${l.articles - l.failed} articles that loaded; ${l.failed} FAILED to load: ${l.firstFailure})` : '';
  out.push(`counts:     ${bad.length === 0 ? `all ${r.counts.length} match the generator's expectation` : `MISMATCH ${bad.map((c) => `${c.name.trim()} ${c.actual}≠${c.expected}`).join(', ')}`}${excluded}`);
  out.push('');
  out.push(`${pad('query', 18, true)} ${pad('c', 3)} ${pad('ours p50', 9)} ${pad('p95', 7)} ${pad('p99', 7)} ${pad('rps', 7)} | ${pad('raw p99', 8)} ${pad('ours/raw', 8)} | ${pad('peer p99', 9)} ${pad('peer/ours', 9)} | trips ours/peer`);
  for (const q of r.queries) {
    for (const c of CONCURRENCY) {
      const o = q.latency.ours[`c${c}`]!;
      const rw = q.latency.raw[`c${c}`]!;
      const p = q.latency.peer[`c${c}`]!;
      const ratio = q.ratios[`c${c}`]!;
      out.push(
        `${pad(q.name, 18, true)} ${pad(c, 3)} ${pad(o.p50, 9)} ${pad(o.p95, 7)} ${pad(o.p99, 7)} ${pad(o.rps, 7)} | ${pad(rw.p99, 8)} ${pad(ratio.oursOverRaw, 8)} | ${pad(p.failed ? 'failed' : p.p99, 9)} ${pad(ratio.peerOverOurs ?? '-', 9)} | ${c === 1 ? `${q.roundTrips.ours}/${q.roundTrips.peer ?? '-'}` : ''}`,
      );
    }
  }
  out.push('');
  out.push('response cache (ours = uncached above; cached = RESPONSE_CACHE_MAX_STALE_MS=0, never stale; stale = 1000 ms)');
  out.push(`${pad('query', 18, true)} ${pad('c', 3)} ${pad('raw p50', 8)} ${pad('raw p99', 8)} | ${pad('ours p99', 8)} ${pad('/raw', 6)} | ${pad('cached p50', 10)} ${pad('p99', 7)} ${pad('/raw', 6)} ${pad('rps', 7)} ${pad('hits', 6)} ${pad('checks', 6)} | ${pad('stale p50', 9)} ${pad('p99', 7)} ${pad('/raw', 6)} ${pad('rps', 7)}`);
  for (const q of r.queries) {
    for (const c of CONCURRENCY) {
      const rw = q.latency.raw[`c${c}`]!;
      const ca = q.latency.oursCached[`c${c}`]!;
      const st = q.latency.oursCachedStale[`c${c}`]!;
      const ratio = q.ratios[`c${c}`]!;
      const k = q.cache[`c${c}`]!.strict;
      out.push(
        `${pad(q.name, 18, true)} ${pad(c, 3)} ${pad(rw.p50, 8)} ${pad(rw.p99, 8)} | ${pad(q.latency.ours[`c${c}`]!.p99, 8)} ${pad(ratio.oursOverRaw, 6)} | ${pad(ca.p50, 10)} ${pad(ca.p99, 7)} ${pad(ratio.cachedOverRaw, 6)} ${pad(ca.rps, 7)} ${pad(k.hits, 6)} ${pad(k.checks, 6)} | ${pad(st.p50, 9)} ${pad(st.p99, 7)} ${pad(ratio.cachedStaleOverRaw, 6)} ${pad(st.rps, 7)}`,
      );
    }
  }
  out.push('');
  out.push(`where our time goes, median ms per request (src/api/timing.ts; client = load generator's p50 − server total p50)`);
  out.push(`${pad('query', 18, true)} ${pad('c', 3)} ${PHASES.map((p) => pad(p, 9)).join(' ')} ${pad('client', 9)} | ${pad('ours p50', 9)} ${pad('rawHttp', 8)} ${pad('raw p50', 8)} | ${pad('rawHttp p99', 11)} ${pad('rawHttp/raw', 11)}`);
  for (const q of r.queries) {
    for (const c of CONCURRENCY) {
      const ph = q.phases[`c${c}`];
      if (!ph) continue;
      const rh = q.latency.rawHttp[`c${c}`];
      const rw = q.latency.raw[`c${c}`]!;
      out.push(
        `${pad(q.name, 18, true)} ${pad(c, 3)} ${PHASES.map((p) => pad(ph.p50[p], 9)).join(' ')} ${pad(ph.p50.client, 9)} | ${pad(q.latency.ours[`c${c}`]!.p50, 9)} ${pad(rh?.p50 ?? '-', 8)} ${pad(rw.p50, 8)} | ${pad(rh?.p99 ?? '-', 11)} ${pad(rh ? round(rh.p99 / rw.p99) : '-', 11)}`,
      );
    }
  }
  out.push('');
  for (const t of r.targets) out.push(`${t.met === null ? 'N/A   ' : t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${t.detail}`);
  console.log(out.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Many ingest workers (--workers 1,2,4)

interface WorkersRun {
  workers: number;
  articles: number;
  failed: number;
  seconds: number;
  articlesPerSecond: number;
  kbPerSecond: number;
  nodesAndRelsPerSecond: number;
  /** articles/s ÷ the first run's (N = the first value of --workers, normally 1). */
  speedup: number;
  /** CPU seconds of this process (extraction, resolution, the driver) and of the N engines. */
  cpuSeconds: { node: number; engines: number };
  /** Text per CPU-second of the engines and this process together: the per-core figure, with the NLP engine. */
  kbPerCpuSecond: number;
  /** The same graph every time: the generator's 16 counts. */
  countsOk: boolean;
  engineStartSeconds: number;
}

/**
 * The whole ingest (parse with an empty cache → extract → resolve → load in batches) of the corpus into an empty
 * graph, once per N: N fresh NLP engines parse at once (what `chronicle ingest --workers N` does), one ordered
 * writer resolves and loads. Reports the speed-up over the first N.
 */
async function workersPhase(driver: Driver, config: Config, corpus: Corpus, ns: number[], batch: number, wipeAll: () => Promise<void>): Promise<WorkersRun[]> {
  const runs: WorkersRun[] = [];
  const inputs = corpus.articles.map(toInput);
  const kb = corpus.expected.bytes / 1e3;
  for (const n of ns) {
    await wipeAll();
    log(`ingest with ${n} worker(s): starting ${n} NLP engine(s)`);
    const s0 = performance.now();
    const engines = await Promise.all(Array.from({ length: n }, () => startNlpEngine()));
    try {
      const engineStartSeconds = round((performance.now() - s0) / 1000, 2);
      const clients = await Promise.all(engines.map((e) => createNlpClient({ url: e.url, cacheDir: null })));
      const nlp = n === 1 ? clients[0]! : parallelNlpClient(clients);
      const engineCpu0 = engines.reduce((a, e) => a + cpuSecondsOf(e.pid), 0);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const results = await ingestArticles(driver, nlp, config, inputs, { batchArticles: batch });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const engineCpu = engines.reduce((a, e) => a + cpuSecondsOf(e.pid), 0) - engineCpu0;
      const nodeCpu = (cpu.user + cpu.system) / 1e6;
      const failedIds = new Set(results.filter((r) => r.status !== 'created').map((r) => r.id));
      const counts = await checkCounts(driver, corpus.expected, new Set(corpus.articles.map((a) => a.id).filter((id) => !failedIds.has(id))));
      const created = results.reduce((a, r) => a + (r.counts?.nodesCreated ?? 0) + (r.counts?.relationshipsCreated ?? 0), 0);
      const aps = inputs.length / seconds;
      runs.push({
        workers: n,
        articles: inputs.length,
        failed: failedIds.size,
        seconds: round(seconds, 2),
        articlesPerSecond: round(aps, 1),
        kbPerSecond: round(kb / seconds, 1),
        nodesAndRelsPerSecond: round(created / seconds, 0),
        speedup: runs[0] ? round(aps / runs[0].articlesPerSecond, 2) : 1,
        cpuSeconds: { node: round(nodeCpu, 2), engines: round(engineCpu, 2) },
        kbPerCpuSecond: round(kb / (nodeCpu + engineCpu), 1),
        countsOk: counts.every((c) => c.ok),
        engineStartSeconds,
      });
      const r = runs.at(-1)!;
      log(`  ${n} worker(s): ${r.articlesPerSecond} articles/s (${r.kbPerSecond} KB/s, x${r.speedup}), ${r.kbPerCpuSecond} KB per CPU-second, counts ${r.countsOk ? 'exact' : 'MISMATCH'}`);
    } finally {
      await Promise.all(engines.map((e) => e.stop().catch(() => {})));
    }
  }
  return runs;
}

interface Target {
  target: string;
  /** null: this run cannot tell (e.g. the scale comparison needs a run at 10,000). */
  met: boolean | null;
  detail: string;
}

function targets(r: Omit<BenchReport, 'targets'>): Target[] {
  const out: Target[] = [];
  // A query the peer fails counts as met (we answer it, the peer does not).
  const peerRatios = r.queries.flatMap((q) => CONCURRENCY.map((c) => q.ratios[`c${c}`]!.peerOverOurs)).filter((x): x is number => x !== null);
  const failures = r.queries.filter((q) => q.peerFailure).map((q) => q.name);
  const worstPeer = peerRatios.length > 0 ? Math.min(...peerRatios) : Infinity;
  const measured = r.queries.length > 0;
  out.push({
    target: 'p99 at least 2x better than @neo4j/graphql',
    met: measured ? worstPeer >= 2 : null,
    detail: `worst peer/ours p99 ratio ${worstPeer}${failures.length ? `; @neo4j/graphql failed: ${failures.join(', ')}` : ''}`,
  });
  const worstRaw = Math.max(...r.queries.flatMap((q) => CONCURRENCY.map((c) => q.ratios[`c${c}`]!.oursOverRaw)));
  out.push({ target: 'p99 within 1.5x of raw Cypher', met: measured ? worstRaw <= 1.5 : null, detail: measured ? `worst ours/raw p99 ratio ${worstRaw}` : 'queries not measured (--skip-queries)' });
  // Issue 12, item 1: ours/raw p99 <= 1.3 with 1 client and <= 1.5 with 16, uncached and cached apart.
  const worst = (key: 'oursOverRaw' | 'cachedOverRaw' | 'cachedStaleOverRaw', c: number) => Math.max(...r.queries.map((q) => q.ratios[`c${c}`]![key]));
  for (const [key, label] of [['oursOverRaw', 'uncached'], ['cachedOverRaw', 'response cache, never stale'], ['cachedStaleOverRaw', 'response cache, ≤1 s stale']] as const) {
    const c1 = worst(key, 1);
    const c16 = worst(key, 16);
    out.push({
      target: `GraphQL overhead (${label}): ours/raw p99 <= 1.3 (1 client), <= 1.5 (16)`,
      met: measured ? c1 <= 1.3 && c16 <= 1.5 : null,
      detail: measured ? `worst ${c1} (1 client), ${c16} (16 clients)` : 'queries not measured (--skip-queries)',
    });
  }
  out.push({
    target: 'parse + extraction >= 50 KB/s per core',
    met: r.extraction.kbPerCpuSecondWithParsing >= 50,
    detail: `${r.extraction.kbPerCpuSecondWithParsing} KB per CPU-second of the engine and extraction together`,
  });
  // Per core = per CPU-second of the (single-threaded) extraction; wall time is reported beside it.
  out.push({
    target: 'extraction >= 1 MB/s per core',
    met: r.extraction.mbPerCpuSecond >= 1,
    detail: `${r.extraction.mbPerCpuSecond} MB per CPU-second (${r.extraction.mbPerSecond} MB/s wall)`,
  });
  out.push({
    target: 'loading >= 5,000 nodes+rels/s',
    met: r.load.nodesAndRelsPerSecond >= 5000 && r.load.failed === 0,
    detail: `${r.load.nodesAndRelsPerSecond} nodes+rels/s${r.load.failed ? `; ${r.load.failed} articles failed to load` : ''}`,
  });
  out.push(pagedTarget(r));
  return out;
}

/**
 * Paged latency against the latest baseline run in the same results folder (keyset paging should keep it flat):
 * a 10,000 run against --scale 100, a 100,000 run against --scale 1000 (bench/paged.ts).
 */
function pagedTarget(r: Omit<BenchReport, 'targets'>): Target {
  const rule = pagedRuleFor(r.scale);
  const { target } = rule;
  if (r.scale <= rule.baseline) return { target, met: null, detail: `this run is a baseline (scale ${r.scale}): run --scale ${rule.at} to compare` };
  const found = latestBaseline(r.options.out, rule.baseline);
  if (!found) return { target, met: null, detail: `no --scale ${rule.baseline} result with the paged queries in ${r.options.out} to compare with` };
  const { worst, parts } = comparePaged(r, found.report);
  const applies = r.scale === rule.at && worst !== null;
  const label = r.scale === rule.at ? '' : ` (this run is at ${r.scale}, not ${rule.at})`;
  return { target, met: applies ? worst! <= PAGED_MAX_RATIO : null, detail: `${parts.join('; ') || 'queries not measured'} — baseline ${found.file}${label}` };
}

function memoryLine(m: PhaseMemory): string {
  const neo = m.neo4jRss ? `, Neo4j JVM RSS ${m.neo4jRss.minMB}–${m.neo4jRss.maxMB} MB (peak since start ${m.neo4jPeakRssMB} MB)` : '';
  return `bench/API process RSS ${m.rss.minMB}–${m.rss.maxMB} MB, V8 heap used ${m.heapUsed.minMB}–${m.heapUsed.maxMB} MB${neo} (${m.samples} samples over ${m.seconds} s)`;
}

interface BenchReport {
  startedAt: string;
  scale: number;
  rngSeed: number;
  options: Options;
  machine: ReturnType<typeof machine> & { loadAverageAtStart: number[] };
  corpus: { articles: number; megabytes: number; generateSeconds: number };
  expected: Omit<Expected, 'perArticle'>;
  extraction: ExtractionResult;
  /** The NLP engine: versions, start-up time, and the parse client's counters after each phase (cumulative). */
  nlp: { engine: NlpClient['engine']; startSeconds: number; cacheAfter: Record<string, NlpStats> };
  seed: { articles: number; failed: number; seconds: number; warmSeconds: number };
  load: LoadPhase;
  /**
   * Sampled every second per phase (bench/memory.ts): this process — which hosts our API servers, the peer and
   * the raw-over-HTTP endpoint in-process — and the Neo4j JVM (none during extraction: it starts after).
   */
  memory: Record<string, PhaseMemory>;
  counts: CountCheck[];
  graph: { busyActorStatements: number; chainReports: number; incidentClaims: number };
  queries: QueryResult[];
  /** The --workers phase, when it ran. */
  workers?: WorkersRun[];
  /** The --jsonl phase, when it ran. */
  jsonlIngest?: JsonlPhase;
  targets: Target[];
  totalSeconds: number;
}

type JsonlPhase = Omit<JsonlIngestResult, 'expected' | 'failedIds'> & { counts: CountCheck[]; exports: ExportMeasure[] };

/** The JSONL phase into an empty graph, and the graph's counts against the generator's for the records that loaded. */
async function runJsonlPhase(driver: Driver, nlp: ArticleParser, config: Config, opts: Options): Promise<JsonlPhase> {
  log(`JSONL ingest: ${opts.jsonl} records through src/ingest/formats (stream, batches) and the whole pipeline`);
  const r = await benchJsonlIngest(driver, nlp, config, { records: opts.jsonl, seed: opts.seed, log });
  const failed = new Set(r.failedIds);
  const counts = await checkCounts(driver, r.expected, new Set(r.expected.perArticle.map((a) => a.id).filter((id) => !failed.has(id))));
  for (const c of counts.filter((x) => !x.ok)) log(`  count mismatch: ${c.name.trim()} expected ${c.expected}, got ${c.actual}`);
  const { expected: _e, failedIds: _f, ...rest } = r;
  log(`  ${r.recordsPerSecond} records/s (${r.mbPerSecond} MB/s), RSS ${r.memory.rss.minMB}–${r.memory.rss.maxMB} MB, heap used ${r.memory.heapUsed.minMB}–${r.memory.heapUsed.maxMB} MB${r.failed ? `, ${r.failed} FAILED (${r.firstFailure})` : ''}`);
  // The data exports of what was just loaded (docs/formats.md): size, time, memory.
  log('  exporting the loaded graph (CSV, JSON Lines, GraphML)');
  const exports = await benchExports(driver, config);
  for (const e of exports) log(`  export ${e.what} ${e.format}: ${e.rows} rows, ${round(e.bytes / 1e6, 2)} MB in ${e.seconds} s, max RSS ${e.maxRssMB} MB`);
  return { ...rest, counts, exports };
}

function jsonlLine(j: JsonlPhase): string {
  const q = j.memory.byQuarter.map((x) => `${x.heapUsed.minMB}`).join('/');
  const bad = j.counts.filter((c) => !c.ok);
  const exports = j.exports.map((e) => `${e.what}.${e.format} ${round(e.bytes / 1e6, 1)} MB/${e.seconds} s`).join(', ');
  return `jsonl:      ${j.records} records (${j.fileMB} MB) in ${j.seconds} s: ${j.recordsPerSecond} records/s, ${j.mbPerSecond} MB/s, ${j.failed} failed; RSS ${j.memory.rss.minMB}–${j.memory.rss.maxMB} MB, heap used ${j.memory.heapUsed.minMB}–${j.memory.heapUsed.maxMB} MB (floor by quarter ${q}: ${j.memory.flat ? 'flat' : 'GROWING'}); counts ${bad.length === 0 ? 'all match' : `MISMATCH ${bad.map((c) => c.name.trim()).join(', ')}`}
exports:    ${exports}`;
}

/** `--jsonl-only`: a fresh Neo4j, the JSONL phase, a result file; nothing else. */
async function jsonlOnlyMain(opts: Options): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((x) => round(x, 2));
  let nlp: NlpRuntime | undefined;
  const home = mkdtempSync(path.join(os.tmpdir(), 'chronicle-bench-neo4j-'));
  let db: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  const stopAll = async () => {
    await driver?.close().catch(() => {});
    driver = undefined;
    await db?.stop().catch(() => {});
    db = undefined;
    rmSync(home, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping Neo4j`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(`starting a fresh Neo4j in ${home}`);
    db = await startLocalNeo4j({ home, port: 0 });
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: db.uri, NEO4J_DATABASE: DATABASE });
    driver = createDriver({ uri: db.uri, user: 'neo4j', password: '', database: DATABASE });
    await applyMigrations(driver, DATABASE);
    nlp = nlpRuntime(config, createLogger('silent'));
    // The NLP engine starts with the first batch (nlpRuntime) and stops below.
    const jsonlIngest = await runJsonlPhase(driver, nlp, config, opts);
    const report = {
      startedAt: startedAt.toISOString(),
      options: opts,
      machine: { ...machine(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
      jsonlIngest,
    };
    const file = path.join(opts.out, `${startedAt.toISOString().replace(/[:.]/g, '-')}-jsonl-${opts.jsonl}.json`);
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(jsonlLine(jsonlIngest));
    console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
    return jsonlIngest.failed === 0 && jsonlIngest.counts.every((c) => c.ok) && jsonlIngest.memory.flat ? 0 : 1;
  } finally {
    await nlp?.close();
    log('stopping Neo4j');
    await stopAll();
  }
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  // Memory under load is its own run (bench/soak.ts): `npm run bench -- --soak 600`.
  if (process.argv.includes('--soak')) return (await import('./soak.js')).soakMain(process.argv.slice(2));
  const opts = parseOptions(process.argv.slice(2));
  if (opts.jsonlOnly) return jsonlOnlyMain(opts);
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((x) => round(x, 2));
  const tStart = performance.now();
  log(`scale ${opts.scale}, seed ${opts.seed}: generating the corpus`);
  const t0 = performance.now();
  const corpus = generateCorpus({ scale: opts.scale, seed: opts.seed });
  const generateSeconds = round((performance.now() - t0) / 1000, 2);
  const { perArticle: _perArticle, ...expected } = corpus.expected;

  const home = mkdtempSync(path.join(os.tmpdir(), 'chronicle-bench-neo4j-'));
  // An empty parse cache: the extraction pass measures the engine; later phases show the cache's hits.
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'chronicle-bench-nlp-cache-'));
  const engines: NlpEngine[] = [];
  let db: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  let ourServer: HttpHandle | undefined;
  const cachedServers: HttpHandle[] = [];
  let peerServer: { url: string; close: () => Promise<void> } | undefined;
  let rawHttpServer: { url: string; close: () => Promise<void> } | undefined;
  const stopAll = async () => {
    await ourServer?.close(1000).catch(() => {});
    ourServer = undefined;
    for (const s of cachedServers.splice(0)) await s.close(1000).catch(() => {});
    await peerServer?.close().catch(() => {});
    peerServer = undefined;
    await rawHttpServer?.close().catch(() => {});
    rawHttpServer = undefined;
    await driver?.close().catch(() => {});
    driver = undefined;
    await db?.stop().catch(() => {});
    db = undefined;
    for (const e of engines.splice(0)) await e.stop().catch(() => {});
    rmSync(home, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping Neo4j and the NLP engine`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(opts.engines === 1 ? 'starting the NLP engine' : `starting ${opts.engines} NLP engines`);
    const engineStart = performance.now();
    engines.push(...(await Promise.all(Array.from({ length: opts.engines }, () => startNlpEngine()))));
    const engineStartSeconds = round((performance.now() - engineStart) / 1000, 2);
    // Several engines: one client each over the same disk cache, parseMany split between them (src/nlp/pool.ts).
    const clients = await Promise.all(engines.map((e) => createNlpClient({ url: e.url, cacheDir })));
    const nlp = clients.length === 1 ? clients[0]! : parallelNlpClient(clients);
    log(`  ready in ${engineStartSeconds} s (${engines[0]!.description})`);
    const cacheAt: Record<string, NlpStats> = {};
    const memory: Record<string, PhaseMemory> = {};
    const neo4jPid = () => db?.pid;

    log(`parsing and extracting ${corpus.articles.length} articles (${round(corpus.expected.bytes / 1e6, 2)} MB)${opts.stream ? ', keeping no extraction (--stream)' : ''}`);
    const extractionMemory = sampleMemory(neo4jPid);
    const { result: extraction, extracted } = await extractAll(corpus, nlp, engines, !opts.stream);
    memory.extraction = extractionMemory.stop();
    cacheAt.extraction = nlp.stats();
    log(`  parsing ${extraction.parsing.kbPerSecond} KB/s wall, ${extraction.parsing.kbPerEngineCpuSecond} KB per engine CPU-second`);
    log(`  extraction ${extraction.mbPerSecond} MB/s, ${extraction.articlesPerSecond} articles/s, peak RSS ${extraction.peakRssMB} MB`);
    log(`  parse + extract: ${extraction.kbPerCpuSecondWithParsing} KB per CPU-second`);

    log(`starting a fresh Neo4j in ${home}`);
    db = await startLocalNeo4j({ home, port: 0 });
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: db.uri, NEO4J_DATABASE: DATABASE });
    driver = createDriver({ uri: db.uri, user: 'neo4j', password: '', database: DATABASE });
    await applyMigrations(driver, DATABASE);

    // Seed time: into the fresh database (cold: JVM, query plans), then again after a wipe (warm).
    log('seeding the five seed articles');
    const seedDir = path.join(ROOT, 'seed');
    const { inputs: seedInputs, errors: seedErrors } = readSeedFolder(seedDir, config);
    const seedOnce = async () => {
      const t = performance.now();
      const results = await ingestArticles(driver!, nlp, config, seedInputs);
      return { failed: results.filter((r) => r.status === 'failed').length + seedErrors.length, seconds: round((performance.now() - t) / 1000, 3) };
    };
    const wipeAll = async () => {
      const wipe = driver!.session({ database: DATABASE });
      try {
        await wipe.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      } finally {
        await wipe.close();
      }
    };
    const cold = await seedOnce();
    await wipeAll();
    const warm = await seedOnce();
    const seed = { articles: seedInputs.length, failed: cold.failed + warm.failed, seconds: cold.seconds, warmSeconds: warm.seconds };
    cacheAt.seed = nlp.stats();
    log(`  ${seed.articles} articles in ${seed.seconds} s cold, ${seed.warmSeconds} s warm (${seed.failed} failed)`);
    // The corpus is counted on its own: start from an empty graph (schema kept).
    await wipeAll();

    log(`loading ${corpus.articles.length} articles through the ingest pipeline`);
    const loadMemory = sampleMemory(neo4jPid);
    const memoryNow = () => {
      const m = process.memoryUsage();
      const neo = (() => {
        try {
          return procStatusBytes(readFileSync(`/proc/${db?.pid}/status`, 'utf8'), 'VmRSS');
        } catch {
          return null;
        }
      })();
      return `RSS ${round(m.rss / 2 ** 20, 0)} MB, heap used ${round(m.heapUsed / 2 ** 20, 0)} MB, Neo4j RSS ${neo === null ? '?' : round(neo / 2 ** 20, 0)} MB, load average ${os.loadavg().map((x) => round(x, 1)).join('/')}`;
    };
    const load = await loadCorpus(driver, nlp, config, corpus, extracted, opts.batch, memoryNow);
    memory.load = loadMemory.stop();
    cacheAt.load = nlp.stats();
    log(`  parse cache: ${cacheAt.load.hits - cacheAt.seed.hits} hits, ${cacheAt.load.misses - cacheAt.seed.misses} misses while loading`);
    extracted?.clear();
    log(`  memory while loading: ${memoryLine(memory.load)}`);
    if (load.reExtraction) log(`  re-extraction (apart from the figures): ${load.reExtraction.articles} articles in ${load.reExtraction.seconds} s; wall clock with it ${load.wallSeconds} s`);
    log(`  ${load.articlesPerSecond} articles/s, ${load.nodesAndRelsPerSecond} nodes+rels/s${load.failed ? `, ${load.failed} FAILED (${load.firstFailure})` : ''}`);

    const failedIds = new Set(load.failures.map((f) => f.id));
    const counts = await checkCounts(driver, corpus.expected, new Set(corpus.articles.map((a) => a.id).filter((id) => !failedIds.has(id))));
    for (const c of counts.filter((x) => !x.ok)) log(`  count mismatch: ${c.name.trim()} expected ${c.expected}, got ${c.actual}`);

    const queries: QueryResult[] = [];
    let graph = { busyActorStatements: 0, chainReports: 0, incidentClaims: 0 };
    if (!opts.skipQueries) {
      const queryMemory = sampleMemory(neo4jPid);
      log('starting our API and the @neo4j/graphql API');
      const oursCounted = countingDriver(driver);
      // The uncached figure: the response cache off, so every request parses (document cache), executes, reads.
      const app = await createHttpApp({
        driver: oursCounted.driver, config: { ...config, RESPONSE_CACHE_MB: 0 }, logger: pino({ level: 'silent' }), database: DATABASE, phaseRecorder: phases.record,
      });
      ourServer = await startHttpServer(app, 0, '127.0.0.1');
      const ourUrl = `${ourServer.url}/graphql`;
      // The cached figures: the same API with the response cache on (each its own driver proxy, nothing counted).
      const cachedApi = async (maxStaleMs: number): Promise<CachedApi> => {
        let handle: ResponseCache | undefined;
        const cachedApp = await createHttpApp({
          driver: driver!,
          config: { ...config, RESPONSE_CACHE_MB: 64, RESPONSE_CACHE_MAX_STALE_MS: maxStaleMs },
          logger: pino({ level: 'silent' }),
          database: DATABASE,
          onResponseCache: (c) => (handle = c),
        });
        const server = await startHttpServer(cachedApp, 0, '127.0.0.1');
        cachedServers.push(server);
        if (!handle) throw new Error('the response cache did not start');
        const cache = handle;
        return { url: `${server.url}/graphql`, cache: () => cache };
      };
      const cached = { strict: await cachedApi(0), stale: await cachedApi(1000) };
      const peerCounted = countingDriver(driver);
      peerServer = await startPeer(peerCounted.driver);
      const rawCounted = countingDriver(driver);
      const run = createRunner(rawCounted.driver, { database: DATABASE, timeoutMs: config.QUERY_TIMEOUT_MS });

      const t = await findTargets(driver, run, ourUrl, peerServer.url);
      rawHttpServer = await startRawHttp(run, t);
      const rawHttp = rawHttpServer;
      if (t.peerError) log(`  @neo4j/graphql could not page the timeline: ${t.peerError.slice(0, 300)}`);
      log(`  busy actor ${t.busyActorId} (${t.busyActorStatements} statements), chain ${t.chainStatementId} (${t.chainReports} reports), incident ${t.incidentId} (${t.incidentClaims} claims)`);

      for (const q of QUERIES) {
        log(`measuring "${q.name}"`);
        queries.push(
          await measureQuery(q, t, { url: ourUrl, count: oursCounted.count }, { url: peerServer.url, count: peerCounted.count }, { run, count: rawCounted.count, httpUrl: rawHttp.url }, cached, opts),
        );
      }
      graph = { busyActorStatements: t.busyActorStatements, chainReports: t.chainReports, incidentClaims: t.incidentClaims };
      memory.queries = queryMemory.stop();
      log(`  memory while measuring queries: ${memoryLine(memory.queries)}`);
    }

    const workers = opts.workers.length > 0 ? await workersPhase(driver, config, corpus, opts.workers, opts.batch, wipeAll) : undefined;

    let jsonlIngest: JsonlPhase | undefined;
    if (opts.jsonl > 0) {
      await wipeAll();
      jsonlIngest = await runJsonlPhase(driver, nlp, config, opts);
    }

    const partial = {
      startedAt: startedAt.toISOString(),
      scale: opts.scale,
      rngSeed: opts.seed,
      options: opts,
      machine: { ...machine(), loadAverageAtStart: loadAtStart },
      corpus: { articles: corpus.articles.length, megabytes: round(corpus.expected.bytes / 1e6, 3), generateSeconds },
      expected,
      extraction,
      nlp: { engine: nlp.engine, startSeconds: engineStartSeconds, cacheAfter: cacheAt },
      seed,
      load,
      memory,
      counts,
      graph,
      queries,
      ...(workers ? { workers } : {}),
      ...(jsonlIngest ? { jsonlIngest } : {}),
      totalSeconds: 0,
    };
    const report: BenchReport = { ...partial, targets: targets(partial) };
    report.totalSeconds = round((performance.now() - tStart) / 1000, 1);
    const file = path.join(opts.out, `${startedAt.toISOString().replace(/[:.]/g, '-')}-${opts.scale}.json`);
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    printTable(report);
    console.log(`\nresults: ${path.relative(process.cwd(), file)} (${report.totalSeconds} s)`);
    // The peer failing (its timeline runs out of transaction memory at 1,000+ articles) is a finding, not a bench failure.
    const failedQueries = queries.some((q) => [q.latency.ours, q.latency.raw].some((byC) => Object.values(byC).some((s) => s.errors > 0)));
    const jsonlOk = !jsonlIngest || (jsonlIngest.failed === 0 && jsonlIngest.counts.every((c) => c.ok) && jsonlIngest.memory.flat);
    const workersOk = !workers || workers.every((w) => w.failed === 0 && w.countsOk);
    return counts.every((c) => c.ok) && load.failed === 0 && !failedQueries && jsonlOk && workersOk ? 0 : 1;
  } finally {
    log('stopping Neo4j');
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
