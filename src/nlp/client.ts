/**
 * The one client of the NLP engine: parse texts over HTTP, through the parse cache, with counters a
 * benchmark can report. The engine may be the local worker (engine.ts) or any URL serving the same API
 * (docker compose's `nlp` service).
 */
import { createHash } from 'node:crypto';
import { createParseCache, type CacheStats, type ParseCache } from './cache.js';
import { NlpEngineError } from './engine.js';
import type { Parse, ParseEngine } from './types.js';
import { expandParse, type ParseResponse } from './wire.js';

export interface NlpStats extends CacheStats {
  /** memoryHits + diskHits: texts answered without the engine. */
  hits: number;
  /** HTTP parse requests sent to the engine (each carries a batch of texts). */
  engineRequests: number;
  /** Texts the engine parsed, their UTF-16 length, and the wall-clock time spent waiting for it. */
  parsedTexts: number;
  parsedChars: number;
  engineMs: number;
}

export interface NlpClient {
  readonly url: string;
  /** The engine and model this client's parses come from (read from /health when the client was made). */
  readonly engine: ParseEngine;
  health(): Promise<ParseEngine>;
  parse(text: string): Promise<Parse>;
  /** Parses in input order; cached texts never reach the engine, the rest go in batches. */
  parseMany(texts: readonly string[]): Promise<Parse[]>;
  stats(): NlpStats;
}

export interface NlpClientOptions {
  url: string;
  /** Disk cache directory (NLP_CACHE_DIR); null keeps parses in memory only. */
  cacheDir?: string | null;
  /** Or a cache shared with other clients. */
  cache?: ParseCache;
  /** Per-request limit: a batch of long articles takes seconds on one core; minutes mean the engine hangs. */
  requestTimeoutMs?: number;
  /** Batch limits for one request, so one request stays a few MB of JSON. */
  maxBatchChars?: number;
  maxBatchTexts?: number;
}

const fix = (url: string) => `is the engine running? (npm start starts it; with NLP_URL=${url} start that service)`;

export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Connects to the engine at `url` (reads its engine and model versions, which key the cache). */
export async function createNlpClient(opts: NlpClientOptions): Promise<NlpClient> {
  const url = opts.url.replace(/\/+$/, '');
  const timeoutMs = opts.requestTimeoutMs ?? 300_000;
  const maxChars = opts.maxBatchChars ?? 200_000;
  const maxTexts = opts.maxBatchTexts ?? 32;
  const cache = opts.cache ?? createParseCache({ dir: opts.cacheDir ?? null });
  const counts = { engineRequests: 0, parsedTexts: 0, parsedChars: 0, engineMs: 0 };

  async function call<T>(pathname: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${url}${pathname}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const { cause } = err as { cause?: { code?: string; message?: string } };
      const reason = cause?.code ?? cause?.message ?? (err as Error).message;
      throw new NlpEngineError(`the NLP engine at ${url} is not reachable (${reason}): ${fix(url)}`);
    }
    const payload = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw new NlpEngineError(`the NLP engine at ${url} answered ${res.status} to ${pathname}: ${payload.error ?? res.statusText}`);
    return payload;
  }

  async function health(): Promise<ParseEngine> {
    return (await call<{ engine: ParseEngine }>('/health')).engine;
  }

  const engine = await health();

  /** Sends texts the cache lacks to the engine in batches; returns their parses in order. */
  async function parseUncached(texts: string[], shas: string[]): Promise<Parse[]> {
    const out: Parse[] = [];
    for (let from = 0; from < texts.length; ) {
      let to = from + 1;
      let chars = texts[from]!.length;
      while (to < texts.length && to - from < maxTexts && chars + texts[to]!.length <= maxChars) chars += texts[to++]!.length;
      const batch = texts.slice(from, to);
      const started = performance.now();
      const response = await call<ParseResponse>('/parse', { texts: batch });
      counts.engineMs += performance.now() - started;
      counts.engineRequests += 1;
      counts.parsedTexts += batch.length;
      counts.parsedChars += chars;
      if (response.parses?.length !== batch.length) {
        throw new NlpEngineError(`the NLP engine at ${url} returned ${response.parses?.length} parses for ${batch.length} texts`);
      }
      for (const [k, columns] of response.parses.entries()) {
        const parse = expandParse(batch[k]!, shas[from + k]!, response.engine, columns);
        await cache.put(parse, columns);
        out.push(parse);
      }
      from = to;
    }
    return out;
  }

  async function parseMany(texts: readonly string[]): Promise<Parse[]> {
    const shas = texts.map(textSha256);
    const found = await Promise.all(texts.map((t, i) => cache.get(engine, t, shas[i]!)));
    // The same text twice in one call is parsed once.
    const missing = new Map<string, string>();
    for (const [i, parse] of found.entries()) if (!parse) missing.set(shas[i]!, texts[i]!);
    const parsed = await parseUncached([...missing.values()], [...missing.keys()]);
    const bySha = new Map(parsed.map((p) => [p.sha256, p]));
    return found.map((parse, i) => parse ?? bySha.get(shas[i]!)!);
  }

  return {
    url,
    engine,
    health,
    parse: async (text) => (await parseMany([text]))[0]!,
    parseMany,
    stats() {
      const c = cache.stats();
      return { ...c, hits: c.memoryHits + c.diskHits, ...counts };
    },
  };
}
