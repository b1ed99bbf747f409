/**
 * The ingestion pipeline shared by the CLI and the API: validate → read the stored version (skip if stored
 * unchanged; one read for a whole batch) → parse (NLP engine, cached; batched a window ahead) → extract →
 * read candidate actors, then candidate statements and events → resolve → load, in input order, because
 * resolution depends on what earlier articles stored. Articles are taken in batches (INGEST_BATCH_ARTICLES):
 * one known-graph read for the batch, resolution in order (each article sees what the earlier ones of the
 * batch will store: src/resolve/batch.ts), one write transaction for the batch. If a batch's reads or write
 * fail, nothing of it was stored and its articles are taken again one at a time (read, resolve, one
 * transaction each), so each article is all-or-nothing and a failing article is reported and skipped without
 * costing the others anything.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { extractArticle } from '../extract/index.js';
import type { ArticleInput, ExtractedArticle, KnownGraph, ResolvedArticle } from '../domain/types.js';
import { isDatabaseUnavailable } from '../graph/executor.js';
import { fetchKnownActorsOfBatch, fetchKnownGraph, fetchKnownRestOfBatch } from '../graph/knownGraph.js';
import { ArticleConflictError, loadArticle, loadArticles, type LoadCounts } from '../graph/load.js';
import type { NlpClient, Parse } from '../nlp/index.js';
import { resolveActors } from '../resolve/actors.js';
import { BatchKnownGraph } from '../resolve/batch.js';
import { restProbe, type RestProbe } from '../resolve/candidates.js';
import { resolveArticle, type EventDecision } from '../resolve/index.js';
import { IngestError, type IngestErrorCode } from './errors.js';
import { channelOf, compareStoredVersion, storedVersions, validateArticleInput, type Channel, type IngestInput, type ValidArticle } from './validate.js';

export type { IngestInput } from './validate.js';

export interface IngestResult {
  /** The article id (derived from the text for uploads); null when the input was too broken to have one. */
  id: string | null;
  /** Where the input came from (file path or "upload"). */
  source: string;
  status: 'created' | 'unchanged' | 'failed';
  /** Why it failed: one line naming the input and the fix. */
  error?: string;
  code?: IngestErrorCode;
  field?: string;
  counts?: LoadCounts;
}

export interface IngestOptions {
  onProgress?: (result: IngestResult, index: number, total: number) => void;
  /** "Today" for the future-date check (tests pin it). */
  now?: Date;
  /** Replaceable stages, for tests that inject failures. */
  extract?: (input: ArticleInput, parse: Parse) => ExtractedArticle;
  resolve?: (extracted: ExtractedArticle, known: KnownGraph) => ResolvedArticle;
  /**
   * Stop after this many articles in a row failed with DB_UNAVAILABLE: the rest are reported NOT_ATTEMPTED
   * instead of each waiting out its deadline (the CLI passes INGEST_MAX_DB_FAILURES). Default: never stop.
   */
  stopAfterUnavailable?: number;
  /** Event-resolution decisions (every merge and refusal, with its reason) are logged here at debug level. */
  logger?: Pick<Logger, 'debug'>;
  /** Articles per batch (read once, written in one transaction); default config.INGEST_BATCH_ARTICLES, else 50. */
  batchArticles?: number;
}

type IngestConfig = Pick<Config, 'NEO4J_DATABASE' | 'MAX_ARTICLE_BYTES'> & Partial<Pick<Config, 'INGEST_BATCH_ARTICLES'>>;

const DEFAULT_BATCH_ARTICLES = 50;

/** What ingestion needs of the NLP engine (an NlpClient; the API passes one that starts the engine on first use). */
export type ArticleParser = Pick<NlpClient, 'parseMany'> & {
  /** Engines parsing at once (`--workers N`): the pipeline parses that many windows' worth of articles per request. */
  readonly parallelism?: number;
};

/** Articles parsed per engine request; the next window is parsed while this one is extracted and loaded. */
const PARSE_WINDOW_PER_ENGINE = 16;

