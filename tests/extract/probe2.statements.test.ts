/**
 * Second outside probe (tests/fixtures/probe2): statement findings, on short made-up sentences extracted with
 * the real NLP engine (see globalSetup).
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/domain/types.js';
import { extractWithEngine } from '../support/nlp.js';
import { statementWith as find } from '../support/find.js';

const extract = (text: string, publishedAt = '2024-05-10'): Promise<ExtractedArticle> =>
  extractWithEngine({ id: 'probe2-statements-test', text, outlet: 'Test Wire', title: null, publishedAt, url: null });

const name = (a: ExtractedArticle, key: string | undefined) => a.actors.find((x) => x.key === key)?.name;

describe('probe 2: statements', () => {
  it('"who asked not to be named" / "asked to be identified only as X" is a request for anonymity, not a statement', async () => {
    const a = await extract(
      'An aide close to the mayor, who asked not to be named, said a vote was likely in June. ' +
        '"I heard four shots," a driver who asked to be identified only as Tomas told the Test Wire.',
    );
    expect(a.statements.filter((s) => s.verb === 'ask').map((s) => s.text)).toEqual([]);
    expect(a.statements.map((s) => s.text)).not.toContain('not to be named');
    // Not yet: the driver's quote itself ("I heard four shots") still gets no statement (the parse reads "told"
    // inside the relative clause); the speaker is at least the named driver now, not "a driver … ask".
    expect(find(a, 'a vote was likely').text).toBe('a vote was likely in June');
  });

  it('"he"/"she" after a sentence about a named person is that person, not an earlier speaker', async () => {
    const a = await extract(
      'Senator Paul Brandt said he would appeal the ruling.\n\n' +
        'The bloc\'s trade commissioner, Maria Ostrova, congratulated the winner on social media. "I look forward to working with you," she wrote.\n\n' +
        'Interior Minister Tom Keller, who visited the harbour on Sunday, promised more officers. "We will not give up the port," he said.',
    );
    expect(name(a, find(a, 'I look forward').speakerKey)).toBe('Maria Ostrova');
    expect(name(a, find(a, 'We will not give up').speakerKey)).toBe('Tom Keller');
  });
});
