/**
 * Row types the repositories return: plain JSON-safe data (numbers, ISO date strings), never Neo4j
 * Integer/Date values. The GraphQL layer maps its types onto these (codegen `mappers`).
 */
import type { ActorKind, DatePrecision, EventKind, StatementKind } from '../../domain/types.js';

export type { ActorKind, DatePrecision, EventKind, StatementKind };

export type AgreementStatus = 'IN_NEGOTIATION' | 'NEARING_COMPLETION' | 'SIGNED' | 'IN_IMPLEMENTATION';

export interface ActorRow {
  entity: 'actor';
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  role: string | null;
  curated: boolean;
}

export interface ArticleRow {
  id: string;
  outlet: string;
  title: string | null;
  /** YYYY-MM-DD */
  publishedAt: string;
  url: string | null;
  sha256: string | null;
  ingestedAt: string | null;
}

export interface StatementRow {
  entity: 'statement';
  id: string;
  text: string;
  kind: StatementKind;
  verb: string | null;
  saidOnStart: string | null;
  saidOnEnd: string | null;
  datePrecision: DatePrecision | null;
  sortDate: string;
  speaker: ActorRow;
}

export interface SeriesRow {
  id: string;
  name: string;
}

export interface EventRow {
  entity: 'event';
  id: string;
  name: string;
  kind: EventKind;
  start: string | null;
  end: string | null;
  precision: DatePrecision | null;
  sortDate: string | null;
  implied: boolean;
  ordinal: number | null;
  status: AgreementStatus | null;
  /** Where it happened: the place most articles give (derived from the place claims), null when none does. */
  place: string | null;
  series: SeriesRow | null;
}

export interface ClaimRow {
  entity: 'claim';
  id: string;
  attribute: string;
  value: string;
  normalized: string;
  curated: boolean;
  curationSource: string | null;
  eventId: string;
}

/** Provenance of one fact in one article. */
export interface SourceRow {
  article: ArticleRow;
  via: ActorRow[];
  start: number;
  end: number;
  exact: string;
}

export interface SpanRow {
  start: number;
  end: number;
  exact: string;
}

/** One article's report of a statement. */
export interface ReportRow extends SourceRow {
  verb: string | null;
  quotes: SpanRow[];
  /** Speaker name, intermediaries' names, outlet. */
  path: string[];
  /** Direct quotes: the quote fragments as this article gives them, joined with " … "; else the whole attribution. */
  wording: string;
}

export interface WordingRow {
  text: string;
  articles: ArticleRow[];
}

export interface ClaimSourceRow {
  speaker: ActorRow | null;
  article: ArticleRow | null;
  statement: StatementRow | null;
  curationSource: string | null;
}

export interface ClaimGroupRow {
  attribute: string;
  values: string[];
  conflicting: boolean;
  claims: ClaimRow[];
}

export interface AffiliationRow {
  role: string | null;
  actor: ActorRow;
}

export interface OutletReachRow {
  outlet: string;
  statementCount: number;
  articleCount: number;
  firstPublishedAt: string;
  lastPublishedAt: string;
  articles: ArticleRow[];
  via: ActorRow[];
}

export type AnnotationType = 'ACTOR_MENTION' | 'EVENT_MENTION' | 'STATEMENT' | 'QUOTE' | 'CLAIM';

export interface AnnotationRow extends SpanRow {
  type: AnnotationType;
  targetId: string;
  target: ActorRow | StatementRow | ClaimRow | EventRow;
}

export type TopicRow = ActorRow | EventRow;

export type TimelineItemKind = 'STATEMENT' | EventKind;

export interface TimelineRow {
  kind: TimelineItemKind;
  /** Null for undated events. */
  sortDate: string | null;
  node: StatementRow | EventRow;
}

/** Keyset position: (sort key, id). The sort key is a date or a name; null only for undated events. */
export type KeysetKey = [string | null, string];

export interface PageRequest {
  /** Rows wanted; the query fetches one more to learn whether another page follows. */
  limit: number;
  after: KeysetKey | null;
}

export interface Page<T> {
  items: Array<{ node: T; key: KeysetKey }>;
  hasNextPage: boolean;
}

export type SortOrder = 'ASC' | 'DESC';
