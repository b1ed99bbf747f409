/**
 * Ingest order must not matter (docs/graph-model.md, "Loading" and "Ids"): the seed articles ingested in
 * several orders, each into a database holding only what was there before, give the same graph — the same
 * node ids, labels and properties (ingest timestamps aside) and the same relationships.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { loadConfig } from '../../src/config.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { DATABASE, plain } from './helpers.js';
import type { ArticleInput } from '../../src/domain/types.js';

const CONFIG = { ...loadConfig({}), NEO4J_DATABASE: DATABASE };

/** Index orders of the five seed articles: forward, reverse and three others. */
export const ORDERS = [
  [0, 1, 2, 3, 4],
  [4, 3, 2, 1, 0],
  [2, 0, 4, 1, 3],
  [3, 4, 0, 2, 1],
  [1, 3, 2, 4, 0],
];

/** Properties minus timestamps (DateTime values such as Article.ingestedAt). */
function withoutTimestamps(props: Record<string, unknown>): unknown {
  const kept = Object.entries(props).filter(([, v]) => !neo4j.isDateTime(v));
  return plain(Object.fromEntries(kept));
}

/** The whole graph as sorted lines: nodes (id, labels, properties) and relationships (endpoints, type, properties). */
export async function fullDump(driver: ReturnType<typeof testDriver>): Promise<{ nodes: string[]; rels: string[] }> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props', {}, { database: DATABASE });
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props',
    {},
    { database: DATABASE },
  );
  return {
    nodes: nodes.records
      .map((r) => JSON.stringify([r.get('id'), [...(r.get('labels') as string[])].sort(), withoutTimestamps(r.get('props') as Record<string, unknown>)]))
      .sort(),
    rels: rels.records
      .map((r) => JSON.stringify([r.get('from'), r.get('type'), r.get('to'), withoutTimestamps(r.get('props') as Record<string, unknown>)]))
      .sort(),
  };
}

