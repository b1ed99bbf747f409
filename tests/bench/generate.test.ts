/**
 * The benchmark's corpus generator (bench/corpus/generate.ts): deterministic, invented people only, and
 * an expectation that adds up — plus a guard that the extractor still reads every generated form exactly,
 * since `npm run bench` requires exact graph counts. Pure: no Neo4j, no timing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractWithEngine } from '../support/nlp.js';
import names from '../../bench/corpus/data/names.json' with { type: 'json' };
import world from '../../bench/corpus/data/world.json' with { type: 'json' };
import { MAX_OVERLAP, addDays, countsOf, generateCorpus, mulberry32, surnamePool, wordOverlap } from '../../bench/corpus/generate.js';

const digest = (texts: string[]) => createHash('sha256').update(texts.join('\u0000')).digest('hex');
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateCorpus', () => {
  const small = generateCorpus({ scale: 100, seed: 42 });

  it('is deterministic: same scale and seed, same bytes', () => {
    const again = generateCorpus({ scale: 100, seed: 42 });
    expect(digest(again.articles.map((a) => a.text))).toBe(digest(small.articles.map((a) => a.text)));
    expect(again.expected).toEqual(small.expected);
    const other = generateCorpus({ scale: 100, seed: 43 });
    expect(digest(other.articles.map((a) => a.text))).not.toBe(digest(small.articles.map((a) => a.text)));
  });

  it('writes the requested number of articles with unique ids, in publication order', () => {
    expect(small.articles).toHaveLength(100);
    expect(new Set(small.articles.map((a) => a.id)).size).toBe(100);
    const dates = small.articles.map((a) => a.publishedAt);
    expect([...dates].sort()).toEqual(dates);
    expect(small.expected.bytes).toBe(small.articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0));
  });

  it('has an expectation that adds up', () => {
    const e = small.expected;
    const reports = e.perArticle.flatMap((a) => a.statements);
    expect(e.reports).toBe(reports.length);
    expect(e.statements).toBe(new Set(reports.map((r) => r.utterance)).size);
    expect(e.via).toBe(reports.reduce((n, r) => n + r.via.length, 0));
    expect(Object.values(e.forms).reduce((a, b) => a + b, 0)).toBe(e.reports);
    expect(e.chains).toBeGreaterThan(0);
    expect(e.longestChain.reports).toBeGreaterThan(1);
    expect(e.meetings).toBeGreaterThanOrEqual(e.meetingSeries);
    expect(e.incidents).toBeGreaterThan(0);
    expect(e.actors.total).toBe(e.actors.PERSON + e.actors.MEDIA_OUTLET + e.actors.COUNTRY + e.actors.GOVERNMENT);
    // Every statement form the issue asks for is used.
    for (const n of Object.values(e.forms)) expect(n).toBeGreaterThan(0);
    // An utterance is reported at most once per article.
    for (const a of e.perArticle) expect(new Set(a.statements.map((s) => s.utterance)).size).toBe(a.statements.length);
  });

  it('recounts any subset of articles (what the bench expects when some fail to load)', () => {
    const e = small.expected;
    const all = countsOf(e.perArticle);
    expect(all).toEqual({
      articles: e.articles,
      statements: e.statements,
      directStatements: all.directStatements,
      reports: e.reports,
      chains: e.chains,
      via: e.via,
      actors: e.actors,
      meetings: e.meetings,
      meetingSeries: e.meetingSeries,
      incidents: e.incidents,
      claims: e.claims,
    });
    const some = countsOf(e.perArticle.slice(0, 50));
    expect(some.articles).toBe(50);
    expect(some.reports).toBe(e.perArticle.slice(0, 50).reduce((n, a) => n + a.statements.length, 0));
    expect(some.statements).toBeLessThanOrEqual(all.statements);
  });

  it('keeps the utterances of one speaker clearly apart, so resolution never merges two', () => {
    const bySpeaker = new Map<string, Map<string, string>>();
    for (const r of small.expected.perArticle.flatMap((a) => a.statements)) {
      const m = bySpeaker.get(r.speaker) ?? new Map<string, string>();
      if (!m.has(r.utterance)) m.set(r.utterance, r.text);
      bySpeaker.set(r.speaker, m);
    }
    for (const texts of bySpeaker.values()) {
      const list = [...texts.values()].map((t) => norm(t.split(' … ')[0] ?? t).split(' '));
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) expect(wordOverlap(list[i]!, list[j]!)).toBeLessThan(MAX_OVERLAP);
      }
    }
  });

  it('invents its people: no seed article names any of them', () => {
    const seedDir = path.resolve(__dirname, '../../seed/articles');
    const seedText = readdirSync(seedDir).map((f) => readFileSync(path.join(seedDir, f), 'utf8')).join('\n');
    const seedWords = new Set(seedText.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []);
    for (const surname of surnamePool()) expect(seedWords.has(surname), surname).toBe(false);
    for (const a of small.articles) expect(seedText.includes(a.text.slice(0, 60))).toBe(false);
  });

  it('has enough invented surnames for 100,000 articles (one per person)', () => {
    const perCountry = 6 + Math.ceil(10_000 / 120);
    expect(surnamePool().length).toBeGreaterThanOrEqual(perCountry * world.countries.length);
    // Above LARGE_SCALE the same number of people spread over 48 countries (generate.ts buildPeople).
    const large = Math.ceil(((6 + Math.ceil(100_000 / 120)) * world.countries.length) / (world.countries.length + world.moreCountries.length));
    expect(surnamePool().length).toBeGreaterThanOrEqual(large * (world.countries.length + world.moreCountries.length));
    expect(new Set(surnamePool()).size).toBe(surnamePool().length);
    expect(names.female.length + names.male.length).toBeGreaterThan(50);
  });

  it('scales: 1,000 articles give about ten times the statements of 100', () => {
    const big = generateCorpus({ scale: 1000, seed: 42 });
    expect(big.articles).toHaveLength(1000);
    expect(big.expected.reports / small.expected.reports).toBeGreaterThan(8);
    expect(big.expected.reports / small.expected.reports).toBeLessThan(12);
    expect(big.expected.busiest.statements).toBeGreaterThan(small.expected.busiest.statements);
  });

  it('names relative days that fall before the publication date', () => {
    expect(addDays('2023-01-02', -1)).toBe('2023-01-01');
    for (const a of small.articles) expect(a.text).not.toMatch(/\{topic\}|undefined|NaN/);
  });
});

/**
 * The bench requires exact counts, so the generator may only use forms the extractor reads exactly. If
 * this fails after an extraction change, either the extractor regressed on a form it handled, or the
 * generator must drop the form (run `node --import tsx bench/calibrate.ts` to see which).
 */
