/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON, checked by the assertions */
/**
 * Event.place over real HTTP: the three place fixtures (tests/fixtures/place: one rally, Denver by two articles,
 * Boston by one) ingested into the suite's Neo4j, then read through the GraphQL API. The place comes with the
 * event's row: asking for it costs no extra query.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';
import { loadConfig } from '../../src/config.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { DATABASE } from '../graph/helpers.js';
import { countingDriver, ok, startTestServer, type TestServer } from './helpers.js';

const RALLY = 'event:meeting:rally:2024-03-12';
const driver = testDriver();
const counted = countingDriver(testDriver());
let server: TestServer;
let forget: () => Promise<void>;

beforeAll(async () => {
  await applyMigrations(driver, DATABASE);
  forget = await rememberGraph(driver, DATABASE);
  const inputs = ['p1', 'p2', 'p3'].map((id, i) => ({
    id: `api-place-${id}`, text: readFileSync(`tests/fixtures/place/${id}.txt`, 'utf8'), outlet: `Wire ${i}`, title: null, publishedAt: '2024-03-14', url: null,
  }));
  const results = await ingestArticles(driver, await testNlp(), { ...loadConfig({}), NEO4J_DATABASE: DATABASE }, inputs);
  expect(results.filter((r) => r.status === 'failed')).toEqual([]);
  server = await startTestServer({ driver: counted.driver });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await forget?.();
  await driver.close();
});

describe('Event.place over HTTP', () => {
  it('gives the place most articles give, and every article’s place claim beside it', async () => {
    const data: any = ok(
      await server.gql(
        `query ($id: ID!) { event(id: $id) { __typename place ... on Meeting { name }
           claimsByAttribute { attribute values conflicting claims { value normalized source { article { id } } } } } }`,
        { id: RALLY },
      ),
    );
    expect(data.event).toMatchObject({ __typename: 'Meeting', place: 'Denver' });
    const place = data.event.claimsByAttribute.find((g: any) => g.attribute === 'place');
    expect(place).toMatchObject({ values: ['Boston', 'Denver'], conflicting: true });
    expect(place.claims.map((c: any) => `${c.normalized}@${c.source.article.id}`).sort()).toEqual([
      'Boston@api-place-p2',
      'Denver@api-place-p1',
      'Denver@api-place-p3',
    ]);
  });

  it('reads the place with the event row: a list asking for it makes no more queries than one that does not', async () => {
    const list = (fields: string) => `{ events(first: 50, filter: { kinds: [MEETING] }) { edges { node { id ${fields} } } } }`;
    const before = counted.stats.queries;
    const plain: any = ok(await server.gql(list('name')));
    const withoutPlace = counted.stats.queries - before;
    expect(withoutPlace).toBeGreaterThan(0);
    const between = counted.stats.queries;
    const placed: any = ok(await server.gql(list('name place')));
    expect(counted.stats.queries - between).toBe(withoutPlace);
    expect(placed.events.edges.map((e: any) => e.node.id)).toEqual(plain.events.edges.map((e: any) => e.node.id));
    expect(placed.events.edges.find((e: any) => e.node.id === RALLY)?.node.place).toBe('Denver');
  });

  it('declares place on the Event interface and every event type, with a description', async () => {
    const data: any = ok(
      await server.gql(`{ __schema { types { name kind interfaces { name } fields { name description type { name } } } } }`),
    );
    const eventTypes = data.__schema.types.filter((t: any) => t.name === 'Event' || t.interfaces?.some((i: any) => i.name === 'Event'));
    expect(eventTypes.map((t: any) => t.name).sort()).toEqual(['Agreement', 'AgreementMilestone', 'Campaign', 'Event', 'Incident', 'Meeting', 'OtherEvent']);
    for (const t of eventTypes) {
      const field = t.fields.find((f: any) => f.name === 'place');
      expect(field, t.name).toMatchObject({ type: { name: 'String' } });
      expect(field.description, t.name).toMatch(/place/);
    }
  });
});
