/**
 * Memory of the bench's processes, sampled during a phase: this process (it hosts our API servers, the
 * @neo4j/graphql peer and the raw-over-HTTP endpoint in-process: RSS and V8 heap used) and the Neo4j JVM (RSS
 * from /proc/<pid>/status, Linux; null elsewhere). `summarize` is pure (tests/bench/memory.test.ts).
 */
import { readFileSync } from 'node:fs';

export interface MemorySample {
  /** ms since the phase started */
  t: number;
  rss: number;
  heapUsed: number;
  /** The Neo4j process's resident set (bytes); null when unreadable. */
  neo4jRss: number | null;
}

export interface Range {
  minMB: number;
  maxMB: number;
}

export interface PhaseMemory {
  samples: number;
  intervalMs: number;
  seconds: number;
  /** This process (the bench, and our API servers in it). */
  rss: Range;
  heapUsed: Range;
  /** The Neo4j JVM; null when it was not running or /proc could not be read. */
  neo4jRss: Range | null;
  /** VmHWM of the Neo4j process at the phase's end: its peak RSS since it started. */
  neo4jPeakRssMB: number | null;
}

const MB = 2 ** 20;
const round1 = (n: number) => Math.round(n * 10) / 10;

function range(xs: number[]): Range {
  return { minMB: round1(Math.min(...xs) / MB), maxMB: round1(Math.max(...xs) / MB) };
}

export function summarize(samples: readonly MemorySample[], intervalMs: number, neo4jPeakBytes: number | null): PhaseMemory {
  if (samples.length === 0) throw new Error('no memory samples');
  const neo = samples.map((s) => s.neo4jRss).filter((x): x is number => x !== null);
  return {
    samples: samples.length,
    intervalMs,
    seconds: round1((samples.at(-1)!.t - samples[0]!.t) / 1000),
    rss: range(samples.map((s) => s.rss)),
    heapUsed: range(samples.map((s) => s.heapUsed)),
    neo4jRss: neo.length > 0 ? range(neo) : null,
    neo4jPeakRssMB: neo4jPeakBytes === null ? null : round1(neo4jPeakBytes / MB),
  };
}

/** A field of /proc/<pid>/status in bytes ("VmRSS:   123456 kB"); null when unreadable. */
export function procStatusBytes(status: string, field: 'VmRSS' | 'VmHWM'): number | null {
  const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : null;
}

function readStatus(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  if (pid === undefined) return null;
  try {
    return procStatusBytes(readFileSync(`/proc/${pid}/status`, 'utf8'), field);
  } catch {
    return null;
  }
}

/** Samples every `intervalMs` until stopped (the timer is unref'd; synchronous stretches delay samples, they do not lose the phase's ends). */
export function sampleMemory(neo4jPid: () => number | undefined, intervalMs = 1000): { stop: () => PhaseMemory } {
  const t0 = performance.now();
  const samples: MemorySample[] = [];
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ t: performance.now() - t0, rss: m.rss, heapUsed: m.heapUsed, neo4jRss: readStatus(neo4jPid(), 'VmRSS') });
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return summarize(samples, intervalMs, readStatus(neo4jPid(), 'VmHWM'));
    },
  };
}
