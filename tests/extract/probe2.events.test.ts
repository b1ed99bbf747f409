/**
 * Second outside probe (tests/fixtures/probe2): event findings, on short made-up sentences extracted with the
 * real NLP engine (see globalSetup).
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';
import { eventMentioning } from '../support/find.js';

const extract = (text: string, publishedAt: string): Promise<ExtractedArticle> =>
  extractWithEngine({ id: 'probe2-events-test', text, outlet: 'Test Wire', title: null, publishedAt, url: null });

describe('probe 2: events', () => {
  it('"arrested two men on Sunday in connection with a shooting": Sunday is the arrests\' day, not the shooting\'s', async () => {
    // 2026-04-06 is a Monday: Sunday 04-05, Saturday 04-04.
    const a = await extract(
      'Police arrested two men on Sunday in connection with a shooting at a market that killed three people, the prosecutor said. ' +
        "Saturday's shooting at the market began at 10:40 a.m.",
      '2026-04-06',
    );
    expect(eventMentioning(a, 'arrested').name).not.toMatch(/shooting/);
    const shootings = a.events.filter((e) => e.kind === 'INCIDENT' && /shooting/.test(e.name));
    expect(shootings.map((e) => e.date?.start)).toEqual(['2026-04-04']);
  });

  it('"arrested a teenager on Friday over the shooting": the shooting keeps its own day', async () => {
    const a = await extract('Police arrested a teenager on Friday over the shooting at the school. The shooting happened on Wednesday.', '2026-04-06');
    const shootings = a.events.filter((e) => /shooting/.test(e.name));
    expect(shootings.map((e) => e.date?.start)).toEqual(['2026-04-01']);
  });
});
