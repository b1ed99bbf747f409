import { describe, expect, it } from 'vitest';
import { findDates, resolveWeekday, parseIsoDate } from '../../src/extract/time.js';

const one = (text: string, published: string) => {
  const found = findDates(text, published);
  expect(found).toHaveLength(1);
  const m = found[0]!;
  expect(text.slice(m.span.start, m.span.end)).toBe(m.span.exact);
  return m.date;
};

describe('findDates', () => {
  it('moves a bare weekday in a past-tense sentence to the most recent one on or before publication', () => {
    expect(one('the official said on Wednesday', '2015-10-15')).toMatchObject({ start: '2015-10-14', end: '2015-10-14', precision: 'DAY' });
    expect(one('a U.S. official told CNN Wednesday.', '2015-10-14')).toMatchObject({ start: '2015-10-14', precision: 'DAY' });
    expect(one('the jet approached the U.S. jet on Sunday to identify it', '2015-10-14')).toMatchObject({ start: '2015-10-11' });
    expect(one('the aircraft flew too close last Saturday', '2015-10-17')).toMatchObject({ start: '2015-10-10' });
  });

  it('keeps future weekdays in the future', () => {
    expect(one('The talks will resume on Monday.', '2015-10-15')).toMatchObject({ start: '2015-10-19' });
    expect(one('Will the talks resume on Monday?', '2015-10-15')).toMatchObject({ start: '2015-10-19' });
  });

  it('reads a capitalised "Will" inside a sentence as a name, not the future', () => {
    expect(one('In contrast, Will praised the Nov. 14 speech.', '2015-11-21')).toMatchObject({ start: '2015-11-14' });
    expect(one('Columnist George Will wrote about the Nov. 14 speech.', '2015-11-21')).toMatchObject({ start: '2015-11-14' });
  });

  it('reads seasons and parts of a year as intervals, relative to publication and tense', () => {
    // Published 2016-03-15: spring is under way, the last summer was 2015's, the last winter ended two weeks ago.
    expect(one('the convention this summer', '2016-03-15')).toMatchObject({ start: '2016-06-01', end: '2016-08-31', precision: 'INTERVAL' });
    expect(one('this winter was mild', '2016-03-15')).toMatchObject({ start: '2015-12-01', end: '2016-02-29', precision: 'INTERVAL' });
    expect(one("last fall's election", '2016-03-15')).toMatchObject({ start: '2015-09-01', end: '2015-11-30' });
    expect(one('next spring', '2016-03-15')).toMatchObject({ start: '2017-03-01', end: '2017-05-31' });
    expect(one('The vote will be held in the fall.', '2016-03-15')).toMatchObject({ start: '2016-09-01', end: '2016-11-30' });
    expect(one('The vote was held in the fall.', '2016-03-15')).toMatchObject({ start: '2015-09-01', end: '2015-11-30' });
    expect(one('in the summer of 2014', '2016-03-15')).toMatchObject({ start: '2014-06-01', end: '2014-08-31' });
    expect(one('talks in early 2015', '2016-03-15')).toMatchObject({ start: '2015-01-01', end: '2015-04-30', precision: 'INTERVAL' });
    expect(one('a deal by mid-2016', '2016-03-15')).toMatchObject({ start: '2016-05-01', end: '2016-08-31' });
    // Everyday words and names are no seasons.
    expect(findDates('Prices fall sharply after the Arab Spring and a winter storm.', '2016-03-15')).toEqual([]);
  });

  it('gives month precision for a month and year, never a day', () => {
    expect(one('since the MOU was signed in October of 2015', '2016-01-29')).toMatchObject({
      start: '2015-10-01', end: '2015-10-31', precision: 'MONTH',
    });
  });

  it('puts a day and month without year in the past of the publication', () => {
    expect(one('Russia began airstrikes on Sept. 30', '2015-10-15')).toMatchObject({ start: '2015-09-30', precision: 'DAY' });
    expect(one('the vote was held on Dec. 30', '2016-01-05')).toMatchObject({ start: '2015-12-30' });
  });

  it('reads the weekend as a Saturday–Sunday interval', () => {
    expect(one('the jets came within close reach over the weekend', '2015-10-15')).toMatchObject({
      start: '2015-10-10', end: '2015-10-11', precision: 'INTERVAL',
    });
  });

  it('reads "last week", "this week" and their kin as Monday–Sunday intervals, never as one day', () => {
    // Published Tuesday 2016-03-15: this week is Mar 14–20, last week Mar 7–13.
    const weeks = (text: string) => findDates(text, '2016-03-15').map((m) => [m.span.exact, m.date.start, m.date.end, m.date.precision]);
    expect(weeks('He scored big in Michigan last week.')).toEqual([['last week', '2016-03-07', '2016-03-13', 'INTERVAL']]);
    expect(weeks('This week’s contest is different.')).toEqual([['This week', '2016-03-14', '2016-03-20', 'INTERVAL']]);
    expect(weeks('They met earlier this week.')).toEqual([['earlier this week', '2016-03-14', '2016-03-15', 'INTERVAL']]);
    expect(weeks('It closes later this week.')).toEqual([['later this week', '2016-03-15', '2016-03-20', 'INTERVAL']]);
    expect(weeks('Prices fell over the past week.')).toEqual([['past week', '2016-03-09', '2016-03-15', 'INTERVAL']]);
    // "the last week of February" is a part of February; "earlier this week" on a Monday is that Monday.
    expect(weeks('Talks were held in the last week of February.').map(([w]) => w)).not.toContain('last week');
    expect(findDates('They met earlier this week.', '2016-03-14').map((m) => [m.date.start, m.date.precision])).toEqual([['2016-03-14', 'DAY']]);
    expect(findDates('The plane landed within two hours of the crash.', '2016-03-14')).toEqual([]);
    expect(weeks('They meet again next week.')).toEqual([['next week', '2016-03-21', '2016-03-27', 'INTERVAL']]);
    expect(weeks('He made a big deal of it in the last week.')).toEqual([['last week', '2016-03-09', '2016-03-15', 'INTERVAL']]);
    expect(weeks('Police released video on Monday of last week.')).toEqual([['on Monday of last week', '2016-03-07', '2016-03-07', 'DAY']]);
    // "a week later" is anchored on another event, as before.
    expect(weeks('A week later the talks resumed.')).toEqual([]);
  });

  it('reads "the end of June" as the month’s last ten days, not the 30th', () => {
    expect(one('She met him at the end of June on her plane.', '2016-09-14')).toMatchObject({ start: '2016-06-21', end: '2016-06-30', precision: 'INTERVAL' });
  });

  it('reads no date into a duration shorter than a day ("in a second round of talks")', () => {
    expect(findDates('The two sides met in a second round of talks in Geneva.', '2025-02-14')).toEqual([]);
    expect(findDates('Officials said they would decide within an hour.', '2025-02-14')).toEqual([]);
  });

  it('reads no date into "in one day" / "in a single day", which tell how long, not tomorrow (probe 2)', () => {
    expect(findDates('"Nobody expected a ceasefire in one day," the minister said.', '2026-01-19')).toEqual([]);
    expect(findDates('Forty people were killed in a single day.', '2026-01-19')).toEqual([]);
    expect(findDates('The vote will be held in two days.', '2026-01-19').map((m) => m.date.start)).toEqual(['2026-01-21']);
  });

  it('reads no weekday into a word that only looks like its abbreviation ("who sat in on the talks", "the sun")', () => {
    expect(findDates('Volkov, who sat in on the talks, spoke to reporters.', '2025-03-12')).toEqual([]);
    expect(findDates('The sun rose over the harbour.', '2025-03-12')).toEqual([]);
    expect(findDates('The vote will be on Sat. March 8.', '2025-03-05').map((m) => m.date.start)).toEqual(['2025-03-08']);
  });

  it('keeps the words of a weekend and drops punctuation chrono swallows', () => {
    expect(findDates('the jets came within close reach over the weekend.', '2015-10-15')[0]?.span.exact).toBe('over the weekend');
    expect(findDates('since just last weekend, both aircraft', '2015-10-15')[0]?.span.exact).toBe('last weekend');
  });

  it('reads no range into a weekday followed by a dash and a number, nor a day into "the next day" or "in the day"', () => {
    // Published Thursday 2016-02-25: Tuesday night was the 23rd; "- 22 points" is no day of a range.
    const m = findDates('His second-place finish on Tuesday night - 22 points behind the winner - hurt him.', '2016-02-25')[0]!;
    expect([m.span.exact, m.date.start]).toEqual(['on Tuesday night', '2016-02-23']);
    expect(findDates('The festival runs May 3 - 7 in the park.', '2016-02-25')[0]?.span.exact).toBe('May 3 - 7');
    expect(findDates('The council voted the next day.', '2016-02-25')).toEqual([]);
    expect(findDates('He held private meetings earlier in the day.', '2016-02-25')).toEqual([]);
  });

  it('gives year precision for "last year"', () => {
    expect(one('in operation since last year', '2015-10-15')).toMatchObject({ start: '2014-01-01', end: '2014-12-31', precision: 'YEAR' });
  });

  it('reads lower-case "march" and "may" without a day as words, not months (probe 3)', () => {
    expect(findDates('a teacher who travelled from the coast to join the march', '2030-10-03')).toEqual([]);
    expect(findDates('small groups tried to hijack a peaceful march.', '2030-10-03')).toEqual([]);
    expect(findDates('in march', '2030-10-03')).toEqual([]);
    expect(one('The unions will march on Monday.', '2030-10-03')).toMatchObject({ start: '2030-10-07' });
    expect(one('Elections were held in March.', '2030-10-03')).toMatchObject({ start: '2030-03-01', precision: 'MONTH' });
  });

  it('keeps a yearless day of the last weeks this year\'s despite a future cue elsewhere in the sentence (probe 3)', () => {
    expect(one('The pact, concluded on 20 October after long talks, removes tariffs over the next decade.', '2030-11-05')).toMatchObject({ start: '2030-10-20' });
    // Months before publication, a future sentence's yearless day is next year's.
    expect(one('The two sides will meet again on Jan. 10.', '2030-12-20')).toMatchObject({ start: '2031-01-10' });
    expect(one('The two sides will meet again on Feb. 10.', '2030-07-20')).toMatchObject({ start: '2031-02-10' });
  });

  it('reads the dates after "said … would be held" as ahead of an undated saying (probe 3)', () => {
    // 2030-10-11 is a Friday.
    expect(one('The minister said the first meeting with the unions would be held on Tuesday at the palace.', '2030-10-11')).toMatchObject({ start: '2030-10-15' });
    expect(one('The envoy said the next round would take place in Lisbon in October.', '2030-09-16')).toMatchObject({ start: '2030-10-01', precision: 'MONTH' });
    // Said on a day of its own: "would" counts from that day, which the date reader does not know; the past reading stays.
    expect(findDates('He said on Thursday that talks would resume on Friday.', '2030-10-12').map((d) => d.date.start)).toEqual(['2030-10-10', '2030-10-11']);
  });

  it('skips expressions anchored to another event', () => {
    expect(findDates('troops began a ground offensive a week later', '2015-10-15')).toEqual([]);
  });

  it('offsets point into the whole text when a range is given', () => {
    const text = 'Intro. He spoke on Tuesday.';
    const [m] = findDates(text, '2015-10-15', { start: 7, end: text.length });
    expect(m?.span.exact).toBe('on Tuesday');
    expect(text.slice(m!.span.start, m!.span.end)).toBe('on Tuesday');
  });
});

describe('dates', () => {
  it('rejects impossible dates', () => {
    expect(() => parseIsoDate('2015-02-30')).toThrow(/impossible/);
  });
  it('resolves weekdays', () => {
    expect(resolveWeekday('2016-01-29', 4, false)).toBe('2016-01-28');
  });
});
