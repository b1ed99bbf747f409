/**
 * Where a batch write's time goes, statement by statement (issue 12, item 2: measure first).
 *
 *   node --import tsx bench/load-profile.ts [--scale 600] [--every 3] [--batch 50]
 *
 * Generates the bench corpus, parses and extracts it, starts a fresh Neo4j and loads the corpus through the
 * ingest pipeline in batches, as `npm run bench` does. Every `--every`-th write transaction is first run once
 * more in a transaction that is rolled back: there the re-keys run as they are, and LOAD_ARTICLES is replaced
 * by its parts — the article guard, then each family's unit subquery over the same batch — each timed on its own
 * (and PROFILEd once, for db hits). Then the real transaction runs, timed as a whole (statement, commit).
 * The parts run family by family over the batch instead of article by article, so their sum is close to, not
 * equal to, the one statement's time. Also: the known-graph reads, the stored-version read, resolution, and an
 * EXPLAIN of LOAD_ARTICLES listing any label or all-nodes scan. Prints a table; writes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { extractArticle } from '../src/extract/index.js';
import type { ExtractedArticle } from '../src/domain/types.js';
import { createDriver } from '../src/graph/driver.js';
import { FETCH_KNOWN_ACTORS, FETCH_KNOWN_REST } from '../src/graph/knownGraph.js';
import { DERIVE_FACTS, LOAD_ARTICLE, LOAD_ARTICLES, perArticleInBatch } from '../src/graph/load.js';
import { startLocalNeo4j } from '../src/graph/localNeo4j.js';
import { applyMigrations } from '../src/graph/migrations.js';
import { createNlpClient, startNlpEngine } from '../src/nlp/index.js';
import { ingestArticles } from '../src/ingest/pipeline.js';
import { resolveArticle } from '../src/resolve/index.js';
import { generateCorpus } from './corpus/generate.js';
import { optionReader } from './args.js';

const argv = process.argv.slice(2);
const { num } = optionReader(argv);
const scale = Math.round(num('--scale', 600));
const every = Math.round(num('--every', 3));
const batchArticles = Math.round(num('--batch', 50));
const explainTiming = argv.includes('--explain-timing');
const explains: number[] = [];
const readExplains: number[] = [];
const DATABASE = 'neo4j';
const log = (s: string) => console.error(`[load-profile] ${s}`);

/** LOAD_ARTICLE's parts: the guard (everything but the family subqueries) and each family's `CALL () { … }`. */
function parts(): Array<{ name: string; cypher: string }> {
  const writes = LOAD_ARTICLE.slice(0, LOAD_ARTICLE.indexOf('// Derived event facts'));
  const blocks = [...writes.matchAll(/^ {2}CALL \(\) \{\n[\s\S]*?^ {2}\}\n/gm)].map((m) => m[0]);
  const guard = `${blocks.reduce((s, b) => s.replace(b, ''), writes).replace(/^ {2}WITH \*\n/m, '')}}\nRETURN previousSha256`;
  const out = [{ name: 'guard (MERGE article, sha256, SET)', cypher: perArticleInBatch(guard) }];
  for (const b of blocks) {
    const first = b.split('\n').find((l) => /UNWIND|MATCH|MERGE/.test(l))!.trim();
    const second = b.split('\n').find((l) => /^\s+(MERGE|MATCH|CALL \(e\)|CALL \(s\))/.test(l) && !l.includes('UNWIND'))?.trim() ?? '';
    out.push({ name: `${out.length}. ${first} | ${second}`.slice(0, 90), cypher: perArticleInBatch(`WITH null AS previousSha256\n${b}RETURN previousSha256`) });
  }
  return out;
}

