/**
 * Facts a later article cannot flip (docs/graph-model.md, "Loading"): after the seed articles, a report that
 * gives the third video conference another day (fictional, tests/fixtures/general/facts-third-conference.txt)
 * adds its date claim beside the seeds' and leaves the derived date where the most sources put it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { loadConfig } from '../../src/config.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { DATABASE, plain } from './helpers.js';

const CONFIG = { ...loadConfig({}), NEO4J_DATABASE: DATABASE };
const VC3 = 'event:meeting:russia-united-states-video-conference:3';
const EXTRA = {
  id: 'fixture_third_conference',
  text: readFileSync('tests/fixtures/general/facts-third-conference.txt', 'utf8'),
  outlet: 'Capital Wire Service',
  title: 'U.S., Russia hold third video call on Syria air safety',
  publishedAt: '2015-10-16',
  url: null,
  source: 'tests/fixtures/general/facts-third-conference.txt',
};

describe('facts a later article cannot flip', () => {
  const driver = testDriver();
  let forget: (() => Promise<void>) | undefined;
  const query = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params, { database: DATABASE })).records.map((r) => plain(r.toObject()) as Record<string, unknown>);
  const vc3 = async () =>
    (await query(`MATCH (e:Event {id: $id}) RETURN toString(e.start) AS start, toString(e.end) AS end, e.precision AS precision,
                   e.dateSource AS dateSource, e.name AS name, e.ordinal AS ordinal`, { id: VC3 }))[0];

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
    forget = await rememberGraph(driver, DATABASE);
    const seed = readSeedFolder('seed', CONFIG);
    const results = await ingestArticles(driver, await testNlp(), CONFIG, seed.inputs);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
  }, 240_000);
  afterAll(async () => {
    await forget?.();
    await driver.close();
  });

  it('keeps the third video conference on 2015-10-14 after a report of Oct. 13, with both date claims', async () => {
    const before = await vc3();
    expect(before).toMatchObject({ start: '2015-10-14', end: '2015-10-14', precision: 'DAY', name: 'third Russia–United States video conference', ordinal: 3 });

    const logged: Array<Record<string, unknown>> = [];
    const logger = { debug: (fields: Record<string, unknown>) => void logged.push(fields) };
    const [result] = await ingestArticles(driver, await testNlp(), CONFIG, [EXTRA], { now: new Date('2026-01-01'), logger: logger as never });
    expect(result).toMatchObject({ status: 'created' });
    // The pipeline logs why the report joined the stored meeting.
    expect(logged).toContainEqual(expect.objectContaining({ article: EXTRA.id, outcome: 'MERGE', reason: 'SAME_SERIES_ORDINAL', storedId: VC3, id: VC3 }));
    // The new report joined the stored meeting (same series and ordinal) …
    const [mentioned] = await query('MATCH (e:Event {id: $id})-[:MENTIONED_IN]->(a:Article {id: $article}) RETURN count(*) AS n', { id: VC3, article: EXTRA.id });
    expect(mentioned).toEqual({ n: 1 });
    // … and did not move its date.
    expect(await vc3()).toEqual(before);

    // Every article's date is kept as a claim: the seeds' day and the new report's, read from its words.
    const claims = await query(`
      MATCH (c:Claim {attribute: 'date', curated: false})-[:ON]->(:Event {id: $id})
      OPTIONAL MATCH (c)-[s:STATED_IN]->(a:Article)
      RETURN c.normalized AS normalized, c.precision AS precision, c.dateSource AS dateSource, c.articleId AS articleId,
             a.id AS statedIn, s.exact AS exact
      ORDER BY articleId`, { id: VC3 });
    expect(claims.filter((c) => c.normalized === '2015-10-14').length).toBeGreaterThanOrEqual(2);
    expect(claims.filter((c) => c.articleId === EXTRA.id)).toEqual([
      { normalized: '2015-10-13', precision: 'DAY', dateSource: 'TEXT', articleId: EXTRA.id, statedIn: EXTRA.id, exact: 'Oct. 13' },
    ]);
  });

  it('derives the same date whichever article came last: loading the extra report again changes nothing', async () => {
    const before = await vc3();
    const [again] = await ingestArticles(driver, await testNlp(), CONFIG, [EXTRA], { now: new Date('2026-01-01') });
    expect(again).toMatchObject({ status: 'unchanged' });
    expect(await vc3()).toEqual(before);
  });
});
