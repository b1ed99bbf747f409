/**
 * Data exports for researchers (docs/formats.md): statements (one row per report, with provenance), actors,
 * events and claims as RFC 4180 CSV or JSON Lines, and the actor–statement–event network as GraphML. Read
 * page by page through the repositories (the API's own list queries and filters, plus src/graph/repositories/
 * exports.ts), and produced as a stream of text chunks: an export of any size holds one page in memory.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { createRunner, type Runner } from '../graph/repositories/runner.js';
import { listActors } from '../graph/repositories/actors.js';
import { actorsByIds } from '../graph/repositories/actors.js';
import { eventsByIds, listEvents } from '../graph/repositories/events.js';
import { aboutByStatements, listStatements } from '../graph/repositories/statements.js';
import {
  actorEdges,
  actorExportDetails,
  eventExportDetails,
  listClaimsForExport,
  statementLinks,
} from '../graph/repositories/exports.js';
import type { ActorKind, ActorRow, EventKind, EventRow, KeysetKey, Page, StatementKind, StatementRow } from '../graph/repositories/types.js';
import { isRealIsoDate } from '../ingest/validate.js';

export const DATA_FORMATS = ['csv', 'jsonl', 'graphml'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];
export const DATA_TABLES = ['statements', 'actors', 'events', 'claims'] as const;
export type DataTable = (typeof DATA_TABLES)[number];
/** What an export holds: a table, or (GraphML) the network. */
export type DataWhat = DataTable | 'network';

/** The filters, as the API names them (speaker = speakerId; for events it selects the actor's events). */
export interface DataFilter {
  speaker?: string;
  about?: string;
  via?: string;
  kind?: string;
  from?: string;
  to?: string;
  text?: string;
}
export const FILTER_NAMES = ['speaker', 'about', 'via', 'kind', 'from', 'to', 'text'] as const;

/** Which filters each export takes (docs/formats.md); any other is refused rather than silently ignored. */
const ALLOWED: Record<DataWhat, ReadonlyArray<keyof DataFilter>> = {
  statements: ['speaker', 'about', 'via', 'kind', 'from', 'to', 'text'],
  network: ['speaker', 'about', 'via', 'kind', 'from', 'to', 'text'],
  actors: ['kind', 'text'],
  events: ['speaker', 'kind', 'from', 'to', 'text'],
  claims: ['speaker', 'about', 'from', 'to', 'text'],
};

const STATEMENT_KINDS = ['DIRECT', 'INDIRECT'];
const ACTOR_KINDS = ['PERSON', 'ORGANIZATION', 'GOVERNMENT', 'COUNTRY', 'MEDIA_OUTLET', 'ANONYMOUS_SOURCE', 'GROUP'];
const EVENT_KINDS = ['MEETING', 'INCIDENT', 'AGREEMENT', 'AGREEMENT_MILESTONE', 'CAMPAIGN', 'OTHER'];

export interface DataExportSpec {
  format: DataFormat;
  what: DataWhat;
  filter: DataFilter;
}

/** A request the export cannot answer; `field` names the option (or query parameter) to fix. */
export class ExportUsageError extends Error {
  override name = 'ExportUsageError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export function isDataFormat(format: string): format is DataFormat {
  return (DATA_FORMATS as readonly string[]).includes(format);
}

