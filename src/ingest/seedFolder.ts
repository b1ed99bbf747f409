/**
 * Files on disk → IngestInputs: a folder with manifest.json (the seed), or article files described by
 * a manifest or by --outlet/--published. Unreadable files and bad manifest entries become errors for
 * that article only; the rest is returned for ingestion.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { IngestError } from './errors.js';
import { parseManifestText, type ManifestEntry } from './manifest.js';
import type { ArticleInput } from '../domain/types.js';
import { decodeArticleBytes, fileSize, type IngestInput } from './validate.js';
import { isHtmlFile, readHtmlFile } from './formats/html.js';

/** A file input always has an id (manifest id or file stem) and a source path. */
export type FileInput = ArticleInput & Required<Pick<IngestInput, 'source'>>;

export interface ReadResult {
  inputs: FileInput[];
  errors: IngestError[];
}

export interface FileOptions {
  manifest?: string;
  outlet?: string;
  publishedAt?: string;
  title?: string;
  url?: string;
  /** Read every file as a saved web page, whatever its extension (`--format html`). */
  html?: boolean;
}

type Limits = Pick<Config, 'MAX_ARTICLE_BYTES'>;

/** Reads one article file as UTF-8 text, checking the size before reading so a huge file is never loaded. */
export function readArticleText(file: string, limits: Limits): string {
  const size = fileSize(file);
  if (size > limits.MAX_ARTICLE_BYTES) {
    throw new IngestError('TOO_LARGE', file, `is ${size} bytes, over the limit of ${limits.MAX_ARTICLE_BYTES} — split the article, or raise MAX_ARTICLE_BYTES`, 'text');
  }
  return decodeArticleBytes(readFileSync(file), file, limits.MAX_ARTICLE_BYTES);
}

/** Manifest `file` is relative to the manifest; the seed keeps its texts in an `articles/` subfolder. */
function locate(manifestDir: string, file: string): string {
  const direct = path.resolve(manifestDir, file);
  if (existsSync(direct)) return direct;
  const nested = path.resolve(manifestDir, 'articles', file);
  return existsSync(nested) ? nested : direct;
}

function fromEntry(entry: ManifestEntry, file: string, limits: Limits, html = false): FileInput {
  const source = path.relative(process.cwd(), file) || file;
  if (html || isHtmlFile(file)) {
    // A page's own metadata fills what the entry leaves out (outlet, date) or null (title, url).
    return fromPage(file, source, limits, { id: entry.id, outlet: entry.outlet, publishedAt: entry.publishedAt, title: entry.title ?? undefined, url: entry.url ?? undefined });
  }
  return {
    id: entry.id,
    text: readArticleText(file, limits),
    outlet: entry.outlet ?? '',
    title: entry.title,
    publishedAt: entry.publishedAt ?? '', // blank: validation reports the missing date
    url: entry.url,
    source,
  };
}

/** A saved web page: its main text and metadata, every field given (manifest entry or flag) overriding the page's. */
function fromPage(file: string, source: string, limits: Limits, given: { id: string } & Omit<FileOptions, 'manifest' | 'html'>): FileInput {
  const page = readHtmlFile(file, limits.MAX_ARTICLE_BYTES);
  return {
    id: given.id,
    text: page.text,
    outlet: given.outlet ?? page.outlet ?? '',
    title: given.title ?? page.title,
    publishedAt: given.publishedAt ?? page.publishedAt ?? '', // blank: validation reports the missing date
    url: given.url ?? page.url,
    source,
  };
}

function collect(result: ReadResult, read: () => FileInput): void {
  try {
    result.inputs.push(read());
  } catch (err) {
    if (err instanceof IngestError) result.errors.push(err);
    else throw err;
  }
}

function readManifest(manifestPath: string): { entries: ManifestEntry[]; errors: IngestError[] } {
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (err) {
    throw new IngestError('BAD_MANIFEST', manifestPath, `cannot be read (${(err as Error).message}) — check the path`);
  }
  return parseManifestText(text, manifestPath);
}

