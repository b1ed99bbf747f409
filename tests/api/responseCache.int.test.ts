/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON, checked by the assertions */
/**
 * The response cache (src/api/responseCache.ts) over real HTTP: a hit returns the very bytes of the miss it
 * replays; an ingest through the API, an ingest through the pipeline on another driver (what `chronicle ingest`
 * in another process does) and a bare Cypher SET each make the next answer fresh; errors and mutations are
 * never cached. Plus the generation clock's sharing and staleness rules with a fake source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { GenerationClock, type ResponseCache } from '../../src/api/responseCache.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { startTestServer, type TestServer } from './helpers.js';

const DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';
const TOKEN = 'test-token-rcache';
const MUTATION = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { id status error } }`;
const ARTICLE_QUERY = `query Art($id: ID!) { article(id: $id) { id title outlet publishedAt } }`;
const OUTLET_QUERY = `query ByOutlet($outlet: String!) { articles(filter: { outlet: $outlet }) { edges { node { id title } } } }`;
const OUTLET = 'Rcache Test Gazette';

function article(n: number) {
  return {
    id: `rcache-article-${n}`,
    outlet: OUTLET,
    publishedAt: '2016-10-07',
    title: `Rcache headline ${n}`,
    url: null,
    text: `Defense Minister Elsa Quorvath said on Thursday: "The Zorblax patrols will continue ${n} more weeks." Quorvath spoke in the capital.`,
  };
}

let driver: Driver;
let server: TestServer;
let cache: ResponseCache | undefined;

/** A POST as any client sends it: the raw body text and the cache's verdict. */
async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, text: await res.text(), cache: res.headers.get('x-response-cache'), type: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control') };
}

/** Sends the same query until it is a hit (the first miss has no generation label yet; the second stores). */
async function untilHit(query: string, variables: Record<string, unknown>) {
  const seen: Array<Awaited<ReturnType<typeof post>>> = [];
  for (let i = 0; i < 6; i++) {
    const r = await post(query, variables);
    seen.push(r);
    if (r.cache === 'HIT') return seen;
  }
  throw new Error(`no cache hit after ${seen.length} requests: ${seen.map((s) => s.cache).join(', ')}`);
}

async function cleanup() {
  await driver.executeQuery(
    `MATCH (a:Article) WHERE a.id STARTS WITH 'rcache-'
     OPTIONAL MATCH (n)-[:MENTIONED_IN|REPORTED_IN|STATED_IN]->(a)
     WHERE NOT EXISTS { MATCH (n)-[:MENTIONED_IN|REPORTED_IN|STATED_IN]->(o:Article) WHERE NOT o.id STARTS WITH 'rcache-' }
     DETACH DELETE n, a`,
    {},
    { database: DATABASE },
  );
}

beforeAll(async () => {
  driver = testDriver();
  await applyMigrations(driver, DATABASE);
  await cleanup();
  server = await startTestServer({
    driver: testDriver(),
    config: { API_TOKEN: TOKEN, RESPONSE_CACHE_MB: '8', RESPONSE_CACHE_MAX_STALE_MS: '0' },
    exposeCacheStatus: true,
    onResponseCache: (c) => (cache = c),
  });
});

afterAll(async () => {
  await server?.close();
  await cleanup().catch(() => undefined);
  await driver?.close();
});

