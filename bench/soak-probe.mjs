/* global process, setInterval */
/**
 * Preloaded into the API process by bench/soak.ts (`node --import ./bench/soak-probe.mjs …`): prints the
 * process's memory every SOAK_PROBE_MS on stderr as `SOAK_MEM {json}`, so the soak can tell V8 heap growth
 * from native memory without changing the server. Plain JavaScript: it loads before tsx.
 */
const ms = Number(process.env.SOAK_PROBE_MS || 5000);
const timer = setInterval(() => {
  const m = process.memoryUsage();
  process.stderr.write(`SOAK_MEM ${JSON.stringify({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
}, ms);
timer.unref();
