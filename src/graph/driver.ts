/**
 * One driver per process. neo4j:// and neo4j+s:// URIs get the routing driver (clusters, Aura) unchanged;
 * callers use executeRead/executeWrite so reads can go to readers.
 */
import net from 'node:net';
import tls from 'node:tls';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { configureExecutor, DEFAULT_EXECUTOR_SETTINGS } from './executor.js';

let noDelayInstalled = false;

/**
 * neo4j-driver writes Bolt messages in small chunks on sockets with Nagle's algorithm on, so a query
 * with more than ~1.4 KB of parameters waits ~40 ms for a delayed ACK (measured: 460 ms → 123 ms per
 * article load). The driver has no option for it; its sockets come from net.connect / tls.connect,
 * so we turn TCP_NODELAY on there. This process opens no other outbound connections that would mind.
 */
function enableNoDelayForBolt(): void {
  if (noDelayInstalled) return;
  noDelayInstalled = true;
  for (const mod of [net, tls] as Array<{ connect: (...args: unknown[]) => net.Socket }>) {
    const original = mod.connect;
    mod.connect = function connectWithNoDelay(this: unknown, ...args: unknown[]) {
      return original.apply(this, args).setNoDelay(true);
    };
  }
}

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** Connection behaviour and the executor's budgets (src/graph/executor.ts); defaults match config's. */
export interface DriverOptions {
  connectionTimeoutMs?: number;
  acquisitionTimeoutMs?: number;
  maxRetryMs?: number;
  queryTimeoutMs?: number;
  writeTimeoutMs?: number;
  logger?: Logger;
}

/** DriverOptions from the validated config. */
export function driverOptions(config: Config, logger?: Logger): DriverOptions {
  return {
    connectionTimeoutMs: config.NEO4J_CONNECTION_TIMEOUT_MS,
    acquisitionTimeoutMs: config.NEO4J_ACQUISITION_TIMEOUT_MS,
    maxRetryMs: config.NEO4J_MAX_RETRY_MS,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
    writeTimeoutMs: config.WRITE_TIMEOUT_MS,
    logger,
  };
}

export function createDriver(s: Neo4jSettings, opts: DriverOptions = {}): Driver {
  enableNoDelayForBolt();
  // No password: no auth token at all (the local embedded Neo4j runs with auth off).
  const auth = s.password ? neo4j.auth.basic(s.user, s.password) : undefined;
  const connectionTimeout = opts.connectionTimeoutMs ?? 3_000;
  const driver = neo4j.driver(s.uri, auth, {
    disableLosslessIntegers: false,
    // Fail fast on a wrong address or a frozen server instead of hanging: a clear error within seconds.
    connectionTimeout,
    // Acquiring includes connecting, so it is never shorter than a connection attempt.
    connectionAcquisitionTimeout: Math.max(opts.acquisitionTimeoutMs ?? 5_000, connectionTimeout),
    maxTransactionRetryTime: opts.maxRetryMs ?? 2_000,
  });
  configureExecutor(driver, {
    queryTimeoutMs: opts.queryTimeoutMs ?? DEFAULT_EXECUTOR_SETTINGS.queryTimeoutMs,
    writeTimeoutMs: opts.writeTimeoutMs ?? DEFAULT_EXECUTOR_SETTINGS.writeTimeoutMs,
    logger: opts.logger,
  });
  return driver;
}

/** Verifies the server is reachable and the credentials work; throws a one-line reason otherwise. */
export async function verifyConnectivity(driver: Driver, s: Neo4jSettings): Promise<void> {
  try {
    await driver.verifyConnectivity({ database: s.database });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const msg = (err as Error).message ?? String(err);
    if (code.includes('Unauthorized') || /authentication|unauthorized/i.test(msg)) {
      throw new Error(`Neo4j at ${s.uri} rejected the credentials for user "${s.user}": check NEO4J_USER / NEO4J_PASSWORD`);
    }
    if (code.includes('DatabaseNotFound') || /database does not exist/i.test(msg)) {
      throw new Error(`Neo4j at ${s.uri} has no database "${s.database}": check NEO4J_DATABASE`);
    }
    throw new Error(`cannot reach Neo4j at ${s.uri} (${msg.split('\n')[0]}): check NEO4J_URI, or unset it to use the local Neo4j`);
  }
}
