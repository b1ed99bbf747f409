import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparePaged, isResultOfScale, latestBaseline, pagedRuleFor } from '../../bench/paged.js';

const report = (p99: [number, number]) => ({
  queries: [
    { name: 'timeline page 1', latency: { ours: { c1: { p50: p99[0] / 2, p99: p99[0] } } } },
    { name: 'timeline page 10', latency: { ours: { c1: { p50: p99[1] / 2, p99: p99[1] } } } },
    { name: 'who said what', latency: { ours: { c1: { p50: 1, p99: 100 } } } },
  ],
});

describe('paged-latency targets', () => {
  it('compares 10,000 with 100 and 100,000 with 1,000; other scales fall back to the 10,000 rule', () => {
    expect(pagedRuleFor(10_000)).toMatchObject({ at: 10_000, baseline: 100 });
    expect(pagedRuleFor(100_000)).toMatchObject({ at: 100_000, baseline: 1000 });
    expect(pagedRuleFor(1000)).toMatchObject({ at: 10_000, baseline: 100 });
  });

  it('recognizes result files of one scale only (not JSON Lines results, not other scales)', () => {
    expect(isResultOfScale('2026-12-07T22-56-05-123Z-1000.json', 1000)).toBe(true);
    expect(isResultOfScale('2026-12-07T22-56-05-123Z-100000.json', 1000)).toBe(false);
    expect(isResultOfScale('2026-12-07T22-56-05-123Z-jsonl-1000.json', 1000)).toBe(false);
    expect(isResultOfScale('2026-12-07T22-56-05-123Z-1000.json', 100)).toBe(false);
  });

  it('takes the worst p99 ratio of the two timeline pages', () => {
    const { worst, parts } = comparePaged(report([30, 20]), report([20, 20]));
    expect(worst).toBe(1.5);
    expect(parts).toHaveLength(2);
    expect(comparePaged({ queries: [] }, report([1, 1])).worst).toBeNull();
  });

  const dir = mkdtempSync(path.join(os.tmpdir(), 'paged-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('picks the latest baseline that measured the paged queries', () => {
    expect(latestBaseline(dir, 1000)).toBeNull();
    writeFileSync(path.join(dir, '2026-12-07T10-00-00-000Z-1000.json'), JSON.stringify(report([10, 10])));
    writeFileSync(path.join(dir, '2026-12-07T11-00-00-000Z-1000.json'), JSON.stringify(report([12, 12])));
    // Later, but a load-only run (--skip-queries) and a JSON Lines result: neither is a baseline.
    writeFileSync(path.join(dir, '2026-12-07T12-00-00-000Z-1000.json'), JSON.stringify({ queries: [] }));
    writeFileSync(path.join(dir, '2026-12-07T13-00-00-000Z-jsonl-1000.json'), JSON.stringify(report([99, 99])));
    expect(latestBaseline(dir, 1000)?.file).toBe('2026-12-07T11-00-00-000Z-1000.json');
    expect(latestBaseline(path.join(dir, 'missing'), 1000)).toBeNull();
  });
});
