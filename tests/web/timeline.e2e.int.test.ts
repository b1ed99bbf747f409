/**
 * End to end: the five seed articles through the real pipeline into the suite's Neo4j, the real HTTP app
 * (GraphQL API + timeline router) on port 0, and the page in headless Chromium. Expectations come from the
 * seed stories (three video conferences, one close encounter with both sides' distance claims); the ids and
 * wordings are read from the API, so the test does not pin extraction details.
 * Cleanup removes only the nodes and relationships that seeding created.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.js';
import { createHttpApp, startHttpServer, type HttpHandle } from '../../src/api/server.js';
import { exportTimeline } from '../../src/export/timeline.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { timelineRouter } from '../../src/web/router.js';
import { rememberGraph, testDriver, testNeo4jSettings } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { artifactPath, chartX, detailLoaded, launchChromium, listOrder, openPage, timelineLoaded } from './support/browser.js';

const DATABASE = testNeo4jSettings().database;
const CONFIG = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', NEO4J_DATABASE: DATABASE });
const SEED_DIR = path.resolve(import.meta.dirname, '../../seed');
const logger = pino({ level: 'silent' });
const validateTimelineJs = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync(new URL('../export/timelinejs.schema.json', import.meta.url), 'utf8')),
);

interface EventFact {
  id: string;
  name: string;
  start: string | null;
  sortDate: string | null;
  ordinal?: number | null;
  series?: { id: string } | null;
  claimsByAttribute?: Array<{
    attribute: string;
    claims: Array<{ id: string; value: string; source: { speaker: { name: string } | null }; sources: Array<{ exact: string }> }>;
  }>;
}

const EVENTS_QUERY = /* GraphQL */ `
  query E2EEvents($kinds: [EventKind!]) {
    events(filter: { kinds: $kinds }, first: 100) {
      edges {
        node {
          id
          name
          start
          sortDate
          ... on Meeting { ordinal series { id } }
          claimsByAttribute { attribute claims { id value source { speaker { name } } sources { exact } } }
        }
      }
    }
  }`;

