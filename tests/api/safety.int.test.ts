/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON, checked by the assertions */
/**
 * Safety limits over real HTTP: depth, field count (aliases), page size, cursors, query timeout, the driver
 * error map, masking in production, and injection attempts through every text filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jError } from 'neo4j-driver';
import { applyMigrations } from '../../src/graph/migrations.js';
import { createRunner } from '../../src/graph/repositories/runner.js';
import { mapDriverError } from '../../src/api/errors.js';
import { testDriver } from '../support/neo4j.js';
import { buildFixture, countFixtureNodes, deleteFixture, ids, writeFixture } from './fixture.js';
import { failingDriver, ok, startTestServer, type TestServer } from './helpers.js';
import type { PhaseTimes } from '../../src/api/timing.js';

const setupDriver = testDriver();
let server: TestServer;

beforeAll(async () => {
  await applyMigrations(setupDriver, process.env.NEO4J_DATABASE ?? 'neo4j');
  await deleteFixture(setupDriver);
  await writeFixture(setupDriver, buildFixture());
  server = await startTestServer({ driver: testDriver() });
});

afterAll(async () => {
  await server?.close();
  await deleteFixture(setupDriver);
  await setupDriver.close();
});

describe('query cost limits', () => {
  it('rejects a query nested 20 levels deep, naming the limit', async () => {
    let inner = 'name';
    for (let i = 0; i < 9; i++) inner = `affiliations { actor { ${inner} } }`;
    const res = await server.gql(`{ actor(id: "${ids.mira}") { ${inner} } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/nested 20 levels deep; the limit is 12 \(MAX_QUERY_DEPTH\)/);
    expect(res.body.data).toBeUndefined();
  });

  it('rejects 1,000 aliases, naming the limit', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: apiVersion`).join(' ');
    const res = await server.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/selects 1000 fields .*the limit is 400 \(MAX_QUERY_FIELDS\)/);
  });

  it('counts fragments every time they are spread', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `f${i}: apiVersion`).join(' ');
    const spreads = Array.from({ length: 20 }, (_, i) => `x${i}: actor(id: "x") { id ...F }`).join(' ');
    const res = await server.gql(`query { ${spreads} } fragment F on Actor { ${fields.replace(/apiVersion/g, 'name')} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/MAX_QUERY_FIELDS/);
  });

  it('the document cache never bypasses the limits: a cached valid query keeps working, an over-deep or over-wide one is refused every time', async () => {
    // Apollo's documentStore keeps only documents that passed validation (the cost rule included): a repeated
    // valid query skips parse and validation, a refused one is validated again on every submission.
    const valid = `{ actor(id: "${ids.mira}") { id name } }`;
    for (let i = 0; i < 3; i++) {
      const res = await server.gql(valid);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.actor.id).toBe(ids.mira);
    }
    let inner = 'name';
    for (let i = 0; i < 9; i++) inner = `affiliations { actor { ${inner} } }`;
    const deep = `{ actor(id: "${ids.mira}") { ${inner} } }`;
    const wide = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: apiVersion`).join(' ')} }`;
    for (let i = 0; i < 3; i++) {
      const d = await server.gql(deep);
      expect(d.status).toBe(400);
      expect(d.body.errors?.[0]?.message).toMatch(/MAX_QUERY_DEPTH/);
      expect(d.body.data).toBeUndefined();
      const w = await server.gql(wide);
      expect(w.status).toBe(400);
      expect(w.body.errors?.[0]?.message).toMatch(/MAX_QUERY_FIELDS/);
      // The valid query, cached by now, still answers between the refusals.
      expect((await server.gql(valid)).body.data.actor.id).toBe(ids.mira);
    }
  });

  it('parses and validates a valid document once (the phase timing shows the cache hit), a refused one every time', async () => {
    const seen: PhaseTimes[] = [];
    const timed = await startTestServer({ driver: testDriver(), phaseRecorder: (t) => void seen.push(t) });
    try {
      const valid = `{ actor(id: "${ids.mira}") { id name affiliations { actor { id } } } }`;
      ok(await timed.gql(valid));
      ok(await timed.gql(valid));
      expect(seen).toHaveLength(2);
      expect(seen[0]!.parse).toBeGreaterThan(0);
      expect(seen[0]!.validate).toBeGreaterThan(0);
      expect(seen[1]!.parse).toBe(0);
      expect(seen[1]!.validate).toBe(0);
      for (const t of seen) {
        expect(t.execute).toBeGreaterThan(0);
        expect(t.neo4j).toBeGreaterThan(0);
        expect(t.total).toBeGreaterThanOrEqual(t.execute);
      }
      let inner = 'name';
      for (let i = 0; i < 9; i++) inner = `affiliations { actor { ${inner} } }`;
      const deep = `{ actor(id: "${ids.mira}") { ${inner} } }`;
      seen.length = 0;
      for (let i = 0; i < 2; i++) expect((await timed.gql(deep)).status).toBe(400);
      expect(seen).toHaveLength(2);
      for (const t of seen) {
        expect(t.validate).toBeGreaterThan(0);
        expect(t.execute).toBe(0);
        expect(t.neo4j).toBe(0);
      }
    } finally {
      await timed.close();
    }
  });

  it('admits the playground’s introspection query', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const res = await server.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses first beyond MAX_PAGE_SIZE with BAD_USER_INPUT naming the field', async () => {
    const res = await server.gql(`{ statements(first: 100000) { edges { cursor } } }`);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'statements.first must be between 1 and 100 (MAX_PAGE_SIZE); got 100000',
      extensions: { code: 'BAD_USER_INPUT', field: 'statements.first' },
    });
    const nested = await server.gql(`{ actor(id: "${ids.mira}") { statements(first: 0) { edges { cursor } } } }`);
    expect(nested.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Actor.statements.first' });
  });

  it('refuses a forged or foreign cursor with BAD_USER_INPUT', async () => {
    for (const after of ['not-a-cursor', Buffer.from('{"x":1}').toString('base64url'), Buffer.from('["Mira","id"]').toString('base64url')]) {
      const res = await server.gql(`query($after: String) { timeline(after: $after) { edges { cursor } } }`, { after });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeline.after' });
    }
  });

  it('names the field of an invalid date', async () => {
    const res = await server.gql(`query($f: TimelineFilter) { timeline(filter: $f) { edges { cursor } } }`, { f: { from: '2016-02-30' } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/from.*Date must be a calendar day written YYYY-MM-DD/);
  });
});

describe('injection', () => {
  const nasty = [
    `") MATCH (n) DETACH DELETE n //`,
    `'}) RETURN 1 //`,
    `{ } [ ] ( ) "unbalanced`,
    `zorblax" OR "*`,
    `\\ // /* */ AND OR NOT ~ ^ : ?`,
    `actor:person:t4api-mira-vantoren' OR 1=1 //`,
  ];

  it('treats quotes, braces and // in every text filter as plain words, changing nothing', async () => {
    const before = await countFixtureNodes(setupDriver);
    for (const text of nasty) {
      const res = await server.gql(
        `query($t: String!, $id: ID!) {
          statements(filter: { text: $t, speakerId: $id, about: $id, via: $id }) { edges { cursor } }
          s2: statements(filter: { text: $t }) { edges { cursor } }
          actors(filter: { text: $t }) { edges { cursor } }
          events(filter: { text: $t, seriesId: $id, actorIds: [$id] }) { edges { cursor } }
          timeline(filter: { text: $t, actorIds: [$id], eventIds: [$id] }) { edges { cursor } }
          articles(filter: { outlet: $t }) { edges { cursor } }
          actor(id: $id) { id }
          article(id: $id) { id }
          statement(id: $id) { id }
          event(id: $id) { id }
        }`,
        { t: text, id: text },
      );
      expect(res.body.errors, text).toBeUndefined();
      expect(res.status).toBe(200);
    }
    expect(await countFixtureNodes(setupDriver)).toBe(before);
  });

  it('still finds the real words around the syntax', async () => {
    const data: any = ok(await server.gql(`query($t: String!) { statements(filter: { text: $t }) { edges { node { id } } } }`, { t: `"defend" (strait) //` }));
    expect(data.statements.edges.map((e: any) => e.node.id)).toEqual([ids.s1]);
  });
});

