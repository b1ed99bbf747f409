import type { ActorKind, ExtractedActor, Span } from '../domain/types.js';

/**
 * What the actor stage hands to later stages (statements, events): the article's actors and ways to
 * find the one named at a position. Implemented in actors.ts.
 */
export interface ActorIndex {
  actors: ExtractedActor[];
  byKey(key: string): ExtractedActor | undefined;
  /** The actor with a mention overlapping [start, end), if any. */
  actorAt(start: number, end: number): ExtractedActor | undefined;
  /** Every actor with a mention inside [start, end), in text order. */
  actorsIn(start: number, end: number): ExtractedActor[];
  /** Finds the actor for a surface form a later stage found, or adds it (e.g. "Russian defense officials"). */
  ensure(surface: Span, kind: ActorKind, name?: string): ExtractedActor;
  /** Records another place `actor` is named (its surface becomes an alias): "Democratic party officials". */
  mention(actor: ExtractedActor, start: number, end: number): void;
}
