/**
 * An event's place in the graph (docs/graph-model.md, "Loading"): every article's place for an event is a place
 * claim, kept side by side; the event's `place` is derived from all of them (most articles, then alphabetical), so
 * the same articles in any order give the same place, and ingesting them again changes nothing.
 * Fixtures (tests/fixtures/place, written for this test): one rally, placed in Denver by p1 and p3, Boston by p2.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { loadConfig } from '../../src/config.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { loadArticle, loadArticles } from '../../src/graph/load.js';
import { fetchKnownGraph } from '../../src/graph/knownGraph.js';
import { resolveArticle } from '../../src/resolve/index.js';
import { extractWithEngine } from '../support/nlp.js';
import { DATABASE, dumpGraph } from './helpers.js';
import type { ArticleInput } from '../../src/domain/types.js';

const CONFIG = { ...loadConfig({}), NEO4J_DATABASE: DATABASE };
const RALLY = 'event:meeting:rally:2024-03-12';

const input = (id: string, outlet: string): ArticleInput => ({
  id: `place-${id}`, text: readFileSync(`tests/fixtures/place/${id}.txt`, 'utf8'), outlet, title: null, publishedAt: '2024-03-14', url: null,
});
const ARTICLES = [input('p1', 'Test Wire'), input('p2', 'Other Wire'), input('p3', 'Third Wire')];

const PLACE = `
MATCH (e:Event {id: $id})
RETURN e.place AS place,
  COLLECT {
    MATCH (c:Claim {attribute: 'place'})-[:ON]->(e)
    MATCH (c)-[st:STATED_IN]->(art:Article)
    RETURN [c.normalized, c.value, c.articleId, art.id, st.exact] AS claim ORDER BY claim
  } AS claims`;

describe('an event’s place', () => {
  const driver = testDriver();

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
  });
  afterAll(async () => {
    await driver.close();
  });

  async function placeOf(): Promise<{ place: string | null; claims: string[][] }> {
    const { records } = await driver.executeQuery(PLACE, { id: RALLY }, { database: DATABASE });
    expect(records).toHaveLength(1);
    return { place: records[0]!.get('place') as string | null, claims: records[0]!.get('claims') as string[][] };
  }

  /** Ingests the articles in `order` into a clean database; returns the rally's place and place claims. */
  async function ingestInOrder(order: number[], articles = ARTICLES, again = false) {
    const forget = await rememberGraph(driver, DATABASE);
    try {
      const nlp = await testNlp();
      const results = await ingestArticles(driver, nlp, CONFIG, order.map((i) => articles[i]!));
      expect(results.filter((r) => r.status === 'failed')).toEqual([]);
      const found = await placeOf();
      if (again) {
        // Loading the same articles again — forced through extraction, resolution and both load paths (one article,
        // and a batch), since an ingest skips stored articles — changes nothing: same nodes, relationships, properties.
        const before = await dumpGraph(driver);
        const resolved = [];
        for (const i of order) {
          const extracted = await extractWithEngine(articles[i]!);
          resolved.push(resolveArticle(extracted, await fetchKnownGraph(driver, DATABASE, extracted)));
        }
        for (const r of resolved) await loadArticle(driver, DATABASE, r);
        expect(await dumpGraph(driver)).toEqual(before);
        await loadArticles(driver, DATABASE, resolved);
        expect(await dumpGraph(driver)).toEqual(before);
      }
      return found;
    } finally {
      await forget();
    }
  }

  it('keeps every article’s place as a claim and takes the one most articles give, in any order', async () => {
    const claims = [
      ['Boston', 'Boston', 'place-p2', 'place-p2', 'Boston'],
      ['Denver', 'Denver', 'place-p1', 'place-p1', 'Denver'],
      ['Denver', 'Denver', 'place-p3', 'place-p3', 'Denver'],
    ];
    for (const order of [[0, 1, 2], [1, 2, 0], [2, 1, 0], [1, 0, 2]]) {
      expect({ order, ...(await ingestInOrder(order, ARTICLES, order[0] === 0)) }).toEqual({ order, place: 'Denver', claims });
    }
  }, 600_000);

  it('breaks a tie between two articles alphabetically, whichever came first', async () => {
    const two = [ARTICLES[0]!, ARTICLES[1]!];
    const claims = [
      ['Boston', 'Boston', 'place-p2', 'place-p2', 'Boston'],
      ['Denver', 'Denver', 'place-p1', 'place-p1', 'Denver'],
    ];
    expect(await ingestInOrder([0, 1], two)).toEqual({ place: 'Boston', claims });
    expect(await ingestInOrder([1, 0], two)).toEqual({ place: 'Boston', claims });
  }, 600_000);
});
