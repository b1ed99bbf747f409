/**
 * npm run nlp:measure -- <folder of .txt files> [--window 16]
 *
 * The NLP engine on real text: start-up time, parse throughput with an empty cache (KB/s wall-clock and per
 * CPU-second of the worker, which runs on one core), then the same texts again through a new client on the
 * same cache directory (what a re-seed or re-ingest costs). Reads the texts where they are; writes nothing
 * but a temporary cache, removed at the end.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createNlpClient, startNlpEngine } from '../../src/nlp/index.js';

function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100) ticks
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) throw new Error('usage: npm run nlp:measure -- <folder of .txt files> [--window 16]');
  const windowAt = args.indexOf('--window');
  const window = windowAt >= 0 ? Number(args[windowAt + 1]) : 16;
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
  if (texts.length === 0) throw new Error(`no .txt files in ${dir}`);
  const kb = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e3;
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'chronicle-nlp-measure-'));
  const t0 = performance.now();
  const engine = await startNlpEngine();
  const startSeconds = (performance.now() - t0) / 1000;
  try {
    const cold = await createNlpClient({ url: engine.url, cacheDir });
    const cpu0 = cpuSecondsOf(engine.pid);
    const t1 = performance.now();
    for (let i = 0; i < texts.length; i += window) await cold.parseMany(texts.slice(i, i + window));
    const coldSeconds = (performance.now() - t1) / 1000;
    const engineCpu = cpuSecondsOf(engine.pid) - cpu0;

    const warm = await createNlpClient({ url: engine.url, cacheDir });
    const t2 = performance.now();
    for (let i = 0; i < texts.length; i += window) await warm.parseMany(texts.slice(i, i + window));
    const warmSeconds = (performance.now() - t2) / 1000;

    const report = {
      engine: engine.description,
      texts: texts.length,
      kb: Math.round(kb),
      startSeconds: +startSeconds.toFixed(2),
      cold: {
        seconds: +coldSeconds.toFixed(2),
        kbPerSecond: +(kb / coldSeconds).toFixed(1),
        engineCpuSeconds: +engineCpu.toFixed(2),
        kbPerEngineCpuSecond: +(kb / engineCpu).toFixed(1),
        msPerText: +((coldSeconds * 1000) / texts.length).toFixed(1),
        stats: cold.stats(),
      },
      cached: { seconds: +warmSeconds.toFixed(3), stats: warm.stats() },
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await engine.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`nlp:measure: ${(err as Error).message}`);
  process.exit(1);
});
