/**
 * Parse-driven attribution on short articles written for these tests (no article of any corpus): the
 * kinds of statements the surface sieve used to miss, with the real NLP engine's parse (see globalSetup).
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle, ExtractedStatement } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';
import { statementWith as find } from '../support/find.js';

const extract = (text: string): Promise<ExtractedArticle> =>
  extractWithEngine({ id: 'parse-test', text, outlet: 'Test Wire', title: null, publishedAt: '2024-03-14', url: null });

function speakerOf(a: ExtractedArticle, s: ExtractedStatement) {
  return a.actors.find((x) => x.key === s.speakerKey)!;
}


describe('parse-driven attribution', () => {
  it('takes the subject of the cue as speaker, past appositives and relative clauses', async () => {
    const a = await extract(
      'Maria Lindqvist, who worked at the harbour authority until being dismissed in 2013 over a safety dispute, said the cranes had been unsafe for years.',
    );
    const s = find(a, 'the cranes had been unsafe for years');
    expect(speakerOf(a, s).name).toBe('Maria Lindqvist');
    expect(s.verb).toBe('say');
    expect(s.kind).toBe('INDIRECT');
  });

  it('finds institutions, groups and shares of a poll as speakers', async () => {
    const a = await extract(
      [
        'The Pentagon said on Tuesday that the drills would continue through the spring.',
        'Critics say the plan favours large landlords over tenants.',
        'Fifty-two percent of respondents said they trusted the new council.',
      ].join('\n\n'),
    );
    expect(speakerOf(a, find(a, 'the drills would continue')).name).toMatch(/Pentagon/);
    expect(speakerOf(a, find(a, 'the plan favours large landlords')).name).toMatch(/critics/i);
    const poll = speakerOf(a, find(a, 'they trusted the new council'));
    expect([poll.name, ...poll.aliases].join(' | ')).toMatch(/respondents/);
    // A phrase without a name is a source of this article only, never merged with another article's.
    expect(poll.kind).toBe('ANONYMOUS_SOURCE');
  });

  it('reads cues beyond "say" and keeps each verb', async () => {
    const a = await extract(
      [
        'Councillor Tomas Berg has argued that the levy is unfair to small shops.',
        'The dockworkers union called for a full inquiry into the closure of the eastern terminal.',
        'Berg urged residents to attend the hearing on Thursday evening.',
        'In a memo to the board, the auditor wrote that several payments could not be traced.',
      ].join('\n\n'),
    );
    expect(find(a, 'the levy is unfair').verb).toBe('argue');
    expect(find(a, 'a full inquiry into the closure').verb).toBe('call for');
    expect(find(a, 'residents to attend the hearing').verb).toBe('urge');
    const memo = find(a, 'several payments could not be traced');
    expect(memo.verb).toBe('write');
    expect(speakerOf(a, memo).name).toMatch(/auditor/);
  });

  it('resolves a pronoun speaker to the person named in an earlier sentence', async () => {
    const a = await extract('Jonas Weber chairs the transport committee of the regional assembly. He said the bridge would reopen in May.');
    expect(speakerOf(a, find(a, 'the bridge would reopen in May')).name).toBe('Jonas Weber');
  });

  it('resolves a pronoun to a speaker before it, never to one who comes later', async () => {
    const a = await extract(
      [
        'Dockworkers say the eastern terminal must stay open. They urged the council to delay the vote.',
        '“We are worried about the traffic,” residents said on Tuesday.',
      ].join('\n\n'),
    );
    expect(speakerOf(a, find(a, 'the council to delay the vote')).name).toMatch(/dockworkers/i);
    expect(speakerOf(a, find(a, 'We are worried about the traffic')).name).toMatch(/residents/i);
  });

  it('reads "according to X" with X as the source', async () => {
    const a = await extract('According to the fire brigade, the blaze started in a kitchen on the third floor of the building.');
    expect(speakerOf(a, find(a, 'the blaze started in a kitchen')).name).toMatch(/fire brigade/);
  });

  it('keeps a quotation that runs over two paragraphs as one statement', async () => {
    const a = await extract(
      [
        '“The harbour is our lifeline,” said Anna Kowalczyk, the port director, on Monday.',
        '“Without the cranes we cannot load a single ship. Every week of delay costs the town dearly.”',
      ].join('\n\n'),
    );
    const s = find(a, 'The harbour is our lifeline');
    expect(s.text).toContain('Every week of delay costs the town dearly');
    expect(s.kind).toBe('DIRECT');
    expect(speakerOf(a, s).name).toBe('Anna Kowalczyk');
    expect(a.statements.filter((x) => x.text.includes('Every week of delay'))).toHaveLength(1);
  });

  it('does not make beliefs into statements', async () => {
    const a = await extract('The mayor believes the plan will work. Many residents hope the market will stay open.');
    expect(a.statements).toEqual([]);
  });

  it('points every statement at the exact characters it came from', async () => {
    const text = [
      'Councillor Tomas Berg has argued that the levy is unfair to small shops.',
      'According to the fire brigade, the blaze started in a kitchen. “It spread in minutes,” a firefighter said.',
      'Critics say the plan favours large landlords over tenants.',
    ].join('\n\n');
    const a = await extract(text);
    expect(a.statements.length).toBeGreaterThanOrEqual(4);
    for (const s of a.statements) {
      expect(text.slice(s.span.start, s.span.end)).toBe(s.span.exact);
      for (const q of s.quoteSpans) expect(text.slice(q.start, q.end)).toBe(q.exact);
    }
  });
});
