/**
 * src/nlp — the only code that knows the NLP engine. Commands use `nlpRuntime`: the engine at NLP_URL, or
 * else the local worker, started on first use (so `serve` starts it only when an article is ingested) and
 * stopped by `close()`.
 */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Parse } from './types.js';
import { createNlpClient, type NlpClient } from './client.js';
import { startNlpEngine, type NlpEngine } from './engine.js';
import { parallelNlpClient } from './pool.js';

export type { NlpClient, NlpStats } from './client.js';
export { createNlpClient, textSha256 } from './client.js';
export { startNlpEngine, NlpEngineError, type NlpEngine } from './engine.js';
export { createParseCache, engineKey, type ParseCache } from './cache.js';
export { parallelNlpClient, type ParallelNlpClient } from './pool.js';
export type { Parse, ParseEngine, ParsedToken, ParsedSentence, ParsedEntity } from './types.js';

export interface NlpRuntime {
  /** The client, connecting (or starting the local worker) on the first call; later calls share it. */
  client(): Promise<NlpClient>;
  /** The client's parseMany, starting the engine first if needed (what the ingest pipeline takes). */
  parseMany(texts: readonly string[]): Promise<Parse[]>;
  /** Stops the local worker if this runtime started it. */
  close(): Promise<void>;
}

export function nlpRuntime(
  config: Pick<Config, 'NLP_URL' | 'NLP_CACHE_DIR'>,
  logger: Logger,
  opts: { signal?: AbortSignal; engines?: number } = {},
): NlpRuntime & { readonly parallelism: number } {
  const count = Math.max(1, Math.floor(opts.engines ?? 1));
  let engines: Array<Promise<NlpEngine>> = [];
  let client: Promise<NlpClient> | undefined;
  const startOne = async (): Promise<NlpClient> => {
    let url = config.NLP_URL;
    if (!url) {
      const started = performance.now();
      const engine = startNlpEngine({ log: (line) => logger.warn({ part: 'nlp' }, line), signal: opts.signal });
      engines.push(engine);
      const e = await engine;
      logger.info({ url: e.url, pid: e.pid, ms: Math.round(performance.now() - started) }, `NLP engine ready (${e.description})`);
      url = e.url;
    }
    return createNlpClient({ url, cacheDir: config.NLP_CACHE_DIR });
  };
  const open = async (): Promise<NlpClient> => {
    // --workers N: N local engines (with NLP_URL, N connections to that one service, which decides its own parallelism).
    if (count === 1) return startOne();
    return parallelNlpClient(await Promise.all(Array.from({ length: count }, startOne)));
  };
  const stopEngines = async () => {
    const started = engines;
    engines = [];
    await Promise.all(started.map((e) => e.then((x) => x.stop(), () => undefined)));
  };
  const runtime: NlpRuntime & { readonly parallelism: number } = {
    parallelism: count,
    async parseMany(texts) {
      return (await runtime.client()).parseMany(texts);
    },
    client() {
      // A failed start is not remembered: the next ingest tries again (the error said how to fix it).
      client ??= open().catch(async (err: unknown) => {
        client = undefined;
        await stopEngines();
        throw err;
      });
      return client;
    },
    async close() {
      await stopEngines();
    },
  };
  return runtime;
}
