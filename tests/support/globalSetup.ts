/**
 * Starts the test run's real services once and always stops them, also when tests fail: a throwaway local
 * Neo4j (free port, temp data dir) and the NLP engine (the project's worker on a free port). Set NEO4J_URI
 * or NLP_URL to run the suite against existing ones instead. Both children also exit by themselves if the
 * test runner is killed (they watch the stdin pipe it holds).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/graph/localNeo4j.js';
import { startNlpEngine, type NlpEngine } from '../../src/nlp/index.js';

let db: LocalNeo4j | undefined;
let engine: NlpEngine | undefined;
let home: string | undefined;

async function startNeo4j(): Promise<string> {
  if (process.env.NEO4J_URI) return process.env.NEO4J_URI;
  home = mkdtempSync(path.join(tmpdir(), 'chronicle-test-neo4j-'));
  db = await startLocalNeo4j({ home, port: 0, log: (l) => console.log(`[neo4j] ${l}`) });
  return db.uri;
}

async function startNlp(): Promise<string> {
  if (process.env.NLP_URL) return process.env.NLP_URL;
  engine = await startNlpEngine({ log: (l) => console.log(`[nlp] ${l}`) });
  console.log(`[nlp] ready on ${engine.url} (${engine.description})`);
  return engine.url;
}

export async function setup(project: TestProject): Promise<void> {
  // In parallel: the JVM takes seconds to boot, the model a second to load.
  const [neo4jUri, nlpUrl] = await Promise.allSettled([startNeo4j(), startNlp()]);
  if (neo4jUri.status === 'rejected' || nlpUrl.status === 'rejected') {
    await teardown();
    throw neo4jUri.status === 'rejected' ? neo4jUri.reason : (nlpUrl as PromiseRejectedResult).reason;
  }
  project.provide('neo4jUri', neo4jUri.value);
  project.provide('nlpUrl', nlpUrl.value);
}

export async function teardown(): Promise<void> {
  await Promise.all([db?.stop(), engine?.stop()]);
  if (home) rmSync(home, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    nlpUrl: string;
  }
}
