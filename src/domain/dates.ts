/** Date values shared by extraction, resolution and export: ISO calendar dates (YYYY-MM-DD) and FuzzyDate ranges. */
import type { FuzzyDate } from './types.js';

const DAY_MS = 86_400_000;

/** ISO form of a date for claims and ids: a day, a month (YYYY-MM), a year, or an interval start/end. */
export function normalizeDate(d: FuzzyDate): string {
  if (d.precision === 'DAY' || d.start === d.end) return d.start;
  if (d.precision === 'MONTH') return d.start.slice(0, 7);
  if (d.precision === 'YEAR') return d.start.slice(0, 4);
  return `${d.start}/${d.end}`;
}

/** Days between two inclusive ranges (0 when they overlap). */
export function gapDays(a: { start: string; end: string }, b: { start: string; end: string }): number {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
  if (day(a.end) < day(b.start)) return day(b.start) - day(a.end);
  if (day(b.end) < day(a.start)) return day(a.start) - day(b.end);
  return 0;
}

/** The ISO day `n` days after `iso` (before, when negative); throws a RangeError on a date that does not parse. */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
