import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { testDriver } from '../support/neo4j.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { ArticleConflictError, fetchKnownGraph, loadArticle, LOAD_ARTICLES } from '../../src/graph/load.js';
import type { ResolvedArticle } from '../../src/domain/types.js';
import { resolveArticle } from '../../src/resolve/index.js';
import { countWithPrefix, DATABASE, deleteByIdPrefix, dumpGraph, plain, SUMMIT_TEXT, summitArticle, uniquePrefix } from './helpers.js';

describe('loadArticle', () => {
  const driver = testDriver();
  const prefixes: string[] = [];
  const prefix = (name: string) => {
    const p = uniquePrefix(name);
    prefixes.push(p);
    return p;
  };
  const query = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params, { database: DATABASE })).records.map((r) => plain(r.toObject()) as Record<string, unknown>);

  beforeAll(() => applyMigrations(driver, DATABASE));
  afterAll(async () => {
    for (const p of prefixes) await deleteByIdPrefix(driver, p);
    await driver.close();
  });

  it('writes the article, actors with kind labels, statements, events and claims with provenance', async () => {
    const p = prefix('load');
    const article = summitArticle(p);
    const counts = await loadArticle(driver, DATABASE, article);
    // Claims: the incident's distance and the meeting's date (every article's date for an event is a claim).
    expect(counts).toMatchObject({ actors: 4, statements: 2, events: 2, claims: 2 });
    expect(counts.nodesCreated).toBe(1 + 4 + 2 + 2 + 2 + 1); // + the meeting series

    const [art] = await query('MATCH (a:Article {id: $id}) RETURN a.publishedAt AS d, a.text = $text AS sameText, a.ingestedAt IS NOT NULL AS stamped', {
      id: article.article.id,
      text: SUMMIT_TEXT,
    });
    expect(art).toEqual({ d: 'Date:2021-03-04', sameText: true, stamped: true });

    const [mayor] = await query('MATCH (a:Actor {id: $id}) RETURN labels(a) AS labels, a.name AS name, a.aliases AS aliases, a.role AS role', {
      id: article.ids.a1,
    });
    expect(mayor).toEqual({ labels: ['Actor', 'Person'], name: 'Ilse Varga', aliases: ['Mayor Ilse Varga'], role: 'Mayor' });

    const [said] = await query(
      `MATCH (a:Actor {id: $speaker})-[:SAID]->(s:Statement {id: $sid})-[r:REPORTED_IN]->(:Article {id: $art}),
             (s)-[v:VIA]->(via:Actor), (s)-[:ABOUT]->(e:Event:Meeting)-[po:PART_OF]->(ms:MeetingSeries)
       RETURN s.kind AS kind, s.saidOnStart AS saidOn, s.sortDate AS sortDate, r.start AS start, r.end AS end, r.exact AS exact,
              r.quoteStarts AS qs, v.articleId AS viaArticle, v.position AS viaPosition, via.name AS viaName,
              e.start AS eventStart, e.sortDate AS eventSort, po.ordinal AS ordinal, ms.id AS series`,
      { speaker: article.ids.a1, sid: article.ids.s1, art: article.article.id },
    );
    const stmt = article.statements[0]!;
    expect(said).toEqual({
      kind: 'DIRECT',
      saidOn: 'Date:2021-03-02',
      sortDate: 'Date:2021-03-02',
      start: stmt.span.start,
      end: stmt.span.end,
      exact: stmt.span.exact,
      qs: [stmt.quoteSpans[0]!.start],
      viaArticle: article.article.id,
      viaPosition: 0,
      viaName: 'Tidewater Radio',
      eventStart: 'Date:2021-03-02',
      eventSort: 'Date:2021-03-02',
      ordinal: 2,
      series: `series:${p}-coastal-summit`,
    });

    // An undated event sorts by its first mention's article; an undated statement by its first report.
    const [incident] = await query(
      `MATCH (c:Claim)-[:ON]->(e:Event:Incident {id: $eid}), (c)-[st:STATED_IN]->(:Article), (:Actor)-[:CLAIMS]->(c), (:Statement)-[:ASSERTS]->(c)
       MATCH (s:Statement {id: $sid})
       RETURN e.sortDate AS eventSort, s.sortDate AS stmtSort, c.normalized AS normalized, st.exact AS exact`,
      { eid: article.ids.e2, sid: article.ids.s2 },
    );
    expect(incident).toEqual({ eventSort: 'Date:2021-03-04', stmtSort: 'Date:2021-03-04', normalized: '3-3 km', exact: 'within 3 kilometers' });
  });

  it('plans LOAD_ARTICLES without a scan or a non-unique index seek: unique-id seeks and expansions only (KEEP_PLAN relies on it)', async () => {
    interface PlanNode { operatorType: string; children: PlanNode[] }
    const operators = (p: PlanNode, out = new Set<string>()): Set<string> => {
      out.add(p.operatorType.split('@')[0]!);
      for (const c of p.children) operators(c, out);
      return out;
    };
    for (const [cypher, params] of [[LOAD_ARTICLES, { batch: [] }]] as const) {
      const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, params, { database: DATABASE });
      const ops = [...operators(summary.plan as unknown as PlanNode)];
      expect(ops.filter((o) => /Scan|NodeIndexSeek|NodeIndexContainsScan|ValueHashJoin|NodeHashJoin/.test(o))).toEqual([]);
      expect(ops).toContain('NodeUniqueIndexSeek(Locking)');
    }
  });

  it('is idempotent: loading again creates nothing and changes no property', async () => {
    const p = prefix('idem');
    const article = summitArticle(p);
    await loadArticle(driver, DATABASE, article);
    const before = await dumpGraph(driver, [p]);
    const again = await loadArticle(driver, DATABASE, article);
    expect(again.nodesCreated).toBe(0);
    expect(again.relationshipsCreated).toBe(0);
    expect(await dumpGraph(driver, [p])).toEqual(before);
    expect(before.nodes.length).toBeGreaterThan(5);
  });

  it('keeps one Statement reported in several articles, merging wordings and dates by fixed rules', async () => {
    const p = prefix('chain');
    const first = summitArticle(p);
    const secondText = `${SUMMIT_TEXT}\nShe repeated it on Wednesday.`;
    const second = summitArticle(p, { articleId: `${p}-art-2`, text: secondText, publishedAt: '2021-03-05' });
    // The second report carries a fuller wording and only a month for the said-date.
    second.statements[0]!.text = 'We will protect the fisheries together';
    second.statements[0]!.saidOn = { start: '2021-03-01', end: '2021-03-31', precision: 'MONTH', source: 'TEXT' };
    second.actors[0]!.name = 'Ilse M. Varga';
    second.actors[0]!.aliases = ['Varga'];
    await loadArticle(driver, DATABASE, first);
    await loadArticle(driver, DATABASE, second);
    const afterBoth = await dumpGraph(driver, [p]);

    const [stmt] = await query(
      `MATCH (s:Statement {id: $sid})-[r:REPORTED_IN]->(a:Article)
       RETURN count(r) AS reports, collect(a.id) AS articles, s.saidOnStart AS saidOn, s.datePrecision AS precision, s.sortDate AS sortDate`,
      { sid: first.ids.s1 },
    );
    expect(stmt).toMatchObject({ reports: 2, saidOn: 'Date:2021-03-02', precision: 'DAY', sortDate: 'Date:2021-03-02' });
    const [actor] = await query('MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.aliases AS aliases', { id: first.ids.a1 });
    expect(actor).toEqual({ name: 'Ilse M. Varga', aliases: ['Ilse Varga', 'Mayor Ilse Varga', 'Varga'] });
    const anonymous = await query('MATCH (a:AnonymousSource) WHERE a.id CONTAINS $p RETURN a.id AS id ORDER BY id', { p });
    expect(anonymous).toHaveLength(2); // distinct per article

    // Re-running both, in either order, changes nothing: the merge rules do not depend on order.
    await loadArticle(driver, DATABASE, second);
    await loadArticle(driver, DATABASE, first);
    expect(await dumpGraph(driver, [p])).toEqual(afterBoth);
  });

  it('rolls back everything of an article that fails mid-transaction', async () => {
    const p = prefix('rollback');
    const article: ResolvedArticle = summitArticle(p);
    // Actors, events' mentions etc. are written before the events step, which fails on the impossible date.
    article.events[1]!.date = { start: '2015-02-30', end: '2015-02-30', precision: 'DAY', source: 'TEXT' };
    await expect(loadArticle(driver, DATABASE, article)).rejects.toThrow(/2015-02-30|date|Invalid/i);
    expect(await countWithPrefix(driver, p)).toEqual({ nodes: 0, rels: 0 });
  });

  it('rolls back a late failure too (a property Neo4j cannot store, in the last family)', async () => {
    const p = prefix('rollback2');
    const article = summitArticle(p);
    (article.claims[0] as unknown as { value: unknown }).value = { not: 'storable' };
    await expect(loadArticle(driver, DATABASE, article)).rejects.toThrow();
    expect(await countWithPrefix(driver, p)).toEqual({ nodes: 0, rels: 0 });
  });

  it('refuses to overwrite a stored article that has the same id but different text', async () => {
    const p = prefix('conflict');
    const article = summitArticle(p);
    await loadArticle(driver, DATABASE, article);
    const before = await dumpGraph(driver, [p]);
    const changed = summitArticle(p, { text: `${SUMMIT_TEXT} Extra.` });
    await expect(loadArticle(driver, DATABASE, changed)).rejects.toBeInstanceOf(ArticleConflictError);
    expect(await dumpGraph(driver, [p])).toEqual(before);
  });

  it('lets exactly one of two simultaneous loads of one id with different texts through, and keeps its text', async () => {
    const p = prefix('race');
    const first = summitArticle(p);
    const second = summitArticle(p, { text: `${SUMMIT_TEXT} Extra.` });
    const outcomes = await Promise.allSettled([loadArticle(driver, DATABASE, first), loadArticle(driver, DATABASE, second)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(loser.reason).toBeInstanceOf(ArticleConflictError);
    const winner = outcomes[0]!.status === 'fulfilled' ? first : second;
    const { records } = await driver.executeQuery('MATCH (a:Article {id: $id}) RETURN a.text AS text, a.sha256 AS sha256', { id: first.article.id }, { database: DATABASE });
    expect(records.map((r) => [r.get('text'), r.get('sha256')])).toEqual([[winner.article.text, winner.article.sha256]]);
  });
});