/** Checks format, what and filters (as strings from the CLI or a query string) and says how to fix the first problem. */
export function parseExportSpec(raw: { format?: string; what?: string } & Partial<Record<keyof DataFilter, string | undefined>>): DataExportSpec {
  const format = (raw.format ?? 'csv').toLowerCase();
  if (!isDataFormat(format)) throw new ExportUsageError(`format must be one of ${DATA_FORMATS.join(', ')}, not "${raw.format}"`, 'format');
  let what: DataWhat;
  if (format === 'graphml') {
    if (raw.what !== undefined && raw.what !== 'network') {
      throw new ExportUsageError('GraphML holds the actor–statement–event network: leave out what (or say network); tables are csv or jsonl', 'what');
    }
    what = 'network';
  } else {
    const w = raw.what ?? 'statements';
    if (!(DATA_TABLES as readonly string[]).includes(w)) throw new ExportUsageError(`what must be one of ${DATA_TABLES.join(', ')}, not "${w}"`, 'what');
    what = w as DataTable;
  }
  const filter: DataFilter = {};
  for (const name of FILTER_NAMES) {
    const value = raw[name];
    if (value === undefined || value === '') continue;
    if (!ALLOWED[what].includes(name)) {
      throw new ExportUsageError(`the ${what} export has no "${name}" filter — it takes ${ALLOWED[what].join(', ')}`, name);
    }
    if ((name === 'from' || name === 'to') && !isRealIsoDate(value)) {
      throw new ExportUsageError(`${name} must be a YYYY-MM-DD date, not "${value}"`, name);
    }
    filter[name] = value;
  }
  if (filter.kind !== undefined) {
    const allowed = what === 'actors' ? ACTOR_KINDS : what === 'events' ? EVENT_KINDS : STATEMENT_KINDS;
    const kinds = filter.kind.split(',').map((k) => k.trim().toUpperCase());
    const bad = kinds.find((k) => !allowed.includes(k));
    if (bad !== undefined || (what !== 'events' && kinds.length !== 1)) {
      throw new ExportUsageError(`kind must be ${what === 'events' ? 'one or more (comma-separated)' : 'one'} of ${allowed.join(', ')}, not "${filter.kind}"`, 'kind');
    }
    filter.kind = kinds.join(',');
  }
  return { format, what, filter };
}

export function contentType(format: DataFormat): string {
  return format === 'csv' ? 'text/csv; charset=utf-8; header=present' : format === 'jsonl' ? 'application/x-ndjson; charset=utf-8' : 'application/graphml+xml; charset=utf-8';
}

export function fileName(spec: DataExportSpec): string {
  return `chronicle-${spec.what}.${spec.format}`;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** One cell: lists become "|"-joined in CSV and arrays in JSON Lines; null is an empty field (NA / NaN). */
export type Cell = string | number | boolean | null | string[];

export interface Table {
  columns: readonly string[];
  rows(run: Runner, filter: DataFilter): AsyncGenerator<Cell[]>;
}

/** Rows per read: bounded memory, few round trips. */
export const EXPORT_PAGE_SIZE = 200;

/** Every page of a keyset-paged list, in order. */
async function* pages<T>(fetch: (after: KeysetKey | null) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let after: KeysetKey | null = null;
  for (;;) {
    const page = await fetch(after);
    if (page.items.length > 0) yield page.items.map((i) => i.node);
    const last = page.items.at(-1);
    if (!page.hasNextPage || !last) return;
    after = last.key;
  }
}

const names = (xs: ReadonlyArray<{ name: string }>) => xs.map((x) => x.name);
const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id);

function statementFilter(f: DataFilter) {
  return { speakerId: f.speaker, about: f.about, via: f.via, kind: (f.kind as StatementKind | undefined) ?? null, from: f.from, to: f.to, text: f.text };
}

