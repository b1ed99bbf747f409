/**
 * The readers of docs/formats.md on own-written fixtures (tests/fixtures/formats): what text each one keeps,
 * which metadata it reads, and how a bad record is reported (its line or item, the fix) while the others
 * are still read. Pure: no Neo4j (tests/ingest/formats.int.test.ts stores them).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtmlFile, readHtmlPage } from '../../src/ingest/formats/html.js';
import { htmlFragmentToText } from '../../src/ingest/formats/htmlText.js';
import { recordId, toIsoDay } from '../../src/ingest/formats/fields.js';
import { buildMapping, parseMap, recordToInput, MappingError } from '../../src/ingest/formats/mapping.js';
import { openRecords, recordFormatOf, type ArticleRecord, type RecordFormat } from '../../src/ingest/formats/records.js';
import { ingestRecordStream } from '../../src/ingest/formats/stream.js';
import { splitIngestPaths } from '../../src/ingest/formats/run.js';
import { readArticleFiles } from '../../src/ingest/seedFolder.js';
import { parseManifest } from '../../src/ingest/manifest.js';
import type { IngestError } from '../../src/ingest/errors.js';
import type { IngestResult } from '../../src/ingest/pipeline.js';

const FIX = 'tests/fixtures/formats';
const LIMITS = { MAX_ARTICLE_BYTES: 500_000 };

async function readAll(file: string, opts: { preset?: string; map?: string; format?: RecordFormat; overrides?: Record<string, string> } = {}) {
  const source = openRecords(file, opts.format ?? recordFormatOf(file)!, {
    mapping: buildMapping(opts.preset, opts.map),
    overrides: opts.overrides ?? {},
    maxBytes: LIMITS.MAX_ARTICLE_BYTES,
  });
  const inputs: ArticleRecord[] = [];
  const errors: IngestError[] = [];
  for await (const item of source.items()) {
    if ('error' in item) errors.push(item.error);
    else inputs.push(item.input);
  }
  return { inputs, errors, source };
}

describe('HTML pages', () => {
  const page = readHtmlFile(`${FIX}/harbor-page.html`, LIMITS.MAX_ARTICLE_BYTES);

  it('keeps the article body and drops navigation, ads, cookie banner, related links, footer and scripts', () => {
    expect(page.text).toContain('The harbor of Veloria reopened to shipping on Monday');
    expect(page.text).toContain('"We are open for business again, and the fishing fleet can sail tonight," said Harbor Master Ilse Varga');
    expect(page.text).toContain('according to council spokesperson Dana Ferris.');
    for (const boilerplate of ['Subscribe today', 'ADVERTISEMENT', 'SPONSORED', 'raincoats', 'cookies', 'Related stories', 'Ferry timetable', 'All rights reserved', 'newsletter', 'analytics', 'display: block', 'World']) {
      expect(page.text).not.toContain(boilerplate);
    }
  });

  it('separates paragraphs by one blank line and collapses whitespace inside them', () => {
    const paragraphs = page.text.split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toBe('The harbor of Veloria reopened to shipping on Monday after a week of storms closed it to all traffic, port officials said.');
    for (const p of paragraphs) expect(p).not.toMatch(/\s{2,}|^\s|\s$/);
  });

  it('reads title, outlet and date from JSON-LD first, the URL from og:url', () => {
    expect(page).toMatchObject({
      title: 'Veloria harbor reopens after a week of storms',
      outlet: 'The Tidewater Courier',
      publishedAt: '2024-03-05',
      url: 'https://courier.example/2024/03/05/veloria-harbor-reopens',
    });
  });

  it('falls back to og:site_name, article:published_time and <time datetime> without JSON-LD', () => {
    const body = '<article><p>' + 'Residents of Ashford said on Tuesday that the new bridge had opened to traffic. '.repeat(6) + '</p></article>';
    const og = readHtmlPage(`<html><head><title>T | Site</title><meta property="og:site_name" content="Ashford Weekly"><meta property="article:published_time" content="2023-11-02T10:00:00Z"></head><body>${body}</body></html>`);
    expect(og).toMatchObject({ outlet: 'Ashford Weekly', publishedAt: '2023-11-02' });
    const time = readHtmlPage(`<html><head><title>Bridge opens</title></head><body><article><time datetime="2023-10-30">Monday</time>${body}</article></body></html>`);
    expect(time).toMatchObject({ publishedAt: '2023-10-30', title: 'Bridge opens', outlet: null });
  });

  it('lets CLI flags override what the page says, and reads a folder of pages', () => {
    const { inputs, errors } = readArticleFiles([`${FIX}/harbor-page.html`], { outlet: 'Courier (flag)', publishedAt: '2024-03-06' }, LIMITS);
    expect(errors).toEqual([]);
    expect(inputs[0]).toMatchObject({ id: 'harbor-page', outlet: 'Courier (flag)', publishedAt: '2024-03-06', title: 'Veloria harbor reopens after a week of storms', text: page.text });
  });

  it('lets a manifest entry override any field and leave outlet and date to the page', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-html-'));
    try {
      writeFileSync(path.join(dir, 'p.html'), readFileSync(`${FIX}/harbor-page.html`, 'utf8'));
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify([{ id: 'harbor-1', file: 'p.html', title: 'Manifest title' }]));
      const { inputs, errors } = readArticleFiles([dir], {}, LIMITS);
      expect(errors).toEqual([]);
      expect(inputs[0]).toMatchObject({ id: 'harbor-1', title: 'Manifest title', outlet: 'The Tidewater Courier', publishedAt: '2024-03-05' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Text entries still need both.
    const { errors } = parseManifest([{ id: 'x', file: 'x.txt', outlet: 'O' }, { id: 'y', file: 'y.html' }], 'm.json');
    expect(errors.map((e) => [e.code, e.field])).toEqual([['MISSING_DATE', 'publishedAt']]);
  });

  it('reports a page without article text', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-html-'));
    try {
      writeFileSync(path.join(dir, 'empty.html'), '<html><head><title>Login</title></head><body><nav>Home</nav><form><input name="u"></form></body></html>');
      expect(() => readHtmlFile(path.join(dir, 'empty.html'), LIMITS.MAX_ARTICLE_BYTES)).toThrow(/has no article text .* save the article page itself/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('turns fragments into paragraphs, keeping <br> as a line break', () => {
    expect(htmlFragmentToText('<p>One  <b>bold</b>\n word.</p><p>Two<br>lines</p><ul><li>a</li><li>b</li></ul><script>x()</script>')).toBe('One bold word.\n\nTwo\nlines\n\na\n\nb');
  });
});

describe('JSON Lines', () => {
  it('reports the broken line and the record without a date by line number, and reads the others', async () => {
    const { inputs, errors } = await readAll(`${FIX}/broken.jsonl`);
    expect(inputs.map((i) => [i.id, i.source])).toEqual([
      ['fmt-jsonl-1', `${FIX}/broken.jsonl:1`],
      ['fmt-jsonl-2', `${FIX}/broken.jsonl:2`],
      [recordId({ url: 'https://herald.example/lighthouse', text: '' }), `${FIX}/broken.jsonl:6`],
    ]);
    expect(errors.map((e) => [e.code, e.file])).toEqual([
      ['BAD_RECORD', `${FIX}/broken.jsonl:3`],
      ['MISSING_DATE', `${FIX}/broken.jsonl:5`],
    ]);
    expect(errors[0]!.message).toMatch(/broken\.jsonl:3: is not valid JSON .* one complete JSON object per line/);
    expect(errors[1]!.message).toMatch(/--map publishedAt=<field>, or give --published/);
    expect(inputs[2]).toMatchObject({ publishedAt: '2024-02-10', outlet: 'Bay Herald', title: 'Lighthouse to be restored' });
    expect(inputs[0]!.text).toBe('Officials in Marrow Bay said on Tuesday that the ferry line to the islands would resume next week.\n\n"The boats have been repaired," said ferry director Hana Osei.');
  });

  it('maps fields with --map, and flags override every record', async () => {
    const { inputs } = await readAll(`${FIX}/broken.jsonl`, { map: 'title=url,id=', overrides: { outlet: 'Flag Outlet' } });
    expect(inputs[0]).toMatchObject({ title: 'https://herald.example/ferry', outlet: 'Flag Outlet', id: recordId({ url: 'https://herald.example/ferry', text: '' }) });
  });

  it('reads a news-please record with its preset, and says so when the preset is missing', async () => {
    const { inputs } = await readAll(`${FIX}/news-please.json`, { preset: 'news-please' });
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({
      id: recordId({ url: 'https://nordpost.example/city/korvik-bridge', text: '' }),
      outlet: 'nordpost.example',
      publishedAt: '2024-04-11',
      title: 'Korvik to build second bridge over the Alm',
      url: 'https://nordpost.example/city/korvik-bridge',
    });
    expect(inputs[0]!.text.split('\n\n')).toHaveLength(3);
    const plain = await readAll(`${FIX}/news-please.json`);
    expect(plain.errors[0]!.message).toMatch(/has no text .* --preset news-please/);
  });
});

describe('CSV', () => {
  it('keeps quoted multi-line fields whole, reports the short row by its line, and counts CRLF lines right', async () => {
    const { inputs, errors } = await readAll(`${FIX}/multiline.csv`);
    expect(inputs.map((i) => [i.id, i.source])).toEqual([
      ['fmt-csv-1', `${FIX}/multiline.csv:2`],
      ['fmt-csv-2', `${FIX}/multiline.csv:5`],
      ['fmt-csv-4', `${FIX}/multiline.csv:7`],
    ]);
    expect(errors.map((e) => [e.code, e.file])).toEqual([['BAD_RECORD', `${FIX}/multiline.csv:6`]]);
    expect(errors[0]!.message).toMatch(/as many fields as the header/);
    expect(inputs[0]).toMatchObject({
      title: 'Dam inspection, part one',
      url: 'https://gazette.example/dam',
      text: 'Engineers inspected the Orrin dam on Wednesday and found no cracks, the water authority said.\n\n"The dam is safe for another decade," said chief engineer Samuel Achebe.',
    });
    expect(inputs[1]!.url).toBeNull();
    expect(inputs[2]!.title).toBe('Bus route "7" returns');
  });

  it('reads TSV and counts LF files too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-csv-'));
    try {
      writeFileSync(path.join(dir, 'a.tsv'), 'id\ttext\toutlet\tpublishedAt\nt1\tThe mill reopened, the owner said.\tMill News\t2024-01-02\nt2\t\tMill News\t2024-01-02\n');
      const { inputs, errors } = await readAll(path.join(dir, 'a.tsv'));
      expect(inputs.map((i) => i.id)).toEqual(['t1']);
      expect(errors.map((e) => [e.code, path.basename(e.file)])).toEqual([['EMPTY', 'a.tsv:3']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('RSS and Atom', () => {
  it('reads RSS items: content:encoded as text, channel title as outlet, RFC 822 dates; a headline-only item is reported by index', async () => {
    const { inputs, errors } = await readAll(`${FIX}/feed.rss`);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({
      outlet: 'Lakeside Observer',
      title: 'Pier repairs & a new timetable',
      publishedAt: '2024-07-09',
      url: 'https://observer.example/news/pier-repairs',
      id: recordId({ id: 'https://observer.example/news/pier-repairs', text: '' }),
    });
    expect(inputs[0]!.text).toBe('The pier at Lindholm will be repaired this summer, the harbor office said on Monday.\n\nThe old pier.\n\n"The work will be finished before the autumn storms," said harbor engineer Freya Dahl.');
    expect(inputs[0]!.text).not.toContain('teaser');
    expect(inputs[1]).toMatchObject({ id: 'lakeside-2024-0003', publishedAt: '2024-07-11' });
    expect(inputs[1]!.text).toMatch(/^A swimming school .*\n\n"Every child here should learn to swim," said instructor Mikkel Sand\.$/);
    expect(errors.map((e) => [e.code, e.file])).toEqual([['EMPTY', `${FIX}/feed.rss:18 (item 2)`]]);
  });

  it('reads Atom entries with html and xhtml content', async () => {
    const { inputs, errors } = await readAll(`${FIX}/feed.atom`);
    expect(errors).toEqual([]);
    expect(inputs.map((i) => [i.id, i.outlet, i.publishedAt, i.url, i.title])).toEqual([
      [recordId({ id: 'tag:hillcrest.example,2024:park', text: '' }), 'Hillcrest Daily', '2024-09-02', 'https://hillcrest.example/2024/09/park', 'Council approves new park'],
      ['hillcrest-elm-street', 'Hillcrest Daily', '2024-09-03', 'https://hillcrest.example/2024/09/elm-street', 'Road works on Elm Street'],
    ]);
    expect(inputs[1]!.text).toBe('Road works on Elm Street will start on Wednesday, the public works department said.\n\n"Expect delays of about ten minutes during rush hour," said department head Nora Feld.');
  });

  it('stops at broken XML with the line, keeping the items before it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-feed-'));
    try {
      const item = (n: number) => `<item><guid>g${n}</guid><pubDate>2024-01-0${n}</pubDate><description>Story ${n} was told, a witness said.</description></item>`;
      writeFileSync(path.join(dir, 'f.rss'), `<rss><channel><title>X</title>\n${item(1)}\n${item(2)}\n<item><title>a & b</title></item>\n${item(3)}</channel></rss>`);
      const { inputs, errors } = await readAll(path.join(dir, 'f.rss'));
      expect(inputs.map((i) => i.id)).toEqual(['g1', 'g2']);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/f\.rss:4: is not well-formed XML .* the 2 items before this point were read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fields, mapping and batching', () => {
  it('reads publication days as written', () => {
    expect(toIsoDay('2015-10-14 09:12:00')).toBe('2015-10-14');
    expect(toIsoDay('2015-10-14T23:30:00-05:00')).toBe('2015-10-14');
    expect(toIsoDay('Wed, 14 Oct 2015 09:12:00 GMT')).toBe('2015-10-14');
    expect(toIsoDay('14 Oct 15 09:12 +0000')).toBe('2015-10-14');
    expect(toIsoDay('October 14, 2015')).toBe('2015-10-14');
    expect(toIsoDay('October 2015')).toBeNull();
    expect(toIsoDay('yesterday-ish')).toBeNull();
    expect(toIsoDay(null)).toBeNull();
  });

  it('derives ids from the record id, else the URL, else the text', () => {
    expect(recordId({ id: 'abc-1', url: 'https://x', text: 't' })).toBe('abc-1');
    expect(recordId({ id: 'has spaces/and slashes', text: 't' })).toMatch(/^id-[0-9a-f]{16}$/);
    expect(recordId({ url: 'https://x/a', text: 't' })).toMatch(/^url-[0-9a-f]{16}$/);
    expect(recordId({ text: 'some text' })).toMatch(/^art-[0-9a-f]{16}$/);
    expect(recordId({ text: 'some text' })).toBe(recordId({ text: '\uFEFFsome text' }));
  });

  it('parses --map and refuses unknown fields and presets', () => {
    expect(parseMap('text=maintext, publishedAt=date_publish|date_modify,id=')).toEqual({ text: ['maintext'], publishedAt: ['date_publish', 'date_modify'], id: [] });
    expect(() => parseMap('body=maintext')).toThrow(MappingError);
    expect(() => parseMap('text')).toThrow(/field=source/);
    expect(() => buildMapping('gdelt', undefined)).toThrow(/--preset must be one of plain, news-please/);
    const m = buildMapping('news-please', 'outlet=publisher.name');
    expect(recordToInput({ maintext: 'Words, a witness said.', date_publish: '2020-01-01', publisher: { name: 'Deep' } }, m, {}, 'r:1')).toMatchObject({ outlet: 'Deep' });
    expect(() => recordToInput({ maintext: 'W', date_publish: 'soon' }, m, {}, 'r:2')).toThrow(/r:2: "date_publish" is "soon", not a date/);
  });

  it('sorts ingest paths by extension or --format', () => {
    expect(splitIngestPaths(['a.txt', 'b.html', 'c.jsonl', 'd.CSV', 'e.rss', 'dir'], undefined)).toEqual({
      articles: ['a.txt', 'b.html', 'dir'],
      html: false,
      data: [{ file: 'c.jsonl', format: 'jsonl' }, { file: 'd.CSV', format: 'csv' }, { file: 'e.rss', format: 'feed' }],
    });
    expect(splitIngestPaths(['dump.txt'], 'ndjson').data).toEqual([{ file: 'dump.txt', format: 'jsonl' }]);
    expect(splitIngestPaths(['page.php'], 'html')).toEqual({ articles: ['page.php'], html: true, data: [] });
    expect(() => splitIngestPaths(['x'], 'parquet')).toThrow(/--format must be one of/);
  });

  it('hands records to the pipeline in batches, a repeated id waiting for the next batch, and counts every outcome', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-batch-'));
    try {
      const line = (id: string) => JSON.stringify({ id, text: `Text of ${id}, a witness said.`, outlet: 'O', publishedAt: '2024-01-01' });
      writeFileSync(path.join(dir, 'r.jsonl'), [line('a'), line('b'), line('a'), '{bad', line('c'), line('d'), line('e')].join('\n'));
      const source = openRecords(path.join(dir, 'r.jsonl'), 'jsonl', { mapping: buildMapping(undefined, undefined), overrides: {}, maxBytes: 10_000 });
      const batches: string[][] = [];
      const results: IngestResult[] = [];
      const summary = await ingestRecordStream(
        source,
        async (inputs) => {
          batches.push(inputs.map((i) => i.id!));
          return inputs.map((i) => ({ id: i.id!, source: i.source!, status: i.id === 'd' ? ('failed' as const) : ('created' as const) }));
        },
        { batchSize: 3, onResult: (r) => results.push(r) },
      );
      expect(batches).toEqual([['a', 'b'], ['a', 'c', 'd'], ['e']]);
      expect(summary).toMatchObject({ records: 7, created: 5, failed: 2, unchanged: 0 });
      expect(results.find((r) => r.id === null)?.source).toMatch(/r\.jsonl:4$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
