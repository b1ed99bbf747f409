/* global fetch */
/**
 * HTTP load generator, run in a worker thread so the client's work does not share the server's event loop:
 * `concurrency` clients each send the same GraphQL POST back to back until `requests` have been sent (after
 * `warmup` unmeasured ones) or `maxMs` has passed. Posts back every latency in milliseconds.
 * Plain JavaScript: worker threads do not inherit tsx's loader.
 *
 * workerData: { url, body, concurrency, requests, warmup, maxMs }
 * message:    { latencies: number[], errors, firstError?, wallMs, bytes }
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

async function one(job) {
  const t0 = performance.now();
  try {
    const res = await fetch(job.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: job.body,
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    const ok = res.status === 200 && !text.includes('"errors":[');
    return { ms, ok, bytes: text.length, error: ok ? undefined : `HTTP ${res.status}: ${text.slice(0, 300)}` };
  } catch (err) {
    return { ms: performance.now() - t0, ok: false, bytes: 0, error: String(err && err.message ? err.message : err) };
  }
}

async function runLoad(job) {
  let next = 0;
  const warm = Math.max(job.warmup, job.concurrency);
  // Warm-up: connections opened, plans cached, JIT warm.
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < warm) {
        next++;
        await one(job);
      }
    }),
  );
  next = 0;
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  let firstError;
  const t0 = performance.now();
  const deadline = t0 + job.maxMs;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.requests && performance.now() < deadline) {
        next++;
        const r = await one(job);
        latencies.push(r.ms);
        bytes += r.bytes;
        if (!r.ok) {
          errors++;
          firstError ??= r.error;
        }
      }
    }),
  );
  return { latencies, errors, firstError, wallMs: performance.now() - t0, bytes };
}

runLoad(workerData).then(
  (r) => parentPort.postMessage(r),
  (err) => parentPort.postMessage({ latencies: [], errors: 1, firstError: String(err), wallMs: 0, bytes: 0 }),
);
