/** One row of the evaluation table: counts, precision/recall/F1, and what was missed or wrong. */
export interface Score {
  category: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** One line per miss or error, for reading the eval output. */
  misses: string[];
  /** Extra numbers a category reports (e.g. wrong merges). */
  extra?: Record<string, number>;
}

export function score(category: string, tp: number, fp: number, fn: number, misses: string[] = [], extra?: Record<string, number>): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { category, tp, fp, fn, precision, recall, f1, misses, ...(extra ? { extra } : {}) };
}

/** Word tokens of a wording for fuzzy comparison: lower case, no punctuation or quote marks. */
export function wordsOf(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** |a ∩ b| as multisets: the words two bags share, each counted as often as both have it. */
export function multisetOverlap(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let n = 0;
  for (const w of b) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      n++;
      counts.set(w, c - 1);
    }
  }
  return n;
}

/** Dice overlap of two word bags (1: same words). */
export function dice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * multisetOverlap(a, b)) / (a.length + b.length);
}
