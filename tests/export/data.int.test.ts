/**
 * The data exports against the real Neo4j seeded with the five seed articles: the statements CSV parsed back
 * with csv-parse and checked row by row against the graph (one row per REPORTED_IN, provenance slicing out of
 * the stored text, the intermediary chain), filters as in the API, JSON Lines equal to CSV, the GraphML read
 * by an XML parser (keys typed and declared, every edge between written nodes) and by a GraphML reader, and
 * the HTTP exports byte-for-byte equal to `chronicle export`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import GraphModule from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { exportData, GRAPHML_KEYS, parseExportSpec, TABLES } from '../../src/export/data.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { createRunner, type Runner } from '../../src/graph/repositories/runner.js';
import { applyCuration, readCurationFile } from '../../src/ingest/curation.js';
import { ingestArticles } from '../../src/ingest/pipeline.js';
import { readSeedFolder } from '../../src/ingest/seedFolder.js';
import { serve } from '../../src/api/serve.js';
import { silentLogger } from '../api/helpers.js';
import { rememberGraph, testDriver, testNeo4jSettings } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';

const DATABASE = testNeo4jSettings().database;
const CONFIG = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', NEO4J_DATABASE: DATABASE });
const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED_DIR = path.join(ROOT, 'seed');
const WARREN = 'actor:person:steven-warren';
const INCIDENT = 'event:incident:russia-united-states-close-encounter:2015-10-10';

type Row = Record<string, string>;
// graphology's typings describe its CommonJS default export loosely; the constructor is what parse needs.
const Graph = GraphModule as unknown as Parameters<typeof parseGraphml>[0];

describe('data exports of the seeded graph', () => {
  let driver: Driver;
  let run: Runner;
  let server: { url: string; close(): Promise<void> };
  let forget: (() => Promise<void>) | undefined;
  const texts = new Map<string, string>();

  const exported = async (raw: Parameters<typeof parseExportSpec>[0]) => {
    let out = '';
    for await (const chunk of exportData(run, parseExportSpec(raw))) out += chunk;
    return out;
  };
  const csvRows = (text: string) => parseCsv(text, { columns: true, bom: false }) as Row[];
  const cypher = async (q: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(q, params, { database: DATABASE })).records.map((r) => r.toObject());

  beforeAll(async () => {
    driver = testDriver();
    await applyMigrations(driver, DATABASE);
    forget = await rememberGraph(driver, DATABASE);
    const seed = readSeedFolder(SEED_DIR, CONFIG);
    const results = await ingestArticles(driver, await testNlp(), CONFIG, seed.inputs);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    await applyCuration(driver, DATABASE, readCurationFile(path.join(SEED_DIR, 'curation.json'))!);
    for (const a of await cypher('MATCH (a:Article) RETURN a.id AS id, a.text AS text')) texts.set(String(a.id), String(a.text));
    run = createRunner(driver, { database: DATABASE, timeoutMs: CONFIG.QUERY_TIMEOUT_MS });
    // The server as `chronicle serve` builds it (GraphQL, timeline page and exports); it closes its own driver.
    server = await serve({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', NEO4J_DATABASE: DATABASE, PORT: '0' }), driver: testDriver(), logger: silentLogger });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await forget?.();
    await driver?.close();
  });

  it('writes one statements row per report, each matching the graph and slicing its exact text out of the article', async () => {
    const text = await exported({ format: 'csv', what: 'statements' });
    expect(text.split('\r\n')[0]).toBe(TABLES.statements.columns.join(','));
    const rows = csvRows(text);
    const graph = await cypher(`
      MATCH (sp:Actor)-[:SAID]->(s:Statement)-[r:REPORTED_IN]->(a:Article)
      RETURN s.id AS sid, sp.id AS speaker, a.id AS article, a.outlet AS outlet, toString(a.publishedAt) AS published,
        r.start AS start, r.end AS end, r.exact AS exact,
        [p IN COLLECT { MATCH (s)-[v:VIA {articleId: a.id}]->(x:Actor) RETURN [v.position, x.id] AS p ORDER BY p[0] } | p[1]] AS via`);
    expect(rows.length).toBe(graph.length);
    expect(rows.length).toBeGreaterThan(30);
    const key = (r: { sid: string; speaker: string; article: string; outlet: string; published: string; start: unknown; end: unknown; exact: string; via: string[] }) =>
      JSON.stringify([r.sid, r.speaker, r.article, r.outlet, r.published, Number(r.start), Number(r.end), r.exact, r.via.join('|')]);
    expect(rows.map((r) => key({ sid: r.statement_id!, speaker: r.speaker_id!, article: r.article_id!, outlet: r.outlet!, published: r.published!, start: r.start, end: r.end, exact: r.exact!, via: r.via_ids ? r.via_ids.split('|') : [] })).sort())
      .toEqual(graph.map((g) => key(g as never)).sort());
    for (const r of rows) expect(texts.get(r.article_id!)!.slice(Number(r.start), Number(r.end))).toBe(r.exact);
    // The chain reads speaker > intermediaries > outlet.
    const viaRow = rows.find((r) => r.via_ids !== '')!;
    expect(viaRow.chain).toBe([viaRow.speaker, ...viaRow.via!.split('|'), viaRow.outlet].join(' > '));
  });

  it('filters statements as the API does', async () => {
    const bySpeaker = csvRows(await exported({ what: 'statements', speaker: WARREN }));
    const [count] = (await cypher('MATCH (:Actor {id: $id})-[:SAID]->(:Statement)-[r:REPORTED_IN]->() RETURN count(r) AS n', { id: WARREN })) as Array<{ n: { toNumber(): number } }>;
    expect(bySpeaker.length).toBe(count!.n.toNumber());
    expect(new Set(bySpeaker.map((r) => r.speaker_id))).toEqual(new Set([WARREN]));

    const about = csvRows(await exported({ what: 'statements', about: INCIDENT }));
    const aboutIds = new Set((await cypher('MATCH (s:Statement)-[:ABOUT]->(:Event {id: $id}) RETURN s.id AS id', { id: INCIDENT })).map((r) => r.id));
    expect(about.length).toBeGreaterThan(0);
    expect(new Set(about.map((r) => r.statement_id))).toEqual(aboutIds);

    const words = csvRows(await exported({ what: 'statements', text: 'miles' }));
    expect(words.length).toBeGreaterThan(0);
    for (const r of words) expect(r.text!.toLowerCase()).toContain('mile');

    const dated = csvRows(await exported({ what: 'statements', from: '2015-10-14', to: '2015-10-14' }));
    expect(dated.length).toBeGreaterThan(0);
    for (const r of dated) expect((r.said_on_end || r.sort_date)! >= '2015-10-14' && (r.said_on_start || r.sort_date)! <= '2015-10-14').toBe(true);
  });

  it('writes actors, events and claims tables that match the graph', async () => {
    const actors = csvRows(await exported({ what: 'actors' }));
    const [counts] = (await cypher(`RETURN COUNT { (:Actor) } AS actors, COUNT { (:Event) } AS events,
      COUNT { MATCH (c:Claim) OPTIONAL MATCH (c)-[st:STATED_IN]->() RETURN c, st } AS claimRows,
      COUNT { (:Actor {id: $id})-[:SAID]->() } AS warrenSaid`, { id: WARREN })) as Array<Record<string, { toNumber(): number }>>;
    expect(actors.length).toBe(counts!.actors!.toNumber());
    expect(Number(actors.find((a) => a.actor_id === WARREN)!.statements)).toBe(counts!.warrenSaid!.toNumber());
    const events = csvRows(await exported({ what: 'events' }));
    expect(events.length).toBe(counts!.events!.toNumber());
    expect(events.filter((e) => e.kind === 'MEETING').length).toBeGreaterThan(2);
    const claims = csvRows(await exported({ what: 'claims' }));
    expect(claims.length).toBe(counts!.claimRows!.toNumber());
    for (const c of claims.filter((x) => x.article_id)) expect(texts.get(c.article_id!)!.slice(Number(c.start), Number(c.end))).toBe(c.exact);
    expect(claims.some((c) => c.curated === 'true' && c.article_id === '')).toBe(true);
    const onIncident = csvRows(await exported({ what: 'claims', about: INCIDENT }));
    expect(onIncident.length).toBeGreaterThan(0);
    expect(new Set(onIncident.map((c) => c.event_id))).toEqual(new Set([INCIDENT]));
  });

  it('writes JSON Lines with the same records as the CSV (lists as arrays, numbers as numbers)', async () => {
    for (const what of ['statements', 'events'] as const) {
      const csv = csvRows(await exported({ format: 'csv', what }));
      const jsonl = (await exported({ format: 'jsonl', what })).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(jsonl.length).toBe(csv.length);
      const asCsv = (o: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? '' : Array.isArray(v) ? v.join('|') : String(v)]));
      expect(jsonl.map(asCsv)).toEqual(csv);
    }
  });

  it('writes GraphML with typed, declared keys and edges only between written nodes, readable by a GraphML reader', async () => {
    const xml = await exported({ format: 'graphml' });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name) }).parse(xml);
    const root = doc.graphml;
    expect(root.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    const keys = new Map<string, { for: string; 'attr.name': string; 'attr.type': string }>(root.key.map((k: { id: string }) => [k.id, k]));
    expect(keys.size).toBe(GRAPHML_KEYS.length);
    for (const k of keys.values()) {
      expect(['node', 'edge']).toContain(k.for);
      expect(['boolean', 'int', 'long', 'float', 'double', 'string']).toContain(k['attr.type']);
    }
    const graph = root.graph;
    expect(graph.edgedefault).toBe('directed');
    const nodeIds = new Set<string>();
    const checkData = (data: Array<{ key: string; '#text': unknown }> | undefined, owner: 'node' | 'edge') => {
      const seen = new Set<string>();
      for (const d of data ?? []) {
        const key = keys.get(d.key);
        expect(key?.for, `key ${d.key}`).toBe(owner);
        expect(seen.has(d.key)).toBe(false);
        seen.add(d.key);
        const v = String(d['#text']);
        if (key!['attr.type'] === 'int') expect(v).toMatch(/^-?\d+$/);
        if (key!['attr.type'] === 'double') expect(Number.isFinite(Number(v))).toBe(true);
        if (key!['attr.type'] === 'boolean') expect(['true', 'false']).toContain(v);
      }
    };
    for (const n of graph.node) {
      expect(nodeIds.has(n.id)).toBe(false);
      nodeIds.add(n.id);
      checkData(n.data, 'node');
    }
    for (const e of graph.edge) {
      expect(nodeIds.has(e.source), `edge source ${e.source}`).toBe(true);
      expect(nodeIds.has(e.target), `edge target ${e.target}`).toBe(true);
      checkData(e.data, 'edge');
    }
    const [c] = (await cypher(`RETURN COUNT { (:Statement) } AS statements, COUNT { (:Actor) } AS actors, COUNT { (:Event) } AS events,
      COUNT { (:Actor)-[:PARTICIPATED_IN]->(:Event) } AS participations`)) as Array<Record<string, { toNumber(): number }>>;

    const g = parseGraphml(Graph, xml);
    expect(g.type).toBe('directed');
    expect(g.order).toBe(c!.statements!.toNumber() + c!.actors!.toNumber() + c!.events!.toNumber());
    expect(g.size).toBe(graph.edge.length);
    const relations = (r: string) => g.filterEdges((_e, attrs) => attrs.relation === r);
    expect(relations('SAID').length).toBe(c!.statements!.toNumber());
    expect(relations('PARTICIPATED_IN').length).toBe(c!.participations!.toNumber());
    expect(relations('VIA').length).toBeGreaterThan(0);
    const said = relations('SAID')[0]!;
    expect(g.getNodeAttribute(g.source(said), 'entity')).toBe('actor');
    expect(typeof g.getEdgeAttribute(said, 'weight')).toBe('number');
    expect(typeof g.getNodeAttribute(g.target(said), 'reports')).toBe('number');

    // A filtered network holds the matching statements and only what they touch.
    const filtered = parseGraphml(Graph, await exported({ format: 'graphml', speaker: WARREN }));
    const statements = filtered.filterNodes((_n, a) => a.entity === 'statement');
    expect(statements.length).toBe(csvRows(await exported({ what: 'statements', speaker: WARREN })).reduce((s, r) => s.add(r.statement_id!), new Set<string>()).size);
    for (const s of statements) expect(filtered.inNeighbors(s)).toContain(WARREN);
  });

  it('serves the same bytes over HTTP as `chronicle export` writes', async () => {
    const cli = async (...args: string[]) =>
      (
        await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'export', ...args], {
          cwd: ROOT,
          env: { ...process.env, NEO4J_URI: testNeo4jSettings().uri, NEO4J_DATABASE: DATABASE, LOG_LEVEL: 'silent' },
          maxBuffer: 64 * 1024 * 1024,
          timeout: 120_000,
        })
      ).stdout;
    const cases: Array<[string, string[]]> = [
      [`/export/statements?format=csv&speaker=${encodeURIComponent(WARREN)}`, ['--format', 'csv', '--what', 'statements', '--speaker', WARREN]],
      ['/export/claims?format=jsonl', ['--format', 'jsonl', '--what', 'claims']],
      ['/export/network', ['--format', 'graphml']],
    ];
    for (const [url, args] of cases) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body.length).toBeGreaterThan(100);
      expect(body).toBe(await cli(...args));
    }
    const csv = await fetch(`${server.url}/export/actors?download=1`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toMatch(/chronicle-actors\.csv/);
    const bad = await fetch(`${server.url}/export/actors?speaker=x`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'speaker' } });
    expect((await fetch(`${server.url}/export/network?format=csv`)).status).toBe(400);
    expect((await fetch(`${server.url}/export/articles`)).status).toBe(404);
  }, 240_000);
});
