/**
 * The ingest pipeline asks the NLP engine only for what it must: articles stored unchanged are not parsed at
 * all, and a text parsed once (by any earlier run sharing the cache directory) is never parsed again.
 * Counted at the engine: the client's request counter, and every text that reaches parseMany.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { loadConfig } from '../../src/config.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles, type ArticleParser } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import type { NlpClient } from '../../src/nlp/index.js';
import { DATABASE } from '../graph/helpers.js';

const CONFIG = { ...loadConfig({}), NEO4J_DATABASE: DATABASE };

/** The client, recording every text the pipeline asks it to parse. */
function recording(nlp: NlpClient): ArticleParser & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    parseMany: (texts) => {
      asked.push(...texts);
      return nlp.parseMany(texts);
    },
  };
}

describe('ingest and the parse cache', () => {
  const driver = testDriver();
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'chronicle-ingest-cache-'));
  const seed = readSeedFolder('seed', CONFIG);
  let forget: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
    forget = await rememberGraph(driver, DATABASE);
  });
  afterAll(async () => {
    await forget?.();
    await driver.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('parses each new article once, re-seeding parses nothing, and re-ingesting into an empty graph reads the cache', async () => {
    const n = seed.inputs.length;
    const first = await testNlp({ cacheDir });
    const firstParser = recording(first);
    const created = await ingestArticles(driver, firstParser, CONFIG, seed.inputs);
    expect(created.map((r) => r.status)).toEqual(Array(n).fill('created'));
    expect(firstParser.asked).toHaveLength(n);
    expect(first.stats()).toMatchObject({ parsedTexts: n, misses: n, hits: 0 });
    const requests = first.stats().engineRequests;
    expect(requests).toBeLessThanOrEqual(Math.ceil(n / 16)); // batched, not one request per article

    // Re-seeding: every article is stored unchanged, so none is even handed to the parser.
    const again = recording(first);
    const unchanged = await ingestArticles(driver, again, CONFIG, seed.inputs);
    expect(unchanged.map((r) => r.status)).toEqual(Array(n).fill('unchanged'));
    expect(again.asked).toEqual([]);
    expect(first.stats().engineRequests).toBe(requests);

    // A later run (a new client, empty memory) into an emptied graph: extraction needs parses, the disk has them.
    await forget?.();
    forget = await rememberGraph(driver, DATABASE);
    const later = await testNlp({ cacheDir });
    const reingested = await ingestArticles(driver, later, CONFIG, seed.inputs);
    expect(reingested.map((r) => r.status)).toEqual(Array(n).fill('created'));
    expect(later.stats()).toMatchObject({ engineRequests: 0, parsedTexts: 0, diskHits: n, misses: 0 });
  });

  it('fails only the articles whose parse failed, naming the engine problem, and stores nothing of them', async () => {
    const broken: ArticleParser = { parseMany: () => Promise.reject(new Error('the NLP engine at http://127.0.0.1:9 is not reachable')) };
    const input = { ...seed.inputs[0]!, id: `nlp-down-${Date.now()}` };
    const [result] = await ingestArticles(driver, broken, CONFIG, [input]);
    expect(result).toMatchObject({ status: 'failed', code: 'NLP_FAILED' });
    expect(result!.error).toMatch(/could not be parsed \(the NLP engine at http:\/\/127\.0\.0\.1:9 is not reachable\) — nothing of this article was stored/);
    const { records } = await driver.executeQuery('MATCH (a:Article {id: $id}) RETURN count(a) AS n', { id: input.id }, { database: DATABASE });
    expect(records[0]!.get('n').toNumber()).toBe(0);
  });
});
