/**
 * Third outside probe (tests/fixtures/probe3): statement findings, on short made-up text extracted with the
 * real NLP engine (see globalSetup).
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';

const extract = (text: string, publishedAt: string): Promise<ExtractedArticle> =>
  extractWithEngine({ id: 'probe3-statements-test', text, outlet: 'Test Wire', title: null, publishedAt, url: null });

describe('probe 3: statements', () => {
  it('leaves the wire dateline out of the lede\'s reported words', async () => {
    const a = await extract(
      'Toll rises in ferry sinking\n\nPORTO NOVO, Jan 8 (Reuters) - The death toll from Tuesday\'s sinking of a ferry rose to 19, Transport Minister Ada Kone said on Wednesday.\n\n' +
        'A second report followed.\n\nKOROLEV, Russia (AP) — A rocket carrying two satellites exploded shortly after launch, space officials said.',
      '2031-01-08',
    );
    expect(a.statements.map((s) => s.text)).toEqual([
      "The death toll from Tuesday's sinking of a ferry rose to 19",
      'A rocket carrying two satellites exploded shortly after launch',
    ]);
  });

  it('"join the march" gives no said-date of March', async () => {
    const a = await extract('"We will not give up," said Ana Tupa, a nurse who travelled from the south to join the march.', '2031-10-03');
    expect(a.statements.map((s) => s.saidOn)).toEqual([null]);
  });

  it('"said 260 people were detained" reports the number; "said Jan. 5" is still a date', async () => {
    const a = await extract('The ombudsman said 260 people were detained. Police said 40 people were hurt. The ministry said Jan. 5 that it would act.', '2031-01-09');
    expect(a.statements.map((s) => [s.text, s.saidOn?.start ?? null])).toEqual([
      ['260 people were detained', null],
      ['40 people were hurt', null],
      ['it would act', '2031-01-05'],
    ]);
  });

  it('an organisation whose name opens with a country speaks for itself, not for the country', async () => {
    const a = await extract(
      'The ferry sank about 2 km from the port, according to the Ghana Maritime Safety Authority. ' +
        'The quake had a magnitude of 6.1, the U.S. Geological Survey said. Kenya Airways said flights would resume. Kenya said it would help.',
      '2031-01-09',
    );
    const speaker = (text: string) => a.actors.find((x) => x.key === a.statements.find((s) => s.text.startsWith(text))?.speakerKey)?.name;
    expect(speaker('The ferry sank')).toBe('Ghana Maritime Safety Authority');
    expect(speaker('The quake had')).toBe('U.S. Geological Survey');
    expect(speaker('flights would')).toBe('Kenya Airways');
    expect(speaker('it would help')).toBe('Kenya');
    expect(a.actors.filter((x) => x.kind === 'COUNTRY').map((x) => x.name)).toEqual(['Kenya']);
  });
});
