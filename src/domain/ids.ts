/** Id helpers shared by extraction, the resolvers and the loader (docs/graph-model.md, "Ids"). */
import { createHash } from 'node:crypto';
import type { ActorKind } from './types.js';

/** First 16 hex digits of the sha256 of the parts (joined by a NUL, so parts cannot run together). */
export function hash16(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 16);
}

/** The kind segment of an actor id: `person`, `media-outlet`, `anonymous`. */
export function kindSlug(kind: ActorKind): string {
  return kind === 'ANONYMOUS_SOURCE' ? 'anonymous' : kind.toLowerCase().replace(/_/g, '-');
}

/**
 * Lowercase ASCII slug, as docs/graph-model.md uses in ids: "U.S. Defense Department" →
 * "u-s-defense-department", "video conference" → "video-conference".
 */
export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
