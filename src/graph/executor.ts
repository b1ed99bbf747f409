/**
 * The one door to Neo4j. Every query — API reads (through the repositories' runner), readiness, the ingest's
 * stored-version and known-graph reads, article loads, curation and migrations — runs here, with:
 * - a deadline: the caller never waits longer than its budget, also when Neo4j is frozen (SIGSTOP, a network
 *   partition) and would never answer; Neo4j is asked to stop the transaction a little before the deadline,
 *   so a slow query comes back as Neo4j's own timeout error and no answer at all as "unavailable";
 * - the driver's retry policy: one managed transaction (executeQuery, executeRead/executeWrite) retried on
 *   transient errors for up to NEO4J_MAX_RETRY_MS (driver option maxTransactionRetryTime);
 * - one classification of "the database is unavailable" (isDatabaseUnavailable), used by the API's error
 *   map and by the ingest's stop rule;
 * - debug-level logs of every query with its name, mode, rows and milliseconds (never its parameters,
 *   which hold article text).
 * Callers keep passing (driver, database): the budgets and the logger travel with the driver, registered
 * once by createDriver, so call sites (and the ingest pipeline's signatures) stay as they were.
 */
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Logger } from '../logger.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** The budgets and logger of one driver (from config; defaults when a driver was not made by createDriver). */
export interface ExecutorSettings {
  /** API reads (QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
  /** Ingest steps: known-graph reads, loads, curation (WRITE_TIMEOUT_MS). */
  writeTimeoutMs: number;
  logger?: Logger;
}

export const DEFAULT_EXECUTOR_SETTINGS: ExecutorSettings = { queryTimeoutMs: 10_000, writeTimeoutMs: 60_000 };

const settingsByDriver = new WeakMap<Driver, ExecutorSettings>();

/** Registers the budgets and logger every executor over this driver uses (createDriver does it). */
export function configureExecutor(driver: Driver, settings: ExecutorSettings): void {
  settingsByDriver.set(driver, settings);
}

export function executorSettings(driver: Driver): ExecutorSettings {
  return settingsByDriver.get(driver) ?? DEFAULT_EXECUTOR_SETTINGS;
}

/** A budget: the API's read budget, the ingest's, or milliseconds. */
export type Budget = 'query' | 'write' | number;

export interface RunOptions {
  /** READ goes to readers on a cluster. Default READ. */
  mode?: 'READ' | 'WRITE';
  /** Default 'query'. */
  budget?: Budget;
}

/**
 * The server-side transaction timeout for a deadline: up to 2 s earlier (half of a short deadline), because
 * Neo4j checks timeouts periodically and answers late (measured here: 0.2–0.7 s after a 700 ms timeout).
 */
export function serverTimeoutMs(deadlineMs: number): number {
  return Math.max(1, Math.round(deadlineMs - Math.min(2_000, deadlineMs / 2)));
}

/** Neo4j gave no answer within the deadline (frozen, partitioned, or overloaded beyond recovery). */
export class DatabaseUnansweredError extends Neo4jError {
  constructor(what: string, ms: number) {
    super(`Neo4j did not answer ${what} within ${ms} ms`, 'ServiceUnavailable', '08000', 'connection exception');
    // Neo4jError's constructor resets the prototype to its own; restore ours so instanceof works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'DatabaseUnansweredError';
  }
}

/** An abandoned write transaction (its deadline passed) is rolled back instead of committed late. */
class AbandonedTransactionError extends Error {
  override name = 'AbandonedTransactionError';
}

/**
 * True when an error means Neo4j could not be reached or did not answer (as opposed to a query error):
 * the API says SERVICE_UNAVAILABLE, the ingest counts it towards INGEST_MAX_DB_FAILURES.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Neo4jError)) return false;
  const code = err.code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'Neo.TransientError.General.DatabaseUnavailable' ||
    code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    // The pool's own errors carry no code ("N/A"): no connection could be had in time, or the driver is closing.
    /^(Connection acquisition timed out|Pool is closed)/.test(err.message)
  );
}

export interface Executor {
  readonly database: string;
  /** One query in one managed transaction (retried on transient errors); the driver's full result. */
  run<R extends RecordShape = RecordShape>(name: string, cypher: string, params?: Params, opts?: RunOptions): Promise<QueryResult<R>>;
  /** One read query; its records as plain objects (values still Neo4j types). */
  read(name: string, cypher: string, params?: Params, opts?: Omit<RunOptions, 'mode'>): Promise<Row[]>;
  /**
   * A managed write transaction around `work` (several queries, or a check that must roll back): retried as a
   * whole on transient errors, rolled back (never committed late) when its deadline has passed.
   */
  writeTransaction<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, opts?: { budget?: Budget }): Promise<T>;
}

export function dbExecutor(driver: Driver, database: string, overrides: Partial<ExecutorSettings> = {}): Executor {
  const settings = { ...executorSettings(driver), ...overrides };
  const deadlineOf = (budget: Budget = 'query') =>
    typeof budget === 'number' ? budget : budget === 'write' ? settings.writeTimeoutMs : settings.queryTimeoutMs;

  async function timed<T>(name: string, mode: string, deadlineMs: number, rowsOf: (v: T) => number, work: (expired: () => boolean) => Promise<T>): Promise<T> {
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let expired = false;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new DatabaseUnansweredError(`"${name}"`, deadlineMs));
      }, deadlineMs);
    });
    try {
      // The work goes on in the background after the deadline (the driver has no cancel); Promise.race keeps
      // its late rejection handled, and a late write is rolled back (writeTransaction).
      const value = await Promise.race([work(() => expired), deadline]);
      settings.logger?.debug({ query: name, mode, database, rows: rowsOf(value), ms: Math.round(performance.now() - t0) }, 'neo4j query');
      return value;
    } catch (err) {
      const code = err instanceof Neo4jError ? err.code : (err as Error)?.name;
      settings.logger?.debug({ query: name, mode, database, ms: Math.round(performance.now() - t0), code }, 'neo4j query failed');
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  const executor: Executor = {
    database,
    run(name, cypher, params = {}, opts = {}) {
      const mode = opts.mode ?? 'READ';
      const deadlineMs = deadlineOf(opts.budget);
      return timed(name, mode, deadlineMs, (r) => r.records.length, () =>
        driver.executeQuery(cypher, params, {
          database,
          routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
          // Server-side timeout: a runaway query is terminated by Neo4j, not just abandoned by us.
          transactionConfig: { timeout: serverTimeoutMs(deadlineMs) },
        }),
      );
    },
    async read(name, cypher, params = {}, opts = {}) {
      const res = await executor.run(name, cypher, params, { ...opts, mode: 'READ' });
      return res.records.map((r) => r.toObject() as Row);
    },
    writeTransaction(name, work, opts = {}) {
      const deadlineMs = deadlineOf(opts.budget ?? 'write');
      return timed(name, 'WRITE', deadlineMs, () => 0, async (expired) => {
        // The bookmark manager executeQuery uses: on a cluster, a read routed to a follower after this write waits
        // until the follower has it (the ingest's next known-graph read must see the batch it just stored).
        const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: driver.executeQueryBookmarkManager });
        try {
          return await session.executeWrite(
            async (tx) => {
              const value = await work(tx);
              if (expired()) throw new AbandonedTransactionError(`"${name}" passed its deadline of ${deadlineMs} ms: rolled back`);
              return value;
            },
            { timeout: serverTimeoutMs(deadlineMs) },
          );
        } finally {
          await session.close();
        }
      });
    },
  };
  return executor;
}
