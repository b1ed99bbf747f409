/**
 * The five seed articles through the real pipeline. Extraction evolves, so this checks invariants
 * (idempotence, provenance, shape), not counts; exact expectations live in the extraction tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { extractWithEngine, testNlp } from '../support/nlp.js';
import { loadConfig } from '../../src/config.js';
import { fetchKnownGraph } from '../../src/graph/knownGraph.js';
import { loadArticle } from '../../src/graph/load.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { applyCuration, readCurationFile } from '../../src/ingest/curation.js';
import { resolveArticle } from '../../src/resolve/index.js';
import { DATABASE, dumpGraph, plain } from './helpers.js';

const CONFIG = { ...loadConfig({}), NEO4J_DATABASE: DATABASE };

describe('seeding the five seed articles', () => {
  const driver = testDriver();
  const seed = readSeedFolder('seed', CONFIG);
  let forgetSeeded: (() => Promise<void>) | undefined;
  const query = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params, { database: DATABASE })).records.map((r) => plain(r.toObject()) as Record<string, unknown>);

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
    // Remember what was there, so cleanup deletes only what seeding created.
    forgetSeeded = await rememberGraph(driver, DATABASE);
  });
  afterAll(async () => {
    await forgetSeeded?.();
    await driver.close();
  });

  it('reads the seed folder without errors', () => {
    expect(seed.errors).toEqual([]);
    expect(seed.inputs).toHaveLength(5);
  });

  it('loads every article, and a second seed changes no count and no property', async () => {
    const first = await ingestArticles(driver, await testNlp(), CONFIG, seed.inputs);
    expect(first.filter((r) => r.status === 'failed')).toEqual([]);
    const afterFirst = await dumpGraph(driver);
    expect(afterFirst.nodes.length).toBeGreaterThan(5);

    const second = await ingestArticles(driver, await testNlp(), CONFIG, seed.inputs);
    expect(second.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await dumpGraph(driver)).toEqual(afterFirst);

    // Forcing every article through extraction, resolution and load again must be a no-op too.
    for (const input of seed.inputs) {
      const extracted = await extractWithEngine(input);
      const resolved = resolveArticle(extracted, await fetchKnownGraph(driver, DATABASE, extracted));
      const counts = await loadArticle(driver, DATABASE, resolved);
      expect({ id: input.id, nodesCreated: counts.nodesCreated, relationshipsCreated: counts.relationshipsCreated }).toEqual({
        id: input.id,
        nodesCreated: 0,
        relationshipsCreated: 0,
      });
    }
    const afterReload = await dumpGraph(driver);
    expect(afterReload.nodes).toEqual(afterFirst.nodes);
    expect(afterReload.rels).toEqual(afterFirst.rels);
  });

  it('applies the curated facts beside the text, idempotently', async () => {
    const curation = readCurationFile('seed/curation.json');
    expect(curation).not.toBeNull();
    const first = await applyCuration(driver, DATABASE, curation!);
    expect(first.applied + first.unmatched.length).toBe(curation!.facts.length);
    const before = await dumpGraph(driver);
    const again = await applyCuration(driver, DATABASE, curation!);
    expect(again).toMatchObject({ applied: first.applied, created: 0 });
    expect(await dumpGraph(driver)).toEqual(before);
    const [curated] = await query(`
      MATCH (c:Claim {curated: true})
      RETURN count(c) AS claims, COUNT { MATCH (c2:Claim {curated: true})-[:ON]->(:Event) } AS onEvents,
             COUNT { MATCH (c3:Claim {curated: true})-[:STATED_IN]->() } AS withText`);
    expect(curated).toEqual({ claims: first.applied, onEvents: first.applied, withText: 0 });
  });

  it('keeps provenance exact: for every relationship with a span, article.text.slice(start, end) === exact', async () => {
    const rows = await query(`
      MATCH (x)-[r]->(y) WHERE r.exact IS NOT NULL OR r.start IS NOT NULL
      OPTIONAL MATCH (art:Article {id: coalesce(r.articleId, CASE WHEN y:Article THEN y.id END)})
      RETURN type(r) AS type, x.id AS from, r.start AS start, r.end AS end, r.exact AS exact,
             r.quoteStarts AS quoteStarts, r.quoteEnds AS quoteEnds, art.text AS text`);
    expect(rows.length).toBeGreaterThan(0);
    const broken = rows.flatMap((r) => {
      const text = r.text as string | null;
      const where = `${r.type} from ${r.from} [${r.start},${r.end})`;
      if (text === null) return [`${where}: no article text`];
      const problems: string[] = [];
      if (text.slice(r.start as number, r.end as number) !== r.exact) problems.push(`${where}: "${r.exact}" ≠ "${text.slice(r.start as number, r.end as number)}"`);
      const qs = (r.quoteStarts as number[] | null) ?? [];
      const qe = (r.quoteEnds as number[] | null) ?? [];
      if (qs.length !== qe.length) problems.push(`${where}: ${qs.length} quote starts, ${qe.length} quote ends`);
      qs.forEach((s, i) => {
        if (!(s >= 0 && s < (qe[i] ?? -1) && (qe[i] ?? Infinity) <= text.length)) problems.push(`${where}: quote ${i} [${s},${qe[i]}) out of the text`);
      });
      return problems;
    });
    expect(broken).toEqual([]);
    const types = new Set(rows.map((r) => r.type));
    expect(types.has('MENTIONED_IN')).toBe(true);
  });

  it('has the shape the model promises: ids, dates as Neo4j Dates, one speaker per statement', async () => {
    const [shape] = await query(`
      RETURN
        COUNT { MATCH (n) WHERE n.id IS NULL } AS withoutId,
        COUNT { MATCH (a:Article) WHERE a.publishedAt IS NOT NULL AND NOT a.publishedAt IS :: DATE } AS articleDatesNotDate,
        COUNT { MATCH (s:Statement) WHERE s.sortDate IS NULL OR NOT s.sortDate IS :: DATE } AS statementsWithoutSortDate,
        COUNT { MATCH (s:Statement) WHERE COUNT { (s)<-[:SAID]-(:Actor) } <> 1 } AS statementsWithoutOneSpeaker,
        COUNT { MATCH (s:Statement) WHERE NOT (s)-[:REPORTED_IN]->(:Article) } AS statementsNotReported,
        COUNT { MATCH (e:Event) WHERE e.start IS NOT NULL AND (NOT e.start IS :: DATE OR e.end < e.start) } AS badEventDates,
        COUNT { MATCH (a:Actor) WHERE size(labels(a)) <> 2 } AS actorsWithoutKindLabel`);
    expect(shape).toEqual({
      withoutId: 0,
      articleDatesNotDate: 0,
      statementsWithoutSortDate: 0,
      statementsWithoutOneSpeaker: 0,
      statementsNotReported: 0,
      badEventDates: 0,
      actorsWithoutKindLabel: 0,
    });
  });
});
