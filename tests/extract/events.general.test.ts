/**
 * Generalisation: short articles on other topics (a summit series, a plane near-miss, a court case)
 * through the same pipeline. Nothing here is in any lexicon as a name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractWithEngine } from '../support/nlp.js';

const run = (file: string, publishedAt: string) =>
  extractWithEngine({ id: file, text: readFileSync(`tests/fixtures/general/${file}`, 'utf8'), outlet: 'Test Wire', title: null, publishedAt, url: null });

const dated = (d: { start: string; end: string } | null) => (d ? (d.start === d.end ? d.start : `${d.start}..${d.end}`) : null);

describe('events in articles the pipeline has never seen', () => {
  it('a summit series: rounds of talks with ordinals, a planned round, a summit, an agreement nearing completion', async () => {
    const a = await run('events-summit.txt', '2023-06-16');
    const meetings = a.events.filter((e) => e.kind === 'MEETING').map((e) => [e.series?.name, e.series?.ordinal ?? null, dated(e.date)]);
    expect(meetings).toEqual(
      expect.arrayContaining([
        ['Japan–South Korea talks', 1, '2023-06-08'],
        ['Japan–South Korea talks', 2, '2023-06-15'],
        ['Japan–South Korea talks', 3, '2023-07-01..2023-07-31'],
        ['Japan–South Korea summit', null, '2023-07-01..2023-07-31'],
      ]),
    );
    expect(meetings).toHaveLength(4);
    const milestone = a.events.find((e) => e.kind === 'AGREEMENT_MILESTONE');
    expect(milestone).toMatchObject({ status: 'NEARING_COMPLETION', date: { start: '2023-06-16' } });
    const claim = a.claims.find((c) => c.attribute === 'status')!;
    expect(a.actors.find((x) => x.key === claim.sourceActorKey)?.name).toMatch(/South Korean official/);
  });

  it('a plane near-miss: one incident with both distance claims and the date', async () => {
    const a = await run('events-nearmiss.txt', '2023-03-06');
    const incidents = a.events.filter((e) => e.kind === 'INCIDENT');
    expect(incidents.map((e) => [e.name, dated(e.date)])).toEqual([['near miss', '2023-03-04']]);
    expect(a.claims.map((c) => [c.attribute, c.value, c.normalized])).toEqual([
      ['distance', '300 feet of each other', '0.091-0.091 km'],
      ['date', 'on Saturday', '2023-03-04'],
      ['distance', 'about 100 feet apart', '0.027-0.034 km'],
    ]);
    // The union official's claim is theirs, not the article's.
    const union = a.claims.find((c) => c.value === 'about 100 feet apart')!;
    expect(a.actors.find((x) => x.key === union.sourceActorKey)?.name).toMatch(/union official/);
  });

  it('a court case: hearings in a series, the missing third implied between its neighbours, a plea agreement', async () => {
    const a = await run('events-court.txt', '2024-02-09');
    const hearings = a.events.filter((e) => e.kind === 'MEETING').map((e) => [e.series?.ordinal, dated(e.date), e.implied ?? false]);
    expect(hearings).toEqual([
      [1, '2024-01-12', false],
      [2, '2024-02-08', false],
      [3, '2024-02-09..2024-03-03', true],
      [4, '2024-03-04', false],
    ]);
    expect(a.events.find((e) => e.kind === 'AGREEMENT')?.name).toBe('plea agreement');
    // "had reached a plea agreement" gives no date: the signing stays undated rather than borrowing one.
    expect(a.events.find((e) => e.kind === 'AGREEMENT_MILESTONE')).toMatchObject({ status: 'SIGNED', date: null });
  });
});
