/**
 * Counted claims about incidents (src/extract/events/tolls.ts): deaths, injured and an earthquake's magnitude, each
 * the claim of whoever says it, on the incident it is told of. Text written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';

const extract = (text: string, publishedAt = '2026-03-06'): Promise<ExtractedArticle> =>
  extractWithEngine({ id: 'counts', text, outlet: 'Test Wire', title: null, publishedAt, url: null });
const counts = (a: ExtractedArticle) =>
  a.claims
    .filter((c) => ['deaths', 'injured', 'magnitude'].includes(c.attribute))
    .map((c) => [a.events.find((e) => e.key === c.eventKey)?.name, c.attribute, c.normalized, a.actors.find((x) => x.key === c.sourceActorKey)?.name ?? null]);

describe('counted claims about incidents', () => {
  it('reads deaths, injured and magnitude, hedged or not, as the claims of their speakers', async () => {
    const a = await extract(
      'Quake kills dozens in Eastern Province.\n\n' +
        'A magnitude 6.8 earthquake struck the province early Thursday, killing at least 42 people, officials said.\n\n' +
        'Interior Minister Selim Arkan said 45 people had been confirmed dead and more than 300 injured.\n\n' +
        'The agency revised the magnitude from 6.8 to 6.9 on Friday.',
    );
    expect(counts(a)).toEqual([
      ['earthquake of 2026-03-05', 'magnitude', '6.8', 'officials'],
      ['earthquake of 2026-03-05', 'deaths', '>=42', 'officials'],
      ['earthquake of 2026-03-05', 'deaths', '45', 'Selim Arkan'],
      ['earthquake of 2026-03-05', 'injured', '>=300', 'Selim Arkan'],
      // Not the value it was revised from.
      ['earthquake of 2026-03-05', 'magnitude', '6.9', null],
    ]);
  });

  it('puts a count on the incident told nearest to it, and reads no count out of an age or a date', async () => {
    const a = await extract(
      'A gunman opened fire at a market on Saturday, killing three people and wounding five, police said. ' +
        'A separate crash on the highway on Friday killed two drivers.\n\n' +
        'The officer who shot and killed 40-year-old Tom Reyes was charged. The 2011 raid killed 9/11 plotter Omar Lind.',
      '2026-04-05',
    );
    expect(counts(a)).toEqual([
      ['shooting of 2026-04-04', 'deaths', '3', 'police'],
      ['shooting of 2026-04-04', 'injured', '5', 'police'],
      ['crash of 2026-04-03', 'deaths', '2', null],
    ]);
  });

  it('reads a protest’s crowd as each side counts it, and the arrested, with "forty-three" as a number', async () => {
    const a = await extract(
      'Thousands of people marched through the capital on Friday against the reform.\n\n' +
        'Police said about 25,000 people took part in the march. Forty-three people were arrested, the ministry said.',
      '2026-10-03',
    );
    expect(counts(a).filter(([, attribute]) => attribute !== 'deaths')).toEqual([]);
    const crowd = a.claims.filter((c) => ['crowd', 'arrested'].includes(c.attribute)).map((c) => [c.attribute, c.normalized, a.actors.find((x) => x.key === c.sourceActorKey)?.name ?? null]);
    expect(crowd).toEqual([
      ['crowd', '~25000', 'Police'],
      ['arrested', '43', 'the ministry'],
    ]);
    // Outside any statement, whoever gives the figure claims it.
    const c = await extract('Thousands of people marched through the capital on Friday against the reform.\n\nThe organisers put the crowd at 150,000.', '2026-10-03');
    expect(c.claims.filter((x) => x.attribute === 'crowd').map((x) => [x.normalized, c.actors.find((y) => y.key === x.sourceActorKey)?.name])).toEqual([['150000', 'the organisers']]);
    // A crowd is counted for a protest only: "300 people gathered" at a crash site is no crowd claim of the crash.
    const b = await extract('A bus crashed on the highway on Friday, killing two. About 300 people gathered at the site.', '2026-10-03');
    expect(b.claims.filter((c) => c.attribute === 'crowd')).toEqual([]);
  });
});

