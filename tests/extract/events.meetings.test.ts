import { describe, expect, it } from 'vitest';
import { expectExactSpans, runEvents, statementOver } from './support/runEvents.js';

const meetings = (r: ReturnType<typeof runEvents>) => r.events.filter((e) => e.kind === 'MEETING');

describe('meetings in a series', () => {

  it('"the talks" with no parties nearby are the talks of the article\'s principal parties', () => {
    const r = runEvents(
      'Norway and Russia sign fisheries pact\n\nNorway and Russia signed a fisheries pact on Friday. The two countries had disagreed for years.\n\n' +
        'A Russian negotiator said the deal was settled in the talks on Wednesday.',
      '2024-03-14',
    );
    expect(meetings(r).map((m) => [m.series?.name, m.date?.start])).toEqual([['Norway–Russia talks', '2024-03-13']]);
    // Not any definite meeting word: "the session of parliament" is no session of the two countries.
    const other = runEvents(
      'Norway and Russia sign fisheries pact\n\nNorway and Russia signed a fisheries pact on Friday. The two countries had disagreed for years.\n\n' +
        'The pact was debated in the session of parliament on Wednesday.',
      '2024-03-14',
    );
    expect(meetings(other).map((m) => m.series?.name)).not.toContain('Norway–Russia session');
  });

  it('an executive body stands for its country as a party ("between the Pentagon and the Russian Defense Ministry")', () => {
    const r = runEvents('Officials held a third video conference on Wednesday between the Pentagon and the Russian Defense Ministry.', '2015-10-15');
    expect(meetings(r).map((m) => [m.series?.name, m.series?.ordinal, m.date?.start])).toEqual([['Russia–United States video conference', 3, '2015-10-14']]);
  });
  it('reads ordinals and dates, merges generic nouns into the counted series, and implies the missing one', () => {
    const text =
      'The United States and Russia are ready to sign a memorandum, a U.S. official said on Wednesday. ' +
      'On their first meet on the matter on Oct. 1, the U.S. and Russia discussed safe distances. ' +
      'The news came on the day the U.S. and Russia defence personnel participated in their third video conference, focusing on air safety since Russian forces started conducting airstrikes on Sept. 30. ' +
      'The U.S. decided on limiting contacts with Russia after their third talk on the matter.';
    const r = runEvents(text, '2015-10-15', [], [statementOver(text, 's1', 'a9', 'The United States and Russia are ready to sign a memorandum, a U.S. official said on Wednesday.', {
      start: '2015-10-14', end: '2015-10-14', precision: 'DAY', source: 'TEXT',
    })]);
    const ms = meetings(r);
    expect(ms.map((m) => [m.series?.name, m.series?.ordinal, m.date?.start, m.date?.end, m.date?.precision, m.implied ?? false])).toEqual([
      ['Russia–United States video conference', 1, '2015-10-01', '2015-10-01', 'DAY', false],
      ['Russia–United States video conference', 2, '2015-10-02', '2015-10-13', 'INTERVAL', true],
      ['Russia–United States video conference', 3, '2015-10-14', '2015-10-14', 'DAY', false],
    ]);
    const third = ms[2]!;
    expect(third.mentions.map((m) => m.exact)).toEqual(['their third video conference', 'their third talk']);
    expect(third.date?.source).toBe('INFERRED');
    expect(third.date?.span?.exact).toBe('on the day');
    expect(ms[1]!.mentions).toEqual([]);
    expect(third.participantKeys.map((k) => r.index.byKey(k)?.name).sort()).toEqual(['Russia', 'United States']);
    expect(expectExactSpans(text, r)).toBe(true);
  });

  it('keeps "the first since …" out of the series count and merges an indefinite mention with the dated one', () => {
    const text =
      'Top defense officials from the US and Russia discussed safety during a video conference, the Pentagon said. ' +
      'Thursday’s video conference between the Pentagon and Russia’s Defense Ministry was the first since the MOU was signed in October of 2015.';
    const r = runEvents(text, '2016-01-29', [
      { name: 'Pentagon', kind: 'ORGANIZATION', forms: ['Pentagon'] },
      { name: 'Russian Defense Ministry', kind: 'ORGANIZATION', forms: ['Russia’s Defense Ministry'] },
    ]);
    const ms = meetings(r);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({
      series: { name: 'Russia–United States video conference' },
      date: { start: '2016-01-28', end: '2016-01-28', precision: 'DAY', source: 'TEXT' },
    });
    expect(ms[0]!.series?.ordinal).toBeUndefined();
    expect(ms[0]!.mentions.map((m) => m.exact)).toEqual(['a video conference', 'Thursday’s video conference']);
    expect(ms[0]!.participantKeys.map((k) => r.index.byKey(k)?.name)).toEqual(
      expect.arrayContaining(['Pentagon', 'Russian Defense Ministry', 'Russia', 'United States']),
    );
  });

  it('does not count dates of other clauses, speech dates or plural rounds', () => {
    const text =
      'The U.S. and Russia engaged in talks Thursday, after the jets met over the weekend. ' +
      'A senior official told the paper on Wednesday that the latest rounds of talks were productive. ' +
      '"Deconfliction" talks are needed, he said.';
    const ms = meetings(runEvents(text, '2015-10-15'));
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ series: { name: 'Russia–United States talks' }, date: { start: '2015-10-15', precision: 'DAY' } });
  });

  it('works for any series noun: summits, rounds of talks, court hearings', () => {
    const text =
      'The second hearing in the fraud trial ended on Thursday. At the first hearing on Jan. 12, the defendant pleaded not guilty. ' +
      'The fourth hearing is scheduled for March 4, the court said.';
    const ms = meetings(runEvents(text, '2024-02-09'));
    expect(ms.map((m) => [m.series?.name, m.series?.ordinal, m.date?.start, m.date?.end, m.implied ?? false])).toEqual([
      ['hearing', 1, '2024-01-12', '2024-01-12', false],
      ['hearing', 2, '2024-02-08', '2024-02-08', false],
      ['hearing', 3, '2024-02-09', '2024-03-03', true],
      ['hearing', 4, '2024-03-04', '2024-03-04', false],
    ]);
  });

  it('never reads a verb as a meeting', () => {
    expect(meetings(runEvents('The ministers will meet to talk about trade. They talk often.', '2020-01-01'))).toEqual([]);
  });

  it('counts a round of modified talks, a bare numbered round of the same talks, and a generic word for the day’s meeting', () => {
    const text =
      'Norway and Finland held a first round of fishing talks in Oslo on Sunday. ' +
      'Negotiators opened a second round of fishing talks in Oslo on Thursday, days after the first round ended without a deal. ' +
      'A diplomat said a third round was likely in February if Thursday’s meeting made progress.';
    const ms = meetings(runEvents(text, '2026-01-29'));
    expect(ms.map((m) => [m.series?.ordinal, m.date?.start, m.date?.precision, m.mentions.map((x) => x.exact)])).toEqual([
      [1, '2026-01-25', 'DAY', ['a first round of fishing talks', 'the first round']],
      [2, '2026-01-29', 'DAY', ['a second round of fishing talks', 'Thursday’s meeting']],
      // "likely in February", written in late January: the coming February, not last year's.
      [3, '2026-02-01', 'MONTH', ['a third round']],
    ]);
    // No talks counted in rounds: an election's "first round" is no meeting.
    expect(meetings(runEvents('Voters cast ballots in the first round on Sunday.', '2026-05-04'))).toEqual([]);
  });

  it('takes no parties from countries named far after the meeting in another phrase', () => {
    const text = 'The threats prompted the alliance at its July summit in Warsaw to order the deployment of four battalions to Estonia, Latvia, Lithuania and Poland.';
    const [summit] = meetings(runEvents(text, '2016-09-12'));
    expect(summit?.series?.name).toBe('summit');
    expect(summit?.participantKeys).toEqual([]);
  });

  it('takes a bloc as a party as it takes a country ("EU and Canadian negotiators held a third round of talks")', () => {
    const r = runEvents('EU and Canadian negotiators held a third round of talks in Ottawa on Monday.', '2026-11-05');
    const [round] = meetings(r);
    expect([round?.series?.name, round?.series?.ordinal]).toEqual(['Canada–European Union talks', 3]);
    expect(round!.participantKeys.map((k) => [r.index.byKey(k)?.name, r.index.byKey(k)?.kind]).sort()).toEqual([
      ['Canada', 'COUNTRY'],
      ['European Union', 'ORGANIZATION'],
    ]);
  });
});

