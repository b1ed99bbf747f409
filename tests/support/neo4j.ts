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
