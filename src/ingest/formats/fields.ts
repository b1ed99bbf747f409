/**
 * Field rules every reader shares: publication dates as the day they were written (YYYY-MM-DD), and the
 * article id of a record that may have an id, a URL, or only its text (docs/formats.md, "Ids").
 */
import { createHash } from 'node:crypto';
import * as chrono from 'chrono-node';

/** The article id pattern (src/ingest/validate.ts): letters, digits, "_", ".", ":" or "-", at most 128. */
const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
// RFC 822 / 2822 as RSS writes it: "Wed, 14 Oct 2015 09:12:00 GMT" (weekday optional, 2-digit years allowed).
const RFC822 = /^\s*(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2}|\d{4})\b/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A publication date as written → `YYYY-MM-DD`, or null when it names no certain day. The day is the one
 * the source wrote, in the source's own time zone ("2015-10-14T23:30:00-05:00" is 2015-10-14): that is the
 * day the outlet published, which is what relative dates in the text ("on Tuesday") count from.
 * ISO 8601 / RFC 3339 and RFC 822 directly; anything else through chrono-node, only when it names a day,
 * a month and a year written out (a relative date such as "yesterday" has no fixed day).
 */
export function toIsoDay(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const iso = ISO_DAY.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = RFC822.exec(value);
  if (rfc) {
    const month = MONTHS[(rfc[2] ?? '').toLowerCase()];
    if (month) {
      let year = Number(rfc[3]);
      if (year < 100) year += year < 50 ? 2000 : 1900;
      return `${year}-${pad(month)}-${pad(Number(rfc[1]))}`;
    }
  }
  // Only a date with its year written out: "yesterday" or "Monday" is no publication date.
  if (!/\b\d{4}\b/.test(value)) return null;
  const parsed = chrono.parse(value)[0]?.start;
  if (parsed && parsed.isCertain('year') && parsed.isCertain('month') && parsed.isCertain('day')) {
    return `${parsed.get('year')}-${pad(parsed.get('month') ?? 0)}-${pad(parsed.get('day') ?? 0)}`;
  }
  return null;
}

const hex16 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16);

/**
 * The article id of a record: its own id when that is a usable article id; otherwise `id-` + 16 hex of the
 * sha256 of its id (a URL-like guid); else `url-` + 16 hex of the sha256 of its URL; else `art-` + 16 hex of
 * the sha256 of its text (the rule of API uploads). The same record always gets the same id, so re-reading a
 * file changes nothing; a record whose id or URL is stored with other text is reported as DUPLICATE_ID.
 */
export function recordId(r: { id?: string | null; url?: string | null; text: string }): string {
  const id = r.id?.trim();
  if (id) return ARTICLE_ID.test(id) ? id : `id-${hex16(id)}`;
  const url = r.url?.trim();
  if (url) return `url-${hex16(url)}`;
  const text = r.text.startsWith('\uFEFF') ? r.text.slice(1) : r.text;
  return `art-${hex16(text)}`;
}

/** A value read from a record as a trimmed string (numbers too); null when absent, empty or not scalar. */
export function scalar(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return null;
}

/** Host name of a URL without "www.", as an outlet of last resort (news-please's source_domain does the same). */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
