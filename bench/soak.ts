/**
 * `npm run bench -- --soak SECONDS [--clients 16] [--scale 300] [--sample-seconds 5] [--seed 42] [--out DIR]`
 *
 * Memory under load: a fresh Neo4j (temp dir, free port, always stopped) with a generated corpus, the API as
 * its own process (`chronicle serve`, NODE_ENV=production, the same as `npm start` serves), and `--clients`
 * HTTP clients sending a mix of the benchmark reads back to back for SECONDS, with varying variables (cursors,
 * speakers, statements, incidents, name prefixes, search words) so caches keyed by them are exercised. The
 * API process's memory (RSS, V8 heap, external) is sampled every `--sample-seconds` by a preloaded probe
 * (bench/soak-probe.mjs). Writes bench/results/<timestamp>-soak.json and prints the curve and the RSS growth
 * over the second half of the run. docs/performance.md ("Memory under load") has the numbers.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { createDriver } from '../src/graph/driver.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/graph/localNeo4j.js';
import { applyMigrations } from '../src/graph/migrations.js';
import { ingestArticles } from '../src/ingest/pipeline.js';
import { generateCorpus } from './corpus/generate.js';
import { QUERIES, type Json } from './queries.js';
import { createLogger } from '../src/logger.js';
import { nlpRuntime } from '../src/nlp/index.js';
import { optionReader } from './args.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DATABASE = 'neo4j';
const MB = 1024 * 1024;

interface SoakOptions {
  seconds: number;
  clients: number;
  scale: number;
  sampleSeconds: number;
  seed: number;
  out: string;
}

function parseSoakOptions(argv: string[]): SoakOptions {
  const known = ['--soak', '--clients', '--scale', '--sample-seconds', '--seed', '--out'];
  const { get, num } = optionReader(argv);
  for (const a of argv) if (a.startsWith('--') && !known.includes(a)) throw new Error(`unknown option ${a} (soak options: ${known.join(', ')})`);
  return {
    seconds: num('--soak', 90),
    clients: Math.round(num('--clients', 16)),
    scale: Math.round(num('--scale', 300)),
    sampleSeconds: num('--sample-seconds', 5),
    seed: Math.round(num('--seed', 42)),
    out: get('--out') ?? path.join(HERE, 'results'),
  };
}

const log = (msg: string) => process.stderr.write(`[soak] ${msg}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface Sample {
  t: number;
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
  arrayBuffersMB: number;
  requests: number;
  errors: number;
}

async function gql(url: string, query: string, variables: Record<string, unknown>): Promise<{ ok: boolean; data: Json; error?: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Json; errors?: unknown[] };
  const ok = res.status === 200 && !body.errors;
  return { ok, data: body.data, ...(ok ? {} : { error: `HTTP ${res.status}: ${JSON.stringify(body.errors).slice(0, 300)}` }) };
}

/** The pools the clients draw variables from: what the loaded graph holds. */
async function findPools(driver: ReturnType<typeof createDriver>, url: string) {
  const ids = async (q: string) => (await driver.executeQuery(q, {}, { database: DATABASE })).records.map((r) => r.get('id') as string);
  const speakers = await ids('MATCH (a:Actor)-[:SAID]->() RETURN DISTINCT a.id AS id LIMIT 200');
  const statements = await ids('MATCH (s:Statement) RETURN s.id AS id LIMIT 500');
  const incidents = await ids('MATCH (e:Incident) RETURN e.id AS id LIMIT 200');
  const names = await ids('MATCH (a:Actor) RETURN a.name AS id LIMIT 300');
  const words = (await ids('MATCH (s:Statement) RETURN s.text AS id LIMIT 300'))
    .flatMap((t) => t.split(/\W+/).filter((w) => w.length > 4))
    .slice(0, 500);
  const cursors: Array<string | null> = [null];
  let after: string | null = null;
  for (let p = 0; p < 30; p++) {
    const r = await gql(url, QUERIES[0]!.ours.query, { after });
    if (!r.ok) throw new Error(r.error);
    after = r.data.timeline.pageInfo.endCursor;
    if (!after || !r.data.timeline.pageInfo.hasNextPage) break;
    cursors.push(after);
  }
  if (!speakers.length || !statements.length || !incidents.length) throw new Error('the corpus has no speakers, statements or incidents: use a larger --scale');
  return { speakers, statements, incidents, prefixes: names.map((n) => n.split(' ').at(-1)!.slice(0, 4)), words, cursors };
}

const ACTOR_SEARCH = `query ActorSearch($text: String!) { actors(filter: { text: $text }, first: 10) { edges { node { id name kind aliases } } } }`;
const TEXT_SEARCH = `query TextSearch($text: String!) { timeline(filter: { text: $text }, first: 20) { edges { cursor node { __typename ... on Statement { id text speaker { name } } } } } }`;

