/**
 * Validation of one article before anything is stored: readable UTF-8 text of sane size, a real
 * publication date not in the future, and an id that does not clash with a different stored text.
 * Every failure is an IngestError naming the input and the fix.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { ArticleInput } from '../domain/types.js';
import { dbExecutor } from '../graph/executor.js';
import { IngestError } from './errors.js';

/** An article as it arrives: from a file + manifest entry, CLI flags, or an API upload. */
export interface IngestInput {
  /** Manifest id / file stem; absent for uploads (derived from the text). */
  id?: string;
  text: string;
  outlet: string;
  title: string | null;
  publishedAt?: string | null;
  url: string | null;
  /** Where it came from, for messages: a file path, or "upload". */
  source?: string;
}

export type ValidArticle = ArticleInput & { sha256: string };

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// C0 controls other than tab, line feed, form feed and carriage return, plus DEL: never in prose.
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** True for a YYYY-MM-DD string naming a day that exists (2015-02-30 does not). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The latest calendar date anywhere on Earth right now (UTC+14), so no time zone sees a valid date as future. */
export function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** The size of a regular file, before anything is read; UNREADABLE (naming the file) when it is none. */
export function fileSize(file: string): number {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a regular file');
    return st.size;
  } catch (err) {
    throw new IngestError('UNREADABLE', file, `cannot be read (${(err as Error).message}) — check the path`);
  }
}

/** Raw file bytes → text, rejecting empty, oversized, binary and non-UTF-8 input. Strips a UTF-8 BOM. */
export function decodeArticleBytes(bytes: Uint8Array, file: string, maxBytes: number): string {
  if (bytes.length === 0) throw emptyError(file);
  if (bytes.length > maxBytes) throw tooLargeError(file, bytes.length, maxBytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new IngestError('BINARY', file, `looks like a binary file (NUL byte at byte ${nul}), not plain text — export the article as a UTF-8 .txt file`, 'text');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new IngestError(
      'NOT_UTF8',
      file,
      `is not valid UTF-8 (near byte ${firstInvalidUtf8Byte(bytes)}) — re-save it as UTF-8, e.g. iconv -f windows-1252 -t utf-8`,
      'text',
    );
  }
  return text;
}

/** Byte offset of the first invalid UTF-8 sequence, for a message the user can act on. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Longest prefix with no definite error; streaming mode tolerates a character cut at the end.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // Point at the start of the broken character, not at the byte where the decoder gave up.
  for (let i = lo - 1; i >= Math.max(0, lo - 3); i--) {
    const b = bytes[i] ?? 0;
    if ((b & 0xc0) !== 0x80) return b >= 0xc0 ? i : lo;
  }
  return lo;
}

/**
 * Where an article came from decides how its fix is worded: a file on the command line (manifest fields,
 * flags) or an upload through the API's ingestArticle (input fields).
 */
export type Channel = 'file' | 'upload';

const FIX = {
  empty: { file: 'put the article text in the file (UTF-8 plain text)', upload: 'send the article text in input.text' },
  control: { file: 'export the article as a UTF-8 .txt file', upload: 'send plain UTF-8 text in input.text, without control characters' },
  tooLarge: { file: 'split the article, or raise MAX_ARTICLE_BYTES', upload: "split the article (the server's MAX_ARTICLE_BYTES)" },
  missingDate: { file: 'give publishedAt as YYYY-MM-DD (manifest entry, or --published)', upload: 'give input.publishedAt as YYYY-MM-DD' },
  outlet: { file: 'name the publication (manifest "outlet", or --outlet)', upload: 'name the publication in input.outlet' },
  newId: { file: 'give this article a new id (manifest "id" or file name), or keep the stored text', upload: 'send it with a new input.id, or keep the stored text' },
} as const satisfies Record<string, Record<Channel, string>>;

/** Uploads (no source file) are the API's; everything else came from a file. */
export function channelOf(input: Pick<IngestInput, 'source'>): Channel {
  return input.source === undefined ? 'upload' : 'file';
}

function emptyError(file: string, channel: Channel = 'file'): IngestError {
  return new IngestError('EMPTY', file, `the article is empty — ${FIX.empty[channel]}`, 'text');
}

