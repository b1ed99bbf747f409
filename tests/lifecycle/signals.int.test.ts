/**
 * Signals against real processes: `chronicle start` (node → local Neo4j JVM + NLP worker) is spawned for
 * real, then stopped the ways Docker, process managers and crashes stop it. Everything it started must be
 * gone within 5 s, and nothing it left behind may stop the next start. Slow (each start boots a JVM).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningInstance, pidFile, startLocalNeo4j, stopPid } from '../../src/graph/localNeo4j.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GONE_WITHIN_MS = 5_000;

/** The pid's state letter from /proc, or null when it no longer exists. A zombie (Z) has exited. */
function state(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.charAt(0);
  } catch {
    return null;
  }
}
const running = (pid: number) => ![null, 'Z', 'X'].includes(state(pid));

function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      parentOf.set(Number(d), Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // exited while we looked
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

async function allGone(pids: number[], limitMs = 20_000): Promise<number> {
  const t0 = performance.now();
  while (pids.some(running) && performance.now() - t0 < limitMs) await new Promise((r) => setTimeout(r, 20));
  return performance.now() - t0;
}

describe('signals end everything a command started', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronicle-signals-'));
  const home = path.join(dir, 'neo4j');
  const seedDir = path.join(dir, 'seed');
  mkdirSync(seedDir);
  writeFileSync(path.join(seedDir, 'a.txt'), 'The mayor said on Monday that the bridge would reopen in June.');
  writeFileSync(path.join(seedDir, 'manifest.json'), JSON.stringify([{ id: 'signals-a', file: 'a.txt', outlet: 'Test Wire', title: null, publishedAt: '2024-05-06', url: null }]));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.pid && running(c.pid)) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Spawns a CLI command and resolves once its log has a line matching `until`, with the whole process tree. */
  async function launch(argv: string[], until: RegExp): Promise<{ child: ChildProcess; tree: number[]; log: () => string }> {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: ROOT,
      env: {
        ...process.env,
        NEO4J_URI: '', NLP_URL: '', NEO4J_LOCAL_HOME: home, NEO4J_LOCAL_PORT: '0', NEO4J_LOCAL_HEAP: '512m',
        PORT: '0', SEED_DIR: seedDir, NLP_CACHE_DIR: path.join(dir, 'nlp-cache'), LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const seen = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (until.test(output)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited (${code}) before ${until}:\n${output.slice(-2000)}`)));
    });
    await seen;
    return { child, tree: [child.pid!, ...descendants(child.pid!)], log: () => output };
  }

  const exitCode = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (c) => resolve(c))));

  it('SIGTERM while the local Neo4j boots: the JVM and the NLP worker go too, and leave no store lock behind', async () => {
    // The JVM is spawned right after the launcher is built; stop before it says it is ready.
    const { child, tree } = await launch(['node', '--import', 'tsx', 'src/cli.ts', 'seed'], /NEO4J_URI is not set: starting a local Neo4j/);
    await new Promise((r) => setTimeout(r, 1_500));
    const jvm = descendants(child.pid!).find((p) => commandOf(p).includes('chronicle.Neo4jLauncher'));
    expect(jvm, 'the JVM had been spawned').toBeDefined();
    child.kill('SIGTERM');
    const ms = await allGone([...tree, ...descendants(child.pid!), jvm!]);
    expect(ms).toBeLessThan(GONE_WITHIN_MS);
    expect(await exitCode(child)).toBe(143);
    expect(runningInstance(home)).toBeNull();
  });

  it('SIGTERM to `chronicle start` while serving: API, NLP worker and Neo4j gone within 5 s, exit 0', async () => {
    const { child, tree } = await launch(['node', '--import', 'tsx', 'src/cli.ts', 'start'], /Chronicle is serving/);
    const commands = tree.map(commandOf);
    expect(commands.some((c) => c.includes('chronicle.Neo4jLauncher'))).toBe(true);
    expect(commands.some((c) => c.includes('nlp/worker.py'))).toBe(true);
    child.kill('SIGTERM');
    const ms = await allGone(tree);
    console.log(`SIGTERM to node: all ${tree.length} processes gone in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(GONE_WITHIN_MS);
    expect(await exitCode(child)).toBe(0);
    expect(readdirSync(home)).not.toContain(path.basename(pidFile(home)));
  });

  it('SIGKILL of node: the JVM and the NLP worker follow it (their stdin pipe closes)', async () => {
    const { child, tree, log } = await launch(['node', '--import', 'tsx', 'src/cli.ts', 'start'], /Chronicle is serving/);
    expect(log()).toMatch(/"unchanged":1/); // the graph from the previous start was reused
    child.kill('SIGKILL');
    const ms = await allGone(tree);
    console.log(`SIGKILL to node: all ${tree.length} processes gone in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(GONE_WITHIN_MS);
    // The pid file is left behind by the kill; the next start (below) sees its process is gone and starts anyway.
    expect(readdirSync(home)).toContain(path.basename(pidFile(home)));
  });

  it('SIGTERM to the npm process of `npm start` reaches node and ends everything (after the kill above: recovered)', async () => {
    const { child, tree } = await launch(['npm', 'start', '--silent'], /Chronicle is serving/);
    child.kill('SIGTERM');
    const ms = await allGone(tree);
    console.log(`SIGTERM to npm: all ${tree.length} processes gone in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(GONE_WITHIN_MS);
    expect(readdirSync(home)).not.toContain(path.basename(pidFile(home)));
  });

  it('a launcher still holding the store without a pid file is named at start, with the fix', async () => {
    const other = path.join(dir, 'held');
    const held = await startLocalNeo4j({ home: other, port: 0, detached: true, heap: '512m' });
    try {
      rmSync(pidFile(other)); // as an older version's orphan, or a JVM started by hand, would leave it
      const err = await startLocalNeo4j({ home: other, port: 0, heap: '512m' }).catch((e: unknown) => e);
      expect((err as Error).message).toBe(
        `an earlier local Neo4j (pid ${held.pid}) still holds ${other} but left no pid file: stop it with "kill ${held.pid}" (it shuts down cleanly), then start again`,
      );
    } finally {
      await stopPid(held.pid, other);
    }
  });
});
