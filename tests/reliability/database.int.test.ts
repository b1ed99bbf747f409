/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP responses are untyped JSON, checked by the assertions */
/**
 * A frozen or dead Neo4j, against real processes: a second throwaway Neo4j (not the suite's), the real CLI
 * (`chronicle serve`, `chronicle ingest`) as child processes, and SIGSTOP / SIGCONT / SIGKILL on the JVM.
 * - /ready answers 503 within 2 s while Neo4j is frozen or dead, and 200 again once it is back;
 * - GraphQL reads answer SERVICE_UNAVAILABLE within QUERY_TIMEOUT_MS (frozen: pooled connections that never
 *   answer, new connections whose handshake never completes; dead: refused connections);
 * - `chronicle ingest` stops after INGEST_MAX_DB_FAILURES unavailable articles in a row, exits 1 with one clear
 *   line, and leaves every article whole or absent (the graph's counts equal the generator's for exactly the
 *   articles that are stored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsOf, generateCorpus, writeCorpus } from '../../bench/corpus/generate.js';
import { createDriver } from '../../src/graph/driver.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/graph/localNeo4j.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const QUERY_TIMEOUT_MS = 4_000;
const READY_LIMIT_MS = 2_000;
/** Fast failure settings for the child processes, so the test is quick; the defaults are larger (.env.example). */
const CHILD_ENV = {
  QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
  READY_TIMEOUT_MS: '1500',
  // The first loads on a fresh database plan cold, and loads take seconds on 2 busy cores: room for them.
  WRITE_TIMEOUT_MS: '20000',
  // The command's first connection shares 2 cores with the NLP engine loading its model: 1 s was seen to
  // time out before anything froze.
  NEO4J_CONNECTION_TIMEOUT_MS: '3000',
  NEO4J_ACQUISITION_TIMEOUT_MS: '3000',
  NEO4J_MAX_RETRY_MS: '1000',
  INGEST_MAX_DB_FAILURES: '3',
  // Batches of 2 (default 50, more than the corpus): progress lines come per batch, so Neo4j freezes between
  // batches, and the batch in flight when it freezes is the one that fails over to one article at a time.
  INGEST_BATCH_ARTICLES: '2',
};

let home: string;
let db: LocalNeo4j;
let frozen = false;
let driver: Driver;

function freeze(): void {
  process.kill(db.pid, 'SIGSTOP');
  frozen = true;
}
function thaw(): void {
  if (frozen) process.kill(db.pid, 'SIGCONT');
  frozen = false;
}

/** Spawns the CLI with the second Neo4j, collecting output; `lines` sees stdout and stderr line by line. */
function cli(args: string[], env: Record<string, string>, onLine: (line: string) => void = () => {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: db.uri, LOG_LEVEL: 'info', ...CHILD_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const feed = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    out += text;
    for (const line of text.split('\n')) if (line) onLine(line);
  };
  child.stdout.on('data', feed);
  child.stderr.on('data', feed);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function timedFetch(url: string, init?: RequestInit): Promise<{ ms: number; status: number; body: any }> {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = await res.json();
  return { ms: performance.now() - t0, status: res.status, body };
}

const gqlInit = (query: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
});

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'chronicle-frozen-neo4j-'));
  db = await startLocalNeo4j({ home, port: 0, heap: '768m' });
  driver = createDriver({ uri: db.uri, user: 'neo4j', password: '', database: 'neo4j' });
}, 180_000);

afterAll(async () => {
  if (db) thaw();
  await driver?.close();
  await db?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
}, 60_000);

const COUNTS = `
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
CALL () { MATCH (:Statement)-[r:REPORTED_IN]->(:Article) RETURN count(r) AS reports }
CALL () { MATCH (:Statement)-[r:VIA]->(:Actor) RETURN count(r) AS via }
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (e:Event:Meeting) RETURN count(e) AS meetings }
CALL () { MATCH (e:Event:Incident) RETURN count(e) AS incidents }
CALL () { MATCH (c:Claim) WHERE NOT coalesce(c.eventDate, false) RETURN count(c) AS claims }
RETURN *`;

const ARTICLES = 16;

