/**
 * Which field of a data record (a JSON object, a CSV row, a feed item) holds which article field:
 * presets for known producers, `--map field=source,…` on top, CLI flags over everything. A record becomes
 * an IngestInput here, or an IngestError naming the record, the field and the fix.
 */
import { IngestError } from '../errors.js';
import type { IngestInput } from '../validate.js';
import { hostOf, recordId, scalar, toIsoDay } from './fields.js';

export const ARTICLE_FIELDS = ['id', 'text', 'outlet', 'publishedAt', 'title', 'url'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/** Per article field, the record fields to read, first non-empty wins (empty list: never read). */
export type Mapping = Record<ArticleField, string[]>;

export const PRESETS = {
  /** `{id, text, outlet, publishedAt, title, url}`: Chronicle's own field names. */
  plain: { id: ['id'], text: ['text'], outlet: ['outlet'], publishedAt: ['publishedAt'], title: ['title'], url: ['url'] },
  /**
   * news-please's JSON output (one article per object): `maintext` (older versions `text`), `title`,
   * `date_publish` ("2015-10-14 09:12:00"), `source_domain`, `url`. It has no id field: the URL makes one.
   */
  'news-please': {
    id: [],
    text: ['maintext', 'text'],
    outlet: ['source_domain'],
    publishedAt: ['date_publish'],
    title: ['title', 'title_page', 'title_rss'],
    url: ['url'],
  },
} as const satisfies Record<string, Mapping>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export class MappingError extends Error {
  override name = 'MappingError';
}

/**
 * `text=maintext,publishedAt=date_publish|date_modify,id=` → the fields it names. `a|b` reads `a`, else `b`;
 * an empty source (`id=`) reads nothing, so the id is derived (see recordId). JSON sources may be dotted
 * paths (`publisher.name`).
 */
export function parseMap(spec: string): Partial<Mapping> {
  const out: Partial<Mapping> = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const field = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (eq < 0) throw new MappingError(`--map: "${part}" needs the form field=source (e.g. text=maintext)`);
    if (!(ARTICLE_FIELDS as readonly string[]).includes(field)) {
      throw new MappingError(`--map: "${field}" is not an article field — use one of ${ARTICLE_FIELDS.join(', ')}`);
    }
    out[field as ArticleField] = part
      .slice(eq + 1)
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return out;
}

/** The preset (default `plain`) with `--map` on top. */
export function buildMapping(preset: string | undefined, map: string | undefined): Mapping {
  const name = preset ?? 'plain';
  if (!(PRESET_NAMES as string[]).includes(name)) throw new MappingError(`--preset must be one of ${PRESET_NAMES.join(', ')}, not "${name}"`);
  const base = PRESETS[name as PresetName];
  const mapping = Object.fromEntries(ARTICLE_FIELDS.map((f) => [f, [...base[f]]])) as Mapping;
  return { ...mapping, ...(map ? parseMap(map) : {}) };
}

/** CLI flags: each replaces what every record says. */
export interface Overrides {
  outlet?: string;
  publishedAt?: string;
  title?: string;
  url?: string;
}

/** A record field by name; JSON objects also by dotted path when no key has the whole name. */
export function getField(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  if (!name.includes('.')) return undefined;
  let v: unknown = record;
  for (const key of name.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function first(record: Record<string, unknown>, sources: readonly string[]): { value: string | null; from: string | null } {
  for (const s of sources) {
    const value = scalar(getField(record, s));
    if (value !== null) return { value, from: s };
  }
  return { value: null, from: null };
}

const names = (sources: readonly string[]) => (sources.length ? sources.map((s) => `"${s}"`).join(' or ') : 'no field');

/**
 * One record → an article input with its id (src/ingest/formats/fields.ts, recordId), or the reason it
 * cannot be one. `source` names the record ("data.jsonl:12"); validation checks the rest (size, date not in
 * the future, control characters) and names the same source.
 */
export function recordToInput(
  record: Record<string, unknown>,
  mapping: Mapping,
  overrides: Overrides,
  source: string,
): IngestInput & { id: string; source: string } {
  // Line endings as in .txt files read on any system: CRLF (spreadsheets, Windows crawlers) becomes LF.
  const text = first(record, mapping.text).value?.replace(/\r\n?/g, '\n') ?? null;
  if (text === null || text.trim() === '') {
    const hint = 'maintext' in record && !mapping.text.includes('maintext') ? ' (this looks like news-please output: --preset news-please)' : '';
    throw new IngestError('EMPTY', source, `has no text (${names(mapping.text)} missing or empty) — map the text field with --map text=<field>${hint}`, 'text');
  }
  const ownUrl = first(record, mapping.url).value;
  const url = overrides.url ?? ownUrl;
  let publishedAt = overrides.publishedAt ?? null;
  if (publishedAt === null) {
    const raw = first(record, mapping.publishedAt);
    if (raw.value === null) {
      throw new IngestError('MISSING_DATE', source, `has no publication date (${names(mapping.publishedAt)} missing or empty) — map the date field with --map publishedAt=<field>, or give --published YYYY-MM-DD`, 'publishedAt');
    }
    publishedAt = toIsoDay(raw.value);
    if (publishedAt === null) {
      throw new IngestError('BAD_DATE', source, `"${raw.from}" is "${raw.value.slice(0, 60)}", not a date — write it as YYYY-MM-DD (ISO 8601 and RFC 822 dates are read too), or give --published`, 'publishedAt');
    }
  }
  const outlet = overrides.outlet ?? first(record, mapping.outlet).value ?? hostOf(url);
  if (outlet === null) {
    throw new IngestError('BAD_FIELD', source, `has no outlet (${names(mapping.outlet)} missing or empty, and no URL) — map it with --map outlet=<field>, or give --outlet`, 'outlet');
  }
  // The record's own URL, not --url: one flag for every record must not give them all one id.
  const id = recordId({ id: first(record, mapping.id).value, url: ownUrl, text });
  return { id, text, outlet, publishedAt, title: overrides.title ?? first(record, mapping.title).value, url, source };
}
