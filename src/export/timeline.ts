/**
 * Timeline exports other tools take as they are: TimelineJS3 JSON, vis-timeline items/groups, and our
 * own plain JSON. Items are read through the API's own GraphQL operation (TimelineExport in
 * src/web/operations), executed in-process, following pageInfo to the end of the timeline.
 */
import type { Driver } from 'neo4j-driver';
import { addDays } from '../domain/dates.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import {
  TimelineExportDocument,
  type DatePrecision,
  type TimelineExportQuery,
  type TimelineItemKind,
} from '../web/generated/operations.js';
import { inProcessExecutor, type Execute } from './execute.js';

export const EXPORT_FORMATS = ['timelinejs', 'vis', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TITLE = 'Chronicle timeline';
/** Page size of the export's reads; capped by the server's MAX_PAGE_SIZE. */
const EXPORT_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------------
// The plain item list (the `json` format, and what the other formats are made from)

export interface ExportSource {
  articleId: string;
  outlet: string;
  title: string | null;
  publishedAt: string;
  url: string | null;
  /** Intermediaries between the speaker and this article, nearest to the speaker first (statements only). */
  via: string[];
}

export interface ExportClaim {
  attribute: string;
  value: string;
  normalized: string;
  /** Who asserts it; null when the article itself does (or a curation file). */
  speaker: string | null;
  outlet: string | null;
}

export interface ExportItem {
  id: string;
  /** STATEMENT or the event kind. */
  kind: TimelineItemKind;
  headline: string;
  /** The statement's words, or the event's name. */
  text: string;
  /**
   * When it happened or was said, with its precision; null when no article dates it (a statement then
   * sits at `sortDate`, its earliest report's day).
   */
  date: { start: string; end: string; precision: DatePrecision } | null;
  /** The day the item sorts under; null for an undated event (those come last and are left out of the chart formats). */
  sortDate: string | null;
  speaker: { id: string; name: string } | null;
  implied: boolean;
  series: { name: string; ordinal: number | null } | null;
  participants: string[];
  claims: ExportClaim[];
  sources: ExportSource[];
}

export interface JsonExport {
  title: string;
  items: ExportItem[];
}

type Edge = TimelineExportQuery['timeline']['edges'][number];

export function toExportItem(edge: Edge): ExportItem {
  const n = edge.node;
  const base = { id: n.id, kind: edge.kind, date: edge.date ? { ...edge.date } : null, sortDate: edge.sortDate };
  if (n.__typename === 'Statement') {
    return {
      ...base,
      headline: `${n.speaker.name}: “${truncate(n.text, 100)}”`,
      text: n.text,
      speaker: { id: n.speaker.id, name: n.speaker.name },
      implied: false,
      series: null,
      participants: [],
      claims: [],
      sources: n.sources.map((s) => ({ ...articleOf(s.article), via: s.via.map((v) => v.name) })),
    };
  }
  const meeting = n.__typename === 'Meeting' ? n : null;
  return {
    ...base,
    headline: n.name,
    text: n.name,
    speaker: null,
    implied: n.implied,
    series: meeting?.series ? { name: meeting.series.name, ordinal: meeting.ordinal } : null,
    participants: meeting ? meeting.participants.map((p) => p.name) : [],
    claims: n.claims.map((c) => ({
      attribute: c.attribute,
      value: c.value,
      normalized: c.normalized,
      speaker: c.source.speaker?.name ?? null,
      outlet: c.source.article?.outlet ?? null,
    })),
    // One entry per article: an event is often mentioned several times in one article.
    sources: uniqueBy(n.sources.map((s) => ({ ...articleOf(s.article), via: [] })), (s) => s.articleId),
  };
}

function articleOf(a: { id: string; outlet: string; title: string | null; publishedAt: string; url: string | null }) {
  return { articleId: a.id, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt, url: a.url };
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function ymd(iso: string): { year: number; month: number; day: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

/** "14 October 2015" */
export function formatDay(iso: string): string {
  const { year, month, day } = ymd(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A date in words that claims no more than its precision. */
export function formatFuzzy(date: NonNullable<ExportItem['date']>): string {
  const { year, month } = ymd(date.start);
  switch (date.precision) {
    case 'DAY':
      return formatDay(date.start);
    case 'MONTH':
      return `${MONTHS[month - 1]} ${year}`;
    case 'YEAR':
      return String(year);
    case 'INTERVAL':
      return `between ${formatDay(date.start)} and ${formatDay(date.end)}`;
  }
}

/** Where an item goes on a chart: an honest date, else (statements) the first report's day; null when it has neither. */
function placement(item: ExportItem): { start: string; end: string; precision: DatePrecision; reported: boolean } | null {
  if (item.date) return { ...item.date, reported: false };
  return item.sortDate ? { start: item.sortDate, end: item.sortDate, precision: 'DAY', reported: true } : null;
}

export const KIND_GROUPS: Record<TimelineItemKind, string> = {
  MEETING: 'Meetings',
  INCIDENT: 'Incidents',
  AGREEMENT: 'Agreements',
  AGREEMENT_MILESTONE: 'Agreement milestones',
  CAMPAIGN: 'Campaigns',
  OTHER: 'Other events',
  STATEMENT: 'Statements',
};

// ---------------------------------------------------------------------------------------------
// HTML for TimelineJS text (everything escaped: article text and names are data, not markup)

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function sourcesHtml(sources: ExportSource[]): string {
  if (sources.length === 0) return '';
  const links = sources.map((s) => {
    const url = safeUrl(s.url);
    const name = escapeHtml(s.outlet);
    const label = url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${name}</a>` : name;
    const via = s.via.length ? `, via ${s.via.map(escapeHtml).join(' → ')}` : '';
    return `<li>${label} (${escapeHtml(formatDay(s.publishedAt))}${via})</li>`;
  });
  return `<p>Sources:</p><ul>${links.join('')}</ul>`;
}

function itemHtml(item: ExportItem): string {
  const parts: string[] = [];
  if (item.kind === 'STATEMENT') {
    parts.push(`<blockquote>${escapeHtml(item.text)}</blockquote>`);
    if (item.speaker) parts.push(`<p>— ${escapeHtml(item.speaker.name)}</p>`);
    if (!item.date && item.sortDate) parts.push(`<p><em>No article says when it was said; placed at its first report.</em></p>`);
  } else {
    if (item.series) parts.push(`<p>${item.series.ordinal ? `No. ${item.series.ordinal} of ` : 'Part of '}${escapeHtml(item.series.name)}.</p>`);
    if (item.implied) parts.push('<p><em>Implied by the articles; no article describes it.</em></p>');
    if (item.participants.length) parts.push(`<p>Participants: ${item.participants.map(escapeHtml).join(', ')}.</p>`);
    if (item.claims.length) {
      const claims = item.claims.map((c) => {
        const who = [c.speaker, c.outlet].filter(Boolean).map((x) => escapeHtml(x!)).join(', ');
        return `<li>${escapeHtml(c.attribute)}: ${escapeHtml(c.value)}${who ? ` (${who})` : ''}</li>`;
      });
      parts.push(`<p>What the sources claim:</p><ul>${claims.join('')}</ul>`);
    }
  }
  parts.push(sourcesHtml(item.sources));
  return parts.filter(Boolean).join('');
}

// ---------------------------------------------------------------------------------------------
// TimelineJS3 (https://timeline.knightlab.com/docs/json-format.html)

export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date?: string;
  text: { headline: string; text: string };
  group: string;
  unique_id: string;
}

export interface TimelineJsExport {
  title: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
}

/** A TimelineJS date with only the parts the precision vouches for. */
function tjsDate(iso: string, precision: DatePrecision): TimelineJsDate {
  const { year, month, day } = ymd(iso);
  if (precision === 'YEAR') return { year };
  if (precision === 'MONTH') return { year, month };
  return { year, month, day };
}

export function toTimelineJs(items: ExportItem[]): TimelineJsExport {
  const ids = new Set<string>();
  const events: TimelineJsSlide[] = [];
  for (const item of items) {
    const at = placement(item);
    if (!at) continue;
    const slide: TimelineJsSlide = {
      start_date: tjsDate(at.start, at.precision),
      text: { headline: escapeHtml(item.headline), text: itemHtml(item) },
      group: KIND_GROUPS[item.kind],
      unique_id: uniqueId(item.id, ids),
    };
    if (at.precision === 'INTERVAL') {
      slide.end_date = tjsDate(at.end, 'DAY');
      slide.display_date = `${formatFuzzy(at)} (exact day unknown)`;
    } else if (at.precision === 'MONTH' || at.precision === 'YEAR') {
      slide.display_date = formatFuzzy(at);
    } else if (at.reported) {
      slide.display_date = `first reported ${formatDay(at.start)}`;
    }
    events.push(slide);
  }
  return {
    title: {
      text: {
        headline: EXPORT_TITLE,
        text: `<p>${items.length} events and statements from the news, each linked to the articles that report it. Exported from Chronicle.</p>`,
      },
    },
    events,
  };
}

/** TimelineJS uses unique_id in URLs and element ids: keep it to safe characters and unique. */
function uniqueId(id: string, taken: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9_-]+/g, '-');
  let out = base;
  for (let i = 2; taken.has(out); i++) out = `${base}-${i}`;
  taken.add(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// vis-timeline (https://visjs.github.io/vis-timeline/docs/timeline/#items)

export interface VisItem {
  id: string;
  content: string;
  /** ISO day. */
  start: string;
  /** ISO day after the last day (vis ends are exclusive instants); ranges only. */
  end?: string;
  type: 'point' | 'range';
  group: TimelineItemKind;
  title: string;
  className: string;
}

export interface VisExport {
  items: VisItem[];
  groups: Array<{ id: TimelineItemKind; content: string; order: number }>;
}

export function toVis(items: ExportItem[]): VisExport {
  const out: VisItem[] = [];
  for (const item of items) {
    const at = placement(item);
    if (!at) continue;
    const range = at.precision !== 'DAY';
    const when = at.reported ? `first reported ${formatDay(at.start)}` : formatFuzzy(at);
    out.push({
      id: item.id,
      // vis renders content and title as HTML: escape.
      content: escapeHtml(truncate(item.headline, 80)),
      start: at.start,
      ...(range ? { end: addDays(at.end, 1) } : {}),
      type: range ? 'range' : 'point',
      group: item.kind,
      title: escapeHtml(`${item.text} — ${when}`),
      className: `kind-${item.kind.toLowerCase().replace(/_/g, '-')} precision-${at.precision.toLowerCase()}${at.reported ? ' dated-by-report' : ''}`,
    });
  }
  const present = new Set(out.map((i) => i.group));
  const groups = (Object.keys(KIND_GROUPS) as TimelineItemKind[])
    .filter((k) => present.has(k))
    .map((k, order) => ({ id: k, content: KIND_GROUPS[k], order }));
  return { items: out, groups };
}

// ---------------------------------------------------------------------------------------------
// Fetching and the entry point the CLI and the HTTP route use

/** Every timeline item, oldest first, following pageInfo to the end. */
export async function fetchExportItems(execute: Execute, pageSize = EXPORT_PAGE_SIZE): Promise<ExportItem[]> {
  const items: ExportItem[] = [];
  let after: string | null = null;
  for (;;) {
    const data: TimelineExportQuery = await execute(TimelineExportDocument, { first: pageSize, after });
    items.push(...data.timeline.edges.map(toExportItem));
    const { hasNextPage, endCursor } = data.timeline.pageInfo;
    if (!hasNextPage || !endCursor) return items;
    after = endCursor;
  }
}

export function render(items: ExportItem[], format: ExportFormat): JsonExport | TimelineJsExport | VisExport {
  switch (format) {
    case 'timelinejs':
      return toTimelineJs(items);
    case 'vis':
      return toVis(items);
    case 'json':
      return { title: EXPORT_TITLE, items };
  }
}

export interface ExportOptions {
  /** Defaults to the environment's config (the CLI has validated it already). */
  config?: Config;
  logger?: Logger;
  /** How to run the operation; defaults to executing it in-process against the API's schema. */
  execute?: Execute;
}

export async function exportTimeline(
  driver: Driver,
  database: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<JsonExport | TimelineJsExport | VisExport> {
  const execute = options.execute ?? (await inProcessExecutor({ driver, database, config: options.config, logger: options.logger }));
  const pageSize = Math.min(EXPORT_PAGE_SIZE, options.config?.MAX_PAGE_SIZE ?? EXPORT_PAGE_SIZE);
  return render(await fetchExportItems(execute, pageSize), format);
}
