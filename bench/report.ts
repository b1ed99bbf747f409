/**
 * Renders bench result files as the Markdown tables of docs/performance.md, so the document only ever
 * quotes numbers a run wrote: `node --import tsx bench/report.ts bench/results/<a>.json [<b>.json …]`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  n: number;
  errors: number;
  failed?: boolean;
}

interface Report {
  scale: number;
  startedAt: string;
  machine: { cpuModel: string; cores: number; memoryGiB: number; node: string; loadAverageAtStart: number[]; loadAverage: number[] };
  corpus: { articles: number; megabytes: number };
  extraction: { mbPerSecond: number; mbPerCpuSecond?: number; articlesPerSecond: number; peakRssMB: number; seconds: number };
  seed: { articles: number; seconds: number; warmSeconds: number };
  load: {
    articles: number;
    failed: number;
    articlesPerSecond: number;
    nodesAndRelsPerSecond: number;
    nodesCreated: number;
    relationshipsCreated: number;
    seconds: number;
    articlesPerSecondByTenth: number[];
    breakdownMs: Record<string, number>;
  };
  counts: Array<{ name: string; expected: number; actual: number; ok: boolean }>;
  graph: { busyActorStatements: number; chainReports: number; incidentClaims: number };
  queries: Array<{
    name: string;
    roundTrips: { ours: number; peer: number | null; raw: number };
    sameItems: boolean;
    latency: Record<'ours' | 'raw' | 'peer', Record<string, Stats>>;
    ratios: Record<string, { oursOverRaw: number; peerOverOurs: number | null }>;
    peerFailure?: string;
  }>;
  totalSeconds: number;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node --import tsx bench/report.ts bench/results/<file>.json [...]');
  process.exit(2);
}
const reports = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Report).sort((a, b) => a.scale - b.scale);
const out: string[] = [];
const row = (cells: Array<string | number>) => out.push(`| ${cells.join(' | ')} |`);

out.push('### Pipeline');
out.push('');
row(['scale', 'MB', 'extraction MB/s (wall)', 'MB per CPU-s', 'articles/s', 'peak RSS MB', 'load articles/s', 'nodes+rels/s', 'created nodes / rels', 'load s', 'seed s (cold / warm)', 'counts', 'load avg at start']);
row(Array(13).fill('---'));
for (const r of reports) {
  const ok = r.counts.every((c) => c.ok);
  row([
    r.scale,
    r.corpus.megabytes,
    r.extraction.mbPerSecond,
    r.extraction.mbPerCpuSecond ?? '–',
    r.extraction.articlesPerSecond,
    r.extraction.peakRssMB,
    r.load.articlesPerSecond,
    r.load.nodesAndRelsPerSecond,
    `${r.load.nodesCreated} / ${r.load.relationshipsCreated}`,
    r.load.seconds,
    `${r.seed.seconds} / ${r.seed.warmSeconds}`,
    (ok ? `all ${r.counts.length} exact` : r.counts.filter((c) => !c.ok).map((c) => `${c.name.trim()} ${c.actual}≠${c.expected}`).join(', ')) +
      (r.load.failed ? ` (of the ${r.load.articles - r.load.failed} that loaded; ${r.load.failed} failed)` : ''),
    r.machine.loadAverageAtStart.join(' / '),
  ]);
}
out.push('');
out.push('Load time by part (ms) and articles/s per tenth of the corpus:');
out.push('');
row(['scale', 'write transactions', 'known-graph reads', 'stored-version reads', 'resolution + JS', 'articles/s by tenth']);
row(Array(6).fill('---'));
for (const r of reports) {
  const b = r.load.breakdownMs;
  row([r.scale, b.writeTransaction ?? 0, b.knownGraphRead ?? 0, b.storedVersionRead ?? 0, b.resolveAndOther ?? 0, r.load.articlesPerSecondByTenth.join(' ')]);
}
out.push('');
out.push('### Queries (latency in ms; ratios of p99)');
out.push('');
row(['scale', 'query', 'clients', 'ours p50', 'p95', 'p99', 'req/s', 'raw p99', 'ours/raw', '@neo4j/graphql p99', 'peer/ours', 'round trips ours / peer', 'same items']);
row(Array(13).fill('---'));
for (const r of reports) {
  for (const q of r.queries) {
    for (const c of Object.keys(q.latency.ours)) {
      const o = q.latency.ours[c]!;
      const raw = q.latency.raw[c]!;
      const p = q.latency.peer[c]!;
      const ratio = q.ratios[c]!;
      row([
        r.scale,
        q.name,
        c.slice(1),
        o.p50,
        o.p95,
        o.p99,
        o.rps,
        raw.p99,
        ratio.oursOverRaw,
        p.failed ? 'failed' : `${p.p99}${p.errors ? ` (${p.errors} errors)` : ''}`,
        ratio.peerOverOurs ?? '—',
        c === 'c1' ? `${q.roundTrips.ours} / ${q.roundTrips.peer ?? '—'}` : '',
        c === 'c1' ? (q.peerFailure ? '—' : q.sameItems ? 'yes' : 'no') : '',
      ]);
    }
  }
}
out.push('');
out.push(`Files: ${files.map((f) => path.basename(f)).join(', ')}.`);
console.log(out.join('\n'));
