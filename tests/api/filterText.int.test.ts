/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON, checked by the assertions */
/**
 * `filter: { text }` over real HTTP and a real Neo4j: the length and term limits are checked before Neo4j is
 * asked anything, and a property test over seeded random strings (every script, Lucene syntax, emoji, lone
 * surrogates, lengths and word counts on both sides of the limits) holds that every response is data or
 * BAD_USER_INPUT — never INTERNAL_SERVER_ERROR — at the default limits and at the largest allowed ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/graph/migrations.js';
import { searchTermCount } from '../../src/graph/repositories/common.js';
import { testDriver } from '../support/neo4j.js';
import { buildFixture, deleteFixture, ids, writeFixture } from './fixture.js';
import { countingDriver, startTestServer, type TestServer } from './helpers.js';

const setupDriver = testDriver();
const counted = countingDriver(testDriver());
let server: TestServer;
let widest: TestServer;

/** Every text filter of the API in one request. */
const ALL_FILTERS = `query($t: String!) {
  s: statements(filter: { text: $t }) { edges { node { id } } }
  a: actors(filter: { text: $t }) { edges { node { id } } }
  e: events(filter: { text: $t }) { edges { node { id } } }
  t: timeline(filter: { text: $t }) { edges { cursor } }
}`;

beforeAll(async () => {
  await applyMigrations(setupDriver, process.env.NEO4J_DATABASE ?? 'neo4j');
  await deleteFixture(setupDriver);
  await writeFixture(setupDriver, buildFixture());
  server = await startTestServer({ driver: counted.driver });
  widest = await startTestServer({ driver: testDriver(), config: { MAX_FILTER_TEXT_CHARS: '1000', MAX_FILTER_TEXT_TERMS: '200' } });
});

afterAll(async () => {
  await server?.close();
  await widest?.close();
  await deleteFixture(setupDriver);
  await setupDriver.close();
});

/** mulberry32: a small seeded generator, so a failure is reproduced by its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '0123456789',
  '+-&|!(){}[]^"~*?:\\/\'`<>=;,.%$#@_',
  ' \t\n\r\u00a0\u2003\u3000',
  'éüñçßøåÆŒ', // Latin with diacritics
  'e\u0301a\u0308', // combining marks
  '中文字符串測試日本語',
  'ひらがなカタカナ',
  '한국어텍스트',
  'ภาษาไทย',
  'العربية',
  'Русский',
  '😀🚀🇫🇷👍🏽',
  '\ud800\udfff', // lone surrogate halves, one at a time
  '\u0000\u0007\u001b\u200b\u200d\ufeff', // controls and zero-width
];
const WORDS = ['AND', 'OR', 'NOT', 'TO', 'zorblax', 'defend', 'strait', 'mira', 'vantoren', '*', '?', '~2', '^3', 'a:b', '"', '\\', '/.*/', '&&', '||'];

function randomText(next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const kind = next();
  // Lengths and word counts on both sides of the limits (500 characters, 32 terms; 1,000 and 200 at most).
  const length = kind < 0.4 ? Math.floor(next() * 60) : kind < 0.8 ? Math.floor(next() * 600) : Math.floor(next() * 1_300);
  let out = '';
  while (out.length < length) {
    const r = next();
    if (r < 0.25) out += `${pick(WORDS)} `;
    else if (r < 0.35) out += `${pick(WORDS)}-`;
    else {
      const alphabet = pick(ALPHABETS);
      const run = 1 + Math.floor(next() * 12);
      for (let i = 0; i < run; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    }
  }
  return out.slice(0, length);
}

function expectDataOrBadInput(res: { status: number; body: any }, text: string, limits: { chars: number; terms: number }) {
  const label = JSON.stringify(text.slice(0, 80)) + ` (${text.length} chars, ${searchTermCount(text)} terms)`;
  const codes = (res.body.errors ?? []).map((e: any) => e.extensions?.code);
  for (const code of codes) expect(code, label).toBe('BAD_USER_INPUT');
  const within = text.length <= limits.chars && searchTermCount(text) <= limits.terms;
  if (within) {
    expect(res.body.errors, label).toBeUndefined();
    expect(res.status, label).toBe(200);
  } else {
    expect(codes.length, label).toBeGreaterThan(0);
    for (const e of res.body.errors) expect(e.message, label).toMatch(/\(MAX_FILTER_TEXT_(CHARS|TERMS)\)$/);
  }
}

describe('filter text limits', () => {
  it('refuses 1,001 characters, 600 words and 1 MB with BAD_USER_INPUT naming the limit, before Neo4j is asked', async () => {
    const cases: Array<[string, RegExp]> = [
      ['x'.repeat(1_001), /is 1001 characters long; the limit is 500 \(MAX_FILTER_TEXT_CHARS\)$/],
      [Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ').slice(0, 499), /has \d+ search terms; the limit is 32 \(MAX_FILTER_TEXT_TERMS\)$/],
      [Array.from({ length: 120 }, (_, i) => `a${i}`).join('-').slice(0, 480), /search terms; the limit is 32 \(MAX_FILTER_TEXT_TERMS\)$/],
      ['中'.repeat(100), /has 100 search terms; the limit is 32/],
      ['z '.repeat(500_000), /is 1000000 characters long; the limit is 500 \(MAX_FILTER_TEXT_CHARS\)$/],
    ];
    for (const [text, message] of cases) {
      for (const field of ['statements', 'actors', 'events', 'timeline']) {
        const before = counted.stats.queries;
        const res = await server.gql(`query($t: String!) { ${field}(filter: { text: $t }) { edges { cursor } } }`, { t: text });
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: `${field}.filter.text` });
        expect(res.body.errors?.[0]?.message).toMatch(new RegExp(`^${field}\\.filter\\.text `));
        expect(res.body.errors?.[0]?.message).toMatch(message);
        expect(counted.stats.queries - before).toBe(0);
      }
    }
  });

  it('still searches text at the limits', async () => {
    const words = ['zorblax', ...Array.from({ length: 31 }, () => 'strait')].join(' ');
    const res = await server.gql(`query($t: String!) { statements(filter: { text: $t }) { edges { node { id } } } }`, { t: words });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.statements.edges.map((e: any) => e.node.id)).toEqual([ids.s1]);
  });

  it('answers every random string with data or BAD_USER_INPUT, never INTERNAL_SERVER_ERROR (default limits)', async () => {
    const next = rng(20261207);
    for (let i = 0; i < 120; i++) {
      const text = randomText(next);
      expectDataOrBadInput(await server.gql(ALL_FILTERS, { t: text }), text, { chars: 500, terms: 32 });
    }
  }, 180_000);

  it('holds at the largest limits allowed (1,000 characters, 200 terms), worst cases included', async () => {
    const worst = [
      'x'.repeat(1_000), // the longest prefix term Lucene accepts for actor type-ahead
      Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ').slice(0, 1_000),
      Array.from({ length: 200 }, (_, i) => `h${i}`).join('-').slice(0, 1_000),
      '中'.repeat(200),
      `a${'😀'.repeat(199)}`,
      Array.from({ length: 200 }, () => 'AND').join(' '),
    ];
    const next = rng(7);
    const texts = [...worst, ...Array.from({ length: 40 }, () => randomText(next))];
    for (const text of texts) expectDataOrBadInput(await widest.gql(ALL_FILTERS, { t: text }), text, { chars: 1_000, terms: 200 });
  }, 180_000);
});
