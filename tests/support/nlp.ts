/** Test helpers: a client of the test run's NLP engine (see globalSetup.ts). */
import { inject } from 'vitest';
import { createNlpClient, type NlpClient } from '../../src/nlp/index.js';
import { extractArticle } from '../../src/extract/index.js';
import type { ArticleInput, ExtractedArticle } from '../../src/domain/types.js';

/** A client with its own cache (memory only unless `cacheDir` is given), so each test counts its own engine calls. */
export function testNlp(opts: { cacheDir?: string } = {}): Promise<NlpClient> {
  return createNlpClient({ url: inject('nlpUrl'), cacheDir: opts.cacheDir ?? null });
}

let shared: Promise<NlpClient> | undefined;

/** extractArticle with the test run's engine (one shared client per test file: its memory cache spares re-parses). */
export async function extractWithEngine(input: ArticleInput): Promise<ExtractedArticle> {
  shared ??= testNlp();
  return extractArticle(input, await (await shared).parse(input.text));
}
