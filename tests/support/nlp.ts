/** Test helpers: a client of the test run's NLP engine (see globalSetup.ts). */
import { inject } from 'vitest';
import { createNlpClient, type NlpClient } from '../../src/nlp/index.js';

/** A client with its own cache (memory only unless `cacheDir` is given), so each test counts its own engine calls. */
export function testNlp(opts: { cacheDir?: string } = {}): Promise<NlpClient> {
  return createNlpClient({ url: inject('nlpUrl'), cacheDir: opts.cacheDir ?? null });
}
