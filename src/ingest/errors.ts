/**
 * The one error type of ingestion: what went wrong, in which input, in which field, and how to fix it.
 * The CLI prints `message`; the API maps `code` to a GraphQL error code (all are the user's input).
 */
export type IngestErrorCode =
  | 'EMPTY'
  | 'BINARY'
  | 'NOT_UTF8'
  | 'TOO_LARGE'
  | 'MISSING_DATE'
  | 'BAD_DATE'
  | 'FUTURE_DATE'
  | 'BAD_FIELD'
  | 'DUPLICATE_ID'
  | 'BAD_MANIFEST'
  /** A record of a data file (JSONL line, CSV row, feed item) that cannot be read at all. */
  | 'BAD_RECORD'
  | 'UNREADABLE'
  | 'NLP_FAILED'
  | 'EXTRACTION_FAILED'
  | 'LOAD_FAILED'
  /** Neo4j could not be reached or did not answer in time (src/graph/executor.ts, isDatabaseUnavailable). */
  | 'DB_UNAVAILABLE'
  /** Not tried: the ingest stopped after too many DB_UNAVAILABLE failures in a row (IngestOptions.stopAfterUnavailable). */
  | 'NOT_ATTEMPTED';

export class IngestError extends Error {
  override name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    /** The input the error is about: a file path, a manifest path, or "upload". */
    readonly file: string,
    /** What is wrong and how to fix it; the message is `<file>: <problem>`. */
    problem: string,
    /** The offending field (publishedAt, outlet, id, text…), when one is to blame. */
    readonly field?: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
