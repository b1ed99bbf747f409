/**
 * Seasons and parts of a year in news text ("this summer", "last fall", "the summer of 2015", "in the spring",
 * "early 2016", "mid-2015"): date intervals that chrono does not read. Seasons are the meteorological ones of the
 * northern hemisphere (spring March–May, summer June–August, fall September–November, winter December–February),
 * as most English-language newsrooms use them; a part of a year is its first, middle or last third.
 *
 * "fall", "spring" and "winter" are everyday words, so a season needs a word that makes it a time: this/last/next/
 * past, "the … of <year>", "<season> <year>", or "in the" before it.
 */
import type { DatePrecision } from '../domain/types.js';

export const SEASON_PATTERN =
  /\b(?:(this|last|next|past|coming)\s+(spring|summer|fall|autumn|winter)\b(?:\s+of\s+((?:19|20)\d{2})\b)?|(?:the\s+)?(spring|summer|fall|autumn|winter)\s+(?:of\s+)?((?:19|20)\d{2})\b|in\s+the\s+(spring|summer|fall|autumn|winter)\b(?!\s+of\b)|(early|mid|late)[-\s]((?:19|20)\d{2})\b)/i;

/** First month (1–12) of each season; winter runs into the next year. */
const SEASON_START: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };
const PART_START: Record<string, number> = { early: 1, mid: 5, late: 9 };

export interface SeasonDate {
  start: string;
  end: string;
  precision: DatePrecision;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
/** The three months from `month` of `year` (a winter ends in February of the next year). */
const threeMonths = (year: number, month: number): [string, string] => [iso(year, month, 1), iso(year, month + 3, 0)];

/**
 * The interval a match of SEASON_PATTERN names, told in an article published on `publishedAt`; `future`: the
 * sentence looks ahead (for "in the fall", which names the coming one then and the last one otherwise).
 */
export function seasonInterval(m: RegExpExecArray, publishedAt: string, future: boolean): SeasonDate | null {
  const pubYear = Number(publishedAt.slice(0, 4));
  const [, which, season1, ofYear, season2, year2, season3, part, partYear] = m;
  if (part && partYear) {
    const first = PART_START[part.toLowerCase()]!;
    return { start: iso(Number(partYear), first, 1), end: iso(Number(partYear), first + 4, 0), precision: 'INTERVAL' };
  }
  const season = (season1 ?? season2 ?? season3)!.toLowerCase();
  const month = SEASON_START[season]!;
  const interval = (y: number): SeasonDate => {
    const [start, end] = threeMonths(y, month);
    return { start, end, precision: 'INTERVAL' };
  };
  const year = ofYear ?? year2;
  if (year) return interval(Number(year));
  // The season of each year around publication, in order: which one the words mean.
  const candidates = [pubYear - 2, pubYear - 1, pubYear, pubYear + 1].map(interval);
  const current = candidates.find((c) => c.start <= publishedAt && publishedAt <= c.end);
  const lastEnded = [...candidates].reverse().find((c) => c.end < publishedAt)!;
  const nextStarting = candidates.find((c) => c.start > publishedAt)!;
  switch (which?.toLowerCase()) {
    case 'last':
    case 'past':
      return lastEnded;
    case 'next':
    case 'coming':
      return nextStarting;
    case 'this': {
      // "this summer" told in spring is the coming one, "this winter" told in March the one just over: the nearer.
      if (current) return current;
      if (future) return nextStarting;
      const since = Date.parse(publishedAt) - Date.parse(lastEnded.end);
      const until = Date.parse(nextStarting.start) - Date.parse(publishedAt);
      return until < since ? nextStarting : lastEnded;
    }
    default:
      // "in the fall": the one under way, else the next when the sentence looks ahead, else the last one.
      return current ?? (future ? nextStarting : lastEnded);
  }
}