describe('timeline page end to end (seeded Neo4j, real API, headless Chromium)', () => {
  let seedDriver: Driver;
  let serverDriver: Driver;
  let server: HttpHandle;
  let browser: Browser;
  let forgetSeeded: (() => Promise<void>) | undefined;
  let conferences: EventFact[] = [];
  let incident: EventFact;

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  beforeAll(async () => {
    seedDriver = testDriver();
    await applyMigrations(seedDriver, DATABASE);
    forgetSeeded = await rememberGraph(seedDriver, DATABASE);

    const seed = readSeedFolder(SEED_DIR, CONFIG);
    expect(seed.errors).toEqual([]);
    const results = await ingestArticles(seedDriver, await testNlp(), CONFIG, seed.inputs);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);

    serverDriver = testDriver();
    const router = timelineRouter({ driver: serverDriver, database: DATABASE, config: CONFIG, graphqlPath: '/graphql', logger });
    const app = await createHttpApp({ driver: serverDriver, database: DATABASE, config: CONFIG, logger, routes: [{ path: '/', router }] });
    server = await startHttpServer(app, 0, '127.0.0.1');
    browser = await launchChromium();

    type Events = { events: { edges: Array<{ node: EventFact }> } };
    const meetings = (await gql<Events>(EVENTS_QUERY, { kinds: ['MEETING'] })).events.edges.map((e) => e.node);
    conferences = [1, 2, 3].map((ordinal) => {
      const found = meetings.filter((m) => m.ordinal === ordinal);
      expect({ ordinal, count: found.length }).toEqual({ ordinal, count: 1 });
      return found[0]!;
    });
    expect(new Set(conferences.map((c) => c.series?.id)).size).toBe(1);
    const incidents = (await gql<Events>(EVENTS_QUERY, { kinds: ['INCIDENT'] })).events.edges
      .map((e) => e.node)
      .filter((e) => e.claimsByAttribute?.some((g) => g.attribute === 'distance'));
    expect(incidents).toHaveLength(1);
    incident = incidents[0]!;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close(); // also closes serverDriver
    await forgetSeeded?.();
    await seedDriver?.close();
  });

  it('shows the three video conferences and the incident in date order, on the chart and in the list', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/timeline`);
    await timelineLoaded(page);
    // The page may open on the busiest stretch; measure with every item drawn.
    await page.getByRole('button', { name: 'Fit all' }).click();

    const day = (e: EventFact) => e.start ?? e.sortDate ?? '9999-12-31';
    // The conferences' dates agree with their ordinals.
    expect(conferences.map(day)).toEqual([...conferences.map(day)].sort());
    expect(day(conferences[0]!) < day(conferences[2]!)).toBe(true);

    const four = [...conferences, incident].sort((a, b) => day(a).localeCompare(day(b)) || a.id.localeCompare(b.id));
    const order = await listOrder(page);
    const positions = four.map((e) => order.indexOf(e.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const xs = await Promise.all(four.map((e) => chartX(page, e.id)));
    for (let i = 1; i < four.length; i++) {
      if (day(four[i]!) > day(four[i - 1]!)) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
      else expect(xs[i]).toBeCloseTo(xs[i - 1]!, 0);
    }
    expect(problems).toEqual([]);
  });

  it('clicking the incident shows both sides’ distance claims with their source sentences', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/timeline`);
    await timelineLoaded(page);
    const onChart = page.locator(`#timeline .vis-item:has([data-item-id="${incident.id}"])`);
    if ((await onChart.count()) === 0) await page.getByRole('button', { name: 'Fit all' }).click();
    await onChart.click();
    await detailLoaded(page);

    const detail = page.locator('#detail');
    expect(await detail.locator('.event-name').textContent()).toBe(incident.name);
    const distance = incident.claimsByAttribute!.find((g) => g.attribute === 'distance')!;
    const speakers = distance.claims.map((c) => c.source.speaker?.name ?? '');
    // Both sides: the Russian defense ministry's spokesman and the U.S.-led coalition's.
    expect(speakers.some((s) => /Konashenkov/.test(s))).toBe(true);
    expect(speakers.some((s) => /Warren/.test(s))).toBe(true);

    for (const claim of distance.claims) {
      const el = detail.locator(`.claim-group[data-attribute="distance"] .claim[data-claim-id="${claim.id}"]`);
      expect(await el.locator('.claim-value').textContent()).toBe(claim.value);
      if (claim.source.speaker) expect(await el.locator('.claim-speaker').textContent()).toBe(claim.source.speaker.name);
      const marks = await el.locator('mark').allTextContents();
      expect(marks).toEqual(claim.sources.map((s) => s.exact));
      // The surrounding sentence is shown, not only the span.
      for (const excerpt of await el.locator('.excerpt').allTextContents()) expect(excerpt.length).toBeGreaterThan(0);
    }
    const shown = (await detail.locator('.claim-group[data-attribute="distance"] mark').allTextContents()).join(' | ');
    expect(shown).toMatch(/2 or 3 kilometers/);
    expect(shown).toMatch(/10 to 20 miles/);

    // A viewport tall enough for the whole page, with the distance claims scrolled to the top of the panel.
    await page.setViewportSize({ width: 1440, height: 1400 });
    await detail.locator('.claim-group[data-attribute="distance"]').evaluate((el) => {
      const panel = document.getElementById('detail')!;
      panel.scrollTop += el.getBoundingClientRect().top - panel.getBoundingClientRect().top - 56;
      window.scrollTo(0, 0);
    });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: artifactPath('timeline.png') });
    expect(problems).toEqual([]);
  });

  it('renders the empty state for a date range with nothing in it', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}/timeline?from=1900-01-01&to=1900-12-31`);
    await timelineLoaded(page);
    expect(await page.isVisible('#empty')).toBe(true);
    expect(await page.isVisible('#error')).toBe(false);
    expect(await page.textContent('#empty-title')).toBe('Nothing here for these filters');
    expect(problems).toEqual([]);
  });

  it('exports the seeded timeline as valid TimelineJS3 over HTTP and in-process (the CLI path)', async () => {
    const res = await fetch(`${server.url}/export/timeline?format=timelinejs`);
    expect(res.status).toBe(200);
    const overHttp = await res.json();
    expect(validateTimelineJs(overHttp)).toBe(true);
    const ids = (overHttp as { events: Array<{ unique_id: string }> }).events.map((e) => e.unique_id);
    for (const e of [...conferences, incident]) expect(ids).toContain(e.id.replace(/[^A-Za-z0-9_-]+/g, '-'));

    const inProcess = await exportTimeline(seedDriver, DATABASE, 'timelinejs', { config: CONFIG, logger });
    expect(inProcess).toEqual(overHttp);
  });
});
