/**
 * Debates as a recurring series: what the text calls the series ("presidential debate", "vice presidential
 * debate"), ordinals, dates from the text or a relative day, and the discussion sense that makes no meeting.
 * Short texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractWithEngine } from '../support/nlp.js';
import type { ExtractedArticle } from '../../src/domain/types.js';

const run = (text: string, publishedAt: string) =>
  extractWithEngine({ id: `debates-${publishedAt}-${text.length}`, text, outlet: 'Test Wire', title: null, publishedAt, url: null });

const meetings = (a: ExtractedArticle) =>
  a.events.filter((e) => e.kind === 'MEETING').map((e) => [e.series?.name, e.series?.ordinal, e.date ? `${e.date.start}..${e.date.end}` : null]);

describe('debates in a series', () => {
  it('names the series after the text, reads ordinals and dates, and keeps the vice presidential debate apart', async () => {
    const a = await run(
      'Hillary Clinton and Donald Trump met in the first presidential debate on Sept. 26 at Hofstra University. ' +
        'Trump did better in the second debate on Oct. 9 in St. Louis. ' +
        'The third and final debate in Las Vegas on Wednesday turned to immigration. ' +
        'Tim Kaine and Mike Pence clashed in the vice presidential debate on Oct. 4.',
      '2016-10-20',
    );
    expect(meetings(a)).toEqual([
      ['presidential debate', 1, '2016-09-26..2016-09-26'],
      ['presidential debate', 2, '2016-10-09..2016-10-09'],
      ['presidential debate', 3, '2016-10-19..2016-10-19'],
      ['vice presidential debate', undefined, '2016-10-04..2016-10-04'],
    ]);
    const first = a.events.find((e) => e.series?.ordinal === 1)!;
    expect(first.name).toBe('first presidential debate');
  });

  it('a bare "first debate" joins the presidential debate the article names, "Sunday’s second debate" is dated; an undated ordinal still makes the meeting', async () => {
    const a = await run(
      'Clinton prepared for the presidential debate for weeks. The first debate on Sept. 26 drew a record audience. ' +
        'Trump did better in Sunday’s second debate. He said he would win the third presidential debate.',
      '2016-10-11',
    );
    expect(meetings(a)).toEqual([
      ['presidential debate', 1, '2016-09-26..2016-09-26'],
      ['presidential debate', 2, '2016-10-09..2016-10-09'],
      ['presidential debate', 3, null],
    ]);
  });

  it('"Monday night’s debate" dates the presidential debate it refers to', async () => {
    const a = await run('Viewers praised Monday night’s debate. The presidential debate was the most watched ever.', '2016-09-28');
    expect(meetings(a)).toEqual([['presidential debate', undefined, '2016-09-26..2016-09-26']]);
  });

  it('makes no meeting from the verb, a generic plural, a debate over a topic or a debate prep team', async () => {
    const a = await run(
      'They debated the budget for hours. Debates are important for democracy. ' +
        'The debate over the budget continues in Congress. Lawmakers will debate the bill on Tuesday. ' +
        'The national debate on immigration has grown louder. There was a heated debate about taxes on Monday. ' +
        'The presidential debate drew a large audience. Her debate prep team met often.',
      '2016-10-10',
    );
    // Only the named series is a meeting: "her debate prep team" is no mention of it.
    const ms = a.events.filter((e) => e.kind === 'MEETING');
    expect(ms.map((e) => [e.series?.name, e.date])).toEqual([['presidential debate', null]]);
    expect(ms[0]!.mentions.map((m) => m.exact)).toEqual(['The presidential debate']);
  });
});
