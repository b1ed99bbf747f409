/**
 * The bounded known-graph read (src/graph/knownGraph.ts) must find everything resolution can match:
 * article by article, resolution against it gives exactly the ids resolution gives against the WHOLE
 * stored graph — on the five seed articles and a generated corpus, and on hand-made edge cases the corpus
 * lacks (undated incidents, wide dates, series without a date, agreements, campaigns).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { rememberGraph, testDriver } from '../support/neo4j.js';
import { loadConfig } from '../../src/config.js';
import { extractWithEngine } from '../support/nlp.js';
import type { ExtractedArticle, ExtractedEvent, KnownGraph, ResolvedArticle } from '../../src/domain/types.js';
import { KNOWN_EVENT, fetchKnownActors, fetchKnownGraph, fetchKnownRest } from '../../src/graph/knownGraph.js';
import { loadArticle } from '../../src/graph/load.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { resolveArticle } from '../../src/resolve/index.js';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { DATABASE, uniquePrefix } from './helpers.js';

const CONFIG = { ...loadConfig({}), NEO4J_DATABASE: DATABASE };

/** The unbounded read the loader used before: every actor, statement and event, in the same shape. */
const FETCH_WHOLE_GRAPH = `
CALL () {
  MATCH (a:Actor) WHERE a.kind <> 'ANONYMOUS_SOURCE'
  RETURN collect({id: a.id, name: a.name, kind: a.kind, aliases: coalesce(a.aliases, [])}) AS actors
}
CALL () {
  MATCH (s:Statement)
  OPTIONAL MATCH (speaker:Actor)-[:SAID]->(s)
  WITH s, min(speaker.id) AS speakerId
  RETURN collect({id: s.id, speakerId: speakerId, text: s.text, saidOnStart: toString(s.saidOnStart),
                  firstArticleId: COLLECT { MATCH (s)-[:REPORTED_IN]->(art:Article) RETURN art.id ORDER BY art.id LIMIT 1 }[0]}) AS statements
}
CALL () {
  MATCH (e:Event)
  RETURN collect(${KNOWN_EVENT}) AS events
}
RETURN actors, statements, events`;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function wholeGraph(driver: Driver): Promise<KnownGraph> {
  const { records } = await driver.executeQuery(FETCH_WHOLE_GRAPH, {}, { database: DATABASE });
  const r = records[0]!;
  const events = (r.get('events') as Array<Record<string, unknown>>).map((e) => ({
    ...(e as KnownGraph['events'][number]),
    ordinal: e.ordinal === null ? null : neo4j.isInt(e.ordinal) ? (e.ordinal as { toNumber(): number }).toNumber() : Number(e.ordinal),
  }));
  return {
    actors: (r.get('actors') as KnownGraph['actors']).sort(byId),
    statements: (r.get('statements') as KnownGraph['statements']).sort(byId),
    events: events.sort(byId),
  };
}

