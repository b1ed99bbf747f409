/**
 * `chronicle ingest` for data files: which paths are data files (by extension or `--format`), the mapping
 * from `--preset`/`--map`, then each file streamed into the pipeline in batches with a progress bar, every
 * bad record logged with its line and fix, and a summary per file.
 */
import type { Logger } from '../../logger.js';
import { createByteProgress } from '../progress.js';
import { IngestError } from '../errors.js';
import { buildMapping, type Overrides } from './mapping.js';
import { openRecords, parseRecordFormat, recordFormatOf, RECORD_FORMATS, type RecordFormat } from './records.js';
import { ingestRecordStream, type IngestBatch, type StreamSummary } from './stream.js';

export const INGEST_FORMATS = ['txt', 'html', 'jsonl', 'ndjson', 'json', 'csv', 'tsv', 'rss', 'atom', 'xml'] as const;

export class IngestUsageError extends Error {
  override name = 'IngestUsageError';
}

export interface IngestPaths {
  /** .txt/.html files and folders: src/ingest/seedFolder.ts (one article per file). */
  articles: string[];
  /** Read every article file as HTML (`--format html`). */
  html: boolean;
  /** Data files with many records each. */
  data: Array<{ file: string; format: RecordFormat }>;
}

/** Sorts the paths of `chronicle ingest` into article files and data files; `--format` applies to all of them. */
export function splitIngestPaths(paths: readonly string[], format: string | undefined): IngestPaths {
  if (format !== undefined && !(INGEST_FORMATS as readonly string[]).includes(format.toLowerCase())) {
    throw new IngestUsageError(`--format must be one of ${INGEST_FORMATS.join(', ')} for ingest, not "${format}"`);
  }
  const forced = format ? parseRecordFormat(format) : null;
  const f = format?.toLowerCase();
  if (f === 'txt' || f === 'html') return { articles: [...paths], html: f === 'html', data: [] };
  const out: IngestPaths = { articles: [], html: false, data: [] };
  for (const p of paths) {
    const fmt = forced ?? recordFormatOf(p);
    if (fmt) out.data.push({ file: p, format: fmt });
    else out.articles.push(p);
  }
  return out;
}

export interface DataIngestOptions {
  preset?: string;
  map?: string;
  overrides: Overrides;
  batchSize?: number;
  maxBytes: number;
}

export interface DataIngestDeps {
  ingest: IngestBatch;
  logger: Logger;
  progressStream?: NodeJS.WriteStream;
}

/** Streams each data file into the pipeline; true when any record or file failed. */
export async function ingestDataFiles(
  files: IngestPaths['data'],
  opts: DataIngestOptions,
  deps: DataIngestDeps,
): Promise<{ failed: boolean; summaries: StreamSummary[] }> {
  if (opts.batchSize !== undefined && !(Number.isInteger(opts.batchSize) && opts.batchSize >= 1 && opts.batchSize <= 10_000)) {
    throw new IngestUsageError('--batch-size must be a whole number from 1 to 10000 (default 50)');
  }
  let mapping;
  try {
    mapping = buildMapping(opts.preset, opts.map);
  } catch (err) {
    throw new IngestUsageError((err as Error).message);
  }
  const summaries: StreamSummary[] = [];
  let failed = false;
  for (const { file, format } of files) {
    let source;
    try {
      source = openRecords(file, format, { mapping, overrides: opts.overrides, maxBytes: opts.maxBytes });
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      deps.logger.error(err.message);
      failed = true;
      continue;
    }
    const progress = createByteProgress(source.totalBytes, file, deps.progressStream);
    let summary: StreamSummary;
    try {
      summary = await ingestRecordStream(source, deps.ingest, {
        batchSize: opts.batchSize,
        onResult: (r) => {
          if (r.status === 'failed') deps.logger.error({ record: r.source, article: r.id, code: r.code }, r.error ?? 'failed');
        },
        onProgress: (bytes, counts) => progress.update(bytes, counts),
      });
    } catch (err) {
      // The file itself failed mid-way (a read error): what was ingested stays; the next file still goes.
      progress.stop();
      deps.logger.error(`${file}: could not be read to the end (${(err as Error).message.split('\n')[0]}) — the records before that point were ingested; check the file and run again`);
      failed = true;
      continue;
    }
    progress.stop();
    deps.logger.info(summary, `ingest of ${file} finished`);
    summaries.push(summary);
    if (summary.failed > 0) failed = true;
  }
  return { failed, summaries };
}

export { RECORD_FORMATS };
