/**
 * The outside probes' integration tests (tests/fixtures/probe*): a fixture folder's articles ingested through the
 * pipeline into a real Neo4j holding nothing else, in publication order and in reverse, each followed by the same
 * checks — what a reader expects must not depend on the order the articles arrive in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { loadConfig } from '../../src/config.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { DATABASE } from './helpers.js';

const CONFIG = { ...loadConfig({}), NEO4J_DATABASE: DATABASE };

/** Runs a read query on the test database: its rows as plain objects. */
export type Query = (cypher: string) => Promise<Array<Record<string, unknown>>>;

export function describeProbeInBothOrders(folder: string, what: string, check: (q: Query) => Promise<void>): void {
  describe(`${folder}`, () => {
    const driver = testDriver();
    beforeAll(async () => {
      await applyMigrations(driver, DATABASE);
    });
    afterAll(async () => {
      await driver.close();
    });

    const probe = readSeedFolder(folder, CONFIG);
    const inputs = [...probe.inputs].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));

    for (const [label, order] of [['publication', inputs], ['reverse', [...inputs].reverse()]] as const) {
      it(`in ${label} order: ${what}`, async () => {
        expect(probe.errors).toEqual([]);
        const forget = await rememberGraph(driver, DATABASE);
        try {
          const results = await ingestArticles(driver, await testNlp(), CONFIG, order);
          expect(results.filter((r) => r.status === 'failed')).toEqual([]);
          await check(async (cypher) => (await driver.executeQuery(cypher, {}, { database: DATABASE })).records.map((r) => r.toObject()));
        } finally {
          await forget();
        }
      }, 600_000);
    }
  });
}