describe('the bounded known-graph read', () => {
  const driver = testDriver();
  let forgetLoaded: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
    forgetLoaded = await rememberGraph(driver, DATABASE);
  });
  afterAll(async () => {
    await forgetLoaded?.();
    await driver.close();
  });

  /** Resolves against the bounded read and against the whole graph, expects the same ids, then loads. */
  async function resolveAndLoad(extracted: ExtractedArticle, stored?: KnownGraph): Promise<ResolvedArticle> {
    const bounded = resolveArticle(extracted, await fetchKnownGraph(driver, DATABASE, extracted));
    const whole = resolveArticle(extracted, stored ?? (await wholeGraph(driver)));
    expect({ article: extracted.article.id, ids: bounded.ids }).toEqual({ article: extracted.article.id, ids: whole.ids });
    await loadArticle(driver, DATABASE, bounded);
    return bounded;
  }

  it('gives the same ids as the whole graph on the seed articles and a generated corpus, and reads less', async () => {
    const seed = readSeedFolder('seed', CONFIG);
    for (const input of seed.inputs) await resolveAndLoad(await extractWithEngine(input));
    const corpus = generateCorpus({ scale: 100, seed: 11 });
    let reused = 0;
    for (const a of corpus.articles) {
      const extracted = await extractWithEngine({ id: a.id, text: a.text, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt, url: a.url });
      const before = await wholeGraph(driver);
      const resolved = await resolveAndLoad(extracted, before);
      const storedIds = new Set([...before.statements, ...before.events].map((x) => x.id));
      reused += Object.values(resolved.ids).filter((id) => storedIds.has(id)).length;
    }
    // The corpus re-reports statements and meetings across articles: matches were actually exercised.
    expect(reused).toBeGreaterThan(30);

    // Bounded: the last article's read holds a small part of what is stored.
    const last = corpus.articles.at(-1)!;
    const extracted = await extractWithEngine({ id: `${last.id}-again`, text: last.text, outlet: last.outlet, title: last.title, publishedAt: last.publishedAt, url: last.url });
    const known = await fetchKnownGraph(driver, DATABASE, extracted);
    const whole = await wholeGraph(driver);
    expect(known.statements.length).toBeLessThan(whole.statements.length / 4);
    expect(known.events.length).toBeLessThan(whole.events.length / 4);
  }, 300_000);

  describe('edge cases of the actor read', () => {
    const p = uniquePrefix('kga');
    // Surnames unique to this run (letters only: the folding analyzer and the name rules see words).
    const tag = p.replace(/[^a-z]/g, '').slice(-6);
    const person = (key: string, name: string) => ({ key, name, kind: 'PERSON' as const, aliases: [], mentions: [{ start: 0, end: 7, exact: 'Article' }] });
    const article = (id: string, actors: ExtractedArticle['actors']): ExtractedArticle => ({
      article: { id: `${p}-${id}`, text: `Article ${id}.`, outlet: 'Test Wire', title: null, publishedAt: '2023-04-01', url: null, sha256: `sha-${p}-${id}` },
      actors,
      statements: [],
      events: [],
      claims: [],
    });

    it('finds a stored accented or curly-apostrophe name from its plain spelling', async () => {
      await resolveAndLoad(article('accented', [person('a1', `José Muñoz${tag}`), person('a2', `Seán O’Brí${tag}`)]));
      const plain = article('plain', [person('a1', `Munoz${tag}`), person('a2', `Sean O'Bri${tag}`)]);
      const { actors } = await fetchKnownActors(driver, DATABASE, plain);
      expect(actors.map((a) => a.name).sort()).toEqual([`José Muñoz${tag}`, `Seán O’Brí${tag}`]);
      await resolveAndLoad(plain); // and resolution against it equals resolution against the whole graph
    });

    it('finds a stored person from another spelling: a romanised surname ending, a one-edit slip, a given-name slip', async () => {
      const stored = await resolveAndLoad(
        article('spelt', [person('a1', `Volodymyr Zel${tag}skiy`), person('a2', `Igor Ko${tag}shenkov`), person('a3', `Bashar Al${tag}`)]),
      );
      const other = article('respelt', [person('a1', `Vladimir Zel${tag}sky`), person('a2', `Igor Ko${tag}shenkow`), person('a3', `Bashir Al${tag}`)]);
      const { actors } = await fetchKnownActors(driver, DATABASE, other);
      expect(actors.map((a) => a.id)).toEqual(expect.arrayContaining([stored.ids.a1, stored.ids.a2, stored.ids.a3]));
      const resolved = await resolveAndLoad(other); // and the same ids as against the whole graph
      expect([resolved.ids.a1, resolved.ids.a2, resolved.ids.a3]).toEqual([stored.ids.a1, stored.ids.a2, stored.ids.a3]);
    });

    it('finds every stored person of a crowded article, whatever their names sort as', async () => {
      const crowd = Array.from({ length: 40 }, (_, i) => person(`c${i}`, `Alma ${tag}${String.fromCharCode(97 + (i % 26))}${'x'.repeat(Math.floor(i / 26))}`));
      await resolveAndLoad(article('stored-last', [person('z', `Zeno Zz${tag}`)]));
      const x = article('crowded', [...crowd, person('z', `Zz${tag}`)]);
      const { actors } = await fetchKnownActors(driver, DATABASE, x);
      expect(actors.map((a) => a.name)).toContain(`Zeno Zz${tag}`);
      await resolveAndLoad(x);
    });
  });

  describe('edge cases of the event rules', () => {
    const p = uniquePrefix('kg');
    const P = p.replace(/^t-/, '').replace(/-/g, ' ');
    let n = 0;
    const article = (publishedAt: string, events: ExtractedEvent[], actors: ExtractedArticle['actors'] = []): ExtractedArticle => {
      const id = `${p}-art-${++n}`;
      const text = `Article ${id}.`;
      return {
        article: { id, text, outlet: 'Test Wire', title: null, publishedAt, url: null, sha256: `sha-${id}` },
        actors,
        statements: [],
        events,
        claims: [],
      };
    };
    const span = { start: 0, end: 7, exact: 'Article' };
    const day = (d: string) => ({ start: d, end: d, precision: 'DAY' as const, source: 'TEXT' as const });
    const country = (key: string, name: string) => ({ key, name: `${P} ${name}`, kind: 'COUNTRY' as const, aliases: [], mentions: [span] });
    const incident = (key: string, date: ExtractedEvent['date'], participantKeys: string[] = []): ExtractedEvent => ({
      key, kind: 'INCIDENT', name: `${P} jets close encounter`, date, participantKeys, mentions: [span],
    });

    it('finds undated incidents, incidents inside the window, wide dates, undated series meetings and agreements', async () => {
      const ids: string[] = [];
      const load = async (x: ExtractedArticle) => ids.push(...Object.values((await resolveAndLoad(x)).ids));

      // Stored: an undated incident, a dated one, one with a wide interval, and a series meeting with an ordinal.
      await load(article('2023-01-10', [incident('e1', null)]));
      await load(article('2023-03-10', [incident('e1', day('2023-03-04'), ['c1'])], [country('c1', 'Aland')]));
      await load(article('2023-05-10', [incident('e1', { start: '2022-01-01', end: '2023-12-31', precision: 'INTERVAL', source: 'TEXT' }, ['c2'])], [country('c2', 'Borduria')]));
      const series = { name: `${P} video conference`, ordinal: 3 };
      await load(article('2023-06-01', [{ key: 'e1', kind: 'MEETING', name: 'third video conference', date: day('2023-05-30'), series, participantKeys: ['c1'], mentions: [span] }], [country('c1', 'Aland')]));
      await load(article('2023-06-02', [{ key: 'e1', kind: 'AGREEMENT', name: `${P} fisheries accord`, date: null, participantKeys: [], mentions: [span] }]));

      // New articles that must meet them (each checked against the whole graph by resolveAndLoad).
      await load(article('2023-03-12', [incident('e1', day('2023-03-05'), ['c1'])], [country('c1', 'Aland')]));
      await load(article('2024-06-01', [incident('e1', null, ['c2'])], [country('c2', 'Borduria')]));
      await load(article('2023-08-01', [incident('e1', day('2023-07-01'), ['c2'])], [country('c2', 'Borduria')]));
      await load(article('2023-09-01', [{ key: 'e1', kind: 'MEETING', name: 'third video conference', date: null, series, participantKeys: ['c1'], mentions: [span] }], [country('c1', 'Aland')]));
      await load(article('2023-09-02', [{ key: 'e1', kind: 'AGREEMENT', name: `${P} Fisheries Accord`, date: null, participantKeys: [], mentions: [span] }]));

      const stored = (await wholeGraph(driver)).events.filter((e) => e.id.includes(p.replace(/^t-/, '')));
      // The rules merged: one meeting, one agreement, and fewer incidents than incident reports (6).
      expect(stored.filter((e) => e.kind === 'MEETING')).toHaveLength(1);
      expect(stored.filter((e) => e.kind === 'AGREEMENT')).toHaveLength(1);
      expect(stored.filter((e) => e.kind === 'INCIDENT').length).toBeLessThan(6);
    });

    it('finds a stored event of the parse whose date nests with the report’s (a month, then a day in it)', async () => {
      // triggerMatch joins the one stored event of the same kind and name whose date nests with the report's; the read
      // must return it although parse events are neither incidents nor campaigns nor a meeting series.
      const primary = (date: ExtractedEvent['date']): ExtractedEvent => ({
        key: 'e1', kind: 'OTHER', name: `${P} Ohio primary of ${date!.start.slice(0, date!.precision === 'MONTH' ? 7 : 10)}`, date, trigger: 'primary', participantKeys: [], mentions: [span],
      });
      const first = await resolveAndLoad(article('2023-04-02', [primary({ start: '2023-03-01', end: '2023-03-31', precision: 'MONTH', source: 'TEXT' })]));
      const second = await resolveAndLoad(article('2023-03-16', [primary(day('2023-03-15'))]));
      expect(first.ids.e1).toMatch(/:2023-03$/);
      // One node: the day's report joined the month's and re-keyed it to its better (day) id.
      expect(second.ids.e1).toMatch(/ohio-primary:2023-03-15$/);
      expect(second.ids[`merge:${first.ids.e1}`]).toBe(second.ids.e1);
    });

    it('reads the stored place of an incident, so one placed elsewhere with no participant in common stays apart', async () => {
      const placed = (name: string, date: string, place: string): ExtractedEvent => ({
        key: 'e1', kind: 'INCIDENT', name: `${P} ${name}`, date: day(date), participantKeys: [], mentions: [span], place: { name: place, span },
      });
      const crash = await resolveAndLoad(article('2024-02-18', [placed('crash', '2024-02-17', 'Andes')]));
      const collision = await resolveAndLoad(article('2024-02-19', [placed('collision', '2024-02-18', 'Barents Sea')]));
      expect(collision.ids.e1).not.toBe(crash.ids.e1);
      expect(Object.keys(collision.ids).filter((k) => k.startsWith('merge:'))).toEqual([]);
      // …while a report placed where the crash was joins it.
      const again = await resolveAndLoad(article('2024-02-20', [placed('crash', '2024-02-17', 'Andes')]));
      expect(again.ids.e1).toBe(crash.ids.e1);
    });

    it('reads the vehicle modes stored for an incident, so a ship collision stays apart from a plane crash of that week', async () => {
      const moving = (name: string, date: string, vehicles: string[]): ExtractedEvent => ({
        key: 'e1', kind: 'INCIDENT', name: `${P} ${name}`, date: day(date), participantKeys: [], mentions: [span], vehicles,
      });
      const crash = await resolveAndLoad(article('2024-04-18', [moving('crash', '2024-04-17', ['air'])]));
      const collision = await resolveAndLoad(article('2024-04-19', [moving('collision', '2024-04-18', ['sea'])]));
      expect(collision.ids.e1).not.toBe(crash.ids.e1);
      expect(Object.keys(collision.ids).filter((k) => k.startsWith('merge:'))).toEqual([]);
      const stored = (await wholeGraph(driver)).events.find((e) => e.id === crash.ids.e1);
      expect(stored?.vehicles).toEqual(['air']);
      // A report naming the plane and a ship, out of the collision's window, joins the crash: the node keeps both modes.
      const again = await resolveAndLoad(article('2024-04-20', [moving('crash', '2024-04-14', ['air', 'sea'])]));
      expect(again.ids.e1 === crash.ids.e1 || again.ids[`merge:${crash.ids.e1}`] === again.ids.e1).toBe(true);
      expect(again.ids[`merge:${collision.ids.e1}`]).toBeUndefined();
      expect((await wholeGraph(driver)).events.find((e) => e.id === again.ids.e1)?.vehicles).toEqual(['air', 'sea']);
    });

    it('reads only the statements of the resolved speakers and the events of the article', async () => {
      const x = article('2023-03-12', [incident('e1', day('2023-03-05'), ['c1'])], [country('c1', 'Aland')]);
      const { actors } = await fetchKnownActors(driver, DATABASE, x);
      expect(actors.map((a) => a.name)).toContain(`${P} Aland`);
      const known = await fetchKnownRest(driver, DATABASE, x, actors);
      expect(known.statements).toEqual([]);
      expect(known.events.every((e) => e.kind === 'INCIDENT')).toBe(true);
    });
  });
});