describe('fetchKnownGraph', () => {
  const driver = testDriver();
  const p = uniquePrefix('known');
  beforeAll(async () => {
    await applyMigrations(driver, DATABASE);
    await loadArticle(driver, DATABASE, summitArticle(p));
  });
  afterAll(async () => {
    await deleteByIdPrefix(driver, p);
    await driver.close();
  });

  it('finds stored actors by surname, the resolved speaker\'s statements and matching events only', async () => {
    const stored = summitArticle(p);
    const next = summitArticle(p, { articleId: `${p}-art-next` });
    // A later article naming the mayor only by surname, with a trimmed quote of hers and one by its own source.
    next.actors = [{ ...next.actors[0]!, name: 'Varga', aliases: [] }, next.actors[3]!];
    next.statements = [
      { ...next.statements[0]!, text: 'We will protect the fisheries', viaKeys: [], aboutKeys: [] },
      { ...next.statements[1]!, text: 'boats came within 3 kilometers' },
    ];
    next.events = [next.events[1]!];
    const known = await fetchKnownGraph(driver, DATABASE, next);

    expect(known.actors.map((a) => a.id)).toContain(stored.ids.a1);
    expect(known.actors.find((a) => a.id === stored.ids.a1)).toMatchObject({ name: 'Ilse Varga', kind: 'PERSON', aliases: ['Mayor Ilse Varga'] });
    expect(known.actors.some((a) => a.kind === 'ANONYMOUS_SOURCE')).toBe(false);
    const ids = known.statements.map((s) => s.id);
    expect(ids).toContain(stored.ids.s1); // said by the resolved speaker
    // The stored port official is another article's anonymous source: resolution never compares with its quote.
    expect(ids).not.toContain(stored.ids.s2);
    expect(known.statements.find((s) => s.id === stored.ids.s1)).toMatchObject({ speakerId: stored.ids.a1, saidOnStart: '2021-03-02' });
    // An undated incident naming no participant: nothing can tie it to a stored incident (no date, no shared
    // participant), so no event is read.
    expect(known.events).toEqual([]);
    expect(resolveArticle(next, known).ids).toMatchObject({ a1: stored.ids.a1, s1: stored.ids.s1 });
  });

  it('returns meetings with series, ordinal and participants as plain values', async () => {
    const stored = summitArticle(p);
    const known = await fetchKnownGraph(driver, DATABASE, summitArticle(p, { articleId: `${p}-art-x` }));
    const meeting = known.events.find((e) => e.id === stored.ids.e1);
    expect(meeting).toEqual({
      id: stored.ids.e1,
      kind: 'MEETING',
      name: 'second Coastal Summit',
      start: '2021-03-02',
      end: '2021-03-02',
      seriesName: `${p} Coastal Summit`,
      ordinal: 2,
      participantIds: [stored.ids.a1],
      place: null,
      vehicles: null,
    });
    expect(neo4j.isInt(meeting?.ordinal)).toBe(false);
  });

  it('copes with an article that has no actors, statements or events', async () => {
    const empty = { ...summitArticle(p, { articleId: `${p}-art-empty` }), actors: [], statements: [], events: [], claims: [] };
    expect(await fetchKnownGraph(driver, DATABASE, empty)).toEqual({ actors: [], statements: [], events: [] });
  });
});