export async function soakMain(argv: string[]): Promise<number> {
  const opts = parseSoakOptions(argv);
  const home = mkdtempSync(path.join(os.tmpdir(), 'chronicle-soak-neo4j-'));
  let db: LocalNeo4j | undefined;
  let server: ReturnType<typeof spawn> | undefined;
  const stopAll = async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      const grace = setTimeout(() => server?.kill('SIGKILL'), 15_000);
      await new Promise((r) => (server!.exitCode !== null ? r(null) : server!.once('exit', r)));
      clearTimeout(grace);
    }
    await db?.stop().catch(() => {});
    db = undefined;
    rmSync(home, { recursive: true, force: true });
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(`starting a fresh Neo4j in ${home}`);
    db = await startLocalNeo4j({ home, port: 0 });
    const config = loadConfig({ LOG_LEVEL: 'silent', NEO4J_URI: db.uri, NEO4J_DATABASE: DATABASE });
    const driver = createDriver({ uri: db.uri, user: 'neo4j', password: '', database: DATABASE });
    await applyMigrations(driver, DATABASE);
    log(`loading ${opts.scale} generated articles`);
    const corpus = generateCorpus({ scale: opts.scale, seed: opts.seed });
    const nlp = nlpRuntime(config, createLogger('silent'));
    const loaded = await ingestArticles(driver, nlp, config, corpus.articles.map((a) => ({ ...a, source: a.file }))).finally(() => nlp.close());
    const failed = loaded.filter((r) => r.status === 'failed');
    if (failed.length) throw new Error(`${failed.length} articles failed to load: ${failed[0]!.error}`);

    log('starting the API (chronicle serve, NODE_ENV=production) with the memory probe');
    const samples: Sample[] = [];
    let requests = 0;
    let errors = 0;
    let firstError: string | undefined;
    const t0 = { at: 0 };
    server = spawn(
      process.execPath,
      ['--import', path.join(HERE, 'soak-probe.mjs'), '--import', 'tsx', 'src/cli.ts', 'serve'],
      {
        cwd: ROOT,
        env: { ...process.env, NEO4J_URI: db.uri, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production', SOAK_PROBE_MS: String(opts.sampleSeconds * 1000) },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      server!.stderr!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.startsWith('SOAK_MEM ')) {
            if (!t0.at) continue; // before the load starts
            const m = JSON.parse(line.slice(9)) as Record<string, number>;
            samples.push({
              t: round((m.at! - t0.at) / 1000, 0),
              rssMB: round(m.rss! / MB),
              heapUsedMB: round(m.heapUsed! / MB),
              heapTotalMB: round(m.heapTotal! / MB),
              externalMB: round(m.external! / MB),
              arrayBuffersMB: round(m.arrayBuffers! / MB),
              requests,
              errors,
            });
            const s = samples.at(-1)!;
            log(`t=${s.t}s rss ${s.rssMB} MB, heap ${s.heapUsedMB}/${s.heapTotalMB} MB, external ${s.externalMB} MB, ${requests} requests, ${errors} errors`);
          } else {
            const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(line);
            if (m && line.includes('Chronicle is serving')) resolve(`${m[1]}/graphql`);
            else if (/"level":(50|60)/.test(line)) log(`server: ${line.slice(0, 300)}`);
          }
        }
      });
      server!.once('exit', (code) => reject(new Error(`the API exited (${code}) before serving`)));
    });
    const pools = await findPools(driver, url);
    await driver.close();
    log(`pools: ${pools.speakers.length} speakers, ${pools.statements.length} statements, ${pools.incidents.length} incidents, ${pools.cursors.length} timeline cursors`);

    const byName = (n: string) => QUERIES.find((q) => q.name === n)!.ours.query;
    let seed = opts.seed;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const mix: Array<() => [string, Record<string, unknown>]> = [
      () => [byName('timeline page 1'), { after: pick(pools.cursors) }],
      () => [byName('who said what'), { id: pick(pools.speakers) }],
      () => [byName('statement chain'), { id: pick(pools.statements) }],
      () => [byName('incident claims'), { id: pick(pools.incidents) }],
      () => [ACTOR_SEARCH, { text: pick(pools.prefixes) }],
      () => [TEXT_SEARCH, { text: pick(pools.words) }],
    ];

    log(`${opts.clients} clients for ${opts.seconds} s`);
    t0.at = Date.now();
    const end = t0.at + opts.seconds * 1000;
    await Promise.all(
      Array.from({ length: opts.clients }, async () => {
        while (Date.now() < end) {
          const [query, variables] = pick(mix)();
          try {
            const r = await gql(url, query, variables);
            if (!r.ok) {
              errors++;
              firstError ??= r.error;
            }
          } catch (err) {
            errors++;
            firstError ??= (err as Error).message;
          }
          requests++;
        }
      }),
    );
    // One more sample after the load, then the verdict.
    await new Promise((r) => setTimeout(r, opts.sampleSeconds * 1000 + 500));
    const wallSeconds = (Date.now() - t0.at) / 1000;
    const during = samples.filter((s) => s.t <= opts.seconds);
    const half = during.filter((s) => s.t >= opts.seconds / 2);
    const growth = half.length >= 2 ? round(half.at(-1)!.rssMB - half[0]!.rssMB) : null;
    const peak = Math.max(...during.map((s) => s.rssMB));
    const result = {
      startedAt: new Date(t0.at).toISOString(),
      options: opts,
      node: process.version,
      loadAverage: os.loadavg().map((x) => round(x, 2)),
      requests,
      errors,
      ...(firstError ? { firstError } : {}),
      requestsPerSecond: round(requests / opts.seconds, 1),
      rssSecondHalfGrowthMB: growth,
      peakRssMB: peak,
      samples,
      wallSeconds: round(wallSeconds, 1),
    };
    mkdirSync(opts.out, { recursive: true });
    const file = path.join(opts.out, `${new Date(t0.at).toISOString().replace(/[:.]/g, '-')}-soak.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`${requests} requests (${result.requestsPerSecond}/s), ${errors} errors; RSS peak ${peak} MB, growth over the second half ${growth} MB`);
    log(`wrote ${file}`);
    return errors > 0 ? 1 : 0;
  } finally {
    await stopAll();
  }
}

// Run directly (node --import tsx bench/soak.ts --soak 90) or through `npm run bench -- --soak 90`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  soakMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      log(`failed: ${(err as Error).stack ?? String(err)}`);
      process.exit(1);
    },
  );
}
