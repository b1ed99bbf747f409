import { afterAll, describe, expect, it } from 'vitest';
import { testDriver, testNeo4jSettings } from './support/neo4j.js';
import { createDriver, verifyConnectivity } from '../src/graph/driver.js';

describe('the test Neo4j', () => {
  const driver = testDriver();
  afterAll(() => driver.close());

  it('is a real Neo4j 5.26 reachable over Bolt', async () => {
    const res = await driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v');
    expect(String(res.records[0]?.get('v'))).toMatch(/^5\.26\./);
  });

  it('gives one clear line for an unreachable URI within seconds', async () => {
    const s = { ...testNeo4jSettings(), uri: 'bolt://127.0.0.1:1' };
    const bad = createDriver(s);
    const t0 = Date.now();
    await expect(verifyConnectivity(bad, s)).rejects.toThrow(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 .*NEO4J_URI/);
    expect(Date.now() - t0).toBeLessThan(15_000);
    await bad.close();
  });
});
