/**
 * Child processes the way the local Neo4j and the NLP worker are run: wait for a ready line on stdout (with a
 * timeout, an early exit, or an abort), keep the last lines of a stream for error messages, and stop a pid
 * (SIGTERM, then SIGKILL after a grace period).
 */
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, but another user's; ESRCH: gone.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM lets a process clean up (Neo4j releases its store lock); SIGKILL only if it is still there after graceMs. */
export async function terminate(pid: number, graceMs: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(20);
}

/** The last `max` lines written to a stream (a child's stderr), for quoting in an error. */
export function tailOf(stream: Readable | null, max = 8): () => string[] {
  const lines: string[] = [];
  let partial = '';
  stream?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l.trim() !== ''));
    lines.splice(0, Math.max(0, lines.length - max));
  });
  return () => (partial.trim() ? [...lines, partial] : [...lines]).slice(-max);
}

export type NotReady =
  | { reason: 'exit'; code: number | null; signal: NodeJS.Signals | null }
  | { reason: 'timeout' }
  | { reason: 'spawn'; error: Error }
  | { reason: 'aborted' };

/**
 * Resolves with the first stdout line matching `pattern`, or with why none came: the child exited (or could
 * not be spawned), `timeoutMs` passed, or `signal` was aborted (a shutdown began while it was starting).
 * Stops reading stdout once settled, so a ready child's output does not pile up.
 */
export function waitForReadyLine(
  child: ChildProcess,
  pattern: RegExp,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ line: RegExpExecArray } | NotReady> {
  return new Promise((resolve) => {
    let buffer = '';
    const settle = (result: { line: RegExpExecArray } | NotReady) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      child.stdout?.removeListener('data', onData);
      child.removeListener('exit', onExit);
      child.removeListener('error', onError);
      child.stdout?.resume(); // keep draining, so the child never blocks on a full pipe
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      // Whole lines only: a chunk may end inside the ready line ("port=12" | "345").
      const lines = (buffer + chunk.toString('utf8')).split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = pattern.exec(line);
        if (m) return settle({ line: m });
      }
    };
    const onExit = (code: number | null, sig: NodeJS.Signals | null) => settle({ reason: 'exit', code, signal: sig });
    const onError = (error: Error) => settle({ reason: 'spawn', error });
    const onAbort = () => settle({ reason: 'aborted' });
    const timer = setTimeout(() => settle({ reason: 'timeout' }), opts.timeoutMs);
    if (opts.signal?.aborted) return settle({ reason: 'aborted' });
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
