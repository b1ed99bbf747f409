/**
 * Data files with many articles, read as streams so a file of any size never sits in memory: JSON Lines
 * (node:readline over a file stream, one record per line), CSV/TSV (csv-parse, streaming, RFC 4180 quoting
 * with newlines inside fields), RSS 2.0 / RSS 1.0 / Atom feeds (sax, streaming; items with full content).
 * Each record becomes an article input or an error naming the file, the line (and the feed item) and the
 * fix; the reader goes on after a bad record. Field mapping: src/ingest/formats/mapping.ts.
 */
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import sax from 'sax';
import { IngestError } from '../errors.js';
import type { IngestInput } from '../validate.js';
import { htmlFragmentToText, plainText } from './htmlText.js';
import { PRESETS, recordToInput, type Mapping, type Overrides } from './mapping.js';

export const RECORD_FORMATS = ['jsonl', 'json', 'csv', 'tsv', 'feed'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

const EXTENSIONS: Record<string, RecordFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

/** The record format of a file by its extension; null for article files (.txt, .html) and folders. */
export function recordFormatOf(file: string): RecordFormat | null {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

/** `--format` names: the record formats plus their usual aliases. */
export function parseRecordFormat(name: string): RecordFormat | null {
  const n = name.toLowerCase();
  if (n === 'ndjson' || n === 'jsonl') return 'jsonl';
  if (n === 'json') return 'json';
  if (n === 'rss' || n === 'atom' || n === 'xml' || n === 'feed') return 'feed';
  if (n === 'csv' || n === 'tsv') return n;
  return null;
}

export type ArticleRecord = IngestInput & { id: string; source: string };
export type RecordItem = { input: ArticleRecord } | { error: IngestError };

export interface ReadOptions {
  mapping: Mapping;
  overrides: Overrides;
  /** MAX_ARTICLE_BYTES: a record larger than a few times this is refused before it is parsed. */
  maxBytes: number;
  /** How files are named in messages (default: relative to the working directory). */
  label?: string;
}

export interface RecordSource {
  file: string;
  format: RecordFormat;
  totalBytes: number;
  /** Bytes read from the file so far (for progress). */
  bytesRead(): number;
  items(): AsyncGenerator<RecordItem>;
}

/** A record's raw size limit: JSON escaping and CSV quoting make a record larger than its text. */
const recordLimit = (maxBytes: number) => maxBytes * 4 + 65_536;

export function openRecords(file: string, format: RecordFormat, opts: ReadOptions): RecordSource {
  let totalBytes: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a regular file');
    totalBytes = st.size;
  } catch (err) {
    throw new IngestError('UNREADABLE', file, `cannot be read (${(err as Error).message}) — check the path`);
  }
  const label = opts.label ?? (path.relative(process.cwd(), file) || file);
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  const items =
    format === 'jsonl'
      ? () => readJsonl(stream, label, opts)
      : format === 'json'
        ? () => readJsonDocument(stream, totalBytes, label, opts)
        : format === 'feed'
        ? () => readFeed(stream, label, opts)
        : () => readCsv(stream, label, opts, format === 'tsv' ? '\t' : ',');
  return { file, format, totalBytes, bytesRead: () => stream.bytesRead, items };
}

function toItem(record: Record<string, unknown>, mapping: Mapping, opts: ReadOptions, source: string): RecordItem {
  try {
    return { input: recordToInput(record, mapping, opts.overrides, source) };
  } catch (err) {
    if (err instanceof IngestError) return { error: err };
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

async function* readJsonl(stream: NodeJS.ReadableStream, label: string, opts: ReadOptions): AsyncGenerator<RecordItem> {
  // readline's async iterator pauses the file stream while lines wait to be consumed: memory stays flat.
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  const limit = recordLimit(opts.maxBytes);
  let n = 0;
  for await (const raw of lines) {
    n += 1;
    const line = n === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (line.trim() === '') continue;
    const source = `${label}:${n}`;
    if (line.length > limit) {
      yield { error: new IngestError('TOO_LARGE', source, `is a record of ${line.length} characters, far over MAX_ARTICLE_BYTES (${opts.maxBytes}) — split the article, or raise MAX_ARTICLE_BYTES`, 'text') };
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (err) {
      yield { error: new IngestError('BAD_RECORD', source, `is not valid JSON (${(err as Error).message}) — JSON Lines needs one complete JSON object per line; fix or delete this line`) };
      continue;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      yield { error: new IngestError('BAD_RECORD', source, 'is not a JSON object — each line must be one {…} article record') };
      continue;
    }
    yield toItem(record as Record<string, unknown>, opts.mapping, opts, source);
  }
}

/**
 * One JSON document: an object (news-please writes one such file per article) or an array of objects. It is
 * read whole, so it is size-limited; big collections belong in JSON Lines.
 */
async function* readJsonDocument(stream: NodeJS.ReadableStream, size: number, label: string, opts: ReadOptions): AsyncGenerator<RecordItem> {
  const limit = recordLimit(opts.maxBytes) * 16;
  if (size > limit) {
    stream.removeAllListeners();
    (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
    yield { error: new IngestError('TOO_LARGE', label, `is ${size} bytes, too large to read as one JSON document (limit ${limit}) — convert it to JSON Lines, e.g. jq -c '.[]' ${label} > ${label.replace(/\.json$/i, '')}.jsonl`) };
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    yield { error: new IngestError('BAD_RECORD', label, `is not valid JSON (${(err as Error).message}) — fix the syntax; one object per line belongs in a .jsonl file`) };
    return;
  }
  const records = Array.isArray(doc) ? doc : [doc];
  for (const [i, record] of records.entries()) {
    const source = Array.isArray(doc) ? `${label} [${i}]` : label;
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      yield { error: new IngestError('BAD_RECORD', source, 'is not a JSON object — each article must be one {…} record') };
      continue;
    }
    yield toItem(record as Record<string, unknown>, opts.mapping, opts, source);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV / TSV

/** Line breaks in raw CSV text: CRLF, LF or a lone CR each count once. */
const breaks = (s: string) => s.match(/\r\n|\r|\n/g)?.length ?? 0;
const leadingBreaks = (s: string) => breaks(/^[\r\n]*/.exec(s)?.[0] ?? '');

async function* readCsv(stream: NodeJS.ReadableStream, label: string, opts: ReadOptions, delimiter: string): AsyncGenerator<RecordItem> {
  // Line numbers are counted here from each record's raw text (csv-parse's own count drifts on CRLF files).
  // The header is line 1; on_record and on_skip run in file order, so the count follows the file.
  let nextLine = 2;
  const skipped: Array<{ line: number; error: IngestError }> = [];
  const lineOf = (raw: string | undefined) => {
    const line = nextLine + leadingBreaks(raw ?? '');
    nextLine += breaks(raw ?? '');
    return line;
  };
  const parser = parseCsv({
    columns: (header: string[]) => header.map((h) => h.trim()),
    delimiter,
    bom: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: recordLimit(opts.maxBytes),
    // With `raw`, on_record receives {record, raw}; what it returns is what the stream yields.
    on_record: (wrapped: { record: Record<string, string>; raw?: string }) => ({ record: wrapped.record, line: lineOf(wrapped.raw) }),
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      const line = raw === undefined ? Math.max(nextLine, Number(err?.lines ?? 0)) : lineOf(raw);
      if (skipped.some((s) => s.line === line)) return undefined;
      skipped.push({ line, error: csvError(err, `${label}:${line}`) });
      return undefined;
    },
  });
  // pipe() does not pass on a read error: without this the parser would wait forever.
  stream.on('error', (err) => parser.destroy(err));
  const source = stream.pipe(parser);
  try {
    for await (const { record, line } of source as AsyncIterable<{ record: Record<string, string>; line: number }>) {
      while (skipped.length > 0 && (skipped[0]?.line ?? Infinity) < line) yield { error: skipped.shift()!.error };
      yield toItem(record, opts.mapping, opts, `${label}:${line}`);
    }
  } catch (err) {
    if (!(err as CsvError).code?.startsWith('CSV_')) throw err;
    // A file csv-parse cannot go on with (a quote never closed): what came before is in, the rest is not.
    const e = err as CsvError;
    while (skipped.length > 0) yield { error: skipped.shift()!.error };
    yield { error: csvError(e, `${label}:${Math.max(nextLine, Number(e.lines ?? 0))}`, ' — the rest of the file was not read') };
    return;
  }
  while (skipped.length > 0) yield { error: skipped.shift()!.error };
}

function csvError(err: CsvError | undefined, source: string, tail = ''): IngestError {
  const code = err?.code ?? 'CSV_ERROR';
  const fix =
    code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
      ? 'every row needs as many fields as the header; quote fields that contain the delimiter'
      : code.includes('QUOTE')
        ? 'quote the whole field and double any quote inside it ("He said ""yes""")'
        : code === 'CSV_MAX_RECORD_SIZE'
          ? 'the row is far larger than MAX_ARTICLE_BYTES; split the article or raise the limit'
          : 'fix the row (RFC 4180: comma-separated, fields with commas, quotes or newlines in double quotes)';
  const what = (err?.message ?? 'unreadable row').replace(/ at line \d+.*$| on line \d+.*$/, '');
  return new IngestError('BAD_RECORD', source, `is not a valid CSV row (${what}) — ${fix}${tail}`);
}

// ---------------------------------------------------------------------------------------------
// RSS / Atom

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
};

interface FeedItem {
  index: number;
  line: number;
  fields: Record<string, string>;
}

/** The item fields a feed reader keeps, by namespace-qualified local name. */
function itemKey(tag: sax.QualifiedTag): string | null {
  const { local, uri } = tag;
  if (uri === NS.content && local === 'encoded') return 'content:encoded';
  if (uri === NS.dc && local === 'date') return 'dc:date';
  if (uri === NS.dc || uri === NS.content) return null;
  return ['title', 'link', 'guid', 'id', 'pubDate', 'published', 'updated', 'description', 'summary', 'content'].includes(local) ? local : null;
}

const escapeXmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeXmlAttr = (s: string) => escapeXmlText(s).replace(/"/g, '&quot;');

/**
 * Feed → records `{id, url, title, publishedAt, text, outlet}`: guid / Atom id; link (Atom: rel="alternate"
 * or no rel); pubDate / published / updated / dc:date; the full content — content:encoded, Atom content
 * (html, xhtml or text) — else description / summary; the outlet is the channel's (feed's) title.
 */
async function* readFeed(stream: NodeJS.ReadableStream, label: string, opts: ReadOptions): AsyncGenerator<RecordItem> {
  const parser = sax.parser(true, { xmlns: true, position: true, trim: false, normalize: false });
  const ready: RecordItem[] = [];
  const stack: string[] = [];
  let feedTitle: string | null = null;
  let feedTitleBuf: string | null = null;
  let item: FeedItem | null = null;
  let itemDepth = -1;
  let count = 0;
  let completed = 0;
  // The field being read inside an item: its key, its depth, its type (Atom), and markup for xhtml content.
  let field: { key: string; depth: number; type: string; buf: string; markup: boolean } | null = null;
  let fatal: IngestError | null = null;

  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    stack.push(tag.local);
    const depth = stack.length;
    if (field?.markup) {
      const attrs = Object.values(tag.attributes).map((a) => ` ${a.local}="${escapeXmlAttr(a.value)}"`).join('');
      field.buf += `<${tag.local}${attrs}>`;
      return;
    }
    if (!item && (tag.local === 'item' || (tag.local === 'entry' && tag.uri === NS.atom))) {
      count += 1;
      item = { index: count, line: parser.line + 1, fields: {} };
      itemDepth = depth;
      return;
    }
    if (!item && tag.local === 'title' && feedTitle === null && (stack[depth - 2] === 'channel' || stack[depth - 2] === 'feed')) {
      feedTitleBuf = '';
      return;
    }
    if (item && depth === itemDepth + 1) {
      const key = itemKey(tag);
      if (!key) return;
      const attr = (name: string) => tag.attributes[name]?.value;
      if (key === 'link' && attr('href') !== undefined) {
        const rel = attr('rel') ?? 'alternate';
        if (rel === 'alternate' && item.fields.link === undefined) item.fields.link = attr('href') ?? '';
        return;
      }
      const type = (attr('type') ?? '').toLowerCase();
      field = { key, depth, type, buf: '', markup: key === 'content' && type === 'xhtml' };
    }
  };
  parser.onclosetag = (name: string) => {
    const depth = stack.length;
    const local = stack.pop() ?? name;
    if (field && depth === field.depth) {
      if (item && item.fields[field.key] === undefined) {
        item.fields[field.key] = field.buf;
        if (field.key === 'content') item.fields['content@type'] = field.type || 'text';
      }
      field = null;
      return;
    }
    if (field?.markup) {
      field.buf += `</${local}>`;
      return;
    }
    if (feedTitleBuf !== null) {
      feedTitle = feedTitleBuf.trim() || null;
      feedTitleBuf = null;
      return;
    }
    if (item && depth === itemDepth) {
      // sax goes on after an error within the chunk; what it reads after one is not trusted.
      if (!fatal) {
        ready.push(feedItem(item, feedTitle, label, opts));
        completed += 1;
      }
      item = null;
      itemDepth = -1;
    }
  };
  parser.ontext = (text: string) => {
    if (field) field.buf += field.markup ? escapeXmlText(text) : text;
    else if (feedTitleBuf !== null) feedTitleBuf += text;
  };
  parser.oncdata = (text: string) => {
    if (field) field.buf += text;
    else if (feedTitleBuf !== null) feedTitleBuf += text;
  };
  parser.onerror = (err: Error) => {
    fatal ??= new IngestError(
      'BAD_RECORD',
      `${label}:${parser.line + 1}`,
      `is not well-formed XML (${err.message.split('\n')[0]}) — fix the file; ${completed > 0 ? `the ${completed} items before this point were read, ` : ''}the rest of the file was not`,
    );
  };

  let decoder: TextDecoder | null = null;
  let head = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (head) {
      decoder = new TextDecoder(xmlEncoding(chunk), { fatal: false });
      head = false;
    }
    try {
      parser.write(decoder!.decode(chunk, { stream: true }));
    } catch {
      // onerror has recorded it.
    }
    while (ready.length > 0) yield ready.shift()!;
    if (fatal) {
      yield { error: fatal };
      return;
    }
  }
  try {
    parser.write(decoder?.decode() ?? '');
    parser.close();
  } catch {
    // onerror has recorded it.
  }
  while (ready.length > 0) yield ready.shift()!;
  if (fatal) yield { error: fatal };
  else if (count === 0) yield { error: new IngestError('BAD_RECORD', label, 'holds no RSS <item> or Atom <entry> — is this a feed? Data files need .jsonl, .csv or a feed; articles .txt or .html') };
}

/** The encoding an XML declaration names (default UTF-8). */
function xmlEncoding(chunk: Buffer): string {
  const decl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(chunk.subarray(0, 200).toString('latin1'));
  const label = decl?.[1] ?? 'utf-8';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

function feedItem(item: FeedItem, feedTitle: string | null, label: string, opts: ReadOptions): RecordItem {
  const f = item.fields;
  const source = `${label}:${item.line} (item ${item.index})`;
  // content:encoded is HTML; Atom content is text unless its type says html or xhtml.
  const content = f['content:encoded'] ?? f.content;
  const html = f['content:encoded'] !== undefined || (f['content@type'] ?? 'text') !== 'text';
  let text = content !== undefined ? (html ? htmlFragmentToText(content) : plainText(content)) : '';
  if (text === '') {
    // Many RSS feeds carry the whole article (as HTML) in description.
    const fallback = f.description ?? f.summary;
    if (fallback !== undefined) text = htmlFragmentToText(fallback);
  }
  if (text === '') {
    return { error: new IngestError('EMPTY', source, 'has no content (content:encoded, content, description or summary) — this feed carries headlines only; ingest the article pages (.html) instead', 'text') };
  }
  const record = {
    id: f.guid ?? f.id ?? null,
    url: f.link?.trim() || (f.guid && /^https?:\/\//.test(f.guid) ? f.guid : null),
    title: f.title ? htmlFragmentToText(f.title) : null,
    publishedAt: f.pubDate ?? f.published ?? f['dc:date'] ?? f.updated ?? null,
    outlet: feedTitle,
    text,
  };
  return toItem(record, PRESETS.plain, opts, source);
}
