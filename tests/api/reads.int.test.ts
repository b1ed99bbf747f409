/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON, checked by the assertions */
/**
 * The read API over real HTTP against the suite's Neo4j, on a fixture graph written per docs/graph-model.md:
 * timeline paging, who-said-what, statement chains, events and claims, provenance, and round-trip counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/graph/migrations.js';
import { testDriver } from '../support/neo4j.js';
import { S1_TEXT, S1_TRIMMED, buildFixture, deleteFixture, expectedTimelineIds, ids, writeFixture } from './fixture.js';
import { countingDriver, ok, startTestServer, type TestServer } from './helpers.js';

const fixture = buildFixture();
const ALL_ACTORS = [ids.mira, ids.tomas, ids.anon];
const setupDriver = testDriver();
const counted = countingDriver(testDriver());
let server: TestServer;

beforeAll(async () => {
  await applyMigrations(setupDriver, process.env.NEO4J_DATABASE ?? 'neo4j');
  await deleteFixture(setupDriver); // leftovers of an interrupted earlier run
  await writeFixture(setupDriver, fixture);
  server = await startTestServer({ driver: counted.driver, config: { MAX_PAGE_SIZE: '50' } });
});

afterAll(async () => {
  await server?.close();
  await deleteFixture(setupDriver);
  await setupDriver.close();
});

const TIMELINE_PAGE = `query Page($first: Int, $after: String, $filter: TimelineFilter, $order: SortOrder) {
  timeline(first: $first, after: $after, filter: $filter, order: $order) {
    edges { cursor kind sortDate date { start end precision } node { __typename ... on Statement { id } ... on Event { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function walkTimeline(filter: Record<string, unknown>, first: number, order = 'ASC') {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const data: any = ok(await server.gql(TIMELINE_PAGE, { first, after, filter, order }));
    const conn = data.timeline;
    expect(conn.edges.length).toBeLessThanOrEqual(first);
    seen.push(...conn.edges.map((e: any) => e.node.id));
    if (!conn.pageInfo.hasNextPage) return seen;
    expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1).cursor);
    after = conn.pageInfo.endCursor;
  }
  throw new Error('timeline paging did not end');
}

describe('timeline', () => {
  const expected = expectedTimelineIds(fixture);

  it('pages through events and statements in (sortDate, id) order with no gaps or repeats', async () => {
    for (const size of [1, 4, 7, 50]) {
      expect(await walkTimeline({ actorIds: ALL_ACTORS }, size)).toEqual(expected);
    }
  });

  it('pages newest first with order DESC (undated still last)', async () => {
    const desc = await walkTimeline({ actorIds: ALL_ACTORS }, 5, 'DESC');
    const dated = expected.filter((id) => id !== ids.undated).reverse();
    expect(desc).toEqual([...dated, ids.undated]);
  });

  it('is honest about dates: intervals, precision, undated events and statements dated only by their report', async () => {
    const data: any = ok(await server.gql(TIMELINE_PAGE, { first: 50, filter: { actorIds: ALL_ACTORS } }));
    const byId = new Map(data.timeline.edges.map((e: any) => [e.node.id, e]));
    expect(byId.get(ids.m2)).toMatchObject({ kind: 'MEETING', sortDate: '2016-09-29', date: { start: '2016-09-29', end: '2016-10-04', precision: 'INTERVAL' } });
    expect(byId.get(ids.undated)).toMatchObject({ kind: 'OTHER', sortDate: null, date: null });
    expect(byId.get(ids.s1)).toMatchObject({ kind: 'STATEMENT', date: { start: '2016-09-30', precision: 'DAY' } });
    expect(byId.get(ids.s2)).toMatchObject({ kind: 'STATEMENT', sortDate: '2016-10-03', date: null });
    expect(data.timeline.edges.at(-1).node.id).toBe(ids.undated);
  });

  it('filters by kinds, date range (overlap), events and text', async () => {
    const meetings = await walkTimeline({ actorIds: ALL_ACTORS, kinds: ['MEETING'] }, 10);
    expect(meetings).toEqual([ids.m1, ids.m2, ids.m3]);

    // m2 (09-29..10-04) and the agreement (October, MONTH) overlap 10-03..10-04; undated items never match a date filter.
    const range = await walkTimeline({ actorIds: ALL_ACTORS, from: '2016-10-03', to: '2016-10-04' }, 10);
    expect(range).toEqual([ids.m2, ids.agr, ids.s2, ids.s3]);

    const aboutIncident = await walkTimeline({ eventIds: [ids.inc] }, 10);
    expect(aboutIncident).toEqual([ids.s1, ids.inc, ids.s3]);

    const text = await walkTimeline({ actorIds: ALL_ACTORS, text: 'zorblax patrols', kinds: ['STATEMENT'] }, 50);
    expect(text).toHaveLength(10);
    const eventsNamed = await walkTimeline({ text: 'Zorblax', kinds: ['INCIDENT', 'AGREEMENT'] }, 10);
    expect(eventsNamed).toEqual([ids.agr, ids.inc]);
  });

  it('renders each item as its concrete type', async () => {
    const data: any = ok(
      await server.gql(`{ timeline(first: 50, filter: { actorIds: ["${ids.mira}"], kinds: [MEETING, STATEMENT] }) { edges { node {
        __typename ... on Meeting { name ordinal series { name } participants { name } } ... on Statement { text speaker { name } } } } } }`),
    );
    const m1 = data.timeline.edges.find((e: any) => e.node.name === 'the first video call').node;
    expect(m1).toEqual({ __typename: 'Meeting', name: 'the first video call', ordinal: 1, series: { name: 'video call between the ministers' }, participants: [{ name: 'Mira Vantoren' }, { name: 'Tomas Kell' }] });
    expect(data.timeline.edges.some((e: any) => e.node.__typename === 'Statement' && e.node.speaker.name === 'Mira Vantoren')).toBe(true);
  });
});

describe('who said what', () => {
  const STATEMENTS = `query S($filter: StatementFilter, $first: Int, $after: String, $order: SortOrder) {
    statements(filter: $filter, first: $first, after: $after, order: $order) {
      edges { cursor node { id text kind verb saidOn { start end precision } sortDate speaker { id name kind aliases } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it('finds statements by full-text search over the words, with speaker and date', async () => {
    const data: any = ok(await server.gql(STATEMENTS, { filter: { text: 'defend strait' } }));
    expect(data.statements.edges.map((e: any) => e.node)).toEqual([
      {
        id: ids.s1, text: S1_TEXT, kind: 'DIRECT', verb: 'say', sortDate: '2016-09-30',
        saidOn: { start: '2016-09-30', end: '2016-09-30', precision: 'DAY' },
        speaker: { id: ids.mira, name: 'Mira Vantoren', kind: 'PERSON', aliases: ['Minister Vantoren', 'Vantoren'] },
      },
    ]);
  });

  it('filters by speaker, about, via, kind and dates, and pages without gaps', async () => {
    const page = async (filter: Record<string, unknown>) => {
      const out: string[] = [];
      let after: string | null = null;
      do {
        const data: any = ok(await server.gql(STATEMENTS, { filter, first: 3, after }));
        out.push(...data.statements.edges.map((e: any) => e.node.id));
        after = data.statements.pageInfo.hasNextPage ? data.statements.pageInfo.endCursor : null;
      } while (after);
      return out;
    };
    const mira = fixture.statements.filter((s) => s.speakerId === ids.mira);
    const expectedMira = [...mira].sort((a, b) => a.sortDate.localeCompare(b.sortDate) || a.id.localeCompare(b.id)).map((s) => s.id);
    expect(await page({ speakerId: ids.mira })).toEqual(expectedMira);
    expect(await page({ about: ids.inc })).toEqual([ids.s1, ids.s3]);
    expect(await page({ about: ids.mira })).toEqual([ids.s2]);
    expect(await page({ via: ids.wire })).toEqual([ids.s1]);
    expect(await page({ speakerId: ids.tomas, kind: 'INDIRECT' })).toEqual([ids.s2, ids.s4]);
    expect(await page({ speakerId: ids.mira, from: '2016-10-11', to: '2016-10-12' })).toEqual([
      `stmt:t4api-14-update`, `stmt:t4api-15-update`, `stmt:t4api-16-update`,
    ]);
  });

  it('orders newest first with order: DESC', async () => {
    const data: any = ok(await server.gql(STATEMENTS, { filter: { speakerId: ids.tomas }, order: 'DESC' }));
    expect(data.statements.edges.map((e: any) => e.node.id)).toEqual([ids.s4, ids.s2]);
  });

  it('looks up an actor with statements, affiliations, meetings, events and mentions', async () => {
    const data: any = ok(
      await server.gql(`query A($id: ID!) { actor(id: $id) {
        id name kind role curated
        statements(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } }
        affiliations { role actor { name kind } }
        meetings { id ordinal }
        events { id }
        sources { article { id outlet } start end exact }
      } }`, { id: ids.mira }),
    );
    const a = data.actor;
    expect(a).toMatchObject({ id: ids.mira, name: 'Mira Vantoren', kind: 'PERSON', role: 'Defense Minister', curated: false });
    expect(a.statements.edges.map((e: any) => e.node.id)).toEqual([ids.s1, 'stmt:t4api-10-update']);
    expect(a.statements.pageInfo.hasNextPage).toBe(true);
    expect(a.affiliations).toEqual([{ role: 'Defense Minister', actor: { name: 'Republic of Ostrava', kind: 'GOVERNMENT' } }]);
    expect(a.meetings).toEqual([{ id: ids.m1, ordinal: 1 }, { id: ids.m2, ordinal: 2 }, { id: ids.m3, ordinal: 3 }]);
    // took part in the three calls; spoke about the incident; claimed its distance
    expect(a.events.map((e: any) => e.id)).toEqual([ids.m1, ids.m2, ids.inc, ids.m3]);
    expect(a.sources.map((s: any) => s.exact)).toEqual(['Mira Vantoren', 'Vantoren', 'Vantoren']);

    const next: any = ok(
      await server.gql(`query A($id: ID!, $after: String) { actor(id: $id) { statements(first: 2, after: $after) { edges { node { id } } } } }`, {
        id: ids.mira,
        after: a.statements.pageInfo.endCursor,
      }),
    );
    expect(next.actor.statements.edges.map((e: any) => e.node.id)).toEqual(['stmt:t4api-11-update', 'stmt:t4api-12-update']);
    expect(ok(await server.gql(`{ actor(id: "actor:person:nobody-t4api") { id } }`))).toEqual({ actor: null });
  });

  it('searches actors by name or alias (prefix), filtered by kind', async () => {
    const q = `query($filter: ActorFilter) { actors(filter: $filter, first: 10) { edges { node { id } } } }`;
    const names = async (filter: Record<string, unknown>) => ((ok(await server.gql(q, { filter })) as any).actors.edges as any[]).map((e) => e.node.id);
    expect(await names({ text: 'vantoren' })).toEqual([ids.mira]);
    expect(await names({ text: 'Vanto' })).toEqual([ids.mira]);
    expect(await names({ text: 'Wireline', kind: 'MEDIA_OUTLET' })).toEqual([ids.wire]);
    expect(await names({ text: 'Wireline', kind: 'PERSON' })).toEqual([]);
  });
});

describe('statement chains', () => {
  const CHAIN = `query C($id: ID!) { statement(id: $id) {
    text
    reports { article { id outlet publishedAt } via { name } path exact verb wording quotes { start end exact } }
    sources { article { id outlet publishedAt url } via { name } start end exact }
    earliestReport { article { id } path }
    otherWordings { text articles { id outlet } }
    audience { name }
    about { __typename ... on Event { id } ... on Actor { id } }
    claims { attribute value }
  } }`;

  it('gives every report with its intermediaries, exact wording, the earliest report and the other wordings', async () => {
    const s: any = (ok(await server.gql(CHAIN, { id: ids.s1 })) as any).statement;
    expect(s.reports.map((r: any) => [r.article.outlet, r.path, r.wording, r.verb])).toEqual([
      ['The Daily Ledger', ['Mira Vantoren', 'The Daily Ledger'], S1_TEXT, 'say'],
      ['Evening Courier', ['Mira Vantoren', 'Wireline Agency', 'Evening Courier'], S1_TRIMMED, 'tell'],
      ['Harbor Times', ['Mira Vantoren', 'Wireline Agency', 'Harbor Times'], S1_TEXT, 'say'],
    ]);
    expect(s.earliestReport).toEqual({ article: { id: ids.art1 }, path: ['Mira Vantoren', 'The Daily Ledger'] });
    expect(s.otherWordings).toEqual([{ text: S1_TRIMMED, articles: [{ id: ids.art2, outlet: 'Evening Courier' }] }]);
    expect(s.sources[1]).toMatchObject({ article: { id: ids.art2, outlet: 'Evening Courier', publishedAt: '2016-10-03', url: null }, via: [{ name: 'Wireline Agency' }] });
    expect(s.audience).toEqual([{ name: 'Wireline Agency' }]);
    expect(s.about).toEqual([{ __typename: 'Incident', id: ids.inc }]);

    // Offsets are exact: every span's text is the article's text at [start, end).
    for (const src of [...s.sources, ...s.reports.flatMap((r: any) => r.quotes.map((q: any) => ({ ...q, article: r.article })))]) {
      const article = fixture.articles.find((a) => a.id === src.article.id)!;
      expect(article.text.slice(src.start, src.end)).toBe(src.exact);
    }
  });

  it('shows which outlets carried an actor’s words, and through whom', async () => {
    const data: any = ok(await server.gql(`{ actor(id: "${ids.mira}") { outlets { outlet statementCount articleCount firstPublishedAt lastPublishedAt articles { id } via { name } } } }`));
    expect(data.actor.outlets).toEqual([
      { outlet: 'Evening Courier', statementCount: 1, articleCount: 1, firstPublishedAt: '2016-10-03', lastPublishedAt: '2016-10-03', articles: [{ id: ids.art2 }], via: [{ name: 'Wireline Agency' }] },
      { outlet: 'Harbor Times', statementCount: 11, articleCount: 1, firstPublishedAt: '2016-10-05', lastPublishedAt: '2016-10-05', articles: [{ id: ids.art3 }], via: [{ name: 'Wireline Agency' }] },
      { outlet: 'The Daily Ledger', statementCount: 1, articleCount: 1, firstPublishedAt: '2016-10-01', lastPublishedAt: '2016-10-01', articles: [{ id: ids.art1 }], via: [] },
    ]);
  });
});

describe('events', () => {
  it('lists meetings of a series in order with participants', async () => {
    const data: any = ok(await server.gql(`{ events(filter: { seriesId: "${ids.series}" }) { edges { node { id name kind start end precision
      ... on Meeting { ordinal series { name meetings { id } } participants { name } } } } } }`));
    const nodes = data.events.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.ordinal, n.precision])).toEqual([[1, 'DAY'], [2, 'INTERVAL'], [3, 'DAY']]);
    expect(nodes[0].participants).toEqual([{ name: 'Mira Vantoren' }, { name: 'Tomas Kell' }]);
    expect(nodes[0].series.meetings.map((m: any) => m.id)).toEqual([ids.m1, ids.m2, ids.m3]);
  });

  it('keeps conflicting claims side by side, grouped by attribute, with who said them and where', async () => {
    const data: any = ok(await server.gql(`{ event(id: "${ids.inc}") { __typename name
      ... on Incident {
        claims { attribute value normalized source { speaker { name } article { id outlet } statement { id } } sources { start end exact article { id } } }
        claimsByAttribute { attribute values conflicting claims { value } }
      }
      sources { exact article { id } }
      statements { id }
    } }`));
    const e = data.event;
    expect(e.__typename).toBe('Incident');
    expect(e.claims.map((c: any) => [c.attribute, c.value, c.normalized, c.source.speaker?.name ?? null, c.source.article.outlet, c.source.statement?.id ?? null])).toEqual([
      ['date', 'Sunday', '2016-10-02', null, 'Harbor Times', null],
      ['distance', '10 to 20 miles', '16.1-32.2 km', 'Mira Vantoren', 'The Daily Ledger', null],
      ['distance', 'five miles', '8.0-8.0 km', 'a senior official', 'Evening Courier', ids.s3],
    ]);
    expect(e.claimsByAttribute).toEqual([
      { attribute: 'date', values: ['2016-10-02'], conflicting: false, claims: [{ value: 'Sunday' }] },
      { attribute: 'distance', values: ['16.1-32.2 km', '8.0-8.0 km'], conflicting: true, claims: [{ value: '10 to 20 miles' }, { value: 'five miles' }] },
    ]);
    expect(e.claims[1].sources).toEqual([{ start: expect.any(Number), end: expect.any(Number), exact: '10 to 20 miles', article: { id: ids.art1 } }]);
    expect(e.sources.map((s: any) => s.exact)).toEqual(['the Zorblax intercept', 'The intercept']);
    expect(e.statements.map((s: any) => s.id)).toEqual([ids.s1, ids.s3]);
  });

  it('gives an agreement its status history', async () => {
    const data: any = ok(await server.gql(`{ event(id: "${ids.agr}") { ... on Agreement { status precision statusHistory { id status start agreement { id } } } } }`));
    expect(data.event).toEqual({
      status: 'SIGNED',
      precision: 'MONTH',
      statusHistory: [
        { id: ids.ms1, status: 'IN_NEGOTIATION', start: '2016-10-01', agreement: { id: ids.agr } },
        { id: ids.ms2, status: 'SIGNED', start: '2016-10-06', agreement: { id: ids.agr } },
      ],
    });
  });

  it('filters events by kind, actor and date, undated last', async () => {
    const q = `query($filter: EventFilter) { events(filter: $filter, first: 20) { edges { node { id } } } }`;
    const run = async (filter: Record<string, unknown>) => ((ok(await server.gql(q, { filter })) as any).events.edges as any[]).map((e) => e.node.id);
    expect(await run({ actorIds: [ids.tomas], kinds: ['AGREEMENT', 'AGREEMENT_MILESTONE', 'OTHER'] })).toEqual([ids.agr, ids.ms1, ids.ms2, ids.undated]);
    expect(await run({ actorIds: [ids.tomas], from: '2016-10-05' })).toEqual([ids.agr, ids.ms2]);
  });
});

describe('provenance', () => {
  it('returns an article with its text and annotations whose offsets match the text', async () => {
    const data: any = ok(await server.gql(`{ article(id: "${ids.art2}") { id outlet title publishedAt url ingestedAt text
      annotations { type start end exact targetId target { __typename ... on Actor { name } ... on Statement { id } ... on Claim { attribute } } }
      statements { id } } }`));
    const a = data.article;
    expect(a).toMatchObject({ id: ids.art2, outlet: 'Evening Courier', publishedAt: '2016-10-03', url: null, ingestedAt: '2016-10-06T00:00:00.000Z' });
    for (const an of a.annotations) expect(a.text.slice(an.start, an.end)).toBe(an.exact);
    const types = a.annotations.map((an: any) => an.type);
    expect(new Set(types)).toEqual(new Set(['ACTOR_MENTION', 'STATEMENT', 'QUOTE', 'CLAIM']));
    expect(a.annotations.find((an: any) => an.type === 'QUOTE').exact).toBe(S1_TRIMMED);
    expect(a.annotations.find((an: any) => an.type === 'CLAIM')).toMatchObject({ exact: 'five miles', targetId: ids.c2, target: { __typename: 'Claim', attribute: 'distance' } });
    expect(a.statements.map((s: any) => s.id)).toEqual([ids.s1, ids.s2, ids.s3]);
  });

  it('lists articles by publication day, filtered by outlet and dates', async () => {
    const q = `query($filter: ArticleFilter) { articles(filter: $filter, first: 2) { edges { node { id } } pageInfo { hasNextPage } } }`;
    const d1: any = ok(await server.gql(q, { filter: { from: '2016-10-01', to: '2016-10-05', outlet: 'Evening Courier' } }));
    expect(d1.articles.edges.map((e: any) => e.node.id)).toContain(ids.art2);
    expect(ok(await server.gql(`{ article(id: "t4api-missing") { id } }`))).toEqual({ article: null });
  });
});

describe('no N+1', () => {
  const HEAVY = `query Heavy($first: Int) {
    statements(filter: { text: "zorblax" }, first: $first) {
      edges { node {
        id text saidOn { start }
        speaker { name affiliations { actor { name } } outlets { outlet } statements(first: 2) { edges { node { id } } } }
        about { __typename ... on Event { name claims { value source { speaker { name } article { outlet } } } } }
        sources { article { outlet publishedAt } via { name } exact }
        reports { path wording }
        earliestReport { path }
        otherWordings { text }
        claims { value }
        audience { name }
      } }
    }
  }`;

  it('uses the same number of Neo4j round trips for a page of 2 and a page of 12', async () => {
    const count = async (first: number) => {
      counted.stats.queries = 0;
      const data: any = ok(await server.gql(HEAVY, { first }));
      return { queries: counted.stats.queries, items: data.statements.edges.length };
    };
    const small = await count(2);
    const large = await count(12);
    expect(small.items).toBe(2);
    expect(large.items).toBe(12);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(16);
    console.log(`round trips for the heavy query: ${large.queries}`);
  });

  // The parent query also returns what its common child fields need (look-ahead on the selection set).
  const roundTrips = async (query: string, variables: Record<string, unknown> = {}) => {
    counted.stats.queries = 0;
    const data: any = ok(await server.gql(query, variables));
    return { queries: counted.stats.queries, data };
  };

  it('answers who-said-what with sources in one round trip, with the same sources as a lookup', async () => {
    const WHO = `query W($id: ID!, $first: Int) { statements(filter: { speakerId: $id }, first: $first) { edges { node {
      id sources { article { id outlet publishedAt } via { name } start end exact } earliestReport { path } otherWordings { text }
    } } } }`;
    const small = await roundTrips(WHO, { id: ids.mira, first: 2 });
    const large = await roundTrips(WHO, { id: ids.mira, first: 12 });
    expect(small.queries).toBe(1);
    expect(large.queries).toBe(1);
    const s1 = large.data.statements.edges.find((e: any) => e.node.id === ids.s1).node;
    const alone = await roundTrips(`{ statement(id: "${ids.s1}") { id } }`);
    expect(alone.queries).toBe(1);
    const lookup: any = ok(await server.gql(`{ statement(id: "${ids.s1}") { sources { article { id outlet publishedAt } via { name } start end exact } earliestReport { path } otherWordings { text } } }`));
    expect({ ...s1, id: undefined }).toEqual({ ...lookup.statement, id: undefined });
    expect(s1.sources.map((x: any) => x.article.id)).toEqual([ids.art1, ids.art2, ids.art3]);
  });

  it('answers a statement chain in one round trip', async () => {
    const chain = await roundTrips(`{ statement(id: "${ids.s1}") {
      id text speaker { name } reports { article { id } via { name } path exact wording } earliestReport { article { id } } otherWordings { text articles { id } }
    } }`);
    expect(chain.queries).toBe(1);
    expect(chain.data.statement.reports).toHaveLength(3);
    expect(chain.data.statement.earliestReport.article.id).toBe(ids.art1);
    const missing = await roundTrips(`{ statement(id: "stmt:t4api-missing") { id reports { path } } }`);
    expect(missing).toEqual({ queries: 1, data: { statement: null } });
  });

  it("answers an incident's claims with who claims them and where in one round trip", async () => {
    const CLAIMS = `{ event(id: "${ids.inc}") { id name ... on Incident {
      claims { id attribute value source { speaker { name } article { id outlet } } sources { article { id } exact } event { id } }
      claimsByAttribute { attribute conflicting claims { id } }
    } } }`;
    const one = await roundTrips(CLAIMS);
    expect(one.queries).toBe(1);
    const claims = one.data.event.claims;
    expect(claims.map((c: any) => c.id)).toEqual([ids.c3, ids.c1, ids.c2]);
    expect(claims.find((c: any) => c.id === ids.c1).source).toEqual({ speaker: { name: 'Mira Vantoren' }, article: { id: ids.art1, outlet: expect.any(String) } });
    expect(claims.find((c: any) => c.id === ids.c2).source.speaker).toEqual({ name: 'a senior official' });
    expect(claims.every((c: any) => c.event.id === ids.inc)).toBe(true);
    expect(one.data.event.claimsByAttribute.find((g: any) => g.attribute === 'distance').conflicting).toBe(true);
  });

  it('passes the per-query timeout to every Neo4j transaction (2 s inside the 10 s QUERY_TIMEOUT_MS deadline)', async () => {
    counted.stats.configs = [];
    ok(await server.gql(`{ timeline(first: 3) { edges { cursor } } }`));
    expect(counted.stats.configs).toContainEqual(expect.objectContaining({ transactionConfig: { timeout: 8_000 }, routing: 'READ' }));
  });
});