const STATEMENTS: Table = {
  columns: [
    'statement_id', 'speaker_id', 'speaker', 'speaker_kind', 'kind', 'verb', 'text', 'said_on_start', 'said_on_end', 'date_precision',
    'sort_date', 'about_ids', 'about', 'article_id', 'outlet', 'article_title', 'published', 'url', 'start', 'end', 'exact', 'wording',
    'via_ids', 'via', 'chain',
  ],
  async *rows(run, filter) {
    const f = statementFilter(filter);
    let after: KeysetKey | null = null;
    for (;;) {
      const page = await listStatements(run, f, { limit: EXPORT_PAGE_SIZE, after }, 'ASC', { withReports: true });
      const about = page.items.length > 0 ? await aboutByStatements(run, page.items.map((i) => i.node.id)) : new Map();
      for (const { node: s } of page.items) {
        const topics = (about.get(s.id) ?? []) as Array<ActorRow | EventRow>;
        const statement = (verb: string | null): Cell[] => [
          s.id, s.speaker.id, s.speaker.name, s.speaker.kind, s.kind, verb, s.text, s.saidOnStart, s.saidOnEnd, s.datePrecision,
          s.sortDate, ids(topics), names(topics),
        ];
        const reports = page.reports?.get(s.id) ?? [];
        // Every loaded statement has a report; one without (written by another tool) still gets its row.
        if (reports.length === 0) yield [...statement(s.verb), null, null, null, null, null, null, null, null, null, [], [], null];
        for (const r of reports) {
          yield [
            ...statement(r.verb ?? s.verb),
            r.article.id, r.article.outlet, r.article.title, r.article.publishedAt, r.article.url, r.start, r.end, r.exact, r.wording,
            ids(r.via), names(r.via), r.path.join(' > '),
          ];
        }
      }
      const last = page.items.at(-1);
      if (!page.hasNextPage || !last) return;
      after = last.key;
    }
  },
};

const ACTORS: Table = {
  columns: [
    'actor_id', 'name', 'kind', 'role', 'aliases', 'curated', 'statements', 'reports', 'mentions', 'articles', 'relayed',
    'affiliation_ids', 'affiliations', 'affiliation_roles',
  ],
  async *rows(run, filter) {
    for await (const actors of pages((after) => listActors(run, { text: filter.text, kind: (filter.kind as ActorKind | undefined) ?? null }, { limit: EXPORT_PAGE_SIZE, after }))) {
      const details = await actorExportDetails(run, ids(actors));
      for (const a of actors) {
        const d = details.get(a.id);
        const aff = d?.affiliations ?? [];
        yield [
          a.id, a.name, a.kind, a.role, a.aliases, a.curated, d?.statements ?? 0, d?.reports ?? 0, d?.mentions ?? 0, d?.articles ?? 0,
          d?.relayed ?? 0, aff.map((x) => x.actor.id), aff.map((x) => x.actor.name), aff.map((x) => x.role ?? ''),
        ];
      }
    }
  },
};

const EVENTS: Table = {
  columns: [
    'event_id', 'kind', 'name', 'start', 'end', 'precision', 'sort_date', 'implied', 'series_id', 'series', 'ordinal', 'status',
    'place', 'participant_ids', 'participants', 'mentions', 'article_ids', 'claims', 'statements',
  ],
  async *rows(run, filter) {
    const f = {
      kinds: filter.kind ? (filter.kind.split(',') as EventKind[]) : null,
      from: filter.from,
      to: filter.to,
      text: filter.text,
      actorIds: filter.speaker ? [filter.speaker] : null,
    };
    for await (const events of pages((after) => listEvents(run, f, { limit: EXPORT_PAGE_SIZE, after }))) {
      const details = await eventExportDetails(run, ids(events));
      for (const e of events) {
        const d = details.get(e.id);
        yield [
          e.id, e.kind, e.name, e.start, e.end, e.precision, e.sortDate, e.implied, e.series?.id ?? null, e.series?.name ?? null, e.ordinal,
          e.status, e.place, ids(d?.participants ?? []), names(d?.participants ?? []), d?.mentions ?? 0, d?.articleIds ?? [], d?.claims ?? 0,
          d?.statements ?? 0,
        ];
      }
    }
  },
};

const CLAIMS: Table = {
  columns: [
    'claim_id', 'event_id', 'event', 'event_kind', 'attribute', 'value', 'normalized', 'curated', 'curation_source', 'claimant_id',
    'claimant', 'statement_id', 'article_id', 'outlet', 'published', 'url', 'start', 'end', 'exact',
  ],
  async *rows(run, filter) {
    const f = { about: filter.about, speakerId: filter.speaker, from: filter.from, to: filter.to, text: filter.text };
    for await (const claims of pages((after) => listClaimsForExport(run, f, { limit: EXPORT_PAGE_SIZE, after }))) {
      for (const { claim: c, event: e, provenance: p } of claims) {
        const head: Cell[] = [
          c.id, e.id, e.name, e.kind, c.attribute, c.value, c.normalized, c.curated, c.curationSource, p.source.speaker?.id ?? null,
          p.source.speaker?.name ?? null, p.source.statement?.id ?? null,
        ];
        // One row per place the claim was read (a curated claim has none: one row without article).
        if (p.sources.length === 0) yield [...head, null, null, null, null, null, null, null];
        for (const s of p.sources) yield [...head, s.article.id, s.article.outlet, s.article.publishedAt, s.article.url, s.start, s.end, s.exact];
      }
    }
  },
};

