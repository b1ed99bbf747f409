/**
 * Resolution: every local key of an extracted article (actor, statement, event, claim) → a global,
 * stable id (docs/graph-model.md, "Ids"), matched against what is already stored (`known`). Pure and
 * deterministic: the same article against the same known graph always gives the same ids.
 */
import type { ExtractedArticle, KnownGraph, ResolvedArticle } from '../domain/types.js';
import { resolveActors } from './actors.js';
import { followActorRekeys } from './actorRekeys.js';
import { resolveEvents, type EventDecision } from './events.js';
import { resolveStatements } from './statements.js';

export type { EventDecision } from './events.js';

/** A resolved article with the event-resolution decisions behind its ids (every merge and refusal, with its reason). */
export type ExplainedArticle = ResolvedArticle & { decisions: EventDecision[] };

export function resolveArticle(extracted: ExtractedArticle, known: KnownGraph): ExplainedArticle {
  const actorIds = resolveActors(extracted, known);
  // Stored people the article re-keys: its statements and events meet their speakers and participants by the new ids.
  const view = followActorRekeys(known, actorIds);
  const statementIds = resolveStatements(extracted, view, actorIds);
  const ids = { ...actorIds, ...statementIds };
  const events = resolveEvents(extracted, view, ids);
  return { ...extracted, ids: { ...ids, ...events.ids }, decisions: events.decisions };
}
