import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.js';
import { decodeArticleBytes, isRealIsoDate, validateArticleInput, validatePublishedAt } from '../../src/ingest/validate.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const MAX = 1_000;
const good = { id: 'a-1', text: 'The council met on Monday.', outlet: 'Example Daily', title: null, publishedAt: '2024-05-30', url: null, source: 'in/a-1.txt' };

function errorOf(run: () => unknown): IngestError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('decodeArticleBytes', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeArticleBytes(Buffer.from('\uFEFFZürich café', 'utf8'), 'x.txt', MAX)).toBe('Zürich café');
  });

  it('rejects an empty file, naming the file and the fix', () => {
    const e = errorOf(() => decodeArticleBytes(Buffer.alloc(0), 'in/empty.txt', MAX));
    expect(e).toMatchObject({ code: 'EMPTY', file: 'in/empty.txt', field: 'text' });
    expect(e.message).toMatch(/^in\/empty\.txt: the article is empty — put the article text in the file/);
  });

  it('rejects binary data (NUL bytes)', () => {
    const e = errorOf(() => decodeArticleBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'photo.png', MAX));
    expect(e.code).toBe('BINARY');
    expect(e.message).toMatch(/photo\.png: looks like a binary file \(NUL byte at byte 4\).*UTF-8 \.txt/);
  });

  it('rejects text that is not UTF-8, with where and how to convert', () => {
    const latin1 = Buffer.from('Caf\xe9 au lait', 'latin1');
    const e = errorOf(() => decodeArticleBytes(latin1, 'old.txt', MAX));
    expect(e.code).toBe('NOT_UTF8');
    expect(e.message).toMatch(/old\.txt: is not valid UTF-8 \(near byte [34]\) — re-save it as UTF-8/);
  });

  it('rejects files over the size limit before decoding', () => {
    const e = errorOf(() => decodeArticleBytes(Buffer.alloc(MAX + 1, 0x61), 'big.txt', MAX));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/big\.txt: is 1001 bytes, over the limit of 1000 — .*MAX_ARTICLE_BYTES/);
  });
});

describe('validateArticleInput', () => {
  it('accepts a good article and fills in its sha256', () => {
    const a = validateArticleInput(good, { maxBytes: MAX, now: NOW });
    expect(a).toMatchObject({ id: 'a-1', outlet: 'Example Daily', publishedAt: '2024-05-30' });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('derives the id of an upload from its text', () => {
    const { id: _id, source: _s, ...upload } = good;
    const a = validateArticleInput(upload, { maxBytes: MAX, now: NOW });
    expect(a.id).toBe(`art-${a.sha256.slice(0, 16)}`);
  });

  it.each([
    ['blank text', { text: ' \n\t ' }, 'EMPTY', /the article is empty/],
    ['control characters', { text: 'ok\u0001then' }, 'BINARY', /control character \(U\+0001 at offset 2\)/],
    ['too many bytes (multi-byte characters count)', { text: 'é'.repeat(600) }, 'TOO_LARGE', /1200 bytes, over the limit of 1000/],
    ['a missing date', { publishedAt: undefined }, 'MISSING_DATE', /has no publication date — give publishedAt as YYYY-MM-DD/],
    ['an impossible date', { publishedAt: '2015-02-30' }, 'BAD_DATE', /"2015-02-30" is not a real calendar date/],
    ['a malformed date', { publishedAt: '14/10/2015' }, 'BAD_DATE', /"14\/10\/2015" is not a YYYY-MM-DD date/],
    ['a future date', { publishedAt: '2024-06-03' }, 'FUTURE_DATE', /"2024-06-03" is in the future/],
    ['no outlet', { outlet: '  ' }, 'BAD_FIELD', /has no outlet — name the publication/],
    ['an unusable id', { id: 'has space' }, 'BAD_FIELD', /id "has space" is not usable/],
  ])('rejects %s', (_name, patch, code, message) => {
    const e = errorOf(() => validateArticleInput({ ...good, ...patch }, { maxBytes: MAX, now: NOW }));
    expect(e.code).toBe(code);
    expect(e.message.startsWith('in/a-1.txt: ')).toBe(true);
    expect(e.message).toMatch(message);
  });

  it('accepts a date that is already today somewhere on Earth', () => {
    expect(validatePublishedAt('2024-06-02', 'x', NOW)).toBe('2024-06-02');
  });
});

describe('isRealIsoDate', () => {
  it('knows leap years and month lengths', () => {
    expect(isRealIsoDate('2016-02-29')).toBe(true);
    expect(isRealIsoDate('2015-02-29')).toBe(false);
    expect(isRealIsoDate('2015-04-31')).toBe(false);
    expect(isRealIsoDate('2015-13-01')).toBe(false);
    expect(isRealIsoDate('2015-1-01')).toBe(false);
  });
});

describe('the fix is worded for where the article came from', () => {
  const upload = { ...good, source: undefined };

  it('an upload through the API names input fields, never files, manifests or flags', () => {
    const cases = [
      errorOf(() => validateArticleInput({ ...upload, text: '  ' }, { maxBytes: MAX, now: NOW })),
      errorOf(() => validateArticleInput({ ...upload, publishedAt: '' }, { maxBytes: MAX, now: NOW })),
      errorOf(() => validateArticleInput({ ...upload, outlet: ' ' }, { maxBytes: MAX, now: NOW })),
      errorOf(() => validateArticleInput({ ...upload, text: 'a\u0007b' }, { maxBytes: MAX, now: NOW })),
      errorOf(() => validateArticleInput({ ...upload, text: 'x'.repeat(MAX + 1) }, { maxBytes: MAX, now: NOW })),
    ];
    expect(cases.map((e) => e.code)).toEqual(['EMPTY', 'MISSING_DATE', 'BAD_FIELD', 'BINARY', 'TOO_LARGE']);
    for (const e of cases) expect(e.message).not.toMatch(/file|manifest|--[a-z]/);
    expect(cases[0]!.message).toMatch(/send the article text in input\.text/);
    expect(cases[1]!.message).toMatch(/give input\.publishedAt as YYYY-MM-DD/);
    expect(cases[2]!.message).toMatch(/name the publication in input\.outlet/);
  });

  it('a file keeps the command-line wording', () => {
    const e = errorOf(() => validateArticleInput({ ...good, publishedAt: '' }, { maxBytes: MAX, now: NOW }));
    expect(e.message).toMatch(/\(manifest entry, or --published\)/);
  });
});