export const TABLES: Record<DataTable, Table> = { statements: STATEMENTS, actors: ACTORS, events: EVENTS, claims: CLAIMS };

// ---------------------------------------------------------------------------------------------
// CSV and JSON Lines

const CRLF = '\r\n';

/**
 * One RFC 4180 field: text always quoted (quotes doubled; commas and newlines inside are safe), numbers and
 * booleans bare, null and empty lists empty (NaN in pandas, NA in readr).
 */
export function csvField(cell: Cell): string {
  if (cell === null || (Array.isArray(cell) && cell.length === 0)) return '';
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  const text = Array.isArray(cell) ? cell.join('|') : cell;
  return `"${text.replace(/"/g, '""')}"`;
}

export const csvRow = (cells: readonly Cell[]) => cells.map(csvField).join(',') + CRLF;

/** Rows are gathered into chunks of about this many characters: fewer, larger writes. */
const CHUNK_CHARS = 64 * 1024;

async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let buf = '';
  for await (const line of lines) {
    buf += line;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  if (buf !== '') yield buf;
}

async function* csvLines(table: Table, run: Runner, filter: DataFilter): AsyncGenerator<string> {
  // Header always first, so even an empty export is a valid CSV with its columns.
  yield csvRow(table.columns as Cell[]).replace(/"/g, '');
  for await (const row of table.rows(run, filter)) yield csvRow(row);
}

async function* jsonLines(table: Table, run: Runner, filter: DataFilter): AsyncGenerator<string> {
  for await (const row of table.rows(run, filter)) {
    yield `${JSON.stringify(Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])))}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// GraphML

type KeyType = 'string' | 'int' | 'double' | 'boolean';
interface GraphKey {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: KeyType;
}

/** Typed node and edge attributes, declared once as <key>s (Gephi reads label and weight by these names). */
export const GRAPHML_KEYS: readonly GraphKey[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'entity', for: 'node', name: 'entity', type: 'string' },
  { id: 'kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'text', for: 'node', name: 'text', type: 'string' },
  { id: 'role', for: 'node', name: 'role', type: 'string' },
  { id: 'aliases', for: 'node', name: 'aliases', type: 'string' },
  { id: 'date_start', for: 'node', name: 'date_start', type: 'string' },
  { id: 'date_end', for: 'node', name: 'date_end', type: 'string' },
  { id: 'precision', for: 'node', name: 'precision', type: 'string' },
  { id: 'sort_date', for: 'node', name: 'sort_date', type: 'string' },
  { id: 'reports', for: 'node', name: 'reports', type: 'int' },
  { id: 'articles', for: 'node', name: 'articles', type: 'int' },
  { id: 'implied', for: 'node', name: 'implied', type: 'boolean' },
  { id: 'ordinal', for: 'node', name: 'ordinal', type: 'int' },
  { id: 'relation', for: 'edge', name: 'relation', type: 'string' },
  { id: 'article_id', for: 'edge', name: 'article_id', type: 'string' },
  { id: 'position', for: 'edge', name: 'position', type: 'int' },
  { id: 'edge_role', for: 'edge', name: 'role', type: 'string' },
  { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
];
const KEY_TYPES = new Map(GRAPHML_KEYS.map((k) => [k.id, k]));

// Characters XML 1.0 cannot hold at all: dropped.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const xmlEscape = (s: string) =>
  s.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Data = Record<string, string | number | boolean | null | undefined>;

function dataXml(data: Data): string {
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined || value === '') continue;
    const k = KEY_TYPES.get(key);
    if (!k) throw new Error(`GraphML key "${key}" is not declared`);
    out += `<data key="${k.id}">${xmlEscape(String(value))}</data>`;
  }
  return out;
}

const nodeXml = (id: string, data: Data) => `    <node id="${xmlEscape(id)}">${dataXml(data)}</node>\n`;
const edgeXml = (source: string, target: string, data: Data) => `    <edge source="${xmlEscape(source)}" target="${xmlEscape(target)}">${dataXml(data)}</edge>\n`;

const truncate = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

function actorData(a: ActorRow): Data {
  return { label: a.name, entity: 'actor', kind: a.kind, role: a.role, aliases: a.aliases.join('|') };
}

function eventData(e: EventRow): Data {
  return { label: e.name, entity: 'event', kind: e.kind, date_start: e.start, date_end: e.end, precision: e.precision, sort_date: e.sortDate, implied: e.implied, ordinal: e.ordinal };
}

function statementData(s: StatementRow, reports: number, articles: number): Data {
  return {
    label: `${s.speaker.name}: ${truncate(s.text, 80)}`,
    entity: 'statement',
    kind: s.kind,
    text: s.text,
    date_start: s.saidOnStart,
    date_end: s.saidOnEnd,
    precision: s.datePrecision,
    sort_date: s.sortDate,
    reports,
    articles,
  };
}

/** Ids asked of Neo4j at once when fetching the network's actors and events. */
const ID_BATCH = 500;

function* batches<T>(xs: readonly T[], n: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}

/**
 * The network: statements (as the filter selects them, every one without a filter) with their speakers,
 * intermediaries, audiences and topics; without a filter also every other actor and event. Edges: SAID
 * (actor → statement, weight = reports), ABOUT (statement → event/actor), VIA and TO (statement → actor, per
 * article), PARTICIPATED_IN (actor → event) and AFFILIATED_WITH (actor → actor) among the nodes written.
 * Nodes come before edges (some readers need that), so statements are paged twice; only ids are kept.
 */
async function* graphmlLines(run: Runner, filter: DataFilter): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n';
  yield '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const k of GRAPHML_KEYS) yield `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>\n`;
  yield '  <graph id="chronicle" edgedefault="directed">\n';

  const f = statementFilter(filter);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const statementIds = new Set<string>();
  const actorIds = new Set<string>();
  const eventIds = new Set<string>();

  // Statements, remembering every actor and event they touch.
  for await (const statements of pages((after) => listStatements(run, f, { limit: EXPORT_PAGE_SIZE, after }))) {
    const links = await statementLinks(run, ids(statements));
    for (const s of statements) {
      const l = links.get(s.id);
      statementIds.add(s.id);
      actorIds.add(s.speaker.id);
      for (const t of l?.about ?? []) (t.entity === 'actor' ? actorIds : eventIds).add(t.id);
      for (const v of l?.via ?? []) actorIds.add(v.actorId);
      for (const v of l?.to ?? []) actorIds.add(v.actorId);
      yield nodeXml(s.id, statementData(s, l?.reports ?? 0, l?.articleIds.length ?? 0));
    }
  }
  // Actors and events: those touched, and without a filter all the others too.
  const writtenActors = new Set<string>();
  const writtenEvents = new Set<string>();
  if (!filtered) {
    for await (const actors of pages((after) => listActors(run, {}, { limit: EXPORT_PAGE_SIZE, after }))) {
      for (const a of actors) {
        writtenActors.add(a.id);
        yield nodeXml(a.id, actorData(a));
      }
    }
    for await (const events of pages((after) => listEvents(run, {}, { limit: EXPORT_PAGE_SIZE, after }))) {
      for (const e of events) {
        writtenEvents.add(e.id);
        yield nodeXml(e.id, eventData(e));
      }
    }
  }
  for (const chunk of batches([...actorIds].filter((id) => !writtenActors.has(id)).sort(), ID_BATCH)) {
    const found = await actorsByIds(run, chunk);
    for (const id of chunk) {
      const a = found.get(id)?.[0];
      if (!a) continue;
      writtenActors.add(id);
      yield nodeXml(id, actorData(a));
    }
  }
  for (const chunk of batches([...eventIds].filter((id) => !writtenEvents.has(id)).sort(), ID_BATCH)) {
    const found = await eventsByIds(run, chunk);
    for (const id of chunk) {
      const e = found.get(id)?.[0];
      if (!e) continue;
      writtenEvents.add(id);
      yield nodeXml(id, eventData(e));
    }
  }

  // Edges, only between nodes written above.
  for await (const statements of pages((after) => listStatements(run, f, { limit: EXPORT_PAGE_SIZE, after }))) {
    const links = await statementLinks(run, ids(statements));
    for (const s of statements) {
      const l = links.get(s.id);
      if (!l || !statementIds.has(s.id)) continue;
      if (writtenActors.has(s.speaker.id)) yield edgeXml(s.speaker.id, s.id, { relation: 'SAID', weight: Math.max(1, l.reports) });
      for (const t of l.about) {
        if ((t.entity === 'actor' ? writtenActors : writtenEvents).has(t.id)) yield edgeXml(s.id, t.id, { relation: 'ABOUT', weight: 1 });
      }
      for (const v of l.via) if (writtenActors.has(v.actorId)) yield edgeXml(s.id, v.actorId, { relation: 'VIA', article_id: v.articleId, position: v.position, weight: 1 });
      for (const v of l.to) if (writtenActors.has(v.actorId)) yield edgeXml(s.id, v.actorId, { relation: 'TO', article_id: v.articleId, weight: 1 });
    }
  }
  for (const chunk of batches([...writtenActors].sort(), ID_BATCH)) {
    const edges = await actorEdges(run, chunk);
    for (const id of chunk) {
      const e = edges.get(id);
      for (const ev of e?.events ?? []) if (writtenEvents.has(ev)) yield edgeXml(id, ev, { relation: 'PARTICIPATED_IN', weight: 1 });
      for (const aff of e?.affiliations ?? []) if (writtenActors.has(aff.id)) yield edgeXml(id, aff.id, { relation: 'AFFILIATED_WITH', edge_role: aff.role, weight: 1 });
    }
  }
  yield '  </graph>\n</graphml>\n';
}

/** The export as text chunks, in order; the first chunk comes after the first read, so a failing graph fails before any output. */
export function exportData(run: Runner, spec: DataExportSpec): AsyncGenerator<string> {
  if (spec.format === 'graphml') return chunked(graphmlLines(run, spec.filter));
  const table = TABLES[spec.what as DataTable];
  return chunked(spec.format === 'csv' ? csvLines(table, run, spec.filter) : jsonLines(table, run, spec.filter));
}

/** What one export wrote. */
export interface ExportStats {
  bytes: number;
  seconds: number;
}

/**
 * `chronicle export --format csv|jsonl|graphml …`: streams the export to a file (`out`) or stdout, with
 * backpressure, so the process holds one page at a time whatever the size of the graph.
 */
export async function writeDataExport(
  driver: Driver,
  database: string,
  config: Pick<Config, 'QUERY_TIMEOUT_MS'>,
  spec: DataExportSpec,
  out?: string,
): Promise<ExportStats> {
  const run = createRunner(driver, { database, timeoutMs: config.QUERY_TIMEOUT_MS });
  const t0 = performance.now();
  let bytes = 0;
  async function* counted() {
    for await (const chunk of exportData(run, spec)) {
      bytes += Buffer.byteLength(chunk, 'utf8');
      yield chunk;
    }
  }
  if (out) await pipeline(Readable.from(counted()), createWriteStream(out));
  else await pipeline(Readable.from(counted()), process.stdout, { end: false });
  return { bytes, seconds: (performance.now() - t0) / 1000 };
}
