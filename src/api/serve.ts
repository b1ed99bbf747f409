/**
 * Entry point for the CLI: build the app (GraphQL API, playground, timeline page and exports) and listen on
 * HOST:PORT. `close()` finishes in-flight requests, then stops Apollo and closes the driver.
 */
import type { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ArticleParser } from '../ingest/pipeline.js';
import { timelineRouter } from '../web/router.js';
import { createHttpApp, startHttpServer } from './server.js';

export interface ServeOptions {
  config: Config;
  driver: Driver;
  logger: Logger;
  /** Defaults to config.NEO4J_DATABASE. */
  database?: string;
  /** More routers mounted beside /graphql. */
  routes?: Array<{ path: string; router: Router }>;
  /** The NLP engine, for the ingestArticle mutation (without it the mutation reports the engine missing). */
  nlp?: ArticleParser;
}

export const GRAPHQL_PATH = '/graphql';

export async function serve(opts: ServeOptions): Promise<{ url: string; close(graceMs?: number): Promise<void> }> {
  const database = opts.database ?? opts.config.NEO4J_DATABASE;
  const timeline = timelineRouter({ driver: opts.driver, database, config: opts.config, graphqlPath: GRAPHQL_PATH, logger: opts.logger });
  const app = await createHttpApp({ ...opts, database, routes: [{ path: '/', router: timeline }, ...(opts.routes ?? [])] });
  const handle = await startHttpServer(app, opts.config.PORT, opts.config.HOST);
  opts.logger.info({ url: `${handle.url}${GRAPHQL_PATH}` }, 'GraphQL API listening');
  return { url: handle.url, close: (graceMs) => handle.close(graceMs) };
}
