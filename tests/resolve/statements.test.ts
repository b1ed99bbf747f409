import { describe, expect, it } from 'vitest';
import type { ExtractedStatement } from '../../src/domain/types.js';
import { resolveArticle } from '../../src/resolve/index.js';
import { addToKnown } from '../../src/resolve/corpus.js';
import { sameUtterance, statementId, wording } from '../../src/resolve/statements.js';
import type { KnownGraph } from '../../src/domain/types.js';
import { article, seedCorpus, statementIdOf } from './support.js';

// Seed articles through the real NLP engine, extracted and resolved once for the file.
const { resolved } = await seedCorpus();

const same = (a: string, b: string) => sameUtterance(wording(a), wording(b)) > 0;

describe('same utterance, different wording', () => {
  it('a trimmed quote, an insertion, an elision, curly quotes and case', () => {
    expect(same('We will not agree to cooperate with them as long as they pursue this', '"We have not, and will not agree to cooperate with them as long as they pursue this," he said')).toBe(true);
    expect(same('Positions became closer on the key provisions [on air safety]', 'positions became closer on the key provisions')).toBe(true);
    expect(same('The two sides discussed measures ... including the means to avoid accidents', 'The two sides discussed measures to enhance safety, including the means to avoid accidents')).toBe(true);
    expect(same('“It is hurtful”', '"it is hurtful."')).toBe(true);
  });

  it('a word or two only counts inside the other wording\'s quotation', () => {
    expect(same('miles', 'the planes were "close, but they were miles apart"')).toBe(true);
    expect(same('miles', 'the planes were miles apart')).toBe(false);
  });

  it('different statements stay apart', () => {
    expect(same('The talks will resume next week', 'The talks failed and will not resume')).toBe(false);
  });

  it('ids hash the speaker and the normalised words', () => {
    expect(statementId('actor:person:x', '“It is hurtful.”')).toBe(statementId('actor:person:x', 'it is hurtful'));
    expect(statementId('actor:person:x', 'it is hurtful')).not.toBe(statementId('actor:person:y', 'it is hurtful'));
    expect(statementId('actor:person:x', 'it is hurtful')).toMatch(/^stmt:[0-9a-f]{16}$/);
  });
});

describe('statement ids across the seed articles', () => {
  const byId = (id: string) => resolved.find((r) => r.article.id === id)!;
  const latin = byId('000_13a7a3ee9cba360b');
  const ibt = byId('001_45fd82710821ae0a');
  const fox = byId('003_95363f65d31180cf');
  const cnn = byId('004_aa3a53a6edca9073');

  it('Carter\'s "misguided strategy" quote in two articles is ONE statement', () => {
    expect(statementIdOf(ibt, 'misguided strategy')).toBe(statementIdOf(cnn, 'misguided strategy'));
  });

  it('the Pentagon spokesman\'s "Progress was made" (trimmed in one article, split in the other) is one statement', () => {
    expect(statementIdOf(latin, 'Progress was made')).toBe(statementIdOf(cnn, 'Progress was made'));
  });

  it('Warren\'s "miles" is the briefing remark the other article quotes in full', () => {
    const miles = fox.statements.find((s) => s.text === 'miles')!;
    expect(fox.ids[miles.key]).toBe(statementIdOf(cnn, 'miles apart'));
  });

  it('anonymous sources\' statements are not merged across articles', () => {
    expect(statementIdOf(ibt, 'take effect')).not.toBe(statementIdOf(cnn, 'it would happen'));
  });

  it('re-resolving against the stored graph gives the same ids (re-seeding changes nothing)', () => {
    const known = resolved.reduce<KnownGraph>((k, r) => addToKnown(k, r), { actors: [], statements: [], events: [] });
    for (const r of resolved) {
      const again = resolveArticle(r, known);
      for (const key of [...r.actors.map((a) => a.key), ...r.statements.map((s) => s.key)]) {
        expect(again.ids[key], `${r.article.id} ${key}`).toBe(r.ids[key]);
      }
    }
  });

  it('one article reports a stored utterance once: two of its statements never share an id', () => {
    const s = (key: string, text: string): ExtractedStatement => ({
      key, speakerKey: 'p', text, kind: 'DIRECT', verb: 'say', saidOn: null, viaKeys: [], span: { start: 0, end: 0, exact: '' }, quoteSpans: [], aboutKeys: [],
    });
    const actors = [{ key: 'p', name: 'Anna Kowalski', kind: 'PERSON' as const, aliases: [], mentions: [] }];
    const first = resolveArticle(article('a', actors, [s('s1', 'The bridge is safe and it will reopen on Friday')]), { actors: [], statements: [], events: [] });
    const known = addToKnown({ actors: [], statements: [], events: [] }, first);
    const second = resolveArticle(article('b', actors, [s('s1', 'The bridge is safe'), s('s2', 'it will reopen on Friday')]), known);
    expect(second.ids.s1).not.toBe(second.ids.s2);
    expect([second.ids.s1, second.ids.s2]).toContain(first.ids.s1);
  });
});
