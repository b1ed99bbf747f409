/** A pid file whose process is gone, or whose pid now belongs to another program, is stale: removed, not trusted. */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pidFile, runningInstance } from '../../src/graph/localNeo4j.js';

describe('local Neo4j pid file', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'chronicle-pid-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('is removed when its process is gone', () => {
    writeFileSync(pidFile(home), '2147483646 7687\n'); // above any real pid
    expect(runningInstance(home)).toBeNull();
    expect(existsSync(pidFile(home))).toBe(false);
  });

  it('is removed when its pid was reused by another program (not our launcher)', () => {
    writeFileSync(pidFile(home), `${process.pid} 7687\n`); // alive, but vitest, not chronicle.Neo4jLauncher
    expect(runningInstance(home)).toBeNull();
    expect(existsSync(pidFile(home))).toBe(false);
  });
});
