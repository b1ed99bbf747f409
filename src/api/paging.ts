/**
 * Connection arguments → repository page requests, and pages → connections. Cursors are opaque base64url
 * of the keyset position `[sortKey, id]`; a malformed one is a BAD_USER_INPUT naming the argument.
 */
import type { KeysetKey, Page, PageRequest, TimelineRow } from '../graph/repositories/types.js';
import { badInput } from './errors.js';

export function encodeCursor(key: KeysetKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field: string): KeysetKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const ok =
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    (parsed[0] === null || (typeof parsed[0] === 'string' && parsed[0].length <= 1000)) &&
    typeof parsed[1] === 'string' &&
    parsed[1].length <= 1000;
  if (!ok) throw badInput(`${field}: not a cursor this API issued; use pageInfo.endCursor of the previous page`, field);
  return parsed as KeysetKey;
}

/** Checks `first` against MAX_PAGE_SIZE and decodes `after`. `field` names the connection in error messages. */
export function pageRequest(
  field: string,
  args: { first?: number | null; after?: string | null },
  maxPageSize: number,
  opts: { dateKey?: boolean } = { dateKey: true },
): PageRequest {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badInput(`${field}.first must be between 1 and ${maxPageSize} (MAX_PAGE_SIZE); got ${first}`, `${field}.first`);
  }
  const after = args.after ? decodeCursor(args.after, `${field}.after`) : null;
  // Date-keyed cursors must carry a date, or Neo4j's date() would fail on it with a driver error.
  if (after && opts.dateKey !== false && !(after[0] !== null && /^\d{4}-\d{2}-\d{2}$/.test(after[0]))) {
    throw badInput(`${field}.after: not a cursor of this list; use pageInfo.endCursor of the previous page`, `${field}.after`);
  }
  return { limit: first, after };
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function toConnection<T>(page: Page<T>): Connection<T> {
  const edges = page.items.map((i) => ({ cursor: encodeCursor(i.key), node: i.node }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** A timeline edge as resolvers see it: the cursor plus the repository's timeline row. */
export interface TimelineEdgeRow {
  cursor: string;
  node: TimelineRow;
}
