/**
 * The ingestion pipeline shared by the CLI and the API: validate → read the stored version (skip if stored
 * unchanged; one read for a whole batch) → parse (NLP engine, cached; batched a window ahead) → extract →
 * read candidate actors, then candidate statements and events → resolve → load, one article at a time in
 * input order, because resolution depends on what earlier articles stored. A failing article is reported
 * and skipped; its transaction rolls back, so it changes nothing stored.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { extractArticle } from '../extract/index.js';
import type { ArticleInput, ExtractedArticle, KnownGraph, ResolvedArticle } from '../domain/types.js';
import { isDatabaseUnavailable } from '../graph/executor.js';
import { fetchKnownGraph } from '../graph/knownGraph.js';
import { ArticleConflictError, loadArticle, type LoadCounts } from '../graph/load.js';
import type { NlpClient, Parse } from '../nlp/index.js';
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
}

type IngestConfig = Pick<Config, 'NEO4J_DATABASE' | 'MAX_ARTICLE_BYTES'>;

/** What ingestion needs of the NLP engine (an NlpClient; the API passes one that starts the engine on first use). */
export type ArticleParser = Pick<NlpClient, 'parseMany'>;

/** Articles parsed per engine request; the next window is parsed while this one is extracted and loaded. */
const PARSE_WINDOW = 16;

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
  const results: IngestResult[] = [];
  let unavailableInARow = 0;
  for (const [index, p] of planned.entries()) {
    const stopped = unavailableInARow >= (options.stopAfterUnavailable ?? Infinity);
    const result = stopped && mayReachNeo4j(p)
      ? notAttempted(('result' in p ? p.result.id : p.article.id) ?? p.source, p.source, unavailableInARow)
      : 'result' in p
        ? p.result
        : await ingestNew(driver, config, p.source, p.article, () => parseOf(index), options);
    // Counts DB failures in a row; an answer from Neo4j starts again, invalid inputs (no Neo4j involved) do not.
    if (result.code === 'DB_UNAVAILABLE') unavailableInARow += 1;
    else if (result.status !== 'failed') unavailableInARow = 0;
    results.push(result);
    options.onProgress?.(result, index, inputs.length);
  }
  return results;
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

/** A valid article that is not stored yet: parse, extract, resolve, load. */
async function ingestNew(
  driver: Driver,
  config: IngestConfig,
  source: string,
  article: ValidArticle,
  parse: () => Promise<Parse>,
  options: IngestOptions,
): Promise<IngestResult> {
  const { id } = article;
  const database = config.NEO4J_DATABASE;
  try {
    const parsed = await parse().catch((err: unknown) => {
      throw new IngestError('NLP_FAILED', source, `could not be parsed (${firstLine(err)}) — nothing of this article was stored`);
    });
    const { sha256: _sha, ...plain } = article;
    const extracted = stage('EXTRACTION_FAILED', source, 'extraction', () => (options.extract ?? extractArticle)(plain, parsed));
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
