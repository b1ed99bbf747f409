/**
 * Shared pieces of the repositories: conversion of Neo4j values to plain rows (the repository boundary),
 * fixed Cypher projection fragments, keyset helpers and full-text query escaping.
 */
import neo4j, { isDate, isDateTime, isInt, isLocalDateTime } from 'neo4j-driver';
import { seriesOf } from '../series.js';
import type {
  ActorRow,
  AgreementStatus,
  ArticleRow,
  ClaimRow,
  EventRow,
  KeysetKey,
  Page,
  SortOrder,
  SourceRow,
  SpanRow,
  StatementRow,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// Neo4j values → plain values

type Obj = Record<string, unknown>;

export function asObj(v: unknown): Obj {
  return v !== null && typeof v === 'object' ? (v as Obj) : {};
}

export function toNum(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (isInt(v)) return v.toNumber();
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

export function toInt(v: unknown, fallback = 0): number {
  return toNum(v) ?? fallback;
}

/** Neo4j Date (or an ISO string, for data written by other tools) → `YYYY-MM-DD`. */
export function toDate(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (isDate(v)) return v.toString();
  if (isDateTime(v) || isLocalDateTime(v)) return v.toString().slice(0, 10);
  if (typeof v === 'string') return v.slice(0, 10);
  return null;
}

export function toDateTime(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (isDateTime(v)) return v.toStandardDate().toISOString();
  if (isLocalDateTime(v)) return `${v.toString()}Z`;
  if (typeof v === 'string') return v;
  return null;
}

export function toStr(v: unknown): string | null {
  return typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
}

export function toStrList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function toNumList(v: unknown): number[] {
  return Array.isArray(v) ? v.map((x) => toNum(x)).filter((x): x is number => x !== null) : [];
}

export function toList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

// ---------------------------------------------------------------------------------------------
// Cypher projections. Fixed fragments over fixed variable names: every query stays a constant.

/** Variable names the projection helpers may be applied to (never user input). */
export type CypherVar = 'a' | 'x' | 's' | 't' | 'e' | 'c' | 'art' | 'node' | 'g';

export const ACTOR_FIELDS = '.id, .name, .kind, .aliases, .role, .curated';
export const ARTICLE_FIELDS = '.id, .outlet, .title, .publishedAt, .url, .sha256, .ingestedAt';

export const actorMap = (v: CypherVar) => `${v} {${ACTOR_FIELDS}}`;
export const articleMap = (v: CypherVar) => `${v} {${ARTICLE_FIELDS}}`;
export const statementMap = (v: CypherVar) =>
  `${v} {.id, .text, .kind, .verb, .saidOnStart, .saidOnEnd, .datePrecision, .sortDate, ` +
  `speaker: [(spk_:Actor)-[:SAID]->(${v}) | spk_ {${ACTOR_FIELDS}}][0]}`;
export const eventMap = (v: CypherVar) =>
  `${v} {.id, .name, .kind, .start, .end, .precision, .sortDate, .implied, .ordinal, .status, .place, ` +
  `series: ${seriesOf(v)}}`;
export const claimMap = (v: CypherVar) =>
  `${v} {.id, .attribute, .value, .normalized, .curated, .curationSource, eventId: [(${v})-[:ON]->(ce_:Event) | ce_.id][0]}`;

/** Placeholder sort keys for undated items, so keyset comparisons never meet null: undated sorts last either way. */
export const UNDATED: Record<SortOrder, string> = { ASC: '9999-12-31', DESC: '0001-01-01' };

// ---------------------------------------------------------------------------------------------
// Rows

const ACTOR_KINDS = new Set(['PERSON', 'ORGANIZATION', 'GOVERNMENT', 'COUNTRY', 'MEDIA_OUTLET', 'ANONYMOUS_SOURCE', 'GROUP']);
const EVENT_KINDS = new Set(['MEETING', 'INCIDENT', 'AGREEMENT', 'AGREEMENT_MILESTONE', 'CAMPAIGN', 'OTHER']);
const PRECISIONS = new Set(['DAY', 'MONTH', 'YEAR', 'INTERVAL']);
const STATUSES = new Set(['IN_NEGOTIATION', 'NEARING_COMPLETION', 'SIGNED', 'IN_IMPLEMENTATION']);

function oneOf<T extends string>(v: unknown, allowed: Set<string>, fallback: T): T;
function oneOf<T extends string>(v: unknown, allowed: Set<string>, fallback: null): T | null;
function oneOf<T extends string>(v: unknown, allowed: Set<string>, fallback: T | null): T | null {
  return typeof v === 'string' && allowed.has(v) ? (v as T) : fallback;
}

export function actorRow(v: unknown): ActorRow {
  const m = asObj(v);
  return {
    entity: 'actor',
    id: String(m.id),
    name: toStr(m.name) ?? String(m.id),
    // Unknown kinds would break the enum for the whole response; GROUP is the least committal.
    kind: oneOf(m.kind, ACTOR_KINDS, 'GROUP'),
    aliases: toStrList(m.aliases),
    role: toStr(m.role),
    curated: m.curated === true,
  };
}

export function articleRow(v: unknown): ArticleRow {
  const m = asObj(v);
  return {
    id: String(m.id),
    outlet: toStr(m.outlet) ?? '',
    title: toStr(m.title),
    publishedAt: toDate(m.publishedAt) ?? '',
    url: toStr(m.url),
    sha256: toStr(m.sha256),
    ingestedAt: toDateTime(m.ingestedAt),
  };
}

export function statementRow(v: unknown): StatementRow {
  const m = asObj(v);
  const start = toDate(m.saidOnStart);
  return {
    entity: 'statement',
    id: String(m.id),
    text: toStr(m.text) ?? '',
    kind: m.kind === 'INDIRECT' ? 'INDIRECT' : 'DIRECT',
    verb: toStr(m.verb),
    saidOnStart: start,
    saidOnEnd: toDate(m.saidOnEnd) ?? start,
    datePrecision: oneOf(m.datePrecision, PRECISIONS, null),
    sortDate: toDate(m.sortDate) ?? start ?? '',
    speaker: actorRow(m.speaker ?? { id: 'actor:unknown', name: 'unknown', kind: 'GROUP' }),
  };
}

export function eventRow(v: unknown): EventRow {
  const m = asObj(v);
  const series = m.series ? asObj(m.series) : null;
  const start = toDate(m.start);
  return {
    entity: 'event',
    id: String(m.id),
    name: toStr(m.name) ?? String(m.id),
    kind: oneOf(m.kind, EVENT_KINDS, 'OTHER'),
    start,
    end: toDate(m.end) ?? start,
    precision: oneOf(m.precision, PRECISIONS, null),
    sortDate: toDate(m.sortDate) ?? start,
    implied: m.implied === true,
    ordinal: toNum(m.ordinal) ?? (series ? toNum(series.ordinal) : null),
    status: oneOf<AgreementStatus>(m.status, STATUSES, null),
    place: toStr(m.place),
    series: series ? { id: String(series.id), name: toStr(series.name) ?? String(series.id) } : null,
  };
}

export function claimRow(v: unknown): ClaimRow {
  const m = asObj(v);
  return {
    entity: 'claim',
    id: String(m.id),
    attribute: toStr(m.attribute) ?? '',
    value: toStr(m.value) ?? '',
    normalized: toStr(m.normalized) ?? toStr(m.value) ?? '',
    curated: m.curated === true,
    curationSource: toStr(m.curationSource),
    eventId: String(m.eventId),
  };
}

/** `{article, via?, start, end, exact}` map → SourceRow; `via` items may carry a `position` to order by. */
export function sourceRow(v: unknown): SourceRow {
  const m = asObj(v);
  return {
    article: articleRow(m.article),
    via: orderedVia(m.via),
    start: toInt(m.start),
    end: toInt(m.end),
    exact: toStr(m.exact) ?? '',
  };
}

/** `[{position, actor}]` → actors nearest-to-speaker first. */
export function orderedVia(v: unknown): ActorRow[] {
  return toList(v)
    .map(asObj)
    .sort((p, q) => toInt(p.position) - toInt(q.position))
    .map((p) => actorRow(p.actor));
}

/** Slices spans out of an article's text in JavaScript: offsets are UTF-16 units, Cypher's substring counts code points. */
export function spans(text: string | null, starts: number[], ends: number[]): SpanRow[] {
  return starts.map((start, i) => {
    const end = ends[i] ?? start;
    return { start, end, exact: text ? text.slice(start, end) : '' };
  });
}

// ---------------------------------------------------------------------------------------------
// Keyset paging

/** Parameters every keyset query takes: one row more than asked, and the position to continue after. */
export function keysetParams(limit: number, after: KeysetKey | null) {
  return { limit: neo4j.int(limit + 1), afterKey: after?.[0] ?? null, afterId: after?.[1] ?? null };
}

export function toPage<T>(rows: Array<{ node: T; key: KeysetKey }>, limit: number): Page<T> {
  return { items: rows.slice(0, limit), hasNextPage: rows.length > limit };
}

/** Ascending/descending pieces of a keyset query; the only two values sort direction can take. */
export const DIRECTION: Record<SortOrder, { dir: 'ASC' | 'DESC'; cmp: '>' | '<' }> = {
  ASC: { dir: 'ASC', cmp: '>' },
  DESC: { dir: 'DESC', cmp: '<' },
};

const ORDERS: readonly SortOrder[] = ['ASC', 'DESC'];

/**
 * The table of fixed query variants: one constant per (source, direction), built once at start-up, so a
 * request only ever picks a prepared string (and Neo4j caches one plan per variant).
 */
export function fixedVariants<S extends string>(
  sources: readonly S[],
  build: (source: S, order: SortOrder) => string,
): Readonly<Record<S, Readonly<Record<SortOrder, string>>>> {
  const table = {} as Record<S, Record<SortOrder, string>>;
  for (const source of sources) {
    table[source] = {} as Record<SortOrder, string>;
    for (const order of ORDERS) table[source][order] = build(source, order);
  }
  return table;
}

/** Lowest and highest dates a `sortDate` seek may cover (the range index holds no nulls: undated items never match). */
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/**
 * Bounds of an index-ordered seek on `sortDate` (`x.sortDate >= date($lo) AND x.sortDate <= date($hi)`):
 * the cursor's day on the side the page continues to, and `to` (an item dated after `to` never matches it,
 * because `sortDate` is the start of the item's date range whenever it has one). Rows on the cursor's own
 * day are then cut by id in the query.
 */
export function seekBounds(order: SortOrder, after: KeysetKey | null, to: string | null | undefined): { lo: string; hi: string } {
  const cursor = after?.[0] ?? null;
  const lo = order === 'ASC' && cursor ? cursor : FIRST_DAY;
  let hi = to ?? LAST_DAY;
  if (order === 'DESC' && cursor && cursor < hi) hi = cursor;
  return { lo, hi };
}

/**
 * Keyset condition past the cursor for a row sorting under `key` (a Date expression) with id `id`; the
 * seek bounds already drop earlier days, this also drops the cursor's day up to and including its id.
 */
export function afterCursor(key: string, id: string, order: SortOrder): string {
  const { cmp } = DIRECTION[order];
  return `($afterId IS NULL OR ${key} ${cmp} date($afterKey) OR (${key} = date($afterKey) AND ${id} ${cmp} $afterId))`;
}

// ---------------------------------------------------------------------------------------------
// Full-text

/**
 * How many terms Lucene's standard analyzers make of user text, counted generously: every run of letters or
 * digits, and every Han, Hiragana or Katakana character and every emoji on its own (the tokenizer splits those
 * into single characters). Each term is a clause of the full-text query (twice over for the two-field actor index), and
 * Lucene refuses more than 1,024 clauses: the API checks this against MAX_FILTER_TEXT_TERMS first.
 */
export function searchTermCount(text: string): number {
  // Emoji are terms of their own too (one per pictograph or flag letter, counted generously).
  let n = text.match(/[\p{Extended_Pictographic}\p{Regional_Indicator}]/gu)?.length ?? 0;
  for (const run of text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
    const singles = run.match(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/gu)?.length ?? 0;
    n += singles + (singles === run.length ? 0 : 1);
  }
  return n;
}

// Lucene query syntax characters; escaped so user text is always words, never operators.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * User text → a Lucene query that requires every word (AND), with all syntax escaped. Lower-cased so
 * AND/OR/NOT typed by a user are words, not operators. `prefix` lets the last word be a prefix (type-ahead).
 * Null when nothing searchable is left.
 */
export function fulltextQuery(text: string, opts: { prefix?: boolean } = {}): string | null {
  // Words without a letter or digit ("//", "{}") analyse to nothing and would only confuse the parser.
  const escaped = text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .map((w) => w.replace(LUCENE_SPECIAL, '\\$&'));
  if (escaped.length === 0) return null;
  const terms = escaped.map((w, i) => (opts.prefix && i === escaped.length - 1 ? `(${w} OR ${w}*)` : w));
  return terms.join(' AND ');
}