describe('ingest order', () => {
  const driver = testDriver();
  const seed = readSeedFolder('seed', CONFIG);

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
  });
  afterAll(async () => {
    await driver.close();
  });

  /** Ingests `inputs` in each order into a clean database and expects one graph; returns the first order's dump. */
  async function sameGraphInEveryOrder(inputs: ArticleInput[], orders: number[][]): Promise<{ nodes: string[]; rels: string[] }> {
    const dumps: Array<{ order: number[]; dump: { nodes: string[]; rels: string[] } }> = [];
    for (const order of orders) {
      const forget = await rememberGraph(driver, DATABASE);
      try {
        const results = await ingestArticles(driver, await testNlp(), CONFIG, order.map((i) => inputs[i]!));
        expect(results.filter((r) => r.status === 'failed')).toEqual([]);
        dumps.push({ order, dump: await fullDump(driver) });
      } finally {
        await forget();
      }
    }
    const [first, ...rest] = dumps;
    // ORDER_DUMP=<file>: write every order's dump, to read the differences side by side.
    if (process.env.ORDER_DUMP) writeFileSync(process.env.ORDER_DUMP, JSON.stringify(dumps, null, 1));
    for (const other of rest) {
      const missing = first!.dump.nodes.filter((n) => !other.dump.nodes.includes(n));
      const extra = other.dump.nodes.filter((n) => !first!.dump.nodes.includes(n));
      const missingRels = first!.dump.rels.filter((n) => !other.dump.rels.includes(n));
      const extraRels = other.dump.rels.filter((n) => !first!.dump.rels.includes(n));
      expect({ order: other.order, missing, extra, missingRels, extraRels }).toEqual({
        order: other.order, missing: [], extra: [], missingRels: [], extraRels: [],
      });
    }
    return first!.dump;
  }

  it('gives the same graph for the seed articles in five orders', async () => {
    expect(seed.inputs).toHaveLength(5);
    await sameGraphInEveryOrder(seed.inputs, ORDERS);
  }, 600_000);

  it('makes one meeting of one video conference reported four ways, in any order (tests/fixtures/order)', async () => {
    // Written for this test: "their third video conference on Wednesday", "talks on Wednesday", "their third round
    // of talks" (undated), "Wednesday's video conference" — one meeting, which the last report may have to bridge.
    const published: Record<string, string> = { a1: '2024-05-10', a2: '2024-05-10', a3: '2024-05-12', a4: '2024-05-13' };
    const inputs: ArticleInput[] = Object.entries(published).map(([id, publishedAt]) => ({
      id: `order-${id}`, text: readFileSync(`tests/fixtures/order/${id}.txt`, 'utf8'), outlet: 'Test Wire', title: null, publishedAt, url: null,
    }));
    const dump = await sameGraphInEveryOrder(inputs, [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]);
    const meetings = dump.nodes.filter((n) => JSON.parse(n)[1].includes('Meeting'));
    expect(meetings.map((n) => JSON.parse(n)[0])).toEqual(['event:meeting:finland-norway-video-conference:3']);
  }, 600_000);
  it('gives a person the id of their full name whether the surname-only report comes first or last (tests/fixtures/order-actors)', async () => {
    // Written for this test: b1 names the senator by surname alone ("Halvorsen said"), b2 by her full name; both
    // quote the same sentence. The person and the quote are one node each, with the same ids in either order.
    const inputs: ArticleInput[] = [['b1', '2024-03-06'], ['b2', '2024-03-07']].map(([id, publishedAt]) => ({
      id: `order-${id}`, text: readFileSync(`tests/fixtures/order-actors/${id}.txt`, 'utf8'), outlet: 'Test Wire', title: null, publishedAt: publishedAt!, url: null,
    }));
    const dump = await sameGraphInEveryOrder(inputs, [[0, 1], [1, 0]]);
    const people = dump.nodes.map((n) => JSON.parse(n) as [string, string[], Record<string, unknown>]).filter(([, labels]) => labels.includes('Person'));
    expect(people.map(([id, , p]) => [id, p.name])).toEqual([['actor:person:margit-halvorsen', 'Margit Halvorsen']]);
    // The quote both articles give is one statement, reported in both.
    const reported = dump.rels.map((r) => JSON.parse(r) as [string, string, string]).filter(([, type]) => type === 'REPORTED_IN');
    const inB1 = new Set(reported.filter(([, , to]) => to === 'order-b1').map(([from]) => from));
    expect(reported.filter(([from, , to]) => to === 'order-b2' && inB1.has(from))).toHaveLength(1);
  }, 600_000);
  it('keeps two people of one article apart when a stored surname alone fits both, in either order (tests/fixtures/order-actors)', async () => {
    // Written for this test: b1 names "Halvorsen" alone; b3 names Henrik and Margit Halvorsen. Stored first, the
    // surname-only person fitted both of b3's people and made them one; stored last, it fits neither.
    const inputs: ArticleInput[] = [['b1', '2024-03-06'], ['b3', '2024-03-07']].map(([id, publishedAt]) => ({
      id: `order-${id}`, text: readFileSync(`tests/fixtures/order-actors/${id}.txt`, 'utf8'), outlet: 'Test Wire', title: null, publishedAt: publishedAt!, url: null,
    }));
    const dump = await sameGraphInEveryOrder(inputs, [[0, 1], [1, 0]]);
    const people = dump.nodes.map((n) => JSON.parse(n) as [string, string[], Record<string, unknown>]).filter(([, labels]) => labels.includes('Person'));
    expect(people.map(([id]) => id)).toEqual(['actor:person:halvorsen', 'actor:person:henrik-halvorsen', 'actor:person:margit-halvorsen']);
  }, 600_000);
  it('makes one meeting of a day and "last week" in either order, and keeps the day\'s vote apart from the year\'s contest (tests/fixtures/order)', async () => {
    // Written for this test. d1: a video conference "on Tuesday" (2024-03-05); d2, a week later: "last week's video
    // conference" (2024-03-04/2024-03-10), one meeting. v1 and v2: a vote "on Monday" (2024-03-04) called "contest"
    // and "election"; v3: "the 2024 presidential contest", the year's, not Monday's.
    const published: Array<[string, string]> = [['d1', '2024-03-06'], ['d2', '2024-03-13'], ['v1', '2024-03-06'], ['v2', '2024-03-06'], ['v3', '2024-03-07']];
    const inputs: ArticleInput[] = published.map(([id, publishedAt]) => ({
      id: `order-${id}`, text: readFileSync(`tests/fixtures/order/${id}.txt`, 'utf8'), outlet: 'Test Wire', title: null, publishedAt, url: null,
    }));
    const dump = await sameGraphInEveryOrder(inputs, [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 0, 4, 2, 3]]);
    const events = dump.nodes.map((n) => JSON.parse(n) as [string, string[], Record<string, unknown>]).filter(([, labels]) => labels.includes('Event'));
    expect(events.map(([id, , p]) => [id, p.start, p.end])).toEqual([
      ['event:meeting:finland-norway-video-conference:2024-03-05', 'Date:2024-03-05', 'Date:2024-03-05'],
      ['event:other:day-vote:2024-03-04', 'Date:2024-03-04', 'Date:2024-03-04'],
      ['event:other:presidential-contest:2024', 'Date:2024-01-01', 'Date:2024-12-31'],
    ]);
  }, 600_000);
  it('makes one node of one collision told seven ways and keeps an unrelated plane crash apart, in publication and reverse order (tests/fixtures/incidents)', async () => {
    const probe = readSeedFolder('tests/fixtures/incidents', CONFIG);
    expect(probe.errors).toEqual([]);
    const inputs = [...probe.inputs].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
    const forward = inputs.map((_, i) => i);
    const dump = await sameGraphInEveryOrder(inputs, [forward, [...forward].reverse()]);
    const incidents = dump.nodes.map((n) => JSON.parse(n) as [string, string[], Record<string, unknown>]).filter(([, labels]) => labels.includes('Incident'));
    expect(incidents.map(([id, , p]) => [id, p.name, p.start, p.end, p.place ?? null])).toEqual([
      ['event:incident:crash:2025-02-17', 'crash', 'Date:2025-02-17', 'Date:2025-02-17', 'Andes'],
      ['event:incident:norway-russia-collision:2025-02-04', 'Norway–Russia collision', 'Date:2025-02-04', 'Date:2025-02-04', 'Barents Sea'],
      // The storm article's own incident: a named storm on the day its lede gives.
      ['event:incident:storm-idris:2025-03-09', 'Storm Idris of 2025-03-09', 'Date:2025-03-09', 'Date:2025-03-09', null],
    ]);
    // Every article but the storm's describes one of the two.
    const described = dump.rels.map((r) => JSON.parse(r) as [string, string, string]).filter(([from, type]) => type === 'DESCRIBED_IN' && from.startsWith('event:incident:'));
    expect([...new Set(described.filter(([from]) => from.includes('collision')).map(([, , to]) => to))].sort()).toEqual(
      ['01-ap-collision', '02-moscowtimes-russian-account', '03-reuters-first-round', '04-bbc-second-round', '06-bloomberg-third-round', '07-afp-signing'],
    );
    // The collision's claims come from sentences about it: no day of the talks ("on Monday", "on Thursday") and no
    // distance the deal sets ("two nautical miles").
    const claimsOn = new Set(dump.rels.map((r) => JSON.parse(r) as [string, string, string]).filter(([, type, to]) => type === 'ON' && to === 'event:incident:norway-russia-collision:2025-02-04').map(([from]) => from));
    const claims = dump.nodes.map((n) => JSON.parse(n) as [string, string[], Record<string, unknown>]).filter(([id]) => claimsOn.has(id)).map(([, , p]) => p);
    const textClaims = claims.filter((c) => c.eventDate !== true && c.attribute !== 'place');
    expect(textClaims.filter((c) => c.attribute === 'date').map((c) => c.value).sort()).toEqual(['February 4', 'last week', 'on Tuesday', 'this week']);
    expect(textClaims.filter((c) => c.attribute === 'distance').map((c) => c.value)).not.toContain('two nautical miles');
  }, 600_000);
});
