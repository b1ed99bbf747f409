/**
 * The local NLP engine: nlp/worker.py run by the project's virtual environment (.nlp/venv, made by
 * `npm install`), listening on a free loopback port. Its stdin is a pipe we hold open and never write to:
 * when this process ends — however it ends, SIGKILL included — the pipe closes and the worker exits.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tailOf, terminate, waitForReadyLine } from '../processes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VENV_PYTHON = path.join(ROOT, '.nlp', 'venv', 'bin', 'python');
export const WORKER_SCRIPT = path.join(ROOT, 'nlp', 'worker.py');
const READY = /^NLP READY port=(\d+) (.*)$/;
const SETUP_FIX = 'run `npm install` (it prepares .nlp/venv with Python 3.11), or set NLP_URL to a running engine';

export class NlpEngineError extends Error {
  override name = 'NlpEngineError';
}

export interface StartNlpOptions {
  /** The interpreter; defaults to the project's venv. */
  python?: string;
  /** How long the model may take to load (a cold disk on a busy machine is the slow case). */
  readyTimeoutMs?: number;
  /** The worker's stderr, line by line. */
  log?: (line: string) => void;
  /** Aborting (a shutdown began) kills a worker that is still starting. */
  signal?: AbortSignal;
}

export interface NlpEngine {
  url: string;
  pid: number;
  /** What the worker printed when ready ("engine=spacy/3.8.18 model=core_web_sm/3.8.0"). */
  description: string;
  stop(): Promise<void>;
}

export async function startNlpEngine(opts: StartNlpOptions = {}): Promise<NlpEngine> {
  const python = opts.python ?? VENV_PYTHON;
  const child = spawn(python, [WORKER_SCRIPT, '--port', '0'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  const stderrTail = tailOf(child.stderr);
  child.stderr.setEncoding('utf8');
  if (opts.log) {
    const log = opts.log;
    child.stderr.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) log(line);
    });
  }
  // A worker that dies writes EPIPE to its stdin stream; the exit is what we report, not the pipe.
  child.stdin.on('error', () => {});
  const ready = await waitForReadyLine(child, READY, { timeoutMs: opts.readyTimeoutMs ?? 60_000, signal: opts.signal });
  if (!('line' in ready)) {
    if (child.pid !== undefined) await terminate(child.pid, 1_000);
    const tail = stderrTail().join(' | ');
    switch (ready.reason) {
      case 'spawn':
        throw new NlpEngineError(`cannot run the NLP engine's Python ${python} (${ready.error.message}): ${SETUP_FIX}`);
      case 'exit':
        throw new NlpEngineError(`the NLP worker exited before it was ready (${ready.signal ?? `code ${ready.code}`}${tail ? `: ${tail}` : ''}) — ${SETUP_FIX}`);
      case 'timeout':
        throw new NlpEngineError(`the NLP worker was not ready within ${(opts.readyTimeoutMs ?? 60_000) / 1000} s${tail ? ` (${tail})` : ''} — is the machine overloaded? ${SETUP_FIX}`);
      case 'aborted':
        throw new NlpEngineError('the NLP worker was stopped while starting (shutdown)');
    }
  }
  const pid = child.pid!;
  const port = Number(ready.line[1]);
  let stopping: Promise<void> | undefined;
  child.once('exit', (code, sig) => {
    if (!stopping) opts.log?.(`the NLP worker (pid ${pid}) exited unexpectedly (${sig ?? `code ${code}`}): parses will fail until it is restarted`);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    description: ready.line[2] ?? '',
    stop() {
      // Closing stdin is the worker's own exit path; the signal is for a worker stuck in a long parse.
      stopping ??= (async () => {
        child.stdin.end();
        await terminate(pid, 1_000);
      })();
      return stopping;
    },
  };
}
