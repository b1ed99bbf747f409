/**
 * The one door to Neo4j (src/graph/executor.ts) against the suite's Neo4j: deadlines, the server-side timeout
 * margin, no late commit of an abandoned write, the "unavailable" classification and the debug log lines.
 */
import { Writable } from 'node:stream';
import { Neo4jError } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnansweredError, dbExecutor, isDatabaseUnavailable, serverTimeoutMs } from '../../src/graph/executor.js';
import { testDriver, testNeo4jSettings } from '../support/neo4j.js';

const DATABASE = testNeo4jSettings().database;
const driver = testDriver();
const COUNT = 'MATCH (n:ExecutorTest {run: $run}) RETURN count(n) AS n';

afterAll(async () => {
  await driver.executeQuery('MATCH (n:ExecutorTest) DETACH DELETE n', {}, { database: DATABASE });
  await driver.close();
});

async function count(run: string): Promise<number> {
  const { records } = await driver.executeQuery(COUNT, { run }, { database: DATABASE });
  return (records[0]!.get('n') as { toNumber(): number }).toNumber();
}

describe('the executor', () => {
  it('asks Neo4j to stop a query up to 2 s before the deadline (half of a short one)', () => {
    expect(serverTimeoutMs(10_000)).toBe(8_000);
    expect(serverTimeoutMs(60_000)).toBe(58_000);
    expect(serverTimeoutMs(1_500)).toBe(750);
    expect(serverTimeoutMs(1)).toBe(1);
  });

  it('commits a write transaction that finishes in time', async () => {
    const run = `ok-${Date.now()}`;
    const db = dbExecutor(driver, DATABASE);
    await db.writeTransaction('test write', async (tx) => {
      await tx.run('CREATE (:ExecutorTest {run: $run})', { run });
    });
    expect(await count(run)).toBe(1);
  });

  // Two guards make it so: Neo4j's own timeout (half of this short budget) and, should Neo4j answer after the
  // deadline anyway (a frozen server resumed), the executor's check before commit.
  it('rejects at the deadline and rolls the write back instead of committing it late', async () => {
    const run = `late-${Date.now()}`;
    const db = dbExecutor(driver, DATABASE);
    let finished: () => void = () => {};
    const workDone = new Promise<void>((r) => (finished = r));
    const t0 = performance.now();
    const err = await db
      .writeTransaction(
        'slow write',
        async (tx) => {
          await tx.run('CREATE (:ExecutorTest {run: $run})', { run });
          // The caller has given up by now; the transaction must not commit after that.
          await new Promise((r) => setTimeout(r, 1_200));
          finished();
        },
        { budget: 400 },
      )
      .catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(err).toBeInstanceOf(DatabaseUnansweredError);
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect((err as Error).message).toBe('Neo4j did not answer "slow write" within 400 ms');
    await workDone;
    await new Promise((r) => setTimeout(r, 300));
    expect(await count(run)).toBe(0);
  });

  it('classifies what "unavailable" means for the API and the ingest', () => {
    const err = (message: string, code: string) => new Neo4jError(message, code as never, '50N42', 'x');
    expect(isDatabaseUnavailable(err('Could not perform discovery', 'ServiceUnavailable'))).toBe(true);
    expect(isDatabaseUnavailable(err('expired', 'SessionExpired'))).toBe(true);
    expect(isDatabaseUnavailable(err('Connection acquisition timed out in 5000 ms. Pool status: …', 'N/A'))).toBe(true);
    expect(isDatabaseUnavailable(err('Pool is closed, it is no more able to serve requests.', 'N/A'))).toBe(true);
    expect(isDatabaseUnavailable(err('db', 'Neo.ClientError.Database.DatabaseNotFound'))).toBe(true);
    expect(isDatabaseUnavailable(err('syntax', 'Neo.ClientError.Statement.SyntaxError'))).toBe(false);
    expect(isDatabaseUnavailable(err('timeout', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Connection acquisition timed out'))).toBe(false);
  });

  it('logs each query at debug level with its name, rows and milliseconds, never its parameters', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    const db = dbExecutor(driver, DATABASE, { logger: pino({ level: 'debug' }, sink) });
    await db.read('secretive read', 'UNWIND $xs AS x RETURN x', { xs: ['top-secret-text', 'b'] });
    await db.run('bad query', 'RETURN nope', {}).catch(() => {});
    await new Promise((r) => setTimeout(r, 50));
    expect(lines[0]).toMatchObject({ level: 20, msg: 'neo4j query', query: 'secretive read', mode: 'READ', rows: 2, ms: expect.any(Number) });
    expect(lines[1]).toMatchObject({ level: 20, msg: 'neo4j query failed', query: 'bad query', code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(JSON.stringify(lines)).not.toContain('top-secret-text');
  });
});
