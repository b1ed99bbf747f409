/**
 * The no-Docker local Neo4j: the real 5.26 engine embedded in a small Java launcher (scripts/neo4j),
 * resolved by Maven and started as a child process with Bolt on 127.0.0.1. Used by `npm start` when
 * NEO4J_URI is unset, by `npm run db:start`, and by the test suite's global setup.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localHeapFrom } from '../config.js';

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
}

export function pidFile(home: string): string {
  return path.join(home, 'neo4j.pid');
}

/** Reads `<home>/neo4j.pid` ("pid port") if the process in it is still alive. */
export function runningInstance(home: string): { pid: number; port: number } | null {
  const file = pidFile(home);
  if (!existsSync(file)) return null;
  const [pidText, portText] = readFileSync(file, 'utf8').trim().split(/\s+/);
  const pid = Number(pidText);
  const port = Number(portText);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    rmSync(file, { force: true }); // stale pid file from a crash
    return null;
  }
}

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
  // Validated before anything starts, so a typo fails with the variable's name instead of a JVM error.
  const heap = opts.heap === undefined ? localHeapFrom() : localHeapFrom({ NEO4J_LOCAL_HEAP: opts.heap });
  ensureLauncherBuilt(log);
  const port = opts.port === 0 ? await freePort() : opts.port;
  const classpath = `${CLASSES}${path.delimiter}${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const logPath = path.join(home, 'neo4j-launcher.log');
  const out = openSync(logPath, 'a');
  const child: ChildProcess = spawn(
    'java',
    [`-Xmx${heap}`, ...JVM_FLAGS, '-cp', classpath, 'chronicle.Neo4jLauncher', home, String(port)],
    { stdio: ['ignore', 'pipe', out], detached: opts.detached ?? false },
  );
  closeSync(out);

  const ready = await new Promise<boolean>((resolve) => {
    let buffer = '';
    const timer = setTimeout(() => resolve(false), opts.readyTimeoutMs ?? 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('NEO4J_READY')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!ready || child.pid === undefined) {
    child.kill('SIGKILL');
    const tail = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-8).join('\n') : '';
    throw new PrerequisiteError(`the local Neo4j did not start on port ${port} (log: ${logPath})\n${tail}`);
  }
  const pid = child.pid;
  // Stop listening to stdout once ready, so a detached engine does not keep us alive.
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  if (opts.detached) {
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
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive()) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile(home), { force: true });
}
