/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON, checked by the assertions */
/**
 * ingestArticle over HTTP: bearer-token auth, mutations disabled without a token, input errors naming the
 * field, and — when the extraction pipeline is complete — a real article through the real pipeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestFn } from '../../src/api/ingest.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { testDriver } from '../support/neo4j.js';
import { ok, startTestServer, type TestServer } from './helpers.js';

const TOKEN = 'test-token-t4api';
const MUTATION = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { id status error article { id outlet } } }`;
const input = { text: 'Some text.', outlet: 'Test Outlet', publishedAt: '2016-10-01', title: null, url: 'https://example.test/a', id: 't4api-upload-1' };

const servers: TestServer[] = [];
async function server(config: Record<string, string>, ingest?: IngestFn) {
  const s = await startTestServer({ driver: testDriver(), config, ingest });
  servers.push(s);
  return s;
}
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe('ingestArticle auth', () => {
  const calls: unknown[] = [];
  const fake: IngestFn = async (i) => {
    calls.push(i);
    return { id: i.id ?? null, source: 'upload', status: 'unchanged' };
  };

  it('is UNAUTHENTICATED (401) without a token or with a wrong one, and runs nothing', async () => {
    const s = await server({ API_TOKEN: TOKEN }, fake);
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of attempts) {
      const res = await s.gql(MUTATION, { input }, headers);
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(res.body.errors?.[0]?.message).toMatch(/Authorization: Bearer <API_TOKEN>/);
    }
    expect(calls).toHaveLength(0);
  });

  it('is disabled (FORBIDDEN) when the server has no API_TOKEN, whatever the header', async () => {
    const s = await server({}, fake);
    const res = await s.gql(MUTATION, { input }, { authorization: 'Bearer ' });
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(calls).toHaveLength(0);
  });

  it('runs the ingest with the right token; reads stay public', async () => {
    const s = await server({ API_TOKEN: TOKEN }, fake);
    const data: any = ok(await s.gql(MUTATION, { input }, { authorization: `Bearer ${TOKEN}` }));
    expect(data.ingestArticle).toEqual({ id: 't4api-upload-1', status: 'UNCHANGED', error: null, article: null });
    expect(calls).toEqual([{ ...input, source: 'upload' }]);
    expect(ok(await s.gql('{ apiVersion }'))).toEqual({ apiVersion: '1.0' });
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const s = await server({ API_TOKEN: TOKEN }, fake);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const badUrl = await s.gql(MUTATION, { input: { ...input, url: 'javascript:alert(1)' } }, auth);
    expect(badUrl.body.errors?.[0]).toMatchObject({ message: 'input.url must be an http or https URL', extensions: { code: 'BAD_USER_INPUT', field: 'input.url' } });
    const badDate = await s.gql(MUTATION, { input: { ...input, publishedAt: '2016-13-01' } }, auth);
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors?.[0]?.message).toMatch(/input\.publishedAt.*YYYY-MM-DD/);
  });
});

/** False until the extraction modules the pipeline imports have all landed. */
async function pipelineReady(): Promise<boolean> {
  return import('../../src/ingest/pipeline.js').then(
    () => true,
    (err: { code?: string }) => (err.code === 'ERR_MODULE_NOT_FOUND' ? false : Promise.reject(err)),
  );
}

describe('ingestArticle through the real pipeline', () => {
  const ARTICLE = {
    id: 't4api-real-upload',
    outlet: 'Test Gazette',
    publishedAt: '2016-10-07',
    title: 'Quorvath speaks',
    url: null,
    text: 'Defense Minister Elsa Quorvath said on Thursday: "The Zorblax patrols will continue." Quorvath spoke in the capital.',
  };
  // The pipeline's reads need the full-text indexes; this file must not depend on another having made them.
  beforeAll(async () => {
    const driver = testDriver();
    await applyMigrations(driver, process.env.NEO4J_DATABASE ?? 'neo4j').finally(() => driver.close());
  });

  it('validates input through the pipeline, naming the field', async (ctx) => {
    if (!(await pipelineReady())) return ctx.skip();
    const s = await server({ API_TOKEN: TOKEN });
    const res = await s.gql(MUTATION, { input: { ...ARTICLE, text: '   ' } }, { authorization: `Bearer ${TOKEN}` });
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.text' } });
    const future = await s.gql(MUTATION, { input: { ...ARTICLE, publishedAt: '2999-01-01' } }, { authorization: `Bearer ${TOKEN}` });
    expect(future.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.publishedAt' } });
  });

  it('creates the article once, then reports it unchanged', async (ctx) => {
    if (!(await pipelineReady())) return ctx.skip();
    const driver = testDriver();
    try {
      const s = await server({ API_TOKEN: TOKEN });
      const auth = { authorization: `Bearer ${TOKEN}` };
      const first: any = ok(await s.gql(MUTATION, { input: ARTICLE }, auth));
      expect(first.ingestArticle).toMatchObject({ id: ARTICLE.id, status: 'CREATED', error: null, article: { id: ARTICLE.id, outlet: 'Test Gazette' } });
      const again: any = ok(await s.gql(MUTATION, { input: ARTICLE }, auth));
      expect(again.ingestArticle.status).toBe('UNCHANGED');
      const text: any = ok(await s.gql(`{ article(id: "${ARTICLE.id}") { text } }`));
      expect(text.article.text).toBe(ARTICLE.text);
    } finally {
      // Only what this article created: nodes whose provenance points at it alone, then the article.
      await driver.executeQuery(
        `MATCH (a:Article {id: $id})
         OPTIONAL MATCH (n)-[:MENTIONED_IN|REPORTED_IN|STATED_IN]->(a)
         WHERE NOT EXISTS { MATCH (n)-[:MENTIONED_IN|REPORTED_IN|STATED_IN]->(o:Article) WHERE o.id <> $id }
         DETACH DELETE n, a`,
        { id: ARTICLE.id },
      );
      await driver.close();
    }
  });
});
