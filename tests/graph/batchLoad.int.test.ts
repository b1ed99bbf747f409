/**
 * Batched loading and many ingest workers give exactly the graph of one article at a time (issue 12, items 2
 * and 3): the same articles (the seeds, then 120 generated ones) ingested
 * - one article per read and transaction with one NLP engine (the reference),
 * - in batches (one known-graph read and one transaction per batch) with three NLP engines (`--workers 3`),
 * into the same starting graph, give identical full dumps (every node and relationship with every property,
 * except the wall-clock `ingestedAt`). And a batch with a bad article in it loses nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { loadConfig } from '../../src/config.js';
import type { ExtractedArticle, KnownGraph } from '../../src/domain/types.js';
import { perArticleInBatch, LOAD_ARTICLE } from '../../src/graph/load.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles, type IngestInput, type IngestOptions } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { createNlpClient, createParseCache, nlpRuntime, parallelNlpClient, startNlpEngine, type NlpEngine } from '../../src/nlp/index.js';
import { createLogger } from '../../src/logger.js';
import { resolveArticle } from '../../src/resolve/index.js';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { DATABASE, dumpGraph } from './helpers.js';

const CONFIG = { NEO4J_DATABASE: DATABASE, MAX_ARTICLE_BYTES: 200_000 };

/** The whole graph without the wall-clock stamp of each article. */
async function dump(driver: ReturnType<typeof testDriver>) {
  const { nodes, rels } = await dumpGraph(driver);
  const strip = (line: string) => {
    const [id, labels, props] = JSON.parse(line) as [string, string[], Record<string, unknown>];
    delete props.ingestedAt;
    return JSON.stringify([id, labels, props]);
  };
  return { nodes: nodes.map(strip).sort(), rels };
}

describe('batched loading and --workers N', () => {
  const driver = testDriver();
  const engines: NlpEngine[] = [];
  let restore: () => Promise<void>;
  let inputs: IngestInput[];

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
    restore = await rememberGraph(driver, DATABASE);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const seed = readSeedFolder('seed', config);
    const corpus = generateCorpus({ scale: 120, seed: 5 });
    inputs = [
      ...seed.inputs,
      ...corpus.articles.map((a) => ({ id: a.id, text: a.text, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt, url: a.url })),
    ];
    // Two more engines beside the suite's: three parse at once.
    engines.push(...(await Promise.all([startNlpEngine(), startNlpEngine()])));
  });

  afterAll(async () => {
    await restore?.();
    await Promise.all(engines.map((e) => e.stop()));
    await driver.close();
  });

  // One memory cache for every run: the first run (3 workers) parses, the later ones reuse its parses.
  const cache = createParseCache({ dir: null });

  async function ingestAndDump(opts: IngestOptions, workers: number) {
    const clients = await Promise.all([inject('nlpUrl'), ...engines.map((e) => e.url)].slice(0, workers).map((url) => createNlpClient({ url, cache })));
    const nlp = workers === 1 ? clients[0]! : parallelNlpClient(clients);
    const results = await ingestArticles(driver, nlp, CONFIG, inputs, opts);
    const graph = await dump(driver);
    await restore();
    return { results: results.map((r) => [r.id, r.status, r.code ?? null]), graph };
  }

  it('gives the graph of one article at a time, with batches of 50 and with 3 workers', async () => {
    const batched = await ingestAndDump({ batchArticles: 50 }, 3);
    const one = await ingestAndDump({ batchArticles: 1 }, 1);
    expect(one.results.every(([, status]) => status === 'created')).toBe(true);
    expect(one.graph.nodes.length).toBeGreaterThan(500);
    expect(batched.results).toEqual(one.results);
    expect(batched.graph.nodes).toEqual(one.graph.nodes);
    expect(batched.graph.rels).toEqual(one.graph.rels);
    // Batches of 7 cut stories at other places: still the same graph.
    const seven = await ingestAndDump({ batchArticles: 7 }, 2);
    expect(seven.graph).toEqual(one.graph);
  }, 600_000);

  it('loses nothing else when one article of a batch fails to load or to resolve', async () => {
    const bad = new Set([inputs[12]!.id, inputs[30]!.id]);
    const unresolvable = inputs[20]!.id;
    const opts = (batchArticles: number): IngestOptions => ({
      batchArticles,
      // An impossible date fails one article's write mid-transaction; another article's resolution throws.
      resolve: (extracted: ExtractedArticle, known: KnownGraph) => {
        if (extracted.article.id === unresolvable) throw new Error('resolution exploded');
        const resolved = resolveArticle(extracted, known);
        if (!bad.has(extracted.article.id)) return resolved;
        const event = { key: 'bad', kind: 'INCIDENT' as const, name: 'x', date: { start: '2015-02-30', end: '2015-02-30', precision: 'DAY' as const, source: 'TEXT' as const }, participantKeys: [], mentions: [] };
        return { ...resolved, events: [...resolved.events, event], ids: { ...resolved.ids, bad: `event:incident:bad-${extracted.article.id}` } };
      },
    });
    const one = await ingestAndDump(opts(1), 1);
    const batched = await ingestAndDump(opts(50), 1);
    const failed = one.results.filter(([, status]) => status === 'failed');
    expect(failed).toEqual([
      [inputs[12]!.id, 'failed', 'LOAD_FAILED'],
      [unresolvable, 'failed', 'EXTRACTION_FAILED'],
      [inputs[30]!.id, 'failed', 'LOAD_FAILED'],
    ]);
    expect(batched.results).toEqual(one.results);
    expect(batched.graph).toEqual(one.graph);
  }, 600_000);

  it('runs LOAD_ARTICLE unchanged per article: every subquery imports the batch row, no parameter is left', () => {
    const cypher = perArticleInBatch(LOAD_ARTICLE);
    expect(cypher).not.toMatch(/\$rows\b/);
    expect(cypher).not.toMatch(/CALL \(\s*\)/);
    expect(cypher.match(/CALL \(rows\b/g)?.length).toBe((LOAD_ARTICLE.match(/CALL \(/g)?.length ?? 0) + 1);
  });

  it('nlpRuntime with --workers 2 parses through two clients and returns the parses of one, in input order', async () => {
    const texts = inputs.slice(0, 9).map((i) => i.text);
    const runtime = nlpRuntime({ NLP_URL: inject('nlpUrl'), NLP_CACHE_DIR: '' }, createLogger('silent'), { engines: 2 });
    try {
      expect(runtime.parallelism).toBe(2);
      const two = await runtime.parseMany(texts);
      const one = await (await createNlpClient({ url: inject('nlpUrl'), cacheDir: null })).parseMany(texts);
      expect(two.map((p) => p.sha256)).toEqual(one.map((p) => p.sha256));
      expect(JSON.stringify(two)).toEqual(JSON.stringify(one));
    } finally {
      await runtime.close();
    }
  });
});