export async function ingestArticles(
  driver: Driver,
  nlp: ArticleParser,
  config: IngestConfig,
  inputs: readonly IngestInput[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const checked = inputs.map((input) => validated(input, config, options));
  // Which articles are stored already, in one round trip for the whole batch, before any is parsed or
  // extracted: re-running the seed or a corpus skips unchanged articles without asking the engine.
  const ids = checked.flatMap((c) => ('article' in c ? [c.article.id] : []));
  // Never throws: each article gets a result, also when Neo4j cannot be read (each then fails as LOAD_FAILED).
  const stored = await storedVersions(driver, config.NEO4J_DATABASE, ids).catch((err: unknown) => ({ error: err }));
  const planned = checked.map((c) => plan(c, stored));
  const parseOf = parsesAhead(nlp, new Map(planned.flatMap((p, i) => ('article' in p ? [[i, p.article.text] as const] : []))));
  const batchSize = Math.max(1, options.batchArticles ?? config.INGEST_BATCH_ARTICLES ?? DEFAULT_BATCH_ARTICLES);
  const database = config.NEO4J_DATABASE;

  // Results are final out of input order (a batch settles together); progress is reported in input order.
  const results: Array<IngestResult | undefined> = new Array(inputs.length);
  let reported = 0;
  const settle = (index: number, result: IngestResult) => {
    results[index] = result;
    while (reported < inputs.length && results[reported]) {
      options.onProgress?.(results[reported]!, reported, inputs.length);
      reported += 1;
    }
  };
  let unavailableInARow = 0;
  const stopped = () => unavailableInARow >= (options.stopAfterUnavailable ?? Infinity);
  // Counts DB failures in a row, in input order; an answer from Neo4j starts again, invalid inputs (no Neo4j involved) do not.
  const count = (result: IngestResult) => {
    if (result.code === 'DB_UNAVAILABLE') unavailableInARow += 1;
    else if (result.status !== 'failed') unavailableInARow = 0;
  };

  /** One article on its own: its own reads, resolution and transaction (the path of a batch that failed). */
  const storeAlone = async (item: Pending) => {
    const result = stopped() ? notAttempted(item.article.id, item.source, unavailableInARow) : await storeOne(driver, database, item, options);
    count(result);
    settle(item.index, result);
  };

  const storeBatch = async (items: Pending[]) => {
    if (items.length === 0) return;
    if (items.length === 1 || stopped()) {
      for (const item of items) await storeAlone(item);
      return;
    }
    // A batch that failed stored nothing: its articles again one at a time. When Neo4j did not answer, that
    // answer is the first article's (as it would have been alone), so a dead database costs one deadline, not two.
    const oneByOne = async (rest: readonly Pending[], err: unknown) => {
      let from = 0;
      if (isDatabaseUnavailable(err) && rest[0]) {
        const result = failed(rest[0].article.id, rest[0].source, err);
        count(result);
        settle(rest[0].index, result);
        from = 1;
      }
      for (const item of rest.slice(from)) await storeAlone(item);
    };
    let batch: Awaited<ReturnType<typeof resolveBatch>>;
    try {
      batch = await resolveBatch(driver, database, items, options);
    } catch (err) {
      await oneByOne(items, err);
      return;
    }
    const { resolved, failedAt } = batch;
    const written = items.slice(0, resolved.length);
    if (written.length === 1) await storeAlone(written[0]!);
    else if (written.length > 1) {
      try {
        const counts = await loadArticles(driver, database, resolved);
        for (const [k, item] of written.entries()) {
          const result: IngestResult = { id: item.article.id, source: item.source, status: 'created', counts: counts[k]! };
          count(result);
          settle(item.index, result);
        }
      } catch (err) {
        // Rolled back as a whole: each article again on its own, so a bad one costs the others nothing.
        await oneByOne(written, err);
      }
    }
    if (failedAt) {
      // Resolution failed for this article (it would alone too: resolution is pure); the rest are a batch of
      // their own, read after the articles before it were stored.
      const item = items[resolved.length]!;
      count(failedAt.result);
      settle(item.index, failedAt.result);
      await storeBatch(items.slice(resolved.length + 1));
    }
  };

  let pending: Pending[] = [];
  const flush = async () => {
    const items = pending;
    pending = [];
    await storeBatch(items);
  };
  for (const [index, p] of planned.entries()) {
    if ('result' in p) {
      // Decided without loading. An answer from Neo4j (unchanged) or its absence counts in input order: store
      // what comes before it first. Invalid inputs involve no Neo4j and wait for nobody.
      if (p.result.status !== 'failed' || p.result.code === 'DB_UNAVAILABLE') await flush();
      const result = stopped() && mayReachNeo4j(p) ? notAttempted(p.result.id ?? p.source, p.source, unavailableInARow) : p.result;
      count(result);
      settle(index, result);
      continue;
    }
    if (stopped()) {
      await flush();
      if (stopped()) {
        settle(index, notAttempted(p.article.id, p.source, unavailableInARow));
        continue;
      }
    }
    const prepared = await prepare(p.source, p.article, () => parseOf(index), options);
    if ('failure' in prepared) {
      settle(index, prepared.failure);
      continue;
    }
    pending.push({ index, source: p.source, article: p.article, extracted: prepared.extracted });
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  return results.map((r) => r!);
}

/** An article parsed and extracted, waiting for its batch. */
interface Pending {
  index: number;
  source: string;
  article: ValidArticle;
  extracted: ExtractedArticle;
}

/**
 * Resolves a batch in input order against two reads for the whole batch: the candidate actors of every article,
 * then (each article's actors resolved against the stored ones plus what the batch's earlier articles add) the
 * candidate statements and events of every article. Stops at the first article whose resolution fails.
 */
async function resolveBatch(
  driver: Driver,
  database: string,
  items: readonly Pending[],
  options: IngestOptions,
): Promise<{ resolved: ResolvedArticle[]; failedAt?: { result: IngestResult } }> {
  const { actors } = await fetchKnownActorsOfBatch(driver, database, items.map((i) => i.extracted));
  const view = new BatchKnownGraph({ actors });
  const probes: RestProbe[] = [];
  for (const { extracted } of items) {
    const known = view.actorsSnapshot();
    const actorIds = resolveActors(extracted, { actors: known, statements: [], events: [] });
    probes.push(restProbe(extracted, known, actorIds, (id) => view.formerIds(id)));
    view.addActors(extracted.actors, actorIds);
  }
  const rest = await fetchKnownRestOfBatch(driver, database, probes);
  const known = new BatchKnownGraph({ actors, ...rest });
  const resolved: ResolvedArticle[] = [];
  for (const [k, item] of items.entries()) {
    try {
      const r = stage('EXTRACTION_FAILED', item.source, 'resolution', () => (options.resolve ?? resolveArticle)(item.extracted, known.snapshot(probes[k])));
      logDecisions(options.logger, item.article.id, r);
      known.add(r);
      resolved.push(r);
    } catch (err) {
      return { resolved, failedAt: { result: failed(item.article.id, item.source, err) } };
    }
  }
  return { resolved };
}

type Validated = { source: string; channel: Channel; article: ValidArticle } | { failure: IngestResult };
type Planned = { source: string; channel: Channel; article: ValidArticle } | { source: string; result: IngestResult };

/** An article still to be stored, or one whose stored-version read failed for want of Neo4j: once the ingest has
 *  stopped, neither is attempted. (Invalid inputs are reported as they are: no Neo4j was involved.) */
function mayReachNeo4j(p: Planned): boolean {
  return !('result' in p) || p.result.code === 'DB_UNAVAILABLE';
}

/** What happens to a checked input, given the stored versions: already decided, or to be parsed and stored. */
function plan(c: Validated, stored: ReadonlyMap<string, string | null> | { error: unknown }): Planned {
  if (!('article' in c)) return { source: c.failure.source, result: c.failure };
  const { id } = c.article;
  const { source } = c;
  if ('error' in stored) return { source, result: failed(id, source, stored.error) };
  try {
    if (compareStoredVersion(c.article, stored.get(id), source, c.channel) === 'unchanged') return { source, result: { id, source, status: 'unchanged' } };
  } catch (err) {
    return { source, result: failed(id, source, err) };
  }
  return c;
}

/**
 * The parse of the article at an input index, fetched a window at a time and one window ahead: the engine is
 * another process, so it parses the next window while this one is extracted and loaded, and memory holds at
 * most two windows of parses however long the batch.
 */
function parsesAhead(nlp: ArticleParser, texts: ReadonlyMap<number, string>): (index: number) => Promise<Parse> {
  const PARSE_WINDOW = PARSE_WINDOW_PER_ENGINE * Math.max(1, nlp.parallelism ?? 1);
  const order = [...texts.keys()];
  const position = new Map(order.map((index, k) => [index, k]));
  const windows = new Map<number, Promise<Parse[]>>();
  const fetchWindow = (w: number) => {
    if (windows.has(w) || w * PARSE_WINDOW >= order.length) return;
    const parses = nlp.parseMany(order.slice(w * PARSE_WINDOW, (w + 1) * PARSE_WINDOW).map((i) => texts.get(i)!));
    parses.catch(() => {}); // a prefetched window's failure is reported when its articles ask for it
    windows.set(w, parses);
  };
  return async (index) => {
    const k = position.get(index)!;
    const w = Math.floor(k / PARSE_WINDOW);
    fetchWindow(w);
    fetchWindow(w + 1);
    windows.delete(w - 1);
    return (await windows.get(w)!)[k % PARSE_WINDOW]!;
  };
}

function validated(input: IngestInput, config: IngestConfig, options: IngestOptions): Validated {
  const source = input.source ?? input.id ?? 'upload';
  try {
    return { source, channel: channelOf(input), article: validateArticleInput(input, { maxBytes: config.MAX_ARTICLE_BYTES, now: options.now }) };
  } catch (err) {
    return { failure: failed(input.id ?? null, source, err) };
  }
}

/** A valid article that is not stored yet: parse and extract (before its batch is resolved and loaded). */
async function prepare(
  source: string,
  article: ValidArticle,
  parse: () => Promise<Parse>,
  options: IngestOptions,
): Promise<{ extracted: ExtractedArticle } | { failure: IngestResult }> {
  try {
    const parsed = await parse().catch((err: unknown) => {
      throw new IngestError('NLP_FAILED', source, `could not be parsed (${firstLine(err)}) — nothing of this article was stored`);
    });
    const { sha256: _sha, ...plain } = article;
    return { extracted: stage('EXTRACTION_FAILED', source, 'extraction', () => (options.extract ?? extractArticle)(plain, parsed)) };
  } catch (err) {
    return { failure: failed(article.id, source, err) };
  }
}

/** One article on its own: its known-graph reads, resolution, one write transaction. */
async function storeOne(driver: Driver, database: string, item: Pending, options: IngestOptions): Promise<IngestResult> {
  const { source, extracted } = item;
  const { id } = item.article;
  try {
    const known = await fetchKnownGraph(driver, database, extracted);
    const resolved = stage('EXTRACTION_FAILED', source, 'resolution', () => (options.resolve ?? resolveArticle)(extracted, known));
    logDecisions(options.logger, id, resolved);
    // Checks the stored version again inside its transaction (another writer may have stored this id since).
    const counts = await loadArticle(driver, database, resolved);
    return { id, source, status: 'created', counts };
  } catch (err) {
    return failed(id, source, err);
  }
}

/** One debug line per event-resolution decision (src/resolve/events.ts: merge, refusal or new id, with the reason). */
function logDecisions(logger: IngestOptions['logger'], articleId: string, resolved: ResolvedArticle & { decisions?: EventDecision[] }): void {
  if (!logger) return;
  for (const d of resolved.decisions ?? []) logger.debug({ article: articleId, ...d }, `event resolution: ${d.outcome.toLowerCase()} (${d.reason})`);
}

function failed(id: string | null, source: string, err: unknown): IngestResult {
  const error = asIngestError(err, source);
  return { id, source, status: 'failed', error: error.message, code: error.code, field: error.field };
}

function notAttempted(id: string, source: string, failures: number): IngestResult {
  const error = `${source}: not attempted — the ingest stopped after ${failures} articles in a row could not reach Neo4j; nothing of this article was stored`;
  return { id, source, status: 'failed', error, code: 'NOT_ATTEMPTED' };
}

function stage<T>(code: IngestErrorCode, source: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(code, source, `${what} failed (${firstLine(err)}) — nothing of this article was stored; please report it with the article`);
  }
}

function asIngestError(err: unknown, source: string): IngestError {
  if (err instanceof IngestError) return err;
  if (err instanceof ArticleConflictError) {
    return new IngestError('DUPLICATE_ID', source, `${err.message} — give this article a new id, or keep the stored text`, 'id');
  }
  if (isDatabaseUnavailable(err)) {
    return new IngestError('DB_UNAVAILABLE', source, `could not be stored: Neo4j is unavailable (${firstLine(err)}) — nothing of this article was stored; run again once Neo4j is back`);
  }
  return new IngestError('LOAD_FAILED', source, `could not be stored (${firstLine(err)}) — nothing of this article was stored; check that Neo4j is up and migrations ran`);
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
}
