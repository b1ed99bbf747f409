/**
 * Text → ExtractedArticle. Pure: no I/O, deterministic, offsets into the input text.
 * Stages: sentences → actors → statements (the surface sieve, then parse-driven attribution for every cue
 * it missed) → events and claims.
 */
import { createHash } from 'node:crypto';
import { splitSentences } from './text.js';
import { extractActors } from './actors.js';
import { extractStatements } from './statements/index.js';
import { extractEvents } from './events.js';
import { parseStatements } from './statements/parse/index.js';
import { combineStatements, substantialStatement } from './statements/parse/combine.js';
import { withoutMisreadSettings } from './statements/parse/settings.js';
import { refineSieveStatements } from './statements/parse/refine.js';
import { Syntax } from './syntax.js';
import type { Parse } from '../nlp/types.js';
import type { ArticleInput, ExtractedArticle } from '../domain/types.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `parse` is the NLP engine's parse of `input.text` (src/nlp): attribution reads its dependency tree. */
export function extractArticle(input: ArticleInput, parse: Parse): ExtractedArticle {
  const doc = { text: input.text, publishedAt: input.publishedAt, sentences: splitSentences(input.text) };
  const actorIndex = extractActors(doc);
  const syntax = new Syntax(parse);
  const sieve = withoutMisreadSettings(syntax, extractStatements(doc, actorIndex).filter(substantialStatement));
  const fromSieve = refineSieveStatements(doc, actorIndex, syntax, sieve);
  const statements = combineStatements(fromSieve, parseStatements(doc, actorIndex, syntax, fromSieve));
  const { events, claims } = extractEvents(doc, actorIndex, statements, syntax);
  return {
    article: { ...input, sha256: sha256(input.text) },
    actors: actorIndex.actors,
    statements,
    events,
    claims,
  };
}
