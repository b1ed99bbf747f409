/**
 * What a command started (the local Neo4j, the NLP worker, the API server), stopped in reverse order when the
 * command ends or on SIGTERM/SIGINT, within a deadline: Docker and process managers send SIGTERM and expect
 * everything gone in seconds. If we are killed outright (SIGKILL) nothing here runs; the children then exit
 * by themselves when the stdin pipe we hold closes (nlp/worker.py, scripts/neo4j's launcher).
 */
import type { Logger } from './logger.js';

/** A signal ends everything within this, stopping what is left by force (Docker's own grace is 10 s). */
export const SHUTDOWN_DEADLINE_MS = 4_500;

export class Lifecycle {
  private readonly stops: Array<{ name: string; stop: () => Promise<void> }> = [];
  private readonly controller = new AbortController();
  private stopping: Promise<void> | undefined;
  /** Set by exitOnSignals: the signal that began the shutdown (whatever fails after it is a consequence). */
  interruptedBy: NodeJS.Signals | undefined;

  /** Each stop is logged (debug: how long it took; warn: why it failed); settable once the logger exists. */
  constructor(public logger?: Logger) {}

  /** Aborted when shutdown begins, so a process still starting gives up and kills its child. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Registers something to stop; later additions stop first (the server before the database it uses). */
  add(name: string, stop: () => Promise<void>): void {
    this.stops.push({ name, stop });
  }

  /** Stops everything once (later calls get the same promise); a failing stop does not keep the rest running. */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      this.controller.abort();
      for (const { name, stop } of [...this.stops].reverse()) {
        const started = performance.now();
        await stop().then(
          () => this.logger?.debug({ part: name, ms: Math.round(performance.now() - started) }, 'stopped'),
          (err: unknown) => this.logger?.warn({ err, part: name }, 'could not stop cleanly'),
        );
      }
    })();
    return this.stopping;
  }
}

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;
const REPEAT_MEANS_NOW_AFTER_MS = 1_000;

/**
 * On SIGTERM or SIGINT: stop everything the lifecycle holds, then exit — `exitCode(signal)`, by default the
 * shell's 128 + signal number. Past the deadline, or on a second signal, exit at once (children still follow
 * through their stdin pipes). Under `npm run`, npm's own death (SIGKILL: nothing to forward) counts as a
 * SIGTERM too. Returns a function that removes the handlers.
 */
export function exitOnSignals(
  lifecycle: Lifecycle,
  logger: Logger,
  exitCode: (signal: keyof typeof SIGNAL_NUMBERS) => number = (s) => 128 + SIGNAL_NUMBERS[s],
): () => void {
  let receivedAt: number | undefined;
  const handler = (signal: keyof typeof SIGNAL_NUMBERS) => {
    const code = exitCode(signal);
    if (receivedAt !== undefined) {
      // Ctrl-C reaches us twice (the terminal signals the whole process group, and npm forwards its copy):
      // only a second signal a moment later means "now".
      if (performance.now() - receivedAt > REPEAT_MEANS_NOW_AFTER_MS) process.exit(code);
      return;
    }
    receivedAt = performance.now();
    lifecycle.interruptedBy = signal;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.warn({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting now');
      process.exit(code);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void lifecycle.stopAll().finally(() => process.exit(code));
  };
  const onTerm = () => handler('SIGTERM');
  const onInt = () => handler('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  const orphanWatch = watchNpmParent(() => {
    logger.warn('the npm (or chronicle) process that started this command is gone');
    onTerm();
  });
  return () => {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    clearInterval(orphanWatch);
  };
}

/**
 * npm forwards SIGTERM and SIGINT to the script it runs (package.json scripts `exec` node, so node is npm's
 * child), but if npm itself is killed outright node is re-parented and would keep serving. Only under npm
 * or bin/chronicle.mjs (CHRONICLE_EXIT_WITH_PARENT): a node started by hand under nohup is meant to outlive
 * its shell.
 */
function watchNpmParent(onGone: () => void): NodeJS.Timeout | undefined {
  if (!process.env.npm_lifecycle_event && !process.env.CHRONICLE_EXIT_WITH_PARENT) return undefined;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onGone();
    }
  }, 500);
  timer.unref();
  return timer;
}