/** A folder with manifest.json, every entry in manifest order (the order resolution sees them). */
export function readSeedFolder(dir: string, limits: Limits): ReadResult {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    return {
      inputs: [],
      errors: [
        new IngestError('BAD_MANIFEST', dir, 'has no manifest.json — add one (see seed/manifest.json), or use `chronicle ingest <files> --outlet X --published YYYY-MM-DD`'),
      ],
    };
  }
  const result: ReadResult = { inputs: [], errors: [] };
  try {
    const manifest = readManifest(manifestPath);
    result.errors.push(...manifest.errors);
    for (const entry of manifest.entries) collect(result, () => fromEntry(entry, locate(dir, entry.file), limits));
  } catch (err) {
    if (err instanceof IngestError) result.errors.push(err);
    else throw err;
  }
  return result;
}

/** A file stem as an article id: characters ids cannot hold become "-". */
export function idFromFileName(file: string): string {
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  return stem.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 128) || 'article';
}

/**
 * `chronicle ingest <paths…>`: files, or folders (their manifest.json if they have one, else their
 * *.txt and *.html files). With --manifest, each file takes its entry (matched by file name); otherwise
 * --outlet/--published describe every file and the file stem is its id. A saved web page (.html, or any
 * file with `html`) is read by src/ingest/formats/html.ts; what the entry or the flags give overrides the page.
 */
export function readArticleFiles(paths: string[], opts: FileOptions, limits: Limits): ReadResult {
  const result: ReadResult = { inputs: [], errors: [] };
  const files: string[] = [];
  for (const p of paths) {
    const isDir = existsSync(p) && statSync(p).isDirectory();
    if (isDir && !opts.manifest && existsSync(path.join(p, 'manifest.json'))) {
      const seed = readSeedFolder(p, limits);
      result.inputs.push(...seed.inputs);
      result.errors.push(...seed.errors);
    } else if (isDir) {
      const txt = readdirSync(p).filter((f) => f.toLowerCase().endsWith('.txt') || isHtmlFile(f)).sort();
      if (txt.length === 0) result.errors.push(new IngestError('UNREADABLE', p, 'holds no .txt or .html files — point at the article files'));
      files.push(...txt.map((f) => path.join(p, f)));
    } else {
      files.push(p);
    }
  }
  if (files.length === 0) return result;

  let byName: Map<string, ManifestEntry> | null = null;
  if (opts.manifest) {
    try {
      const manifest = readManifest(opts.manifest);
      result.errors.push(...manifest.errors);
      byName = new Map(manifest.entries.map((e) => [path.basename(e.file), e]));
    } catch (err) {
      if (err instanceof IngestError) {
        result.errors.push(err);
        return result;
      }
      throw err;
    }
  }
  for (const file of [...new Set(files.map((f) => path.resolve(f)))]) {
    const source = path.relative(process.cwd(), file) || file;
    if (byName) {
      const entry = byName.get(path.basename(file));
      if (!entry) {
        result.errors.push(new IngestError('BAD_MANIFEST', source, `is not listed in ${opts.manifest} — add an entry whose "file" is "${path.basename(file)}"`));
        continue;
      }
      collect(result, () => fromEntry(entry, file, limits, opts.html));
      continue;
    }
    if (opts.html || isHtmlFile(file)) {
      collect(result, () => fromPage(file, source, limits, { id: idFromFileName(file), outlet: opts.outlet, publishedAt: opts.publishedAt, title: opts.title, url: opts.url }));
      continue;
    }
    collect(result, () => ({
      id: idFromFileName(file),
      text: readArticleText(file, limits),
      outlet: opts.outlet ?? '',
      title: opts.title ?? null,
      publishedAt: opts.publishedAt ?? '', // blank: validation reports the missing date
      url: opts.url ?? null,
      source,
    }));
  }
  return result;
}
