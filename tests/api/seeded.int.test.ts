/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON, checked by the assertions */
/**
 * Issue 4: every read over real HTTP against the suite's real Neo4j, seeded with the five seed articles
 * (readSeedFolder → ingestArticles → applyCuration, as `chronicle seed` does). Unlike the hand-made fixture
 * of the other API tests, the expectations here are the exact ids, spans and values the seed stories produce.
 * Cleanup removes only the nodes and relationships that seeding created.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { applyCuration, readCurationFile } from '../../src/ingest/curation.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { rememberGraph, testDriver, testNeo4jSettings } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { ok, startTestServer, type TestServer } from './helpers.js';

const DATABASE = testNeo4jSettings().database;
const CONFIG = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', NEO4J_DATABASE: DATABASE });
const SEED_DIR = path.resolve(import.meta.dirname, '../../seed');

const A000 = '000_13a7a3ee9cba360b'; // Latin Post, 2015-10-15
const A001 = '001_45fd82710821ae0a'; // International Business Times Australia, 2015-10-15
const A002 = '002_539924f05e644d9d'; // RT, 2016-01-29
const A003 = '003_95363f65d31180cf'; // Fox News, 2015-10-15
const A004 = '004_aa3a53a6edca9073'; // CNN, 2015-10-14
const ARTICLES = [A000, A001, A002, A003, A004];

const CARTER = 'actor:person:ashton-carter';
const DAVIS = 'actor:person:jeffrey-davis';
const WARREN = 'actor:person:steven-warren';
const KONASHENKOV = 'actor:person:igor-konashenkov';
const REUTERS = 'actor:media-outlet:reuters';
const FOX = 'actor:media-outlet:fox-news';
const AFP = 'actor:media-outlet:afp';
const BBC = 'actor:media-outlet:bbc-news';
const FOX_OFFICIAL = `actor:anonymous:${A003}:a-u-s-official`;

const SERIES = 'series:russia-united-states-video-conference';
const VC = (n: number | string) => `event:meeting:russia-united-states-video-conference:${n}`;
const INCIDENT = 'event:incident:russia-united-states-close-encounter:2015-10-10';
const MOU = 'event:agreement:russia-united-states-memorandum-of-understanding';
const MILESTONE = (suffix: string) => `event:agreement-milestone:russia-united-states-memorandum-of-understanding:${suffix}`;

const day = (d: string) => ({ start: d, end: d, precision: 'DAY' });

const SOURCE = 'article { id } via { id } start end exact';
const STATEMENT_FIELDS = `
  id text kind sortDate saidOn { start end precision } speaker { id name }
  reports { article { id outlet publishedAt } via { id name } path start end exact wording quotes { start end exact } }
  earliestReport { article { id } }
  sources { ${SOURCE} }
  otherWordings { text articles { id } }`;

describe('GraphQL over HTTP against the seeded graph (five seed articles)', () => {
  let seedDriver: Driver;
  let server: TestServer;
  let forgetSeeded: (() => Promise<void>) | undefined;
  const texts = new Map<string, string>();

  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<any> => ok(await server.gql(query, variables));

  /** Checks that every span's `exact` is the article's text at [start, end). */
  function expectSpansMatchText(spans: Array<{ article?: { id: string }; start: number; end: number; exact: string }>, articleId?: string) {
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) {
      const id = s.article?.id ?? articleId!;
      expect(texts.has(id)).toBe(true);
      expect({ id, start: s.start, slice: texts.get(id)!.slice(s.start, s.end) }).toEqual({ id, start: s.start, slice: s.exact });
    }
  }

  beforeAll(async () => {
    seedDriver = testDriver();
    await applyMigrations(seedDriver, DATABASE);
    forgetSeeded = await rememberGraph(seedDriver, DATABASE);

    const seed = readSeedFolder(SEED_DIR, CONFIG);
    expect(seed.errors).toEqual([]);
    expect(seed.inputs.map((i) => i.id)).toEqual(ARTICLES);
    const results = await ingestArticles(seedDriver, await testNlp(), CONFIG, seed.inputs);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    const curation = readCurationFile(path.join(SEED_DIR, 'curation.json'));
    expect(curation).not.toBeNull();
    const applied = await applyCuration(seedDriver, DATABASE, curation!);
    expect(applied.unmatched).toEqual([]);
    for (const input of seed.inputs) texts.set(input.id, input.text);

    // The server gets its own driver: closing the server closes it.
    server = await startTestServer({ driver: testDriver(), config: { NEO4J_DATABASE: DATABASE } });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await forgetSeeded?.();
    await seedDriver?.close();
  });

  describe('timeline', () => {
    it('places the three numbered video conferences, the talks and the 2016-01-28 conference in date order', async () => {
      const data = await gql(`{
        timeline(filter: { kinds: [MEETING] }, first: 100) {
          pageInfo { hasNextPage }
          edges { kind sortDate date { start end precision } node { ... on Meeting { id name ordinal series { id } } } }
        }
      }`);
      expect(data.timeline.pageInfo.hasNextPage).toBe(false);
      expect(data.timeline.edges).toEqual([
        {
          kind: 'MEETING',
          sortDate: '2015-10-01',
          date: day('2015-10-01'),
          node: { id: VC(1), name: 'first Russia–United States video conference', ordinal: 1, series: { id: SERIES } },
        },
        {
          kind: 'MEETING',
          sortDate: '2015-10-02',
          // Only bounded: after the first (Oct 1) and before the third (Oct 14).
          date: { start: '2015-10-02', end: '2015-10-13', precision: 'INTERVAL' },
          node: { id: VC(2), name: 'second Russia–United States video conference', ordinal: 2, series: { id: SERIES } },
        },
        {
          kind: 'MEETING',
          sortDate: '2015-10-14',
          date: day('2015-10-14'),
          node: { id: VC(3), name: 'third Russia–United States video conference', ordinal: 3, series: { id: SERIES } },
        },
        {
          kind: 'MEETING',
          sortDate: '2015-10-15',
          date: day('2015-10-15'),
          node: {
            id: 'event:meeting:russia-united-states-talks:2015-10-15',
            name: 'Russia–United States talks of 2015-10-15',
            ordinal: null,
            series: { id: 'series:russia-united-states-talks' },
          },
        },
        {
          kind: 'MEETING',
          sortDate: '2016-01-28',
          date: day('2016-01-28'),
          node: { id: VC('2016-01-28'), name: 'Russia–United States video conference of 2016-01-28', ordinal: null, series: { id: SERIES } },
        },
      ]);
    });

    it('interleaves every seeded event with the statements by sort day', async () => {
      const data = await gql(`{
        timeline(first: 100) { pageInfo { hasNextPage } edges { kind sortDate node { ... on Event { id } ... on Statement { id } } } }
      }`);
      const edges: Array<{ kind: string; sortDate: string | null; node: { id: string } }> = data.timeline.edges;
      expect(data.timeline.pageInfo.hasNextPage).toBe(false);
      const sortDates = edges.map((e) => e.sortDate);
      expect(sortDates).toEqual([...sortDates].sort());
      // 60 from the surface sieve, plus the parse pass's "Moscow denied claims on attacking non-IS militants"
      // and "data suggests that the drones' flight paths had not been hampered".
      expect(edges.filter((e) => e.kind === 'STATEMENT')).toHaveLength(62);
      expect(edges.filter((e) => e.kind !== 'STATEMENT').map((e) => [e.kind, e.sortDate, e.node.id])).toEqual([
        ['CAMPAIGN', '2014-01-01', 'event:campaign:u-s-led-coalition-military-campaign:2014'],
        ['CAMPAIGN', '2015-09-30', 'event:campaign:russian-military-campaign:2015-09-30'],
        ['AGREEMENT_MILESTONE', '2015-10-01', MILESTONE('signed:2015-10')],
        ['AGREEMENT', '2015-10-01', MOU],
        ['MEETING', '2015-10-01', VC(1)],
        ['MEETING', '2015-10-02', VC(2)],
        ['CAMPAIGN', '2015-10-07', 'event:campaign:syrian-offensive:2015-10-07'],
        ['INCIDENT', '2015-10-10', INCIDENT],
        ['AGREEMENT_MILESTONE', '2015-10-14', MILESTONE('in-negotiation:2015-10-14')],
        ['AGREEMENT_MILESTONE', '2015-10-14', MILESTONE('nearing-completion:2015-10-14')],
        ['MEETING', '2015-10-14', VC(3)],
        ['AGREEMENT_MILESTONE', '2015-10-15', MILESTONE('in-negotiation:2015-10-15')],
        ['AGREEMENT_MILESTONE', '2015-10-15', MILESTONE('nearing-completion:2015-10-15')],
        ['MEETING', '2015-10-15', 'event:meeting:russia-united-states-talks:2015-10-15'],
        ['MEETING', '2016-01-28', VC('2016-01-28')],
        ['AGREEMENT_MILESTONE', '2016-01-29', MILESTONE('in-implementation:2016-01-29')],
      ]);
    });

    it('pages the whole timeline three at a time with no gaps or repeats', async () => {
      const query = `query Page($first: Int!, $after: String) {
        timeline(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { cursor node { ... on Event { id } ... on Statement { id } } }
        }
      }`;
      const big = await gql(query, { first: 100 });
      expect(big.timeline.pageInfo.hasNextPage).toBe(false);
      const all: string[] = big.timeline.edges.map((e: any) => e.node.id);

      const paged: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const data = await gql(query, { first: 3, after });
        const { edges, pageInfo } = data.timeline;
        expect(edges.length).toBeLessThanOrEqual(3);
        paged.push(...edges.map((e: any) => e.node.id));
        if (!pageInfo.hasNextPage) break;
        expect(edges).toHaveLength(3);
        expect(pageInfo.endCursor).toBe(edges[2].cursor);
        after = pageInfo.endCursor;
      }
      expect(new Set(paged).size).toBe(paged.length);
      expect(paged).toEqual(all);
      expect(all).toHaveLength(78);
    });
  });

  describe('statements', () => {
    it("Ashton Carter's statements include the misguided-strategy quote as one statement reported by CNN and, via Reuters, IBTimes", async () => {
      const data = await gql(`query ($speaker: ID!) { statements(filter: { speakerId: $speaker }, first: 100) { edges { node { ${STATEMENT_FIELDS} } } } }`, {
        speaker: CARTER,
      });
      const nodes: any[] = data.statements.edges.map((e: any) => e.node);
      expect(nodes.map((n) => [n.id, n.sortDate, n.text])).toEqual([
        ['stmt:105dc52bd9f9b92c', '2015-10-14', 'fundamental strategic mistake'],
        [
          'stmt:b71a20f769b8895b',
          '2015-10-14',
          'the United States "will not agree to cooperate with Russia as long as they continue to pursue a misguided strategy," and that the aerial bombardment by the coalition fighting ISIS inside Syria and Iraq would continue',
        ],
        [
          'stmt:b79f37737cd36c32',
          '2015-10-14',
          'We, for our part, will continue to prosecute the counter-ISIL campaign with the same determination and in the same battle space as we have since it started in Syria',
        ],
        ['stmt:9b5c80ceb198dd7f', '2015-10-15', 'unprofessional behaviour.'],
        ['stmt:f3a9cc68b6ec8567', '2015-10-15', 'Russia\'s operations were "wrongheaded and strategically short-sighted."'],
      ]);
      expect(nodes.every((n) => n.speaker.id === CARTER && n.speaker.name === 'Ashton Carter')).toBe(true);

      const misguided = nodes.filter((n) => n.text.includes('misguided strategy'));
      expect(misguided).toHaveLength(1);
      const s = misguided[0];
      expect(s.kind).toBe('DIRECT');
      expect(s.saidOn).toBeNull();
      expect(s.earliestReport).toEqual({ article: { id: A004 } });
      expect(s.reports.map((r: any) => ({ article: r.article.id, via: r.via, path: r.path, start: r.start, end: r.end }))).toEqual([
        { article: A004, via: [], path: ['Ashton Carter', 'CNN'], start: 2936, end: 3165 },
        {
          article: A001,
          via: [{ id: REUTERS, name: 'Reuters' }],
          path: ['Ashton Carter', 'Reuters', 'International Business Times Australia'],
          start: 1854,
          end: 2053,
        },
      ]);
      expect(s.reports[1].exact).toBe(
        '“We have not, for our part, and will not agree, to cooperate with Russia as long as they continue to pursue a misguided strategy,” he told a group of U.S. army leaders in Washington, reports Reuters.',
      );
      expect(s.reports[1].quotes).toEqual([
        {
          start: 1855,
          end: 1982,
          exact: 'We have not, for our part, and will not agree, to cooperate with Russia as long as they continue to pursue a misguided strategy',
        },
      ]);
      expect(s.sources.map((x: any) => [x.article.id, x.via.map((v: any) => v.id), x.start, x.end])).toEqual([
        [A004, [], 2936, 3165],
        [A001, [REUTERS], 1854, 2053],
      ]);
      expect(s.otherWordings).toEqual([
        {
          text: 'We have not, for our part, and will not agree, to cooperate with Russia as long as they continue to pursue a misguided strategy',
          articles: [{ id: A001 }],
        },
      ]);
      expectSpansMatchText(s.sources);
      expectSpansMatchText(s.reports);
      for (const r of s.reports) expectSpansMatchText(r.quotes, r.article.id);
    });

    it('text search for "deliberately targeting" finds the two Fox News quotes, heard via Fox News', async () => {
      const data = await gql(`{ statements(filter: { text: "deliberately targeting" }, first: 100) { edges { node { ${STATEMENT_FIELDS} } } } }`);
      const nodes: any[] = data.statements.edges.map((e: any) => e.node);
      expect(
        nodes.map((n) => ({ id: n.id, text: n.text, kind: n.kind, speaker: n.speaker.id, reports: n.reports.map((r: any) => [r.article.id, r.article.outlet, r.via, r.path]) })),
      ).toEqual([
        {
          id: 'stmt:ebabf2fd21c9f72a',
          text: 'Moscow is “deliberately targeting” CIA-trained rebels',
          kind: 'INDIRECT',
          speaker: FOX_OFFICIAL,
          reports: [[A003, 'Fox News', [{ id: FOX, name: 'Fox News' }], ['a U.S. official', 'Fox News', 'Fox News']]],
        },
        {
          id: 'stmt:ebc6b4f501c450b6',
          text: 'Putin is deliberately targeting our forces',
          kind: 'DIRECT',
          speaker: FOX_OFFICIAL,
          reports: [[A003, 'Fox News', [{ id: FOX, name: 'Fox News' }], ['a U.S. official', 'Fox News', 'Fox News']]],
        },
      ]);
      expect(nodes[0].saidOn).toEqual(day('2015-10-14')); // "told Fox News on Wednesday"
      expect(nodes[0].sources).toEqual([
        {
          article: { id: A003 },
          via: [{ id: FOX }],
          start: 1301,
          end: 1403,
          exact: 'A U.S. official told Fox News on Wednesday that Moscow is “deliberately targeting” CIA-trained rebels.',
        },
      ]);
      for (const n of nodes) expectSpansMatchText(n.sources);
    });

    it('the chain of Jeff Davis\'s "Progress was made…" statement: CNN first, then Latin Post, spans equal to the text', async () => {
      const data = await gql(`query ($speaker: ID!) { statements(filter: { speakerId: $speaker }, first: 100) { edges { node { id } } } }`, { speaker: DAVIS });
      expect(data.statements.edges).toEqual([{ node: { id: 'stmt:57fba5b642d7dbec' } }]);
      const { statement: s } = await gql(`query ($id: ID!) { statement(id: $id) { ${STATEMENT_FIELDS} } }`, { id: 'stmt:57fba5b642d7dbec' });
      const progress =
        'Progress was made during the discussions, which were professional and focused narrowly on the implementation of specific safety procedures.';
      const focused =
        'The video conference "focused on steps that can be taken by Russian and counter-ISIL coalition aircraft to promote safe flight operations over Syria,"';
      expect(s.speaker).toEqual({ id: DAVIS, name: 'Jeff Davis' });
      expect(s.kind).toBe('DIRECT');
      expect(s.text).toBe(`${focused} … ${progress}`);
      expect(s.sortDate).toBe('2015-10-14');
      expect(s.earliestReport).toEqual({ article: { id: A004 } });
      expect(s.reports.map((r: any) => ({ article: r.article, via: r.via, path: r.path, start: r.start, end: r.end, wording: r.wording, quotes: r.quotes }))).toEqual([
        {
          article: { id: A004, outlet: 'CNN', publishedAt: '2015-10-14' },
          via: [],
          path: ['Jeff Davis', 'CNN'],
          start: 985,
          end: 1342,
          wording: `${focused} … ${progress}`,
          quotes: [
            { start: 985, end: 1135, exact: focused },
            { start: 1202, end: 1341, exact: progress },
          ],
        },
        {
          article: { id: A000, outlet: 'Latin Post', publishedAt: '2015-10-15' },
          via: [],
          path: ['Jeff Davis', 'Latin Post'],
          start: 800,
          end: 1004,
          wording: progress,
          quotes: [{ start: 864, end: 1003, exact: progress }],
        },
      ]);
      expect(s.reports[1].exact).toBe(`Meanwhile, Pentagon spokesman Captain Jeff Davis revealed that "${progress}"`);
      expect(s.sources.map((x: any) => [x.article.id, x.via, x.start, x.end])).toEqual([
        [A004, [], 985, 1342],
        [A000, [], 800, 1004],
      ]);
      expect(s.otherWordings).toEqual([{ text: progress, articles: [{ id: A000 }] }]);
      expectSpansMatchText(s.sources);
      expectSpansMatchText(s.reports);
      for (const r of s.reports) expectSpansMatchText(r.quotes, r.article.id);
    });
  });

  describe('actors', () => {
    it('Steve Warren: aliases, statements and the outlets that carried his words', async () => {
      const { actor } = await gql(`query ($id: ID!) {
        actor(id: $id) {
          id name kind aliases role
          statements(first: 100) { edges { node { id sortDate reports { article { id } via { id } } } } }
          outlets { outlet statementCount articleCount firstPublishedAt lastPublishedAt articles { id } via { id } }
        }
      }`, { id: WARREN });
      expect(actor).toMatchObject({ id: WARREN, name: 'Steve Warren', kind: 'PERSON', role: 'spokesman for the U.S.-led coalition' });
      expect(actor.aliases).toEqual(['Col. Steve Warren', 'Colonel Steve Warren', 'U.S. Army Colonel Steve Warren', 'Warren']);
      expect(actor.statements.edges.map((e: any) => [e.node.id, e.node.sortDate, e.node.reports.map((r: any) => [r.article.id, r.via.map((v: any) => v.id)])])).toEqual([
        ['stmt:21bb6dd61334f4f7', '2015-10-13', [[A004, []], [A003, []]]],
        ['stmt:d358bcd104f8bb1b', '2015-10-13', [[A000, [AFP]]]],
        ['stmt:1d7d12f171778351', '2015-10-14', [[A004, []]]],
        ['stmt:31810e55f46bf1ef', '2015-10-15', [[A000, [AFP, BBC]]]],
      ]);
      expect(actor.outlets).toEqual([
        { outlet: 'CNN', statementCount: 2, articleCount: 1, firstPublishedAt: '2015-10-14', lastPublishedAt: '2015-10-14', articles: [{ id: A004 }], via: [] },
        { outlet: 'Fox News', statementCount: 1, articleCount: 1, firstPublishedAt: '2015-10-15', lastPublishedAt: '2015-10-15', articles: [{ id: A003 }], via: [] },
        {
          outlet: 'Latin Post',
          statementCount: 2,
          articleCount: 1,
          firstPublishedAt: '2015-10-15',
          lastPublishedAt: '2015-10-15',
          articles: [{ id: A000 }],
          via: [{ id: AFP }, { id: BBC }],
        },
      ]);
    });
  });

  describe('events', () => {
    const CLAIMS_QUERY = `{
      events(filter: { kinds: [INCIDENT] }, first: 100) {
        edges { node { id name kind start end precision
          claimsByAttribute { attribute values conflicting
            claims { id value normalized curated source { speaker { id } article { id } } sources { article { id } start end exact } } } } }
      }
    }`;

    it('the close encounter keeps both sides\' distance claims, Warren\'s "miles", and Saturday vs Sunday', async () => {
      const data = await gql(CLAIMS_QUERY);
      expect(data.events.edges).toHaveLength(1);
      const incident = data.events.edges[0].node;
      expect({ ...incident, claimsByAttribute: undefined }).toEqual({
        id: INCIDENT,
        name: 'Russia–United States close encounter',
        kind: 'INCIDENT',
        start: '2015-10-10',
        end: '2015-10-10',
        precision: 'DAY',
        claimsByAttribute: undefined,
      });
      const groups = Object.fromEntries(incident.claimsByAttribute.map((g: any) => [g.attribute, g]));
      expect(Object.keys(groups)).toEqual(['date', 'distance', 'purpose']);
      const rows = (attribute: string) =>
        groups[attribute].claims.map((c: any) => [c.normalized, c.value, c.source.speaker?.id ?? null, c.source.article?.id ?? null, c.curated]);

      expect(groups.distance.values).toEqual(['16.1-32.2 km', '2.0-3.0 km', '2.9-3.5 km', '3.2-32.2 km', '3.2-8.0 km']);
      expect(groups.distance.conflicting).toBe(true);
      expect(rows('distance')).toEqual([
        ['16.1-32.2 km', '10 to 20 miles apart', null, A001, false],
        ['16.1-32.2 km', 'around just 10 to 20 miles apart', BBC, A000, false],
        ['16.1-32.2 km', 'perhaps as much as 10 to 20 miles', WARREN, A004, false],
        ['2.0-3.0 km', '2 or 3 kilometers (1.2 to 1.8 miles)', KONASHENKOV, A003, false],
        ['2.9-3.5 km', 'approximately two miles of each other', KONASHENKOV, A004, false],
        ['3.2-32.2 km', 'within miles of each other', null, A004, false],
        // Equal values in claim-id order; claim ids hash each report's own event id (docs/graph-model.md, "Ids").
        ['3.2-32.2 km', 'miles apart', WARREN, A004, false],
        ['3.2-32.2 km', 'miles', WARREN, A003, false],
        ['3.2-8.0 km', 'within a close few miles', BBC, A000, false],
      ]);

      expect(groups.date.values).toEqual(['2015-10-10', '2015-10-10/2015-10-11', '2015-10-11']);
      expect(groups.date.conflicting).toBe(true);
      expect(rows('date')).toEqual([
        ['2015-10-10', 'On Saturday', null, A001, false],
        ['2015-10-10', 'last Saturday', null, A000, false],
        ['2015-10-10', 'Saturday, Oct. 10, 2015 (jets within visual range)', null, null, true],
        ['2015-10-10', 'on Saturday', KONASHENKOV, A003, false],
        ['2015-10-10/2015-10-11', 'last weekend', BBC, A000, false],
        ['2015-10-10/2015-10-11', 'over the weekend', 'actor:country:united-states', A003, false],
        ['2015-10-11', 'on Sunday', KONASHENKOV, A004, false],
      ]);

      expect(groups.purpose.values).toEqual(['identify', 'not intimidate', 'not scare']);
      expect(rows('purpose').map((r: unknown[]) => r[2])).toEqual([KONASHENKOV, KONASHENKOV, KONASHENKOV, KONASHENKOV]);

      // Every claim read from text points at the article's own words.
      for (const g of incident.claimsByAttribute) {
        for (const c of g.claims) {
          if (c.curated) expect(c.sources).toEqual([]);
          else {
            expect(c.sources.map((x: any) => x.exact)).toEqual([c.value]);
            expectSpansMatchText(c.sources);
          }
        }
      }
    });

    it('the memorandum of understanding has its status history, the signing at month precision', async () => {
      const { event } = await gql(`query ($id: ID!) {
        event(id: $id) { id name kind start end precision
          ... on Agreement { status statusHistory { id status start end precision agreement { id } } } }
      }`, { id: MOU });
      expect({ ...event, statusHistory: undefined }).toEqual({
        id: MOU,
        name: 'Russia–United States memorandum of understanding',
        kind: 'AGREEMENT',
        start: '2015-10-01',
        end: '2015-10-31',
        precision: 'MONTH',
        status: 'IN_IMPLEMENTATION',
        statusHistory: undefined,
      });
      // Ordered by the day each status is known to hold by: the month-precision SIGNED (2015-10) follows
      // the dated negotiation reports of Oct 14 and 15 and precedes the 2016 implementation report.
      expect(event.statusHistory.map((m: any) => [m.status, m.id, m.start, m.end, m.precision])).toEqual([
        ['IN_NEGOTIATION', MILESTONE('in-negotiation:2015-10-14'), '2015-10-14', '2015-10-14', 'DAY'],
        ['NEARING_COMPLETION', MILESTONE('nearing-completion:2015-10-14'), '2015-10-14', '2015-10-14', 'DAY'],
        ['IN_NEGOTIATION', MILESTONE('in-negotiation:2015-10-15'), '2015-10-15', '2015-10-15', 'DAY'],
        ['NEARING_COMPLETION', MILESTONE('nearing-completion:2015-10-15'), '2015-10-15', '2015-10-15', 'DAY'],
        ['SIGNED', MILESTONE('signed:2015-10'), '2015-10-01', '2015-10-31', 'MONTH'],
        ['IN_IMPLEMENTATION', MILESTONE('in-implementation:2016-01-29'), '2016-01-29', '2016-01-29', 'DAY'],
      ]);
      expect(event.statusHistory.every((m: any) => m.agreement?.id === MOU)).toBe(true);
    });
  });

  describe('articles', () => {
    it.each(ARTICLES)('article(%s) returns its text, and every annotation span is the text at [start, end)', async (id) => {
      const { article } = await gql(`query ($id: ID!) {
        article(id: $id) { id outlet publishedAt text annotations { type start end exact targetId } statements { id } }
      }`, { id });
      expect(article.id).toBe(id);
      expect(article.text).toBe(texts.get(id));
      expectSpansMatchText(article.annotations, id);
      const starts = article.annotations.map((a: any) => a.start);
      expect(starts).toEqual([...starts].sort((a: number, b: number) => a - b));
      expect(article.statements.length).toBeGreaterThan(0);
    });

    it('the Latin Post article: outlet, day, annotation counts by type, and Davis\'s quote annotated', async () => {
      const { article } = await gql(`{ article(id: "${A000}") { outlet publishedAt title annotations { type start end exact targetId } } }`);
      expect(article).toMatchObject({ outlet: 'Latin Post', publishedAt: '2015-10-15', title: 'Syria Conflict 2015: US, Russia Talks Signing Pact for Air Safety' });
      const counts: Record<string, number> = {};
      for (const a of article.annotations) counts[a.type] = (counts[a.type] ?? 0) + 1;
      // 37 from the actor stage, plus 2 the parse pass records: the words a cue's subject introduces its speaker by.
      // CLAIM: the incident's 6 claims, plus the 3 event dates this article reads from its text ("on Wednesday" …),
      // each kept as a date claim stated in the article (docs/graph-model.md, "Loading").
      expect(counts).toEqual({ ACTOR_MENTION: 39, STATEMENT: 10, QUOTE: 10, EVENT_MENTION: 9, CLAIM: 9 });
      expect(article.annotations).toContainEqual({
        type: 'QUOTE',
        start: 864,
        end: 1003,
        exact: 'Progress was made during the discussions, which were professional and focused narrowly on the implementation of specific safety procedures.',
        targetId: 'stmt:57fba5b642d7dbec',
      });
      expect(article.annotations).toContainEqual({ type: 'CLAIM', start: 238, end: 251, exact: 'last Saturday', targetId: 'claim:aee151abd685a5c5' });
    });
  });
});
