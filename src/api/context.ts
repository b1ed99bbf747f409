/** What every resolver gets: config, logger, a counted query runner, this request's batchers, and who is asking. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createRunner, type Runner } from '../graph/repositories/runner.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { IngestFn } from './ingest.js';
import { timedRunner, type RequestTiming } from './timing.js';

export interface ApiContext {
  config: Config;
  logger: Logger;
  run: Runner;
  loaders: Loaders;
  /** The request carried `Authorization: Bearer <API_TOKEN>` and a token is configured. */
  authenticated: boolean;
  ingest: IngestFn;
  /** This request's phase timing, only when the app was built with a phase recorder (the bench). */
  timing?: RequestTiming;
}

export interface ContextDeps {
  driver: Driver;
  config: Config;
  logger: Logger;
  database: string;
  ingest: IngestFn;
}

/** Constant-time token check (hashing first makes lengths equal); never true when no token is configured. */
export function isAuthorized(header: string | undefined, token: string): boolean {
  if (!token || !header) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m?.[1]) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1]), digest(token));
}

export function createContext(deps: ContextDeps, authorization?: string, timing?: RequestTiming): ApiContext {
  const untimed = createRunner(deps.driver, { database: deps.database, timeoutMs: deps.config.QUERY_TIMEOUT_MS, logger: deps.logger });
  const run = timing ? timedRunner(untimed, timing) : untimed;
  return {
    config: deps.config,
    logger: deps.logger,
    run,
    loaders: createLoaders(run),
    authenticated: isAuthorized(authorization, deps.config.API_TOKEN),
    ingest: deps.ingest,
    ...(timing ? { timing } : {}),
  };
}
