/**
 * `ingestArticle` over the API: the same pipeline (validation, atomic write) as the CLI. Problems with the
 * input become BAD_USER_INPUT naming the field; failures on our side are reported without internals.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { ArticleParser, IngestInput, IngestResult } from '../ingest/pipeline.js';
import type { IngestErrorCode } from '../ingest/errors.js';
import { badInput } from './errors.js';

export type IngestFn = (input: IngestInput) => Promise<IngestResult>;

export interface IngestResultRow {
  id: string;
  status: 'CREATED' | 'UNCHANGED' | 'FAILED';
  error: string | null;
}

/**
 * The real pipeline, loaded on first use so the read API never depends on the extraction code loading.
 * Without an NLP engine every upload fails as NLP_FAILED (a server-side problem, reported without internals).
 */
export function pipelineIngest(driver: Driver, nlp: ArticleParser | undefined, config: Config, database: string): IngestFn {
  const parser: ArticleParser = nlp ?? {
    parseMany: () => Promise.reject(new Error('this server was started without an NLP engine, which ingestArticle needs')),
  };
  return async (input) => {
    const { ingestArticles } = await import('../ingest/pipeline.js');
    const [result] = await ingestArticles(driver, parser, { ...config, NEO4J_DATABASE: database }, [input]);
    if (!result) throw new Error('ingest pipeline returned no result');
    return result;
  };
}

/** Pipeline codes that mean "the client sent something wrong". */
const INPUT_ERRORS = new Set<IngestErrorCode>([
  'EMPTY', 'BINARY', 'NOT_UTF8', 'TOO_LARGE', 'MISSING_DATE', 'BAD_DATE', 'FUTURE_DATE', 'BAD_FIELD', 'DUPLICATE_ID',
  'BAD_MANIFEST', 'UNREADABLE',
]);

export interface IngestArticleArgs {
  text: string;
  outlet: string;
  publishedAt: string;
  title?: string | null;
  url?: string | null;
  id?: string | null;
}

/** Checks the pipeline leaves to callers (URL form, lengths of short fields). */
function precheck(input: IngestArticleArgs): void {
  if (input.url) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(input.url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw badInput('input.url must be an http or https URL', 'input.url');
  }
  if (input.outlet.length > 200) throw badInput('input.outlet must be at most 200 characters', 'input.outlet');
  if ((input.title ?? '').length > 1000) throw badInput('input.title must be at most 1000 characters', 'input.title');
}

export async function ingestViaApi(ingest: IngestFn, input: IngestArticleArgs, exposeDetails: boolean): Promise<IngestResultRow> {
  precheck(input);
  const result = await ingest({
    id: input.id ?? undefined,
    text: input.text,
    outlet: input.outlet,
    title: input.title ?? null,
    publishedAt: input.publishedAt,
    url: input.url ?? null,
    source: 'upload',
  });
  if (result.status === 'failed' && result.code && INPUT_ERRORS.has(result.code)) {
    const field = `input.${result.field ?? 'text'}`;
    // The pipeline prefixes messages with the input's name ("upload: …"); here the field is the better name.
    throw badInput(`${field}: ${(result.error ?? 'invalid').replace(/^upload: /, '')}`, field);
  }
  const status = result.status === 'created' ? 'CREATED' : result.status === 'unchanged' ? 'UNCHANGED' : 'FAILED';
  // Load/extraction failures may quote driver or library text: only shown when details are asked for.
  const error =
    status === 'FAILED'
      ? exposeDetails
        ? (result.error ?? 'failed')
        : 'the article could not be ingested; nothing of it was stored (the server log has the details)'
      : null;
  return { id: result.id ?? input.id ?? '', status, error };
}
