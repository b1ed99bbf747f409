/**
 * The per-article date cache (src/extract/dates.ts) must answer exactly what parsing a range on its own
 * answers: the statement stage reads said-on dates of attribution clauses from the sentence's one parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocDates } from '../../src/extract/dates.js';
import { splitSentences } from '../../src/extract/text.js';
import { findDates } from '../../src/extract/time.js';
import { tokenize } from '../../src/extract/tokens.js';
import { seedInputs } from './support/seedArticles.js';

const general = readdirSync('tests/fixtures/general')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ text: readFileSync(`tests/fixtures/general/${f}`, 'utf8'), publishedAt: '2024-03-14' }));

const tricky = [
  'In May, officials said on Tuesday that talks would resume; she said May was too early.',
  'The jets met over the weekend, the ministry said Sunday, the second time this month.',
  '"We will meet again next week," Brennick said on Jan. 10, 2023, at 5 p.m. EST, two days after the talks.',
  'He said at noon on Friday, Oct. 2 that the deal, signed Sept. 30, would hold until the end of the month.',
];

const docs = [
  ...seedInputs().map((a) => ({ text: a.text, publishedAt: a.publishedAt })),
  ...general,
  ...tricky.map((text) => ({ text, publishedAt: '2023-01-12' })),
];

describe('DocDates', () => {
  it('gives each sentence the dates findDates finds in it', () => {
    for (const d of docs) {
      const doc = { ...d, sentences: splitSentences(d.text) };
      const dates = new DocDates(doc);
      doc.sentences.forEach((s, i) => expect(dates.sentence(i)).toEqual(findDates(doc.text, doc.publishedAt, s)));
    }
  });

  it('reads any range inside a sentence exactly as parsing that range alone would', () => {
    let ranges = 0;
    for (const d of docs) {
      const doc = { ...d, sentences: splitSentences(d.text) };
      const dates = new DocDates(doc);
      const tokens = tokenize(doc.text, doc.sentences);
      doc.sentences.forEach((s, i) => {
        const own = tokens.filter((t) => t.sentence === i);
        // Ranges on token boundaries, as attribution clauses are: every start with every third end, and the reverse.
        for (let a = 0; a < own.length; a++) {
          for (let b = a; b < own.length; b += a % 3 === 0 ? 1 : 3) {
            const range = { start: own[a]!.start, end: own[b]!.end };
            expect(dates.inRange(range), `${JSON.stringify(doc.text.slice(range.start, range.end))}`).toEqual(
              findDates(doc.text, doc.publishedAt, range),
            );
            ranges++;
          }
        }
      });
    }
    expect(ranges).toBeGreaterThan(1000);
  }, 120_000);
});
