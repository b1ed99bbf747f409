import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractWithEngine } from '../support/nlp.js';
import type { ExtractedArticle, Span } from '../../src/domain/types.js';
import { seedInputs } from './support/seedArticles.js';

const GENERAL = path.resolve(__dirname, '../fixtures/general');

function spansOf(a: ExtractedArticle): Array<[string, Span]> {
  const out: Array<[string, Span]> = [];
  for (const actor of a.actors) for (const m of actor.mentions) out.push([`actor ${actor.name}`, m]);
  for (const s of a.statements) {
    out.push([`statement ${s.key}`, s.span]);
    for (const q of s.quoteSpans) out.push([`quote of ${s.key}`, q]);
    if (s.saidOn?.span) out.push([`said-date of ${s.key}`, s.saidOn.span]);
  }
  return out;
}

const articles = [
  ...seedInputs(),
  ...fs.readdirSync(GENERAL).filter((f) => f.startsWith('quotes-')).map((f) => ({
    id: f, text: fs.readFileSync(path.join(GENERAL, f), 'utf8'), outlet: 'test', title: null, publishedAt: '2023-06-14', url: null,
  })),
];

describe('every span points at its exact text', () => {
  for (const input of articles) {
    it(input.id, async () => {
      const a = await extractWithEngine(input);
      const spans = spansOf(a);
      expect(spans.length).toBeGreaterThan(5);
      for (const [what, s] of spans) {
        expect(input.text.slice(s.start, s.end), what).toBe(s.exact);
        expect(s.start, what).toBeLessThanOrEqual(s.end);
      }
      for (const s of a.statements) {
        // The words of a statement are inside its attribution span, and the speaker is an actor of the article.
        for (const q of s.quoteSpans) expect(q.start >= s.span.start && q.end <= s.span.end, `${s.key} ${s.text}`).toBe(true);
        expect(a.actors.some((x) => x.key === s.speakerKey)).toBe(true);
        for (const k of [...s.viaKeys, ...(s.audienceKey ? [s.audienceKey] : [])]) expect(a.actors.some((x) => x.key === k)).toBe(true);
      }
    });
  }
});

it('is deterministic: the same text gives the same output', async () => {
  const input = seedInputs()[3]!;
  expect(JSON.stringify(await extractWithEngine(input))).toBe(JSON.stringify(await extractWithEngine(input)));
});