interface ProfileNode { dbHits: number; operatorType: string; children: ProfileNode[] }
const dbHitsOf = (p: ProfileNode | false | undefined): number => (p ? p.dbHits + p.children.reduce((a, c) => a + dbHitsOf(c), 0) : 0);
const operatorsOf = (p: ProfileNode | false | undefined, out = new Set<string>()): Set<string> => {
  if (!p) return out;
  out.add(p.operatorType.split('@')[0]!);
  for (const c of p.children) operatorsOf(c, out);
  return out;
};

class Rollback extends Error {}

/** CPU seconds (user + system) of a process and all its descendants, from /proc. */
function treeCpuSeconds(root: number): number {
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // gone
    }
  }
  let sum = 0;
  const todo = [root];
  while (todo.length) {
    const p = todo.pop()!;
    sum += stats.get(p)?.cpu ?? 0;
    for (const [c, v] of stats) if (v.ppid === p) todo.push(c);
  }
  return sum;
}

const bindOf = (target: object, prop: string | symbol): unknown => {
  const v = Reflect.get(target, prop) as unknown;
  return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(target) : v;
};

async function main(): Promise<void> {
  const corpus = generateCorpus({ scale, seed: 42 });
  const home = mkdtempSync(path.join(os.tmpdir(), 'chronicle-loadprof-neo4j-'));
  const engine = await startNlpEngine();
  const db = await startLocalNeo4j({ home, port: 0 });
  const driver = createDriver({ uri: db.uri, user: 'neo4j', password: '', database: DATABASE });
  try {
    await applyMigrations(driver, DATABASE);
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'chronicle-loadprof-cache-'));
    const nlp = await createNlpClient({ url: engine.url, cacheDir });
    log(`parsing and extracting ${corpus.articles.length} articles`);
    const inputs = corpus.articles.map((a) => ({ id: a.id, text: a.text, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt, url: a.url }));
    const extracted = new Map<string, ExtractedArticle>();
    for (let i = 0; i < inputs.length; i += 64) {
      const w = inputs.slice(i, i + 64);
      const parses = await nlp.parseMany(w.map((a) => a.text));
      w.forEach((a, k) => extracted.set(a.id, extractArticle(a, parses[k]!)));
    }
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: db.uri, NEO4J_DATABASE: DATABASE });
    const split = parts();
    const ms: Record<string, number> = {};
    const hits: Record<string, number> = {};
    const add = (k: string, v: number) => (ms[k] = (ms[k] ?? 0) + v);
    let profiled = 0;
    let transactions = 0;
    let firstProfile = true;

    const proxied: Driver = new Proxy(driver, {
      get(t, prop, receiver) {
        const v = Reflect.get(t, prop, receiver) as unknown;
        if (prop === 'executeQuery') {
          return async (q: string, ...rest: unknown[]) => {
            if (explainTiming && q === FETCH_KNOWN_REST) {
              const e0 = performance.now();
              await driver.executeQuery(`EXPLAIN ${q}`, rest[0] as Record<string, unknown>, { database: DATABASE });
              add('explain: EXPLAIN FETCH_KNOWN_REST (not in the load)', performance.now() - e0);
              readExplains.push(Math.round(performance.now() - e0));
            }
            const t0 = performance.now();
            try {
              return await (v as (...a: unknown[]) => Promise<unknown>).call(t, q, ...rest);
            } finally {
              add(q === FETCH_KNOWN_ACTORS ? 'read: candidate actors' : q === FETCH_KNOWN_REST ? 'read: statements and events' : 'read: other (stored versions)', performance.now() - t0);
            }
          };
        }
        if (prop !== 'session') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
        return (...args: unknown[]) => {
          const s = (v as (...a: unknown[]) => Record<string, unknown>).apply(t, args);
          return new Proxy(s, {
            get(st, sp, sr) {
              const sv = Reflect.get(st, sp, sr) as unknown;
              if (sp !== 'executeWrite') return typeof sv === 'function' ? (sv as (...x: unknown[]) => unknown).bind(st) : sv;
              return async (work: (tx: ManagedTransaction) => Promise<unknown>, cfg?: unknown) => {
                const write = sv as (w: (tx: ManagedTransaction) => Promise<unknown>, c?: unknown) => Promise<unknown>;
                transactions += 1;
                if (transactions % every === 0) {
                  // The profiling pass: the same work, LOAD_ARTICLES split into its parts, then rolled back.
                  profiled += 1;
                  try {
                    await write.call(st, async (tx) => {
                      const fake = new Proxy(tx, {
                        get(tt, tp) {
                          if (tp !== 'run') return bindOf(tt, tp);
                          return async (q: string, params: Record<string, unknown>) => {
                            if (q !== LOAD_ARTICLES && q !== LOAD_ARTICLE) {
                              const t0 = performance.now();
                              const r = await tt.run(q, params);
                              add(q === DERIVE_FACTS ? 'p: DERIVE_FACTS (once per segment)' : 'p: re-key statements', performance.now() - t0);
                              return r;
                            }
                            const batch = (q === LOAD_ARTICLE ? [params.rows] : params.batch) as Array<{ article: { sha256: string } }>;
                            for (const part of split) {
                              const t0 = performance.now();
                              const r = await tt.run(firstProfile ? `PROFILE ${part.cypher}` : part.cypher, { batch });
                              if (!firstProfile) add(`p: ${part.name}`, performance.now() - t0);
                              if (firstProfile) hits[`p: ${part.name}`] = dbHitsOf(r.summary.profile as ProfileNode);
                            }
                            firstProfile = false;
                            const records = batch.map((rows) => ({ get: () => rows.article.sha256 }));
                            return { records, summary: { counters: { updates: () => ({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 }) } } };
                          };
                        },
                      });
                      await work(fake as ManagedTransaction);
                      throw new Rollback();
                    }, cfg);
                  } catch (err) {
                    if (!(err instanceof Rollback)) log(`profiling pass failed (the real transaction still runs): ${(err as Error).message.split('\n')[0]}`);
                  }
                }
                // The real transaction: its statements and (the rest) begin + commit.
                const t0 = performance.now();
                let inside = 0;
                try {
                  return await write.call(st, async (tx) => {
                    const timedTx = new Proxy(tx, {
                      get(tt, tp) {
                        if (tp !== 'run') return bindOf(tt, tp);
                        return async (q: string, params: Record<string, unknown>) => {
                          if (explainTiming && (q === LOAD_ARTICLES || q === LOAD_ARTICLE)) {
                            // Planning alone: EXPLAIN with the same parameters, in its own transaction (it takes no locks).
                            const e0 = performance.now();
                            await driver.executeQuery(`EXPLAIN ${q}`, params, { database: DATABASE });
                            add('explain: EXPLAIN LOAD_ARTICLES (not in the load)', performance.now() - e0);
                            explains.push(Math.round(performance.now() - e0));
                            inside += performance.now() - e0;
                          }
                          const s0 = performance.now();
                          try {
                            return await tt.run(q, params);
                          } finally {
                            const d = performance.now() - s0;
                            inside += d;
                            add(q === LOAD_ARTICLES || q === LOAD_ARTICLE ? 'write: LOAD_ARTICLES statements' : q === DERIVE_FACTS ? 'write: DERIVE_FACTS statements' : 'write: re-key statements', d);
                          }
                        };
                      },
                    });
                    return work(timedTx as ManagedTransaction);
                  }, cfg);
                } finally {
                  add('write: begin + commit + JS in the transaction', performance.now() - t0 - inside);
                }
              };
            },
          });
        };
      },
    });

    let resolveMs = 0;
    const resolve: typeof resolveArticle = (x, known) => {
      const t0 = performance.now();
      try {
        return resolveArticle(x, known);
      } finally {
        resolveMs += performance.now() - t0;
      }
    };
    log(`loading in batches of ${batchArticles}; profiling every ${every}th write transaction`);
    const t0 = performance.now();
    const neoCpu0 = treeCpuSeconds(db.pid);
    const nodeCpu0 = process.cpuUsage();
    const results = await ingestArticles(proxied, nlp, config, inputs, {
      extract: (input) => extracted.get(input.id)!,
      resolve,
      batchArticles,
    });
    const wall = performance.now() - t0;
    const neoCpu = treeCpuSeconds(db.pid) - neoCpu0;
    const nodeCpu = process.cpuUsage(nodeCpu0);
    const failed = results.filter((r) => r.status !== 'created').length;
    if (failed) log(`first failure: ${results.find((r) => r.status !== 'created')?.error}`);
    const created = results.reduce((a, r) => a + (r.counts?.nodesCreated ?? 0) + (r.counts?.relationshipsCreated ?? 0), 0);
    if (explainTiming) console.log(`EXPLAIN LOAD_ARTICLES ms per write, in order: ${explains.join(' ')}\nEXPLAIN FETCH_KNOWN_REST ms per read, in order: ${readExplains.join(' ')}`);
    const real = Object.entries(ms).filter(([k]) => !k.startsWith('p: ') && !k.startsWith('explain: ')).reduce((a, [, v]) => a + v, 0);
    const profileMs = Object.entries(ms).filter(([k]) => k.startsWith('p: ') || k.startsWith('explain: ')).reduce((a, [, v]) => a + v, 0);
    add('resolution (resolveArticle)', resolveMs);
    add('other JS (batch view, rows, pipeline)', wall - profileMs - real - resolveMs);
    const explain = await driver.executeQuery(`EXPLAIN ${LOAD_ARTICLES}`, { batch: [] }, { database: DATABASE });
    const ops = [...operatorsOf(explain.summary.profile as unknown as ProfileNode)];
    const planOps = [...operatorsOf(explain.summary.plan as unknown as ProfileNode)];

    console.log(`load-profile: ${inputs.length} articles, ${failed} failed, batches of ${batchArticles}, ${transactions} write transactions, ${profiled} profiled; load avg ${os.loadavg().map((x) => x.toFixed(2)).join('/')}`);
    console.log(`real load (profiling passes excluded): ${((wall - profileMs) / 1000).toFixed(1)} s, ${Math.round(created / ((wall - profileMs) / 1000))} created nodes+rels/s (${created})`);
    console.log(`CPU during the load (profiling passes included): Neo4j ${neoCpu.toFixed(1)} s, this process ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s`);
    console.log('\n| part | ms | share | db hits (one batch) |\n| --- | --- | --- | --- |');
    const realTotal = wall - profileMs;
    for (const [k, v] of Object.entries(ms).filter(([k]) => !k.startsWith('p: ') && !k.startsWith('explain: ')).sort((a, b) => b[1] - a[1])) {
      console.log(`| ${k} | ${Math.round(v)} | ${((100 * v) / realTotal).toFixed(1)}% | |`);
    }
    const pTotal = Object.entries(ms).filter(([k]) => k.startsWith('p: ')).reduce((a, [, v]) => a + v, 0);
    console.log(`\nprofiled transactions (${profiled}, the first only for db hits), LOAD_ARTICLES split into its parts:\n| part | ms | share | db hits (first profiled batch) |\n| --- | --- | --- | --- |`);
    for (const [k, v] of Object.entries(ms).filter(([k]) => k.startsWith('p: '))) {
      console.log(`| ${k.slice(3).replace(/\|/g, '/')} | ${Math.round(v)} | ${((100 * v) / pTotal).toFixed(1)}% | ${hits[k] ?? ''} |`);
    }
    console.log(`\nEXPLAIN LOAD_ARTICLES operators: ${(planOps.length ? planOps : ops).sort().join(', ')}`);
  } finally {
    await driver.close().catch(() => {});
    await db.stop().catch(() => {});
    await engine.stop().catch(() => {});
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
