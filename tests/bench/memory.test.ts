import { describe, expect, it } from 'vitest';
import { procStatusBytes, summarize } from '../../bench/memory.js';

const MB = 2 ** 20;

describe('bench memory samples', () => {
  it('reads VmRSS and VmHWM from /proc/<pid>/status text', () => {
    const status = 'Name:\tjava\nVmHWM:\t  2048000 kB\nVmRSS:\t  1024000 kB\nThreads:\t80\n';
    expect(procStatusBytes(status, 'VmRSS')).toBe(1024000 * 1024);
    expect(procStatusBytes(status, 'VmHWM')).toBe(2048000 * 1024);
    expect(procStatusBytes('Name:\tzombie\n', 'VmRSS')).toBeNull();
  });

  it('summarizes min and max per process in MB, Neo4j absent or present', () => {
    const m = summarize(
      [
        { t: 0, rss: 300 * MB, heapUsed: 100 * MB, neo4jRss: null },
        { t: 1000, rss: 350 * MB, heapUsed: 80 * MB, neo4jRss: 900 * MB },
        { t: 2500, rss: 320 * MB, heapUsed: 120.04 * MB, neo4jRss: 1200 * MB },
      ],
      1000,
      1300 * MB,
    );
    expect(m).toEqual({
      samples: 3,
      intervalMs: 1000,
      seconds: 2.5,
      rss: { minMB: 300, maxMB: 350 },
      heapUsed: { minMB: 80, maxMB: 120 },
      neo4jRss: { minMB: 900, maxMB: 1200 },
      neo4jPeakRssMB: 1300,
    });
    const alone = summarize([{ t: 0, rss: MB, heapUsed: MB, neo4jRss: null }], 1000, null);
    expect(alone.neo4jRss).toBeNull();
    expect(alone.neo4jPeakRssMB).toBeNull();
    expect(() => summarize([], 1000, null)).toThrow();
  });
});
