/**
 * Third outside probe (tests/fixtures/probe3): event findings, on short made-up sentences extracted with the
 * real NLP engine (see globalSetup).
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';

const extract = (text: string, publishedAt: string): Promise<ExtractedArticle> =>
  extractWithEngine({ id: 'probe3-events-test', text, outlet: 'Test Wire', title: null, publishedAt, url: null });

describe('probe 3: events', () => {
  it('"a plane crashed … last week" and "the 11 March crash" of one article are one crash, of that day', async () => {
    // 2031-03-17 is a Monday: last week is 03-10..03-16.
    const a = await extract(
      'A fire broke out minutes before a cargo plane crashed near the harbour last week, investigators said on Monday. ' +
        'The death toll from the 11 March crash has risen to 12, the health ministry said.',
      '2031-03-17',
    );
    const crashes = a.events.filter((e) => e.kind === 'INCIDENT');
    expect(crashes.map((e) => [e.date?.start, e.date?.end])).toEqual([['2031-03-11', '2031-03-11']]);
  });

  it('a crash\'s distance "short of the runway" in the next sentence, and none the source denies ("not 3km")', async () => {
    const a = await extract(
      'A small passenger plane crashed near the airport on Monday evening, killing at least nine people, officials said. ' +
        'The aircraft went down in a field about 2 kilometers (1.2 miles) short of the runway, the aviation authority said.',
      '2031-03-18',
    );
    expect(a.claims.filter((c) => c.attribute === 'distance').map((c) => c.normalized)).toEqual(['1.8-2.2 km']);
    const b = await extract('A cargo plane crashed near the airport on Sunday. The report found that the plane hit the ground 4.6km from the runway, not 3km as first reported.', '2031-03-18');
    expect(b.claims.filter((c) => c.attribute === 'distance').map((c) => c.normalized)).toEqual(['4.6-4.6 km']);
  });

  it('"said the first meeting … would be held on Tuesday" is the coming Tuesday', async () => {
    // 2031-10-10 is a Friday.
    const a = await extract('The labour minister said the first meeting with the unions would be held on Tuesday at the palace.', '2031-10-10');
    expect(a.events.filter((e) => e.kind === 'MEETING').map((e) => e.date?.start)).toEqual(['2031-10-14']);
  });

  it('"years of negotiation", "months of talks": a long process, no meeting', async () => {
    const a = await extract(
      'Markets rose.\n\nTraders were calm.\n\n"Today we turn years of negotiation into jobs," the prime minister said at the ceremony. After months of talks, the unions were tired.',
      '2031-11-06',
    );
    expect(a.events.filter((e) => e.kind === 'MEETING')).toEqual([]);
  });
});