describe('errors from Neo4j', () => {
  it('terminates a query before QUERY_TIMEOUT_MS (server-side) and maps it to QUERY_TIMEOUT', async () => {
    const driver = testDriver();
    // Neo4j is asked to stop it at 3 s (serverTimeoutMs), answers by ~3.7 s, before the 5 s client deadline.
    const run = createRunner(driver, { database: process.env.NEO4J_DATABASE ?? 'neo4j', timeoutMs: 5_000 });
    const err = await run.read('UNWIND range(1, 500000000) AS x WITH x WHERE x % 7 = 123 RETURN count(x) AS n').catch((e: unknown) => e);
    await driver.close();
    expect(err).toBeInstanceOf(Neo4jError);
    expect(mapDriverError(err as Neo4jError).code).toBe('QUERY_TIMEOUT');
  });

  const cypherLeak = new Neo4jError(
    "Invalid input 'MATCH (s:Statement) WHERE s.secret = $x': expected ... (line 1, column 1)",
    'Neo.ClientError.Statement.SyntaxError' as never,
    '42001',
    'syntax error',
  );

  it('masks driver text, stack and Cypher in production', async () => {
    const prod = await startTestServer({ driver: failingDriver(cypherLeak), config: { NODE_ENV: 'production' } });
    const res = await prod.gql(`{ statements { edges { cursor } } }`);
    await prod.close();
    expect(res.body.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['statements'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/MATCH|Statement\.|stacktrace|secret/);
  });

  it('maps an unavailable database to SERVICE_UNAVAILABLE and a timeout to QUERY_TIMEOUT', async () => {
    const down = new Neo4jError('Could not perform discovery. No routing servers available. bolt://10.0.0.1', 'ServiceUnavailable' as never, '08000', 'x');
    const slow = new Neo4jError('The transaction has been terminated... timeout', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' as never, '25N06', 'x');
    // The pool's own error has no code ("N/A"): it used to come back as INTERNAL_SERVER_ERROR.
    const noConnection = new Neo4jError('Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100, Idle conn count = 0.', 'N/A' as never, '50N42', 'x');
    for (const [err, code] of [[down, 'SERVICE_UNAVAILABLE'], [slow, 'QUERY_TIMEOUT'], [noConnection, 'SERVICE_UNAVAILABLE']] as const) {
      const s = await startTestServer({ driver: failingDriver(err), config: { NODE_ENV: 'production' } });
      const res = await s.gql(`{ actors { edges { cursor } } }`);
      const ready = await fetch(`${s.url}/ready`);
      await s.close();
      expect(res.body.errors?.[0]?.extensions).toEqual({ code });
      expect(res.body.errors?.[0]?.message).not.toMatch(/bolt|discovery|terminated|acquisition/);
      expect(ready.status).toBe(503);
    }
  });

  it('by default (no NODE_ENV) answers errors with no stack trace, path or internal text, and still serves the playground', async () => {
    const internal = new Error(`cannot read properties of undefined (at ${process.cwd()}/src/graph/repositories/actors.ts:12:3)`);
    const s = await startTestServer({ driver: failingDriver(internal), defaults: true });
    const failed = await s.gql(`{ actors { edges { cursor } } }`);
    const invalid = await s.gql(`{ actors { nope } }`);
    const badInput = await s.gql(`{ statements(first: 0) { edges { cursor } } }`);
    const playground = await fetch(`${s.url}/graphql`, { headers: { accept: 'text/html' } });
    await s.close();
    expect(failed.body.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['actors'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    for (const res of [failed, invalid, badInput]) {
      expect(res.body.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/stacktrace|exception|\bat \w|node_modules|\.ts:\d|\.js:\d/);
      expect(text).not.toContain(process.cwd());
    }
    expect(playground.status).toBe(200);
    expect(await playground.text()).toMatch(/graphiql/i);
  });

  it('shows stack traces and driver details only when asked: NODE_ENV=development or EXPOSE_ERROR_DETAILS=true', async () => {
    for (const config of [{ NODE_ENV: 'development' }, { NODE_ENV: 'production', EXPOSE_ERROR_DETAILS: 'true' }] as Array<Record<string, string>>) {
      const s = await startTestServer({ driver: failingDriver(cypherLeak), config });
      const res = await s.gql(`{ statements { edges { cursor } } }`);
      const invalid = await s.gql(`{ actors { nope } }`);
      await s.close();
      expect(res.body.errors?.[0]?.extensions?.detail).toMatch(/Invalid input/);
      expect(invalid.body.errors?.[0]?.extensions?.stacktrace).toEqual(expect.any(Array));
    }
    const quiet = await startTestServer({ driver: failingDriver(cypherLeak), config: { NODE_ENV: 'development', EXPOSE_ERROR_DETAILS: 'false' } });
    const res = await quiet.gql(`{ actors { nope } }`);
    await quiet.close();
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace/);
  });

  it('keeps a one-line driver detail outside production, for debugging', async () => {
    const dev = await startTestServer({ driver: failingDriver(cypherLeak), config: { NODE_ENV: 'development' } });
    const res = await dev.gql(`{ statements { edges { cursor } } }`);
    await dev.close();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', neo4jCode: 'Neo.ClientError.Statement.SyntaxError' });
  });
});
