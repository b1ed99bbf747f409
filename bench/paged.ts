/**
 * The paged-latency targets: at 10,000 articles within 1.5x of the latest --scale 100 run (issue 12's first
 * table), at 100,000 within 1.5x of the latest --scale 1000 run (issue 12, item 4), both read from the same
 * results folder. Pure except `latestBaseline`'s folder read (tests/bench/paged.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface PagedRule {
  target: string;
  /** The scale this target is about, and the run it compares with. */
  at: number;
  baseline: number;
}

export const PAGED_RULES: readonly PagedRule[] = [
  { target: 'paged latency at 10,000 within 1.5x of 100', at: 10_000, baseline: 100 },
  { target: 'paged latency at 100,000 within 1.5x of 1,000', at: 100_000, baseline: 1000 },
];

export const PAGED_QUERIES = ['timeline page 1', 'timeline page 10'] as const;
export const PAGED_MAX_RATIO = 1.5;

/** The rule for a run: its own if there is one, else the 10,000 one (reported as not applicable). */
export function pagedRuleFor(scale: number): PagedRule {
  return PAGED_RULES.find((r) => r.at === scale) ?? PAGED_RULES[0]!;
}

/** `<ISO timestamp with : and . as ->-<scale>.json`, what bench/run.ts writes (not `-jsonl-<N>.json`). */
export function isResultOfScale(file: string, scale: number): boolean {
  return new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-${scale}\\.json$`).test(file);
}

interface LatencyLike {
  p50: number;
  p99: number;
}
interface ReportLike {
  queries: Array<{ name: string; latency: { ours: Record<string, LatencyLike | undefined> } }>;
}

/** Latest result of `scale` in `dir` that measured the paged queries (a --skip-queries run cannot be a baseline). */
export function latestBaseline(dir: string, scale: number): { file: string; report: ReportLike } | null {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => isResultOfScale(f, scale)).sort().reverse();
  } catch {
    return null;
  }
  for (const file of files) {
    try {
      const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ReportLike;
      if (PAGED_QUERIES.every((n) => report.queries?.some((q) => q.name === n && q.latency.ours.c1))) return { file, report };
    } catch {
      // unreadable or partial file: not a baseline
    }
  }
  return null;
}

/** The 1-client p99 of each paged query now against the baseline's, and the worst ratio (null: nothing to compare). */
export function comparePaged(now: ReportLike, base: ReportLike): { worst: number | null; parts: string[] } {
  const round = (n: number) => Math.round(n * 100) / 100;
  const parts: string[] = [];
  let worst: number | null = null;
  for (const name of PAGED_QUERIES) {
    const a = now.queries.find((q) => q.name === name)?.latency.ours.c1;
    const b = base.queries.find((q) => q.name === name)?.latency.ours.c1;
    if (!a || !b) continue;
    const ratio = round(a.p99 / b.p99);
    worst = Math.max(worst ?? 0, ratio);
    parts.push(`${name}: p99 ${a.p99} ms vs ${b.p99} ms (${ratio}x), p50 ${a.p50} vs ${b.p50} ms`);
  }
  return { worst, parts };
}
