/** The timeline router over HTTP: page, assets, vendored vis-timeline, the operations module and /export/timeline. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import type { Driver } from 'neo4j-driver';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { timelineRouter } from '../../src/web/router.js';
import { seedLikeGraph } from './support/fakeGraph.js';
import { startFakeServer, type FakeServer } from './support/fakeServer.js';

const validateTimelineJs = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync(new URL('../export/timelinejs.schema.json', import.meta.url), 'utf8')),
);

describe('timeline router', () => {
  let server: FakeServer;
  const get = (path: string) => fetch(`${server.url}${path}`);

  beforeAll(async () => {
    server = await startFakeServer(seedLikeGraph());
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the page with the GraphQL path, same-origin assets only and a strict CSP', async () => {
    const res = await get('/timeline');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<meta name="chronicle:graphql" content="/graphql">');
    expect(html).not.toContain('{{');
    // No CDN: every script and stylesheet is served by us.
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) expect(url).toMatch(/^\/timeline\//);
  });

  it('serves its assets and vis-timeline from node_modules, and nothing else', async () => {
    for (const path of ['/timeline/assets/app.js', '/timeline/assets/app.css', '/timeline/vendor/vis-timeline-graph2d.min.js', '/timeline/vendor/vis-timeline-graph2d.min.css']) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    expect((await get('/timeline/vendor/vis-timeline-graph2d.min.js').then((r) => r.text())).slice(0, 400)).toContain('vis-timeline');
    for (const path of ['/timeline/assets/index.html', '/timeline/assets/..%2F..%2Fpackage.json', '/timeline/vendor/package.json']) {
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 404 });
    }
  });

  it('serves the page’s operations as a module of strings', async () => {
    const res = await get('/timeline/assets/operations.js');
    expect(res.headers.get('content-type')).toContain('javascript');
    const src = await res.text();
    for (const name of ['TimelinePage', 'TimelineActors', 'StatementDetail', 'EventDetail', 'ArticleText']) {
      expect(src).toMatch(new RegExp(`^export const ${name} = "query ${name}\\(`, 'm'));
    }
  });

  it('exports the timeline in each format, as a download on request', async () => {
    const tjs = await get('/export/timeline?format=timelinejs');
    expect(tjs.status).toBe(200);
    const body = await tjs.json();
    expect(validateTimelineJs(body)).toBe(true);
    expect(body.events).toHaveLength(15);

    const vis = await (await get('/export/timeline?format=vis')).json();
    expect(vis.items).toHaveLength(15);
    expect(vis.groups.length).toBeGreaterThan(0);

    const json = await get('/export/timeline?download=1');
    expect(json.headers.get('content-disposition')).toBe('attachment; filename=chronicle-timeline.json');
    expect((await json.json()).items).toHaveLength(15);
  });

  it('refuses an unknown format with a 400 naming the choices', async () => {
    const res = await get('/export/timeline?format=csv');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_USER_INPUT', message: 'format must be one of timelinejs, vis, json', field: 'format' },
    });
  });

  it('answers a failing export with a code, never the underlying error text', async () => {
    const app = express();
    app.use(
      timelineRouter({
        driver: undefined as unknown as Driver,
        database: 'neo4j',
        config: loadConfig({}),
        graphqlPath: '/graphql',
        execute: () => Promise.reject(new Error('Neo.ClientError.Secret: MATCH (n) password=hunter2')),
      }),
    );
    const s = app.listen(0, '127.0.0.1');
    await new Promise((r) => s.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/export/timeline?format=vis`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(text).not.toMatch(/hunter2|MATCH|Neo\./);
      expect(JSON.parse(text).error.code).toBe('EXPORT_FAILED');
    } finally {
      await new Promise((r) => s.close(r));
    }
  });
});
