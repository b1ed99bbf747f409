/**
 * The parse cache: a parse depends only on the text and the engine, so it is kept under the text's sha256
 * and the engine and model versions — re-seeding or re-ingesting never parses the same text twice, and
 * another engine or model version never reuses an old parse. Two levels: a small in-memory LRU and, when a
 * directory is given, files on disk (`<dir>/<engine>/<sha[0..2]>/<sha>.json`, written via temp file + rename
 * so a crash never leaves half a file under a real name). Disk entries hold the compact wire columns.
 */
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Parse, ParseEngine } from './types.js';
import { expandParse, type ParseColumns } from './wire.js';

/** Bump when the stored format changes, so old files are not read as new ones. */
// v2: the worker starts a sentence after every line break (nlp/worker.py line_breaks): v1 parses differ.
export const CACHE_FORMAT = 'v2';
const FORMAT = CACHE_FORMAT;

export interface CacheStats {
  memoryHits: number;
  diskHits: number;
  misses: number;
}

export interface ParseCache {
  get(engine: ParseEngine, text: string, sha256: string): Promise<Parse | undefined>;
  put(parse: Parse, columns: ParseColumns): Promise<void>;
  stats(): CacheStats;
}

/** A directory-safe name for an engine and model version: "spacy-3.8.18_core_web_sm-3.8.0". */
export function engineKey(e: ParseEngine): string {
  return `${e.name}-${e.version}_${e.model}-${e.modelVersion}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

export function createParseCache(opts: { dir?: string | null; memoryEntries?: number } = {}): ParseCache {
  const dir = opts.dir ? path.resolve(opts.dir, FORMAT) : null;
  const capacity = opts.memoryEntries ?? 256;
  const memory = new Map<string, Parse>(); // insertion order = recency: a hit re-inserts
  const counts: CacheStats = { memoryHits: 0, diskHits: 0, misses: 0 };

  const remember = (key: string, parse: Parse) => {
    memory.delete(key);
    memory.set(key, parse);
    if (memory.size > capacity) memory.delete(memory.keys().next().value!);
  };
  const fileOf = (engine: ParseEngine, sha: string) => path.join(dir!, engineKey(engine), sha.slice(0, 2), `${sha}.json`);

  return {
    async get(engine, text, sha256) {
      const key = `${engineKey(engine)}/${sha256}`;
      const hit = memory.get(key);
      if (hit) {
        remember(key, hit);
        counts.memoryHits += 1;
        return hit;
      }
      if (dir) {
        const parse = await readEntry(fileOf(engine, sha256), text, sha256, engine);
        if (parse) {
          remember(key, parse);
          counts.diskHits += 1;
          return parse;
        }
      }
      counts.misses += 1;
      return undefined;
    },
    async put(parse, columns) {
      remember(`${engineKey(parse.engine)}/${parse.sha256}`, parse);
      if (!dir) return;
      const file = fileOf(parse.engine, parse.sha256);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, JSON.stringify({ engine: parse.engine, sha256: parse.sha256, columns }));
      await rename(tmp, file);
    },
    stats: () => ({ ...counts }),
  };
}

/** A stored entry, or undefined when absent or unusable (then it is parsed again and overwritten). */
async function readEntry(file: string, text: string, sha256: string, engine: ParseEngine): Promise<Parse | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const entry = JSON.parse(raw) as { sha256: string; columns: ParseColumns };
    if (entry.sha256 !== sha256) return undefined;
    return expandParse(text, sha256, engine, entry.columns);
  } catch {
    await rm(file, { force: true }); // corrupt (a disk error, a hand edit): drop it rather than fail every read
    return undefined;
  }
}
