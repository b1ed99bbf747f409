import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { readArticleFiles, readSeedFolder } from '../../src/ingest/seedFolder.js';
import { resolveArticle } from '../../src/resolve/index.js';
import type { ArticleInput, ExtractedArticle, KnownGraph } from '../../src/domain/types.js';
import { countWithPrefix, DATABASE, deleteByIdPrefix, dumpGraph, uniquePrefix } from './helpers.js';

// These tests are about the pipeline (validation, atomicity, order), not extraction: a stand-in extractor
// finds one anonymous source per article, so the real one (tested on the seeds) can change freely.
vi.mock('../../src/extract/index.js', async () => {
  const { createHash } = await import('node:crypto');
  return {
    extractArticle: (input: ArticleInput): ExtractedArticle => {
      const exact = input.text.split(/\s+/)[0] ?? '';
      return {
        article: { ...input, sha256: createHash('sha256').update(input.text, 'utf8').digest('hex') },
        actors: [{ key: 'a1', name: 'a witness', kind: 'ANONYMOUS_SOURCE', aliases: [], mentions: [{ start: 0, end: exact.length, exact }] }],
        statements: [],
        events: [],
        claims: [],
      };
    },
  };
});

const NOW = new Date('2024-06-01T00:00:00Z');
const CONFIG = { NEO4J_DATABASE: DATABASE, MAX_ARTICLE_BYTES: 2_000 };

describe('ingestArticles', () => {
  const driver = testDriver();
  const p = uniquePrefix('pipe');
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-pipeline-'));
  const entry = (id: string, extra: Record<string, unknown> = {}) => ({
    id: `${p}-${id}`,
    file: `${id}.txt`,
    outlet: 'Example Daily',
    title: null,
    publishedAt: '2024-05-01',
    url: null,
    ...extra,
  });

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
    writeFileSync(path.join(dir, 'keep.txt'), 'Officials met on Monday to discuss the bridge.');
    writeFileSync(path.join(dir, 'keep-changed.txt'), 'Officials met on Tuesday to discuss the bridge.');
    writeFileSync(path.join(dir, 'good.txt'), 'Residents said the road reopened.');
    writeFileSync(path.join(dir, 'explodes.txt'), 'This one fails while loading.');
    writeFileSync(path.join(dir, 'future.txt'), 'Tomorrow never dies.');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 society', 'latin1'));
    writeFileSync(path.join(dir, 'big.txt'), 'word '.repeat(1_000));
    writeFileSync(path.join(dir, 'baddate.txt'), 'A perfectly fine text.');
  });
  afterAll(async () => {
    await deleteByIdPrefix(driver, p);
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores good articles, reports each bad one with a clear message, and changes nothing stored', async () => {
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify([entry('keep')]));
    const first = readSeedFolder(dir, CONFIG);
    expect(first.errors).toEqual([]);
    const [kept] = await ingestArticles(driver, await testNlp(), CONFIG, first.inputs, { now: NOW });
    expect(kept).toMatchObject({ id: `${p}-keep`, status: 'created' });
    const before = await dumpGraph(driver, [`${p}-keep`]);

    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify([
        entry('keep-changed', { id: `${p}-keep` }), // same id as the stored article, different text
        entry('good'),
        entry('explodes'),
        entry('future', { publishedAt: '2030-01-01' }),
        entry('empty'),
        entry('binary'),
        entry('latin1'),
        entry('big'),
        entry('baddate', { publishedAt: '2015-02-30' }),
      ]),
    );
    const batch = readSeedFolder(dir, CONFIG);
    const fileErrors = Object.fromEntries(batch.errors.map((e) => [e.code, e.message]));
    expect(fileErrors).toEqual({
      EMPTY: expect.stringMatching(/empty\.txt: the article is empty — put the article text in the file/),
      BINARY: expect.stringMatching(/binary\.txt: looks like a binary file .* export the article as a UTF-8 \.txt file/),
      NOT_UTF8: expect.stringMatching(/latin1\.txt: is not valid UTF-8 \(near byte 3\) — re-save it as UTF-8/),
      TOO_LARGE: expect.stringMatching(/big\.txt: is 5000 bytes, over the limit of 2000 — .*MAX_ARTICLE_BYTES/),
      BAD_DATE: expect.stringMatching(/manifest\.json: entry 8 \(baddate\.txt\): publishedAt: not a real calendar date/),
    });

    const progress: string[] = [];
    const results = await ingestArticles(driver, await testNlp(), CONFIG, batch.inputs, {
      now: NOW,
      onProgress: (r, i, total) => progress.push(`${i + 1}/${total} ${r.status}`),
      // Resolution hands the loader an impossible date for one article: its transaction fails mid-way.
      resolve: (extracted: ExtractedArticle, known: KnownGraph) => {
        const resolved = resolveArticle(extracted, known);
        if (extracted.article.id !== `${p}-explodes`) return resolved;
        const event = { key: 'e1', kind: 'INCIDENT' as const, name: 'x', date: { start: '2015-02-30', end: '2015-02-30', precision: 'DAY' as const, source: 'TEXT' as const }, participantKeys: [], mentions: [] };
        return { ...resolved, events: [event], ids: { ...resolved.ids, e1: `event:incident:${p}-explodes` } };
      },
    });
    expect(results.map((r) => [r.id, r.status, r.code ?? null])).toEqual([
      [`${p}-keep`, 'failed', 'DUPLICATE_ID'],
      [`${p}-good`, 'created', null],
      [`${p}-explodes`, 'failed', 'LOAD_FAILED'],
      [`${p}-future`, 'failed', 'FUTURE_DATE'],
    ]);
    expect(progress).toEqual(['1/4 failed', '2/4 created', '3/4 failed', '4/4 failed']);
    expect(results[0]!.error).toMatch(/keep-changed\.txt: id ".*-keep" is already stored with different text — give this article a new id/);
    expect(results[2]!.error).toMatch(/explodes\.txt: could not be stored \(.*\) — nothing of this article was stored/);
    expect(results[3]!.error).toMatch(/future\.txt: publishedAt "2030-01-01" is in the future/);

    expect(await dumpGraph(driver, [`${p}-keep`])).toEqual(before);
    expect(await countWithPrefix(driver, `${p}-explodes`)).toEqual({ nodes: 0, rels: 0 });
    expect(await countWithPrefix(driver, `${p}-good`)).toMatchObject({ nodes: 2 });
  });

  it('skips an article stored with the same text as unchanged', async () => {
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify([entry('keep')]));
    const results = await ingestArticles(driver, await testNlp(), CONFIG, readSeedFolder(dir, CONFIG).inputs, { now: NOW });
    expect(results).toEqual([{ id: `${p}-keep`, source: expect.stringMatching(/keep\.txt$/), status: 'unchanged' }]);
  });

  it('reads loose files with --outlet/--published, using the file stem as id', async () => {
    const loose = mkdtempSync(path.join(tmpdir(), 'chronicle-loose-'));
    try {
      writeFileSync(path.join(loose, `${p}-loose one.txt`), 'The mayor said the market would stay open.');
      const read = readArticleFiles([loose], { outlet: 'Example Daily', publishedAt: '2024-05-02' }, CONFIG);
      expect(read.errors).toEqual([]);
      expect(read.inputs.map((i) => i.id)).toEqual([`${p}-loose-one`]);
      const results = await ingestArticles(driver, await testNlp(), CONFIG, read.inputs, { now: NOW });
      expect(results[0]).toMatchObject({ status: 'created' });

      const again = await ingestArticles(driver, await testNlp(), CONFIG, read.inputs, { now: NOW });
      expect(again[0]).toMatchObject({ status: 'unchanged' });

      const undescribed = readArticleFiles([loose], {}, CONFIG);
      const [undated] = await ingestArticles(driver, await testNlp(), CONFIG, undescribed.inputs, { now: NOW });
      expect(undated).toMatchObject({ status: 'failed', code: 'MISSING_DATE', field: 'publishedAt' });
      expect(undated!.error).toMatch(/loose one\.txt: has no publication date — give publishedAt as YYYY-MM-DD \(manifest entry, or --published\)/);
    } finally {
      rmSync(loose, { recursive: true, force: true });
    }
  });
});

