/** Test helpers for integration tests: a driver to the suite's Neo4j (see globalSetup.ts). */
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/graph/driver.js';

export function testNeo4jSettings() {
  return {
    uri: inject('neo4jUri'),
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

export function testDriver(): Driver {
  return createDriver(testNeo4jSettings());
}

const SNAPSHOT =
  'RETURN COLLECT { MATCH (n) RETURN elementId(n) } AS nodes, COLLECT { MATCH ()-[r]->() RETURN elementId(r) } AS rels';
const DELETE_NEW_RELATIONSHIPS = 'MATCH ()-[r]->() WHERE NOT elementId(r) IN $rels DELETE r';
const DELETE_NEW_NODES = 'MATCH (n) WHERE NOT elementId(n) IN $nodes DETACH DELETE n';

/**
 * Remembers which nodes and relationships the suite's database holds now, and returns a function that
 * deletes everything added since: integration tests share one Neo4j, so each cleans up only what it created.
 */
export async function rememberGraph(driver: Driver, database: string): Promise<() => Promise<void>> {
  const { records } = await driver.executeQuery(SNAPSHOT, {}, { database });
  const existing = records[0]!.toObject() as { nodes: string[]; rels: string[] };
  return async () => {
    await driver.executeQuery(DELETE_NEW_RELATIONSHIPS, { rels: existing.rels }, { database });
    await driver.executeQuery(DELETE_NEW_NODES, { nodes: existing.nodes }, { database });
  };
}
