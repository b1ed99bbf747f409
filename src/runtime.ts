/**
 * Connecting to Neo4j the way every command does: the configured NEO4J_URI, or else the local embedded
 * Neo4j (reused when `npm run db:start` already runs one, started as a child otherwise).
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from './config.js';
import { createDriver, driverOptions, verifyConnectivity, type Neo4jSettings } from './graph/driver.js';
import { runningInstance, startLocalNeo4j, type LocalNeo4j } from './graph/localNeo4j.js';
import type { Logger } from './logger.js';

export interface Connection {
  driver: Driver;
  settings: Neo4jSettings;
  /** Set when this process started the local Neo4j and must stop it on exit. */
  local?: LocalNeo4j;
  close(): Promise<void>;
}

export async function connect(config: Config, logger: Logger, opts: { signal?: AbortSignal } = {}): Promise<Connection> {
  let uri = config.NEO4J_URI;
  let local: LocalNeo4j | undefined;
  if (!uri) {
    const home = path.resolve(config.NEO4J_LOCAL_HOME);
    const running = runningInstance(home);
    if (running) {
      uri = `bolt://127.0.0.1:${running.port}`;
      logger.info({ uri }, 'using the local Neo4j started by db:start');
    } else {
      logger.info({ home }, 'NEO4J_URI is not set: starting a local Neo4j');
      local = await startLocalNeo4j({ home, port: config.NEO4J_LOCAL_PORT, log: (l) => logger.info(l), signal: opts.signal });
      uri = local.uri;
    }
  }
  const settings: Neo4jSettings = {
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
  };
  const driver = createDriver(settings, driverOptions(config, logger));
  try {
    await verifyConnectivity(driver, settings);
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw err;
  }
  return {
    driver,
    settings,
    local,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