describe('response cache over HTTP', () => {
  it('replays the exact bytes, status and headers of the answer it cached', async () => {
    const seen = await untilHit(ARTICLE_QUERY, { id: 'rcache-article-1' });
    const hit = seen.at(-1)!;
    const miss = seen.at(-2)!;
    expect(miss.cache).toBe('MISS');
    expect(hit.text).toBe(miss.text);
    expect(hit.status).toBe(200);
    expect(hit.type).toBe(miss.type);
    expect(hit.cacheControl).toBe('no-store');
    expect(JSON.parse(hit.text)).toEqual({ data: { article: null } });
    // Identical again on the next hits, and for a second client asking the same.
    for (let i = 0; i < 3; i++) expect(await post(ARTICLE_QUERY, { id: 'rcache-article-1' })).toMatchObject({ cache: 'HIT', text: miss.text });
    expect(cache!.stats().hits).toBeGreaterThanOrEqual(4);
  });

  it('answers with the new data right after an ingest through the API', async () => {
    await untilHit(ARTICLE_QUERY, { id: 'rcache-article-2' });
    const before = await untilHit(OUTLET_QUERY, { outlet: OUTLET });
    expect(JSON.parse(before.at(-1)!.text).data.articles.edges).toEqual([]);

    const ingest = await post(MUTATION, { input: article(2) }, { authorization: `Bearer ${TOKEN}` });
    expect(JSON.parse(ingest.text)).toEqual({ data: { ingestArticle: { id: 'rcache-article-2', status: 'CREATED', error: null } } });
    expect(ingest.cache).toBeNull(); // mutations never go through the cache

    const after = await post(ARTICLE_QUERY, { id: 'rcache-article-2' });
    expect(after.cache).toBe('MISS');
    expect(JSON.parse(after.text).data.article).toEqual({ id: 'rcache-article-2', title: 'Rcache headline 2', outlet: OUTLET, publishedAt: '2016-10-07' });
    const list = await post(OUTLET_QUERY, { outlet: OUTLET });
    expect(JSON.parse(list.text).data.articles.edges.map((e: any) => e.node.id)).toEqual(['rcache-article-2']);
    // …and the fresh answer is cached in turn.
    const again = await untilHit(OUTLET_QUERY, { outlet: OUTLET });
    expect(again.at(-1)!.text).toBe(list.text);
  });

  it('answers with the new data after a write by another writer (the pipeline on its own driver, as `chronicle ingest` in another process)', async () => {
    const cached = await untilHit(OUTLET_QUERY, { outlet: OUTLET });
    const other = testDriver(); // its own connection pool: nothing is shared with the server but the database
    try {
      const [result] = await ingestArticles(other, await testNlp(), { NEO4J_DATABASE: DATABASE, MAX_ARTICLE_BYTES: 500_000 }, [{ ...article(3), source: 'upload' }]);
      expect(result?.status).toBe('created');
    } finally {
      await other.close();
    }
    const after = await post(OUTLET_QUERY, { outlet: OUTLET });
    expect(after.cache).toBe('MISS');
    expect(after.text).not.toBe(cached.at(-1)!.text);
    expect(JSON.parse(after.text).data.articles.edges.map((e: any) => e.node.id).sort()).toEqual(['rcache-article-2', 'rcache-article-3']);
  });

  it('answers with the new value after a bare property SET (no node or relationship created)', async () => {
    const cached = await untilHit(ARTICLE_QUERY, { id: 'rcache-article-3' });
    expect(JSON.parse(cached.at(-1)!.text).data.article.title).toBe('Rcache headline 3');
    await driver.executeQuery(`MATCH (a:Article {id: 'rcache-article-3'}) SET a.title = 'Rcache retitled'`, {}, { database: DATABASE });
    const after = await post(ARTICLE_QUERY, { id: 'rcache-article-3' });
    expect(after.cache).toBe('MISS');
    expect(JSON.parse(after.text).data.article.title).toBe('Rcache retitled');
  });

  it('never caches answers with errors, nor operations it cannot name', async () => {
    const bad = `query Bad { article(id: "x") { id nonexistentField } }`;
    for (let i = 0; i < 4; i++) {
      const r = await post(bad, {});
      expect(r.status).toBe(400);
      expect(r.cache).not.toBe('HIT');
    }
    // Two operations and no operationName: Apollo's error every time, never a cached answer.
    const two = `query A { apiVersion } query B { apiVersion }`;
    for (let i = 0; i < 3; i++) expect((await post(two, {})).cache).toBeNull();
  });
});

