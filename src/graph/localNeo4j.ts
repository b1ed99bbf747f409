/**
 * The no-Docker local Neo4j: the real 5.26 engine embedded in a small Java launcher (scripts/neo4j),
 * resolved by Maven and started as a child process with Bolt on 127.0.0.1. Used by `npm start` when
 * NEO4J_URI is unset, by `npm run db:start`, and by the test suite's global setup.
 * Unless detached (db:start), the launcher exits when the stdin pipe we hold closes: it dies with us.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localHeapFrom } from '../config.js';
import { isAlive, terminate, waitForReadyLine } from '../processes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LAUNCHER_DIR = path.join(ROOT, 'scripts', 'neo4j');
const CLASSES = path.join(LAUNCHER_DIR, 'target', 'classes');
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'cp.txt');

/** The JVM flags Neo4j's own neo4j.conf passes, needed by its off-heap and Netty code on Java 17 (heap apart). */
const JVM_FLAGS = [
  '-Xms256m',
  '-XX:+UseG1GC',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export class PrerequisiteError extends Error {
  override name = 'PrerequisiteError';
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  home: string;
  pid: number;
  /** Stops the engine (SIGTERM, then SIGKILL after a grace period) and removes the pid file. */
  stop(): Promise<void>;
}

function hasCommand(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

/** Compiles the launcher and resolves the Neo4j classpath once (Maven caches in ~/.m2). */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  if (existsSync(CLASSPATH_FILE) && existsSync(path.join(CLASSES, 'chronicle', 'Neo4jLauncher.class'))) return;
  if (!hasCommand('java', ['-version'])) {
    throw new PrerequisiteError(
      'Java 17+ is required for the local Neo4j (apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to an existing Neo4j',
    );
  }
  if (!hasCommand('mvn', ['-v'])) {
    throw new PrerequisiteError(
      'Maven is required to resolve the local Neo4j (apt-get install maven), or set NEO4J_URI to an existing Neo4j',
    );
  }
  log('resolving Neo4j 5.26 with Maven (first run only)…');
  const r = spawnSync('mvn', ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'compile'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    throw new PrerequisiteError(`Maven could not build scripts/neo4j: ${(r.stdout + r.stderr).trim().split('\n').slice(-5).join(' | ')}`);
  }
}

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** Data directory (created if missing). Reused across starts: the graph persists. */
  home: string;
  /** Bolt port; 0 picks a free one. */
  port: number;
  /** Detach so the engine outlives this process (db:start); otherwise it dies with its parent. */
  detached?: boolean;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
  /**
   * Maximum heap (-Xmx), e.g. "2g". Defaults to NEO4J_LOCAL_HEAP from the environment, else DEFAULT_LOCAL_HEAP.
   * Neo4j allows running transactions 70% of it (dbms.memory.transaction.total.max).
   */
  heap?: string;
  /** Aborting (a shutdown began) kills an engine that is still starting. */
  signal?: AbortSignal;
}

export function pidFile(home: string): string {
  return path.join(home, 'neo4j.pid');
}

/**
 * Reads `<home>/neo4j.pid` ("pid port") if the process in it is still our launcher for this home. A pid file
 * whose process is gone, or whose pid now belongs to another program (pids are reused), is stale: removed.
 */
export function runningInstance(home: string): { pid: number; port: number } | null {
  const file = pidFile(home);
  if (!existsSync(file)) return null;
  const [pidText, portText] = readFileSync(file, 'utf8').trim().split(/\s+/);
  const pid = Number(pidText);
  const port = Number(portText);
  const alive = Number.isInteger(pid) && pid > 0 && isAlive(pid);
  const runs = alive ? launcherHome(pid) : null;
  const ours = alive && (runs === undefined || runs === home); // undefined: cannot tell (no /proc), trust the file
  if (!ours) {
    rmSync(file, { force: true });
    return null;
  }
  return { pid, port };
}

