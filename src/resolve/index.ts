/**
 * Resolution: every local key of an extracted article (actor, statement, event, claim) → a global,
 * stable id (docs/graph-model.md, "Ids"), matched against what is already stored (`known`). Pure and
 * deterministic: the same article against the same known graph always gives the same ids.
 */
import type { ExtractedArticle, KnownGraph, ResolvedArticle } from '../domain/types.js';
import { resolveActors } from './actors.js';
import { resolveEvents } from './events.js';
import { resolveStatements } from './statements.js';

export function resolveArticle(extracted: ExtractedArticle, known: KnownGraph): ResolvedArticle {
  const actorIds = resolveActors(extracted, known);
  const statementIds = resolveStatements(extracted, known, actorIds);
  const ids = { ...actorIds, ...statementIds };
  return { ...extracted, ids: { ...ids, ...resolveEvents(extracted, known, ids) } };
}
