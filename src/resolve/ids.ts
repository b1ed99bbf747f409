/** Id helpers shared by the resolvers (docs/graph-model.md, "Ids"). */
import { createHash } from 'node:crypto';
import type { ActorKind } from '../extract/types.js';

/** First 16 hex digits of the sha256 of the parts (joined by a NUL, so parts cannot run together). */
export function hash16(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 16);
}

/** The kind segment of an actor id: `person`, `media-outlet`, `anonymous`. */
export function kindSlug(kind: ActorKind): string {
  return kind === 'ANONYMOUS_SOURCE' ? 'anonymous' : kind.toLowerCase().replace(/_/g, '-');
}