/** The data directory of the launcher running as `pid`, from /proc (Linux): null when it is another program, undefined when unknown. */
function launcherHome(pid: number): string | null | undefined {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
  const at = args.indexOf('chronicle.Neo4jLauncher');
  return at >= 0 ? (args[at + 1] ?? null) : null;
}

/** A launcher still holding `home`'s store without a pid file (left by an older version, or started by hand). */
function launcherHolding(home: string): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined; // not Linux: the start then fails on the store lock, with the hint below
  }
  return pids.map(Number).find((pid) => pid !== process.pid && launcherHome(pid) === home);
}

const STORE_LOCKED = /FileLockException|locked by another process|StoreLockException/;

export async function startLocalNeo4j(opts: StartOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? (() => {});
  const home = path.resolve(opts.home);
  mkdirSync(home, { recursive: true });
  const existing = runningInstance(home);
  if (existing) {
    throw new PrerequisiteError(
      `a local Neo4j (pid ${existing.pid}) already uses ${home}: stop it with "npm run db:stop" or set NEO4J_URI=bolt://127.0.0.1:${existing.port}`,
    );
  }
  const holder = launcherHolding(home);
  if (holder !== undefined) {
    throw new PrerequisiteError(
      `an earlier local Neo4j (pid ${holder}) still holds ${home} but left no pid file: stop it with "kill ${holder}" (it shuts down cleanly), then start again`,
    );
  }
  // Validated before anything starts, so a typo fails with the variable's name instead of a JVM error.
  const heap = opts.heap === undefined ? localHeapFrom() : localHeapFrom({ NEO4J_LOCAL_HEAP: opts.heap });
  ensureLauncherBuilt(log);
  const port = opts.port === 0 ? await freePort() : opts.port;
  const classpath = `${CLASSES}${path.delimiter}${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const logPath = path.join(home, 'neo4j-launcher.log');
  const out = openSync(logPath, 'a');
  const detached = opts.detached ?? false;
  const child: ChildProcess = spawn(
    'java',
    [`-Xmx${heap}`, ...JVM_FLAGS, '-cp', classpath, 'chronicle.Neo4jLauncher', home, String(port), ...(detached ? ['--no-parent-watch'] : [])],
    // Attached: stdin is the pipe whose end tells the launcher we are gone.
    { stdio: [detached ? 'ignore' : 'pipe', 'pipe', out], detached },
  );
  closeSync(out);
  child.stdin?.on('error', () => {}); // EPIPE after the launcher exits is expected, not an error of ours

  const ready = await waitForReadyLine(child, /NEO4J_READY/, { timeoutMs: opts.readyTimeoutMs ?? 120_000, signal: opts.signal });
  if (!('line' in ready) || child.pid === undefined) {
    child.kill('SIGKILL');
    if ('reason' in ready && ready.reason === 'aborted') throw new PrerequisiteError('the local Neo4j was stopped while starting (shutdown)');
    const tail = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-8).join('\n') : '';
    const hint = STORE_LOCKED.test(tail)
      ? ` — another process holds the store in ${home}: stop the other Neo4j using it (npm run db:stop, or kill the java process), or set NEO4J_LOCAL_HOME to another directory`
      : ` (log: ${logPath})`;
    throw new PrerequisiteError(`the local Neo4j did not start on port ${port}${hint}\n${tail}`);
  }
  const pid = child.pid;
  if (detached) {
    child.stdout?.destroy();
    child.unref();
  }
  writeFileSync(pidFile(home), `${pid} ${port}\n`);
  log(`local Neo4j ready on bolt://127.0.0.1:${port} (data: ${home}, heap ${heap})`);
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    home,
    pid,
    stop: () => stopPid(pid, home),
  };
}

/** SIGTERM lets the shutdown hook release the store locks; SIGKILL only if it hangs. */
export async function stopPid(pid: number, home: string, graceMs = 30_000): Promise<void> {
  await terminate(pid, graceMs);
  rmSync(pidFile(home), { force: true });
}
