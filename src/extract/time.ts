/**
 * Dates in news text, resolved against the publication date and honest about precision.
 *
 * chrono-node finds the date expressions; a refiner then fixes what news needs and chrono does not do:
 * a bare weekday or month in a past-tense sentence is the most recent one on or before publication
 * ("on Wednesday" in a Thursday article is the day before, not next week), "the weekend" is a Saturday–
 * Sunday interval, "last week" and "this week" are Monday–Sunday intervals (chrono reads "last week" as the day
 * seven days back and does not read "this week" at all), and precision never claims more than the words give (a
 * month stays a month).
 */
import * as chrono from 'chrono-node';
import { spanOf } from './text.js';
import { SEASON_PATTERN, seasonInterval } from './seasons.js';
import type { DatePrecision, FuzzyDate, Span } from '../domain/types.js';

export interface DateMention {
  span: Span;
  date: FuzzyDate;
}

const DAY_MS = 86_400_000;

export function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date (YYYY-MM-DD): "${iso}"`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== iso) throw new Error(`impossible date: "${iso}"`);
  return d;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoDay(new Date(parseIsoDate(iso).getTime() + days * DAY_MS));
}

function lastDayOfMonth(year: number, month: number): string {
  return isoDay(new Date(Date.UTC(year, month, 0)));
}

/** Words that put a sentence's dates in the future of the publication date. */
const FUTURE_CUES = /\b(will|shall|next|upcoming|coming|plans? to|is to|are to|scheduled|ahead of|likely (?:in|on|by|before)|expected to|set to)\b/i;
/** Expressions whose anchor is another event, not the publication date ("a week later"): not resolvable here. */
const RELATIVE_TO_OTHER_EVENT = /\b(later|earlier|after|before|prior)\b/i;

/** A duration shorter than a day counted from now ("in a second", "within an hour"): never a date in news. */
const CLOCK_DURATION = /^(?:in|within)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of|\d+)\s+(?:seconds?|minutes?|hours?|moments?)\b/;
/** "a ceasefire in one day", "50 dead in a single day": how long something takes, not tomorrow. */
const SINGLE_DAY = /^(?:in|within)\s+(?:one|a single)\s+day\b/;

/** A bare weekday abbreviation without its period: "sat", "Sun", "wed" are words before they are days. */
const WEEKDAY_ABBREVIATION = /^(?:on\s+)?(?:sun|mon|tues?|wed|thu|thur|thurs|fri|sat)$/i;

/** How far back a yearless day may lie to stay this year's in a sentence with a future cue. */
const RECENT_DAYS = 92;

function daysBetween(from: string, to: string): number {
  return (parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS;
}

/** A month name that is also an everyday word, lower-case and without a day or year ("the march", "in may"). */
const LOWERCASE_MONTH_WORD = /^(?:(?:in|on|by|since|until|of)\s+)?(?:march|may)$/;

/** "Will" capitalised inside a sentence is a name ("praise, Will said"); the modal is lower-case there. */
const NAME_WILL = /(?<=[\p{L}\p{N},;][^\S\n]*)\bWill\b/gu;

/**
 * Reported future: "said the first meeting would be held on Tuesday" — "would" after a speech verb is the speaker's
 * "will", so the dates after it lie ahead of the saying (the publication day when the saying has no date of its own).
 * Returns the offset of "would", or -1; only when no date precedes it in the range ("said on Thursday that talks
 * would resume on Friday" counts from Thursday, which this reading does not know).
 */
const REPORTED_FUTURE = /\b(?:said|says|told|announced|added|confirmed)\b[^.;:"“”]*?\b(would)\s+(?:(?:not|then|also)\s+)?(?:be\s+held|take\s+place|meet|begin|start|resume|open|reopen|convene|reconvene|hold|sign|vote|visit|travel|return)\b/i;

function reportedFutureAt(text: string, range: { start: number; end: number }): number {
  const m = REPORTED_FUTURE.exec(text.slice(range.start, range.end));
  if (!m) return -1;
  const would = range.start + m.index + m[0].toLowerCase().lastIndexOf('would', m[0].length);
  return would;
}

export function isFutureContext(sentence: string): boolean {
  return FUTURE_CUES.test(sentence.trimStart().replace(NAME_WILL, ''));
}

/**
 * The most recent `weekday` (0=Sunday) on or before `published` (past) or on/after it (future).
 * `strictlyBefore` for "last Saturday" said on a Saturday: the previous week.
 */
export function resolveWeekday(published: string, weekday: number, future: boolean, strictlyBefore = false): string {
  const pub = parseIsoDate(published);
  const pubDay = pub.getUTCDay();
  if (future) {
    const ahead = (weekday - pubDay + 7) % 7;
    return addDays(published, ahead);
  }
  let back = (pubDay - weekday + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return addDays(published, -back);
}

function fuzzy(start: string, end: string, precision: DatePrecision, span: Span): FuzzyDate {
  return { start, end, precision, source: 'TEXT', span };
}

/** "(earlier|later) this week", which chrono's casual English does not parse: read here, resolved in `refine`. */
const THIS_WEEK = /\b(?:(?:earlier|later)\s+)?this\s+week\b/i;
const newsChrono = chrono.casual.clone();
const publicationDay = (context: chrono.ParsingContext) =>
  context.createParsingComponents({ day: context.reference.instant.getUTCDate(), month: context.reference.instant.getUTCMonth() + 1, year: context.reference.instant.getUTCFullYear() });
newsChrono.parsers.push({ pattern: () => THIS_WEEK, extract: publicationDay });
// Seasons and parts of a year ("last summer", "early 2016"): read here, resolved in `refine` (seasons.ts).
newsChrono.parsers.push({ pattern: () => SEASON_PATTERN, extract: publicationDay });

/** A week named relative to publication: "this week", "earlier this week", "last week", "the past week", "next week". */
const RELATIVE_WEEK = /\b(?:(earlier|later)\s+)?(?:(the)\s+)?(this|last|previous|past|next)\s+week\b/;

/**
 * The Monday–Sunday interval a week expression names (weeks start on Monday, as ISO 8601 and most newsrooms count);
 * "the past week" and "the last week" are the seven days before publication.
 */
function weekInterval(m: RegExpExecArray, publishedAt: string): [string, string] {
  const monday = addDays(publishedAt, -((parseIsoDate(publishedAt).getUTCDay() + 6) % 7));
  const [, part, the, which] = m;
  if (which === 'past' || (which === 'last' && the)) return [addDays(publishedAt, -6), publishedAt];
  if (which === 'last' || which === 'previous') return [addDays(monday, -7), addDays(monday, -1)];
  if (which === 'next') return [addDays(monday, 7), addDays(monday, 13)];
  if (part === 'earlier') return [monday, publishedAt];
  if (part === 'later') return [publishedAt, addDays(monday, 6)];
  return [monday, addDays(monday, 6)];
}

/** One expression chrono found, at an absolute offset into the article text. */
export interface ParsedDate {
  /** Offset of the expression in the whole text. */
  at: number;
  result: chrono.ParsedResult;
}

/** chrono's expressions in `text[range]`, unresolved (the expensive half of `findDates`). */
export function parseDates(text: string, publishedAt: string, range: { start: number; end: number }): ParsedDate[] {
  const slice = text.slice(range.start, range.end);
  const ref = parseIsoDate(publishedAt);
  const results = newsChrono.parse(slice, { instant: new Date(ref.getTime() + 12 * 3_600_000), timezone: 0 }, { forwardDate: false });
  return results.map((result) => ({ at: range.start + result.index, result }));
}

/**
 * Resolves parsed expressions lying in `range` against `publishedAt` (the cheap half of `findDates`):
 * `inFuture` is the tense of the range's own words unless overridden.
 */
export function resolveDates(text: string, publishedAt: string, range: { start: number; end: number }, parsed: ParsedDate[], inFuture: boolean): DateMention[] {
  const out: DateMention[] = [];
  const would = reportedFutureAt(text, range);
  const reportedFuture = parsed.some((p) => p.at < would) ? -1 : would;
  for (const { at: start, result: r } of parsed) {
    // chrono sometimes swallows the punctuation after a date ("last weekend,"): the span keeps the words only.
    // It also reads a dash and a bare number after a weekday as a range ("on Tuesday night - 22 points behind"):
    // the number is no day ("May 3 - 7", with its month, is a range and keeps its words).
    const words = (r.start.isCertain('month') ? r.text : r.text.replace(/\s*[-–—]\s*\d+$/, '')).replace(/[\s,;:]+$/, '');
    // "over the weekend": chrono reads only "weekend"; the words before it belong to the date.
    const lead = /weekend/i.test(words) ? /\b(?:over|during|through|throughout|on|at)?\s*the\s+$/i.exec(text.slice(Math.max(range.start, start - 20), start)) : null;
    const from = lead ? start - lead[0].length + (lead[0].length - lead[0].trimStart().length) : start;
    // "the last week of February": chrono reads "last week" and "February" apart; the week is the month's.
    if (/\bweek$/i.test(words) && /^\s+of\b/i.test(text.slice(start + words.length, start + words.length + 5))) continue;
    // "join the march", "a peaceful march": a month is capitalised; the lower-case word without a day is the noun or verb.
    if (LOWERCASE_MONTH_WORD.test(words)) continue;
    const span = spanOf(text, from, start + words.length);
    // "in the last week": the seven days before, not last calendar week; chrono leaves "the" out of the text.
    const the = /\bthe\s+$/i.test(text.slice(Math.max(range.start, start - 4), start));
    const date = refine(r, publishedAt, inFuture || (reportedFuture >= 0 && start >= reportedFuture), span, the);
    if (date) out.push({ span, date });
  }
  return out;
}

/**
 * Finds every date expression in `text[range]` and resolves it against `publishedAt` (YYYY-MM-DD).
 * `future` overrides the tense guess (by default: the sentence's own cues).
 */
export function findDates(
  text: string,
  publishedAt: string,
  range: { start: number; end: number } = { start: 0, end: text.length },
  future?: boolean,
): DateMention[] {
  const inFuture = future ?? isFutureContext(text.slice(range.start, range.end));
  return resolveDates(text, publishedAt, range, parseDates(text, publishedAt, range), inFuture);
}

function refine(r: chrono.ParsedResult, publishedAt: string, future: boolean, span: Span, afterThe = false): FuzzyDate | null {
  const c = r.start;
  const words = `${afterThe ? 'the ' : ''}${r.text.toLowerCase()}`;
  // Before the relative-to-another-event check: "earlier this week" is relative to publication.
  // "the last week of February" is a part of that month, not a week counted from publication.
  const week = /\bweek\s+of\b/.test(words) ? null : RELATIVE_WEEK.exec(words);
  if (week) {
    const [start, end] = weekInterval(week, publishedAt);
    // "on Monday of last week": that week's Monday.
    const weekday = r.start.isCertain('weekday') ? r.start.get('weekday') : null;
    if (weekday !== null) {
      const day = addDays(start, (weekday + 6) % 7);
      if (day <= end) return fuzzy(day, day, 'DAY', span);
    }
    // "earlier this week" told on a Monday is that day.
    return fuzzy(start, end, start === end ? 'DAY' : 'INTERVAL', span);
  }
  const season = SEASON_PATTERN.exec(r.text);
  if (season && season.index === 0) {
    // Our parser gave the publication day as a placeholder: anything chrono merged into it ("early 2015 to mid-2016")
    // is not a season we can read, and no day.
    if (season[0].length !== r.text.replace(/[\s,;:.]+$/, '').length) return null;
    const s = seasonInterval(season, publishedAt, future);
    return s ? fuzzy(s.start, s.end, s.precision, span) : null;
  }
  if (RELATIVE_TO_OTHER_EVENT.test(words)) return null;
  // "in a second round of talks", "within a minute": chrono reads a duration from now; no calendar date is meant.
  if (CLOCK_DURATION.test(words) || SINGLE_DAY.test(words)) return null;
  // chrono reads a weekday's abbreviation in any word ("who sat in on the talks", "the sun"): only "Sat." counts.
  if (WEEKDAY_ABBREVIATION.test(r.text)) return null;
  // chrono reads "(earlier) in the day" as tomorrow; the day meant is the story's, not the publication's.
  if (/^(?:in\s+)?the\s+day$/.test(words)) return null;
  // "the next day", "the following day": the day after the story's day, which only the discourse knows.
  if (/\b(?:next|following)\s+day\b/.test(words)) return null;
  if (/\b(now|today|tonight|this morning|this evening)\b/.test(words)) {
    return fuzzy(publishedAt, publishedAt, 'DAY', span);
  }
  if (/weekend/.test(words)) {
    // The weekend before publication (past) or the next one (future): Saturday–Sunday.
    const saturday = resolveWeekday(publishedAt, 6, future, /\blast\b/.test(words));
    return { ...fuzzy(saturday, addDays(saturday, 1), 'INTERVAL', span) };
  }
  const dayKnown = c.isCertain('day');
  const monthKnown = c.isCertain('month');
  const yearKnown = c.isCertain('year');
  const weekday = c.get('weekday');
  if (!dayKnown && !monthKnown && c.isCertain('weekday') && weekday !== null) {
    const iso = resolveWeekday(publishedAt, weekday, future, /\blast\b/.test(words));
    return fuzzy(iso, iso, 'DAY', span);
  }
  const year = c.get('year') ?? parseIsoDate(publishedAt).getUTCFullYear();
  const month = c.get('month');
  // "at the end of June": chrono picks the 30th; the words give the month's last ten days (its first ten for
  // "the beginning of"), not a day.
  // A yearless month (or part of one) told in the past is last year's when its days start after publication.
  const pastYear = (range: (y: number) => [string, string]): [string, string] => {
    const r = range(year);
    return !yearKnown && !future && r[0] > publishedAt ? range(year - 1) : r;
  };
  const monthOf = (y: number): [string, string] => [`${y}-${String(month).padStart(2, '0')}-01`, lastDayOfMonth(y, month!)];
  const part = monthKnown && month !== null ? /\b(end|beginning|start)\s+of\b/.exec(words) : null;
  if (part && month !== null) {
    const [start, end] = pastYear((y) => {
      const [first, last] = monthOf(y);
      return part[1] === 'end' ? [addDays(last, -9), last] : [first, addDays(first, 9)];
    });
    return fuzzy(start, end, 'INTERVAL', span);
  }
  if (dayKnown && monthKnown && month !== null) {
    const day = c.get('day') ?? 1;
    let iso = isoDay(new Date(Date.UTC(year, month - 1, day)));
    // "Dec. 30" in a January article, past tense: last year's.
    if (!yearKnown && !future && iso > publishedAt) iso = isoDay(new Date(Date.UTC(year - 1, month - 1, day)));
    // A future cue elsewhere in the sentence does not move a day of the last few weeks a year ahead ("The agreement,
    // concluded on 20 October, removes tariffs over the next decade", told in November): news gives the year of a
    // day that far ahead, so a yearless one just past is this year's.
    if (!yearKnown && future && iso < publishedAt && daysBetween(iso, publishedAt) > RECENT_DAYS) iso = isoDay(new Date(Date.UTC(year + 1, month - 1, day)));
    return fuzzy(iso, iso, 'DAY', span);
  }
  if (monthKnown && month !== null) {
    const [first, last] = pastYear(monthOf);
    return fuzzy(first, last, 'MONTH', span);
  }
  if (yearKnown) {
    return fuzzy(`${year}-01-01`, `${year}-12-31`, 'YEAR', span);
  }
  return null;
}