describe('ingestArticles with Neo4j unavailable', () => {
  it('stops after stopAfterUnavailable DB failures in a row; invalid inputs in between neither count nor reset', async () => {
    const { Neo4jError } = await import('neo4j-driver');
    const real = testDriver();
    let queries = 0;
    const down = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'executeQuery') {
          return async () => {
            queries += 1;
            throw new Neo4jError('Failed to connect to server … ECONNREFUSED 127.0.0.1:7687', 'ServiceUnavailable' as never, '08000', 'x');
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const article = (n: number, text = `Article number ${n} says something.`) => ({ id: `down-${n}`, text, outlet: 'X', title: null, publishedAt: '2024-05-01', url: null, source: `down-${n}.txt` });
    const inputs = [article(1), article(2, '   '), article(3), article(4), article(5), article(6)];
    const results = await ingestArticles(down, await testNlp(), CONFIG, inputs, { now: NOW, stopAfterUnavailable: 3 });
    await real.close();
    expect(results.map((r) => r.code)).toEqual(['DB_UNAVAILABLE', 'EMPTY', 'DB_UNAVAILABLE', 'DB_UNAVAILABLE', 'NOT_ATTEMPTED', 'NOT_ATTEMPTED']);
    expect(results.every((r) => r.status === 'failed')).toBe(true);
    expect(results[0]!.error).toMatch(/^down-1\.txt: could not be stored: Neo4j is unavailable \(Failed to connect/);
    expect(results[4]!.error).toBe('down-5.txt: not attempted — the ingest stopped after 3 articles in a row could not reach Neo4j; nothing of this article was stored');
    // One stored-version read for the batch: the failures cost no further round trips.
    expect(queries).toBe(1);
  });
});
