/** The HTTP surface: offline playground, /health, /ready, GET queries, body limits, graceful shutdown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { testDriver } from '../support/neo4j.js';
import { countingDriver, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ driver: testDriver() });
});
afterAll(() => server?.close());

describe('playground', () => {
  it('serves GraphiQL at /graphql to browsers, with example tabs and only local assets', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    for (const op of ['query Timeline', 'query WhoSaidWhat', 'query StatementChain']) expect(html).toContain(op);
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.sort()).toEqual(['/graphiql/graphiql.css', '/graphiql/graphiql.js', '/graphiql/react-dom.js', '/graphiql/react.js']);
    expect(html).not.toMatch(/https?:\/\//);

    for (const [path, type, minBytes] of [
      ['/graphiql/react.js', 'javascript', 5_000],
      ['/graphiql/react-dom.js', 'javascript', 100_000],
      ['/graphiql/graphiql.js', 'javascript', 500_000],
      ['/graphiql/graphiql.css', 'css', 10_000],
    ] as const) {
      const asset = await fetch(`${server.url}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type')).toContain(type);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(minBytes);
    }
    expect((await fetch(`${server.url}/graphiql/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/graphiql/package.json`)).status).toBe(404);
  });

  it('still answers GET queries from tools (with Apollo’s CSRF header)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ apiVersion }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { apiVersion: '1.0' } });
  });
});

describe('health', () => {
  it('/health is liveness, /ready checks Neo4j', async () => {
    const health = await fetch(`${server.url}/health`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${server.url}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('answers bad JSON and oversized bodies with JSON errors, not HTML', async () => {
    const bad = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ apiVersion }', variables: { pad: 'x'.repeat(1_300_000) } }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new ones and closes the driver', async () => {
    const real = testDriver();
    const { driver, stats } = countingDriver(real);
    // Slow every query down so a request is surely in flight when close() starts.
    const slow = new Proxy(driver, {
      get(target, prop, receiver) {
        if (prop === 'executeQuery') {
          return async (...args: unknown[]) => {
            await new Promise((r) => setTimeout(r, 400));
            return (target.executeQuery as (...a: unknown[]) => unknown)(...args);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as Driver;
    const s = await startTestServer({ driver: slow });
    const inflight = s.gql(`{ actors(first: 1) { edges { cursor } } }`);
    await new Promise((r) => setTimeout(r, 100));
    const closing = s.close();
    const res = await inflight;
    const answered = Date.now();
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    await closing;
    // Closing waits for the in-flight request only, not for its keep-alive connection to time out (5 s).
    expect(Date.now() - answered).toBeLessThan(2_500);
    await expect(fetch(`${s.url}/health`)).rejects.toThrow();
    expect(stats.closed).toBe(1);
  });
});

describe('serve (what the CLI calls)', () => {
  it('listens on the configured port with the API, playground and timeline page, and closes cleanly', async () => {
    const { serve } = await import('../../src/api/serve.js');
    const { testConfig, silentLogger } = await import('./helpers.js');
    const { driver, stats } = countingDriver(testDriver());
    const s = await serve({ config: testConfig({ PORT: '0', HOST: '127.0.0.1' }), driver, logger: silentLogger });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ apiVersion }' }),
    });
    expect(await res.json()).toEqual({ data: { apiVersion: '1.0' } });
    expect((await fetch(`${s.url}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(200);
    expect((await fetch(`${s.url}/timeline`)).status).toBe(200);
    await s.close();
    expect(stats.closed).toBe(1);
  });
});

describe('createApolloServer (no HTTP)', () => {
  it('runs operations in-process with executeOperation and a request context', async () => {
    const { createApolloServer, createApiContext } = await import('../../src/api/server.js');
    const { testConfig, silentLogger } = await import('./helpers.js');
    const driver = testDriver();
    const config = testConfig();
    const apollo = createApolloServer({ driver, config, logger: silentLogger });
    await apollo.start();
    const res = await apollo.executeOperation(
      { query: 'query($n: Int) { apiVersion actors(first: $n) { pageInfo { hasNextPage } } }', variables: { n: 1 } },
      { contextValue: createApiContext({ driver, config, logger: silentLogger }) },
    );
    await apollo.stop();
    await driver.close();
    expect(res.body.kind === 'single' && res.body.singleResult.errors).toBeUndefined();
    expect(res.body.kind === 'single' && res.body.singleResult.data?.apiVersion).toBe('1.0');
  });
});
