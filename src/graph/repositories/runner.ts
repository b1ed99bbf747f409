/**
 * The one way repositories talk to Neo4j: a read transaction (routed to readers on a cluster) with the
 * per-query timeout from config. Repositories never open sessions themselves, so a request's round trips
 * can be counted here and limits applied in one place.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface Runner {
  /** Runs one parameterised read query and returns its records as plain objects (still Neo4j values). */
  read(query: string, params?: Params): Promise<Row[]>;
}

export interface RunnerOptions {
  database: string;
  timeoutMs: number;
}

export function createRunner(driver: Driver, opts: RunnerOptions): Runner {
  return {
    async read(query, params = {}) {
      const res = await driver.executeQuery(query, params, {
        routing: neo4j.routing.READ,
        database: opts.database,
        // Server-side timeout: a runaway query is terminated by Neo4j, not just abandoned by us.
        transactionConfig: { timeout: opts.timeoutMs },
      });
      return res.records.map((r) => r.toObject() as Row);
    },
  };
}
