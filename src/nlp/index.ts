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

export type { NlpClient, NlpStats } from './client.js';
export { createNlpClient, textSha256 } from './client.js';
export { startNlpEngine, NlpEngineError, type NlpEngine } from './engine.js';
export { createParseCache, engineKey, type ParseCache } from './cache.js';
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
  opts: { signal?: AbortSignal } = {},
): NlpRuntime {
  let engine: Promise<NlpEngine> | undefined;
  let client: Promise<NlpClient> | undefined;
  const open = async (): Promise<NlpClient> => {
    let url = config.NLP_URL;
    if (!url) {
      const started = performance.now();
      engine = startNlpEngine({ log: (line) => logger.warn({ part: 'nlp' }, line), signal: opts.signal });
      const e = await engine;
      logger.info({ url: e.url, pid: e.pid, ms: Math.round(performance.now() - started) }, `NLP engine ready (${e.description})`);
      url = e.url;
    }
    return createNlpClient({ url, cacheDir: config.NLP_CACHE_DIR });
  };
  const runtime: NlpRuntime = {
    async parseMany(texts) {
      return (await runtime.client()).parseMany(texts);
    },
    client() {
      // A failed start is not remembered: the next ingest tries again (the error said how to fix it).
      client ??= open().catch(async (err: unknown) => {
        const started = engine;
        engine = undefined;
        client = undefined;
        await started?.then((e) => e.stop(), () => undefined);
        throw err;
      });
      return client;
    },
    async close() {
      const e = await engine?.catch(() => undefined);
      await e?.stop();
    },
  };
  return runtime;
}
