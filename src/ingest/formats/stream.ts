/**
 * Data-file records → the ingest pipeline, in batches: the reader streams records, this collects up to
 * `batchSize` of them and hands each batch to the pipeline (one transaction per article, as everywhere),
 * so memory holds one batch, never the file. Bad records (the reader's errors, the pipeline's failures) are
 * reported one by one as they happen; the others go in. Only counts are kept.
 */
import type { IngestResult } from '../pipeline.js';
import type { IngestInput } from '../validate.js';
import type { RecordCounts } from '../progress.js';
import type { ArticleRecord, RecordSource } from './records.js';

/** The ingest pipeline as this layer needs it: a batch of inputs in, one result per input out, in order. */
export type IngestBatch = (inputs: readonly IngestInput[]) => Promise<IngestResult[]>;

export const DEFAULT_BATCH_SIZE = 50;

export interface StreamIngestOptions {
  batchSize?: number;
  /** Every record's outcome, including records the reader could not read (status "failed", id null). */
  onResult?: (result: IngestResult) => void;
  /** After each batch: bytes read so far and the counts. */
  onProgress?: (bytesRead: number, counts: RecordCounts) => void;
}

export interface StreamSummary extends RecordCounts {
  file: string;
  format: string;
  bytes: number;
  seconds: number;
  recordsPerSecond: number;
}

export async function ingestRecordStream(source: RecordSource, ingest: IngestBatch, opts: StreamIngestOptions = {}): Promise<StreamSummary> {
  const wanted = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const batchSize = Number.isInteger(wanted) && wanted >= 1 ? wanted : DEFAULT_BATCH_SIZE;
  const counts: RecordCounts = { records: 0, created: 0, unchanged: 0, failed: 0 };
  const t0 = performance.now();
  let batch: ArticleRecord[] = [];
  const ids = new Set<string>();
  const record = (r: IngestResult) => {
    counts.records += 1;
    counts[r.status] += 1;
    opts.onResult?.(r);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const inputs = batch;
    batch = [];
    ids.clear();
    const results = await ingest(inputs);
    for (const r of results) record(r);
    opts.onProgress?.(source.bytesRead(), counts);
  };
  for await (const item of source.items()) {
    if ('error' in item) {
      const e = item.error;
      record({ id: null, source: e.file, status: 'failed', error: e.message, code: e.code, field: e.field });
      continue;
    }
    // The same id twice in one batch would both be read as "not stored yet": the second waits for the next batch.
    if (ids.has(item.input.id)) await flush();
    batch.push(item.input);
    ids.add(item.input.id);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  const seconds = (performance.now() - t0) / 1000;
  return {
    file: source.file,
    format: source.format,
    bytes: source.totalBytes,
    ...counts,
    seconds: Math.round(seconds * 1000) / 1000,
    recordsPerSecond: Math.round((counts.records / Math.max(seconds, 1e-9)) * 10) / 10,
  };
}
