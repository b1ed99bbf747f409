/**
 * The one way repositories talk to Neo4j: a read transaction (routed to readers on a cluster) through the
 * executor (src/graph/executor.ts: deadline at QUERY_TIMEOUT_MS, retries, error classification, debug logs).
 * Repositories never open sessions themselves, so a request's round trips can be counted here and limits
 * applied in one place.
 */
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../../logger.js';
import { dbExecutor, type Params, type Row } from '../executor.js';

export type { Params, Row };

export interface Runner {
  /** Runs one parameterised read query and returns its records as plain objects (still Neo4j values). */
  read(query: string, params?: Params): Promise<Row[]>;
}

export interface RunnerOptions {
  database: string;
  /** The read's deadline (QUERY_TIMEOUT_MS); Neo4j stops the query slightly earlier (serverTimeoutMs). */
  timeoutMs: number;
  logger?: Logger;
}

/** A log name for a repository query: its first words (the Cypher constants hold no user data). */
export function queryName(cypher: string): string {
  return cypher.slice(0, 160).replace(/\s+/g, ' ').trim().slice(0, 72);
}

export function createRunner(driver: Driver, opts: RunnerOptions): Runner {
  const db = dbExecutor(driver, opts.database, { queryTimeoutMs: opts.timeoutMs, ...(opts.logger ? { logger: opts.logger } : {}) });
  return {
    read: (query, params = {}) => db.read(queryName(query), query, params),
  };
}
