/** Helpers for the graph integration tests: plain values, whole-subgraph dumps, cleanup by what a test created. */
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import type { ResolvedArticle, Span } from '../../src/domain/types.js';

export const DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';

/** A prefix unique to one test, used in every id it creates so cleanup deletes exactly those nodes. */
export function uniquePrefix(name: string): string {
  return `t-${name}-${randomUUID().slice(0, 8)}`;
}

/** Neo4j values → comparable plain values (Integers as numbers, temporals as ISO strings). */
export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return `${value.constructor.name}:${value.toString()}`;
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const DUMP_NODES = `
MATCH (n) WHERE $prefix IS NULL OR any(p IN $prefixes WHERE n.id CONTAINS p)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`;

const DUMP_RELS = `
MATCH (a)-[r]->(b) WHERE $prefix IS NULL OR any(p IN $prefixes WHERE a.id CONTAINS p OR b.id CONTAINS p)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`;

/** Every node and relationship (touching ids with one of the prefixes, or the whole graph), as sorted lines. */
export async function dumpGraph(driver: Driver, prefixes: string[] | null = null): Promise<{ nodes: string[]; rels: string[] }> {
  const params = { prefix: prefixes ? 'set' : null, prefixes: prefixes ?? [] };
  const nodes = await driver.executeQuery(DUMP_NODES, params, { database: DATABASE });
  const rels = await driver.executeQuery(DUMP_RELS, params, { database: DATABASE });
  return {
    nodes: nodes.records.map((r) => JSON.stringify([r.get('id'), [...(r.get('labels') as string[])].sort(), plain(r.get('props'))])).sort(),
    rels: rels.records.map((r) => JSON.stringify([r.get('from'), r.get('type'), r.get('to'), plain(r.get('props'))])).sort(),
  };
}

/** Deletes the nodes (and their relationships) whose id contains the test's unique prefix. */
export async function deleteByIdPrefix(driver: Driver, prefix: string): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE n.id CONTAINS $prefix DETACH DELETE n', { prefix }, { database: DATABASE });
}

export async function countWithPrefix(driver: Driver, prefix: string): Promise<{ nodes: number; rels: number }> {
  const res = await driver.executeQuery(
    `RETURN COUNT { MATCH (n) WHERE n.id CONTAINS $prefix } AS nodes,
            COUNT { MATCH (m)-[r]-() WHERE m.id CONTAINS $prefix } AS rels`,
    { prefix },
    { database: DATABASE },
  );
  return plain(res.records[0]?.toObject()) as { nodes: number; rels: number };
}

/** The span of the n-th occurrence of `exact` in `text` (throws if absent, so fixtures stay honest). */
export function spanIn(text: string, exact: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`fixture: "${exact}" not found in text`);
  }
  return { start: at, end: at + exact.length, exact };
}

export const SUMMIT_TEXT =
  'Harbor leaders met in Veloria on Tuesday for the second Coastal Summit.\n' +
  '"We will protect the fisheries together," said Mayor Ilse Varga, according to Tidewater Radio.\n' +
  'A port official said the boats came within 3 kilometers of each other.';

/**
 * A resolved article about a fictional summit, with every id under `prefix` and spans computed from the
 * text. `overrides` patches the article (e.g. a different id for a second report).
 */
export function summitArticle(prefix: string, opts: { articleId?: string; text?: string; publishedAt?: string } = {}): ResolvedArticle {
  const text = opts.text ?? SUMMIT_TEXT;
  const articleId = opts.articleId ?? `${prefix}-art-1`;
  const quote = 'We will protect the fisheries together,';
  const quoteSpan = spanIn(text, quote);
  const attribution = spanIn(text, `"${quote}" said Mayor Ilse Varga, according to Tidewater Radio.`);
  const claimSpan = spanIn(text, 'within 3 kilometers');
  return {
    article: {
      id: articleId,
      text,
      outlet: 'Tidewater Gazette',
      title: 'Coastal Summit',
      publishedAt: opts.publishedAt ?? '2021-03-04',
      url: null,
      sha256: `sha-${articleId}-${text.length}`,
    },
    actors: [
      { key: 'a1', name: 'Ilse Varga', kind: 'PERSON', aliases: ['Mayor Ilse Varga'], role: 'Mayor', affiliationKey: 'a2', mentions: [spanIn(text, 'Mayor Ilse Varga')] },
      { key: 'a2', name: 'Veloria', kind: 'GOVERNMENT', aliases: [], mentions: [spanIn(text, 'Veloria')] },
      { key: 'a3', name: 'Tidewater Radio', kind: 'MEDIA_OUTLET', aliases: [], mentions: [spanIn(text, 'Tidewater Radio')] },
      { key: 'a4', name: 'a port official', kind: 'ANONYMOUS_SOURCE', aliases: [], mentions: [spanIn(text, 'A port official')] },
    ],
    statements: [
      {
        key: 's1', speakerKey: 'a1', text: quote.replace(/,$/, ''), kind: 'DIRECT', verb: 'say',
        saidOn: { start: '2021-03-02', end: '2021-03-02', precision: 'DAY', source: 'TEXT', span: spanIn(text, 'on Tuesday') },
        viaKeys: ['a3'], span: attribution, quoteSpans: [quoteSpan], aboutKeys: ['e1'],
      },
      {
        key: 's2', speakerKey: 'a4', text: 'the boats came within 3 kilometers of each other', kind: 'INDIRECT', verb: 'say',
        saidOn: null, viaKeys: [], span: spanIn(text, 'A port official said the boats came within 3 kilometers of each other.'),
        quoteSpans: [spanIn(text, 'the boats came within 3 kilometers of each other')], aboutKeys: ['e2'],
      },
    ],
    events: [
      {
        key: 'e1', kind: 'MEETING', name: 'second Coastal Summit',
        date: { start: '2021-03-02', end: '2021-03-02', precision: 'DAY', source: 'TEXT' },
        series: { name: `${prefix} Coastal Summit`, ordinal: 2 }, participantKeys: ['a1'], mentions: [spanIn(text, 'the second Coastal Summit')],
      },
      { key: 'e2', kind: 'INCIDENT', name: 'boats close encounter', date: null, participantKeys: [], mentions: [spanIn(text, 'the boats came within 3 kilometers')] },
    ],
    claims: [
      { key: 'c1', eventKey: 'e2', attribute: 'distance', value: '3 kilometers', normalized: '3-3 km', sourceActorKey: 'a4', statementKey: 's2', span: claimSpan },
    ],
    ids: {
      a1: `actor:person:${prefix}-ilse-varga`,
      a2: `actor:government:${prefix}-veloria`,
      a3: `actor:media-outlet:${prefix}-tidewater-radio`,
      a4: `actor:anonymous:${articleId}:a-port-official`,
      s1: `stmt:${prefix}-s1`,
      s2: `stmt:${prefix}-s2-${articleId}`,
      e1: `event:meeting:${prefix}-coastal-summit:2`,
      e2: `event:incident:${prefix}-boats`,
      c1: `claim:${prefix}-c1-${articleId}`,
      [`series:e1`]: `series:${prefix}-coastal-summit`,
    },
  };
}