describe('when Neo4j does not confirm', () => {
  it('a hit waits at most RESPONSE_CACHE_CHECK_MS for the check, then the request executes as uncached', async () => {
    // The generation check (a session's RETURN 1) hangs on demand; data reads (executeQuery) keep working.
    let hang = false;
    const real = testDriver();
    const proxy = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'session' && hang) {
          return () => ({
            run: () => ({ summary: () => new Promise(() => undefined) }),
            lastBookmarks: () => [],
            close: async () => undefined,
          });
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as Driver;
    const s = await startTestServer({ driver: proxy, config: { RESPONSE_CACHE_MB: '8', RESPONSE_CACHE_CHECK_MS: '300' }, exposeCacheStatus: true });
    try {
      const ask = async () => {
        const t0 = performance.now();
        const res = await fetch(`${s.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query: ARTICLE_QUERY, variables: { id: 'rcache-article-9' } }),
        });
        return { cache: res.headers.get('x-response-cache'), body: await res.json(), ms: performance.now() - t0 };
      };
      // A hit needs a check that completes within RESPONSE_CACHE_CHECK_MS; on a machine busy with other work a few
      // checks may not, so ask until one does (each try is a real request; none is timed).
      let r = await ask();
      for (let i = 0; i < 40 && r.cache !== 'HIT'; i++) r = await ask();
      expect(r.cache).toBe('HIT');
      hang = true;
      const first = await ask();
      expect(first.cache).toBe('MISS');
      expect(first.body).toEqual({ data: { article: null } });
      expect(first.ms).toBeGreaterThanOrEqual(290);
      // This fake check never fails (the real one times out after READY_TIMEOUT_MS, then hits stop waiting): each waits once.
      const second = await ask();
      expect(second.cache).toBe('MISS');
      expect(second.body).toEqual({ data: { article: null } });
    } finally {
      hang = false;
      await s.close();
    }
  });
});

describe('generation clock', () => {
  function fakeSource() {
    let value = 'g1';
    let reads = 0;
    const waiting: Array<() => void> = [];
    return {
      set: (v: string) => void (value = v),
      get reads() {
        return reads;
      },
      release: () => waiting.splice(0).forEach((f) => f()),
      source: {
        read: () => {
          reads += 1;
          const v = value;
          return new Promise<string>((resolve) => waiting.push(() => resolve(v)));
        },
      },
    };
  }

  it('strict: concurrent requests share one check; a request arriving during a check waits for the next one', async () => {
    let t = 0;
    const f = fakeSource();
    const clock = new GenerationClock(f.source, 0, () => t);
    t = 1;
    const a = clock.fresh(1);
    const b = clock.fresh(1);
    expect(f.reads).toBe(1);
    t = 2;
    f.set('g2'); // a write commits while the first check is in flight
    const c = clock.fresh(2); // arrived after the check started: must not use it
    const d = clock.fresh(2);
    f.release();
    expect((await a).value).toBe('g1');
    expect((await b).value).toBe('g1');
    await new Promise((r) => setTimeout(r, 0));
    expect(f.reads).toBe(2);
    f.release();
    expect((await c).value).toBe('g2');
    expect((await d).value).toBe('g2');
  });

  it('max stale: a recent check serves later requests; invalidate() makes the next one check again', async () => {
    let t = 0;
    const f = fakeSource();
    const clock = new GenerationClock(f.source, 1000, () => t);
    const first = clock.fresh(0);
    f.release();
    await first;
    t = 300;
    expect((await clock.fresh(300)).value).toBe('g1');
    expect(f.reads).toBe(1);
    clock.invalidate();
    f.set('g2');
    t = 301;
    const next = clock.fresh(301);
    expect(f.reads).toBe(2);
    f.release();
    expect((await next).value).toBe('g2');
    await new Promise((r) => setTimeout(r, 0));
    t = 2000; // older than the allowed staleness: checks again
    const late = clock.fresh(2000);
    expect(f.reads).toBe(3);
    f.release();
    await late;
  });

  it('marks itself failing when a check fails, and healthy again after the next success', async () => {
    let fail = true;
    const clock = new GenerationClock({ read: async () => (fail ? Promise.reject(new Error('down')) : 'g1') }, 0);
    await expect(clock.fresh(performance.now())).rejects.toThrow('down');
    expect(clock.failing).toBe(true);
    fail = false;
    expect((await clock.fresh(performance.now())).value).toBe('g1');
    expect(clock.failing).toBe(false);
  });
});
