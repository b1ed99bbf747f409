/** Shaping batched query results: rows keyed by the id they were asked for, or by keyset position. */
import type { Row } from './runner.js';
import type { KeysetKey } from './types.js';

/** Rows carrying `key` (the batch id they answer) → Map id → mapped rows, in row order. */
export function groupRows<T>(rows: readonly Row[], map: (r: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const key = String(r.key);
    const list = out.get(key);
    if (list) list.push(map(r));
    else out.set(key, [map(r)]);
  }
  return out;
}

/** Rows carrying `node` and their sort `key` → page items with keyset position (sort key, id). */
export function keyed<T extends { id: string }>(rows: readonly Row[], map: (v: unknown) => T) {
  return rows.map((r) => {
    const node = map(r.node);
    return { node, key: [r.key === null || r.key === undefined ? null : String(r.key), node.id] as KeysetKey };
  });
}
