/**
 * npm run db:start [-- --port 0]  — starts the local embedded Neo4j in the background (pid file, log file)
 * npm run db:stop                  — stops it (SIGTERM, clean store shutdown)
 * npm run db:status                — prints its URI if running
 */
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { Lifecycle, exitOnSignals } from '../src/lifecycle.js';
import { createLogger } from '../src/logger.js';
import { runningInstance, startLocalNeo4j, stopPid, PrerequisiteError } from '../src/graph/localNeo4j.js';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const home = path.resolve(config.NEO4J_LOCAL_HOME);
  const portFlag = rest.indexOf('--port');
  const port = portFlag >= 0 ? Number(rest[portFlag + 1]) : config.NEO4J_LOCAL_PORT;
  const running = runningInstance(home);
  switch (command) {
    case 'start': {
      if (running) {
        console.log(`already running: bolt://127.0.0.1:${running.port} (pid ${running.pid})`);
        return;
      }
      // A signal while it boots kills it: a detached engine left starting would hold the store with no pid file.
      const logger = createLogger(config.LOG_LEVEL);
      const lifecycle = new Lifecycle(logger);
      exitOnSignals(lifecycle, logger);
      const db = await startLocalNeo4j({ home, port, detached: true, log: (l) => console.error(l), signal: lifecycle.signal });
      console.log(`started: ${db.uri} (pid ${db.pid}, data ${home}, log ${path.join(home, 'neo4j-launcher.log')})`);
      console.log(`use it with: NEO4J_URI=${db.uri}`);
      return;
    }
    case 'stop':
      if (!running) {
        console.log('not running');
        return;
      }
      await stopPid(running.pid, home);
      console.log(`stopped pid ${running.pid}`);
      return;
    case 'status':
      console.log(running ? `running: bolt://127.0.0.1:${running.port} (pid ${running.pid})` : 'not running');
      return;
    default:
      throw new Error(`unknown command "${command ?? ''}": use start, stop or status`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`db: ${err instanceof PrerequisiteError || err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