function tooLargeError(file: string, size: number, maxBytes: number, channel: Channel = 'file'): IngestError {
  return new IngestError('TOO_LARGE', file, `is ${size} bytes, over the limit of ${maxBytes} — ${FIX.tooLarge[channel]}`, 'text');
}

/** Checks a publication date: present, YYYY-MM-DD, a real day, not in the future. */
export function validatePublishedAt(value: string | null | undefined, file: string, now: Date, channel: Channel = 'file'): string {
  if (value === undefined || value === null || value.trim() === '') {
    throw new IngestError('MISSING_DATE', file, `has no publication date — ${FIX.missingDate[channel]}`, 'publishedAt');
  }
  if (!ISO_DATE.test(value)) {
    throw new IngestError('BAD_DATE', file, `publishedAt "${value}" is not a YYYY-MM-DD date — write it like 2015-10-14`, 'publishedAt');
  }
  if (!isRealIsoDate(value)) {
    throw new IngestError('BAD_DATE', file, `publishedAt "${value}" is not a real calendar date — check the day and month`, 'publishedAt');
  }
  const latest = latestDateOnEarth(now);
  if (value > latest) {
    throw new IngestError('FUTURE_DATE', file, `publishedAt "${value}" is in the future (latest possible today: ${latest}) — check the year`, 'publishedAt');
  }
  return value;
}

export interface ValidateOptions {
  maxBytes: number;
  now?: Date;
}

/** Everything that can be checked without the database. Uploads get the id `art-` + 16 hex of the text's sha256. */
export function validateArticleInput(input: IngestInput, opts: ValidateOptions): ValidArticle {
  const file = input.source ?? input.id ?? 'upload';
  const channel = channelOf(input);
  const text = input.text.startsWith('\uFEFF') ? input.text.slice(1) : input.text;
  if (text.trim() === '') throw emptyError(file, channel);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > opts.maxBytes) throw tooLargeError(file, size, opts.maxBytes, channel);
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new IngestError('BINARY', file, `contains a control character (U+${code} at offset ${control.index}), so it is not plain text — ${FIX.control[channel]}`, 'text');
  }
  const publishedAt = validatePublishedAt(input.publishedAt, file, opts.now ?? new Date(), channel);
  const outlet = input.outlet?.trim() ?? '';
  if (outlet === '') {
    throw new IngestError('BAD_FIELD', file, `has no outlet — ${FIX.outlet[channel]}`, 'outlet');
  }
  const sha256 = sha256Hex(text);
  const id = input.id ?? `art-${sha256.slice(0, 16)}`;
  if (!ID_PATTERN.test(id)) {
    throw new IngestError('BAD_FIELD', file, `id "${id}" is not usable — use letters, digits, "_", ".", ":" or "-" (at most 128)`, 'id');
  }
  return { id, text, outlet, title: input.title?.trim() || null, publishedAt, url: input.url?.trim() || null, sha256 };
}

export const STORED_SHA256 = 'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.sha256 AS sha256';

/** Stored articles' sha256 by id, for many ids in one round trip (absent: not stored; null: stored without one). */
export async function storedVersions(driver: Driver, database: string, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const { records } = await dbExecutor(driver, database).run('storedVersions', STORED_SHA256, { ids: [...ids] }, { budget: 'write' });
  return new Map(records.map((r) => [r.get('id') as string, (r.get('sha256') as string | null) ?? null]));
}

/**
 * Same id and same text → 'unchanged' (nothing to do); same id and different text → DUPLICATE_ID,
 * because re-extracting would rewrite the offsets every stored fact points at. `stored` is what
 * storedVersions read (absent: not stored); the loader checks again inside its transaction.
 */
export function compareStoredVersion(article: ValidArticle, stored: string | null | undefined, file: string, channel: Channel = 'file'): 'new' | 'unchanged' {
  if (stored === undefined) return 'new';
  if (stored === article.sha256) return 'unchanged';
  throw duplicateIdError(article.id, file, channel);
}

export function duplicateIdError(id: string, file: string, channel: Channel = 'file'): IngestError {
  return new IngestError('DUPLICATE_ID', file, `id "${id}" is already stored with different text — ${FIX.newId[channel]}`, 'id');
}
