/**
 * Starts a throwaway local Neo4j (free port, temp data dir) for the whole test run and always stops it,
 * also when tests fail. Set NEO4J_URI to run the suite against an existing server instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/graph/localNeo4j.js';

let db: LocalNeo4j | undefined;
let home: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    home = mkdtempSync(path.join(tmpdir(), 'chronicle-test-neo4j-'));
    db = await startLocalNeo4j({ home, port: 0, log: (l) => console.log(`[neo4j] ${l}`) });
    uri = db.uri;
  }
  project.provide('neo4jUri', uri);
}

export async function teardown(): Promise<void> {
  await db?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}