describe('chronicle ingest with a Neo4j that freezes mid-run', () => {
  it('stops after 3 unavailable articles in a row with a clear message and exit 1, every article whole or absent', async () => {
    const corpusDir = mkdtempSync(path.join(tmpdir(), 'chronicle-frozen-corpus-'));
    try {
      const corpus = generateCorpus({ scale: ARTICLES, seed: 11 });
      writeCorpus(corpus, corpusDir);
      let frozeAt = 0;
      const run = cli(['ingest', corpusDir], {}, (line) => {
        // Freeze Neo4j once a few articles are in (progress lines go to stdout when it is not a TTY).
        if (!frozeAt && line.startsWith(`[4/${ARTICLES}]`)) {
          freeze();
          frozeAt = performance.now();
        }
      });
      const code = await run.exited;
      const stoppedAfterMs = performance.now() - frozeAt;
      thaw();
      const output = run.output();
      expect(frozeAt, output).toBeGreaterThan(0);
      expect(code).toBe(1);
      expect(output).toMatch(/chronicle: ingest stopped: 3 articles in a row could not reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+; \d+ more were not attempted and nothing of them was stored/);
      // One deadline (WRITE_TIMEOUT_MS, 20 s) for the step in flight, then quick refusals, not one wait per article.
      expect(stoppedAfterMs).toBeLessThan(35_000);
      console.log(`[ingest] stopped ${Math.round(stoppedAfterMs)} ms after Neo4j froze`);

      // Whole or absent: the graph holds exactly what the generator says the stored articles hold.
      const { records } = await driver.executeQuery('MATCH (a:Article) RETURN a.id AS id', {}, { database: 'neo4j' });
      const stored = new Set(records.map((r) => r.get('id') as string));
      expect(stored.size, output).toBeGreaterThanOrEqual(3);
      expect(stored.size).toBeLessThan(ARTICLES);
      const expected = countsOf(corpus.expected.perArticle.filter((a) => stored.has(a.id)));
      const row = (await driver.executeQuery(COUNTS, {}, { database: 'neo4j' })).records[0]!;
      const actual = (k: string) => neo4j.integer.toNumber(row.get(k));
      expect({
        articles: actual('articles'),
        statements: actual('statements'),
        reports: actual('reports'),
        via: actual('via'),
        actors: actual('actors'),
        meetings: actual('meetings'),
        incidents: actual('incidents'),
        claims: actual('claims'),
      }).toEqual({
        articles: expected.articles,
        statements: expected.statements,
        reports: expected.reports,
        via: expected.via,
        actors: expected.actors.total,
        meetings: expected.meetings,
        incidents: expected.incidents,
        claims: expected.claims,
      });

      // Running the same command again finishes the job.
      const again = cli(['ingest', corpusDir], {});
      expect(await again.exited, again.output()).toBe(0);
      const total = await driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n', {}, { database: 'neo4j' });
      expect(neo4j.integer.toNumber(total.records[0]!.get('n'))).toBe(ARTICLES);
    } finally {
      thaw();
      rmSync(corpusDir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('the API with a frozen, then dead, Neo4j (chronicle serve)', () => {
  let serve: ReturnType<typeof cli>;
  let url = '';

  beforeAll(async () => {
    const listening = new Promise<string>((resolve) => {
      serve = cli(['serve'], { PORT: '0', HOST: '127.0.0.1' }, (line) => {
        const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(line);
        if (m && line.includes('Chronicle is serving')) resolve(m[1]!);
      });
    });
    url = await Promise.race([listening, serve!.exited.then((code) => Promise.reject(new Error(`serve exited ${code}: ${serve.output()}`)))]);
  }, 120_000);

  afterAll(async () => {
    thaw();
    if (serve) await stopChild(serve.child, serve.exited);
  }, 60_000);

  it('is ready, then answers 503 within 2 s and SERVICE_UNAVAILABLE within QUERY_TIMEOUT_MS while Neo4j is frozen, then recovers', async () => {
    expect((await timedFetch(`${url}/ready`)).status).toBe(200);
    // Several reads in parallel, so the pool holds idle connections that will hang once Neo4j is frozen.
    const warm = await Promise.all([1, 2, 3, 4].map(() => timedFetch(`${url}/graphql`, gqlInit('{ actors(first: 1) { edges { cursor } } }'))));
    for (const r of warm) expect(r.body.errors).toBeUndefined();

    freeze();
    try {
      // Pooled connections (no answer: the deadline) and new ones (handshake never completes) in one go: the
      // pooled ones wait out the deadline, the new ones fail at the connection or acquisition timeout.
      const reads = await Promise.all(
        Array.from({ length: 8 }, (_, i) => timedFetch(`${url}/graphql`, gqlInit(`{ r${i}: actors(first: 1) { edges { cursor } } }`))),
      );
      for (const r of reads) {
        expect(r.status).toBe(200);
        expect(r.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
        expect(r.body.errors?.[0]?.message).toBe('the graph database is not available right now; try again shortly');
        expect(r.ms).toBeLessThan(QUERY_TIMEOUT_MS + 500);
      }
      // Probes while reads still hang on the pool's connections.
      const probes = [];
      for (let i = 0; i < 3; i++) probes.push(await timedFetch(`${url}/ready`));
      probes.push(...(await Promise.all([1, 2, 3].map(() => timedFetch(`${url}/ready`)))));
      for (const p of probes) {
        expect(p.status).toBe(503);
        expect(p.ms).toBeLessThan(READY_LIMIT_MS);
      }
      console.log(`[frozen] /ready ms: ${probes.map((p) => Math.round(p.ms)).join(' ')}; reads ms: ${reads.map((r) => Math.round(r.ms)).join(' ')}`);
    } finally {
      thaw();
    }
    // Back: ready again within seconds, and reads work.
    const deadline = Date.now() + 20_000;
    let ready = await timedFetch(`${url}/ready`);
    while (ready.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      ready = await timedFetch(`${url}/ready`);
    }
    expect(ready.status).toBe(200);
    const after = await timedFetch(`${url}/graphql`, gqlInit('{ actors(first: 1) { edges { cursor } } }'));
    expect(after.body.errors).toBeUndefined();
  }, 120_000);

  it('answers 503 within 2 s and SERVICE_UNAVAILABLE within QUERY_TIMEOUT_MS when Neo4j is dead', async () => {
    process.kill(db.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const probes = [];
    for (let i = 0; i < 3; i++) probes.push(await timedFetch(`${url}/ready`));
    for (const p of probes) {
      expect(p.status).toBe(503);
      expect(p.ms).toBeLessThan(READY_LIMIT_MS);
    }
    const reads = await Promise.all([1, 2, 3].map(() => timedFetch(`${url}/graphql`, gqlInit('{ statements(first: 1) { edges { cursor } } }'))));
    for (const r of reads) {
      expect(r.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      expect(r.ms).toBeLessThan(QUERY_TIMEOUT_MS + 500);
    }
    console.log(`[dead] /ready ms: ${probes.map((p) => Math.round(p.ms)).join(' ')}; reads ms: ${reads.map((r) => Math.round(r.ms)).join(' ')}`);
  }, 240_000);
});
