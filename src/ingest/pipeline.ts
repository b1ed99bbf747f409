/**
 * The ingestion pipeline shared by the CLI and the API: validate → extract → read the stored version and
 * candidate actors (skip if stored unchanged) → read candidate statements and events → resolve → load, one article at a time in input order, because
 * resolution depends on what earlier articles stored. A failing article is reported and skipped;
 * its transaction rolls back, so it changes nothing stored.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { extractArticle } from '../extract/index.js';
import type { ArticleInput, ExtractedArticle, KnownGraph, ResolvedArticle } from '../extract/types.js';
import { fetchKnownActors, fetchKnownRest } from '../graph/knownGraph.js';
import { ArticleConflictError, loadArticle, type LoadCounts } from '../graph/load.js';
import { resolveArticle } from '../resolve/index.js';
import { IngestError, type IngestErrorCode } from './errors.js';
import { checkStoredVersion, duplicateIdError, validateArticleInput, type IngestInput } from './validate.js';

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
  extract?: (input: ArticleInput) => ExtractedArticle;
  resolve?: (extracted: ExtractedArticle, known: KnownGraph) => ResolvedArticle;
}

type IngestConfig = Pick<Config, 'NEO4J_DATABASE' | 'MAX_ARTICLE_BYTES'>;

export async function ingestArticles(
  driver: Driver,
  config: IngestConfig,
  inputs: readonly IngestInput[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const [index, input] of inputs.entries()) {
    const result = await ingestOne(driver, config, input, options);
    results.push(result);
    options.onProgress?.(result, index, inputs.length);
  }
  return results;
}

/** Ingests one article; never throws for a problem with the article itself. */
export async function ingestOne(
  driver: Driver,
  config: IngestConfig,
  input: IngestInput,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const source = input.source ?? input.id ?? 'upload';
  const database = config.NEO4J_DATABASE;
  let id: string | null = input.id ?? null;
  try {
    const article = validateArticleInput(input, { maxBytes: config.MAX_ARTICLE_BYTES, now: options.now });
    id = article.id;
    const { sha256: _sha, ...plain } = article;
    let extracted: ExtractedArticle;
    try {
      extracted = stage('EXTRACTION_FAILED', source, 'extraction', () => (options.extract ?? extractArticle)(plain));
    } catch (err) {
      // A stored article is 'unchanged' (or a DUPLICATE_ID) whether or not it extracts today.
      if ((await checkStoredVersion(driver, database, article, source)) === 'unchanged') return { id, source, status: 'unchanged' };
      throw err;
    }
    // The stored version rides along the first known-graph read: one round trip fewer per article.
    const { storedSha256, actors } = await fetchKnownActors(driver, database, extracted);
    if (storedSha256 !== null) {
      if (storedSha256 === article.sha256) return { id, source, status: 'unchanged' };
      throw duplicateIdError(article.id, source);
    }
    const known = await fetchKnownRest(driver, database, extracted, actors);
    const resolved = stage('EXTRACTION_FAILED', source, 'resolution', () => (options.resolve ?? resolveArticle)(extracted, known));
    const counts = await loadArticle(driver, database, resolved);
    return { id, source, status: 'created', counts };
  } catch (err) {
    const error = asIngestError(err, source);
    return { id, source, status: 'failed', error: error.message, code: error.code, field: error.field };
  }
}

function stage<T>(code: IngestErrorCode, source: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(code, source, `${what} failed (${firstLine(err)}) — nothing of this article was stored; please report it with the file`);
  }
}

function asIngestError(err: unknown, source: string): IngestError {
  if (err instanceof IngestError) return err;
  if (err instanceof ArticleConflictError) {
    return new IngestError('DUPLICATE_ID', source, `${err.message} — give this article a new id, or keep the stored text`, 'id');
  }
  return new IngestError('LOAD_FAILED', source, `could not be stored (${firstLine(err)}) — nothing of this article was stored; check that Neo4j is up and migrations ran`);
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
}
