/**
 * Text → ExtractedArticle. Pure: no I/O, deterministic, offsets into the input text.
 * Stages: sentences → actors → statements (quote attribution sieve) → events and claims.
 */
import { createHash } from 'node:crypto';
import { splitSentences } from './text.js';
import { extractActors } from './actors.js';
import { extractStatements } from './statements.js';
import { extractEvents } from './events.js';
import type { ArticleInput, ExtractedArticle } from './types.js';
import type { Parse } from '../nlp/types.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * `parse` is the NLP engine's parse of `input.text`. Optional for now, so callers not yet given a parse keep
 * compiling; the parse-driven extraction (issue 9) makes it required and reads it.
 */
export function extractArticle(input: ArticleInput, _parse?: Parse): ExtractedArticle {
  const doc = { text: input.text, publishedAt: input.publishedAt, sentences: splitSentences(input.text) };
  const actorIndex = extractActors(doc);
  const statements = extractStatements(doc, actorIndex);
  const { events, claims } = extractEvents(doc, actorIndex, statements);
  return {
    article: { ...input, sha256: sha256(input.text) },
    actors: actorIndex.actors,
    statements,
    events,
    claims,
  };
}