describe('the extractor on the generated forms', () => {
  it('finds every generated statement (speaker, words, kind, intermediaries) and every actor, and nothing else', async () => {
    const corpus = generateCorpus({ scale: 60, seed: 7 });
    const problems: string[] = [];
    for (const [i, article] of corpus.articles.entries()) {
      const exp = corpus.expected.perArticle[i]!;
      const x = await extractWithEngine({ id: article.id, text: article.text, outlet: article.outlet, title: article.title, publishedAt: article.publishedAt, url: article.url });
      const byKey = new Map(x.actors.map((a) => [a.key, a]));
      const found = x.statements.map((s) => ({
        surname: (byKey.get(s.speakerKey)?.name ?? '?').split(' ').at(-1),
        text: norm(s.text),
        kind: s.kind,
        via: s.viaKeys.map((k) => byKey.get(k)?.name ?? '?').sort(),
      }));
      const wanted = exp.statements.map((s) => ({ surname: s.speaker.split(' ').at(-1), text: norm(s.text), kind: s.kind, via: [...s.via].sort() }));
      const key = (s: object) => JSON.stringify(s);
      const got = found.map(key).sort();
      const want = wanted.map(key).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${article.id}: statements differ`);
      const kinds = (list: string[]) => list.map((k) => k.split(':')[0]).sort().join(',');
      if (kinds(x.actors.map((a) => `${a.kind}:${a.name}`)) !== kinds(exp.actors)) problems.push(`${article.id}: actor kinds differ`);
      if (x.events.filter((e) => e.kind === 'MEETING').length !== exp.meetings.length) problems.push(`${article.id}: meetings differ`);
      if (x.events.filter((e) => e.kind === 'INCIDENT').length !== exp.incidents.length) problems.push(`${article.id}: incidents differ`);
    }
    expect(problems).toEqual([]);
  });
});
