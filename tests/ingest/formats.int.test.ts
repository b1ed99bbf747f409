/**
 * The formats of docs/formats.md into a real Neo4j through the real pipeline: good records stored, bad ones
 * reported by line while the others go in, re-reading a file changes nothing, and the stored text of an
 * HTML page is the extracted text, so every provenance offset points into it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles, type IngestResult } from '../../src/ingest/pipeline.js';
import { readArticleFiles } from '../../src/ingest/seedFolder.js';
import { buildMapping } from '../../src/ingest/formats/mapping.js';
import { openRecords, recordFormatOf } from '../../src/ingest/formats/records.js';
import { ingestRecordStream } from '../../src/ingest/formats/stream.js';
import { readHtmlFile } from '../../src/ingest/formats/html.js';
import { testNlp } from '../support/nlp.js';

const DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';
const CONFIG = { NEO4J_DATABASE: DATABASE, MAX_ARTICLE_BYTES: 500_000 };
const FIX = 'tests/fixtures/formats';
const NOW = new Date('2025-01-01T00:00:00Z');

describe('data files into Neo4j', () => {
  const driver = testDriver();
  let cleanup: () => Promise<void>;
  const ingest = async (inputs: Parameters<typeof ingestArticles>[3]) => ingestArticles(driver, await testNlp(), CONFIG, inputs, { now: NOW });

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
    cleanup = await rememberGraph(driver, DATABASE);
  });
  afterAll(async () => {
    await cleanup?.();
    await driver.close();
  });

  async function ingestFile(file: string, preset?: string) {
    const results: IngestResult[] = [];
    const source = openRecords(file, recordFormatOf(file)!, { mapping: buildMapping(preset, undefined), overrides: {}, maxBytes: CONFIG.MAX_ARTICLE_BYTES });
    const summary = await ingestRecordStream(source, ingest, { batchSize: 2, onResult: (r) => results.push(r) });
    return { summary, results };
  }

  it('stores the good JSONL records, reports the broken line and the undated record, and is idempotent', async () => {
    const first = await ingestFile(`${FIX}/broken.jsonl`);
    expect(first.summary).toMatchObject({ records: 5, created: 3, unchanged: 0, failed: 2 });
    expect(first.results.filter((r) => r.status === 'failed').map((r) => [r.code, r.source])).toEqual([
      ['BAD_RECORD', `${FIX}/broken.jsonl:3`],
      ['MISSING_DATE', `${FIX}/broken.jsonl:5`],
    ]);
    const { records } = await driver.executeQuery(
      'MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.outlet AS outlet, toString(a.publishedAt) AS day, a.text AS text ORDER BY id',
      { ids: first.results.filter((r) => r.status === 'created').map((r) => r.id) },
      { database: DATABASE },
    );
    expect(records.map((r) => [r.get('id'), r.get('outlet'), r.get('day')])).toEqual([
      ['fmt-jsonl-1', 'Bay Herald', '2024-02-07'],
      ['fmt-jsonl-2', 'Bay Herald', '2024-02-08'],
      [expect.stringMatching(/^url-[0-9a-f]{16}$/), 'Bay Herald', '2024-02-10'],
    ]);
    const again = await ingestFile(`${FIX}/broken.jsonl`);
    expect(again.summary).toMatchObject({ records: 5, created: 0, unchanged: 3, failed: 2 });
  });

  it('stores CSV rows, RSS and Atom items and a news-please record', async () => {
    expect((await ingestFile(`${FIX}/multiline.csv`)).summary).toMatchObject({ created: 3, failed: 1 });
    expect((await ingestFile(`${FIX}/feed.rss`)).summary).toMatchObject({ created: 2, failed: 1 });
    expect((await ingestFile(`${FIX}/feed.atom`)).summary).toMatchObject({ created: 2, failed: 0 });
    expect((await ingestFile(`${FIX}/news-please.json`, 'news-please')).summary).toMatchObject({ created: 1, failed: 0 });
    const { records } = await driver.executeQuery("MATCH (a:Article {id: 'fmt-csv-1'}) RETURN a.text AS text", {}, { database: DATABASE });
    expect(records[0]?.get('text')).toContain('the water authority said.\n\n"The dam is safe for another decade,"');
  });

  it('stores an HTML page with its extracted text, so every provenance span slices out of it', async () => {
    const page = readHtmlFile(`${FIX}/harbor-page.html`, CONFIG.MAX_ARTICLE_BYTES);
    const { inputs, errors } = readArticleFiles([`${FIX}/harbor-page.html`], {}, CONFIG);
    expect(errors).toEqual([]);
    const [result] = await ingest(inputs);
    expect(result).toMatchObject({ id: 'harbor-page', status: 'created' });
    const { records } = await driver.executeQuery(
      `MATCH (a:Article {id: 'harbor-page'})
       RETURN a.text AS text, a.outlet AS outlet, a.title AS title, toString(a.publishedAt) AS day,
         COLLECT { MATCH (:Statement)-[r:REPORTED_IN]->(a) RETURN [r.start, r.end, r.exact] } AS reports,
         COLLECT { MATCH ()-[m:MENTIONED_IN]->(a) RETURN [m.start, m.end, m.exact] } AS mentions`,
      {},
      { database: DATABASE },
    );
    const row = records[0]!.toObject() as { text: string; outlet: string; title: string; day: string; reports: Array<[unknown, unknown, string]>; mentions: Array<[unknown, unknown, string]> };
    expect(row).toMatchObject({ text: page.text, outlet: 'The Tidewater Courier', title: 'Veloria harbor reopens after a week of storms', day: '2024-03-05' });
    expect(row.reports.length).toBeGreaterThan(0);
    expect(row.mentions.length).toBeGreaterThan(0);
    for (const [start, end, exact] of [...row.reports, ...row.mentions]) {
      expect(row.text.slice(Number(start), Number(end))).toBe(exact);
    }
  });
});
