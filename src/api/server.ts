/**
 * The API server: an Apollo factory (no listen — tests call executeOperation), the express app that mounts
 * it at /graphql with the offline playground, /health and /ready, and an HTTP server with graceful close.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type DocumentStore } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { exposeErrorDetails, type Config } from '../config.js';
import { dbExecutor } from '../graph/executor.js';
import type { Logger } from '../logger.js';
import type { ArticleParser } from '../ingest/pipeline.js';
import { createContext, type ApiContext, type ContextDeps } from './context.js';
import { createFormatError } from './errors.js';
import { pipelineIngest, type IngestFn } from './ingest.js';
import { costLimitRule } from './limits.js';
import { Lru } from './lru.js';
import { bookmarkGeneration, ResponseCache } from './responseCache.js';
import { PLAYGROUND_ASSET_PATH, playgroundAssets, playgroundHtml } from './playground.js';
import { resolvers } from './resolvers/index.js';
import { phaseTimingPlugin, requestTiming, timingMiddleware, type PhaseRecorder } from './timing.js';

const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema');

/** The SDL files in schema/, in name order (base.graphql declares Query/Mutation; the rest extend them). */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

export interface ApiDeps {
  driver: Driver;
  config: Config;
  logger: Logger;
  /** Defaults to config.NEO4J_DATABASE. */
  database?: string;
  /** Defaults to the real ingest pipeline; tests may inject one. */
  ingest?: IngestFn;
  /** The NLP engine the real ingest pipeline parses with (unused when `ingest` is given). */
  nlp?: ArticleParser;
}

function contextDeps(deps: ApiDeps): ContextDeps {
  const database = deps.database ?? deps.config.NEO4J_DATABASE;
  return {
    driver: deps.driver,
    config: deps.config,
    logger: deps.logger,
    database,
    ingest: deps.ingest ?? pipelineIngest(deps.driver, deps.nlp, deps.config, database),
  };
}

/**
 * Builds (does not start) the Apollo server with limits, error map and masking configured. The driver is
 * not needed here: it reaches resolvers through the context (createApiContext / the HTTP app).
 */
export function createApolloServer(
  deps: Pick<ApiDeps, 'config' | 'logger'> & Partial<ApiDeps> & { phaseTiming?: boolean },
): ApolloServer<ApiContext> {
  // Stack traces (absolute paths) and internal messages only when asked for: NODE_ENV=development or EXPOSE_ERROR_DETAILS.
  const exposeDetails = exposeErrorDetails(deps.config);
  return new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never, // codegen's typed map; Apollo takes the untyped shape
    // The schema is public and the playground needs it, also in production.
    introspection: true,
    includeStacktraceInErrorResponses: exposeDetails,
    validationRules: [costLimitRule({ maxDepth: deps.config.MAX_QUERY_DEPTH, maxFields: deps.config.MAX_QUERY_FIELDS })],
    formatError: createFormatError({ exposeDetails, logger: deps.logger }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's default cache-control plugin hooks into every field of every response (willResolveField wraps
      // all resolvers) to compute cache hints our schema never sets; the HTTP app sends `no-store` itself.
      ApolloServerPluginCacheControlDisabled(),
      // Marks parse/validate/execute/respond on requests that carry a timing (only with a phase recorder).
      ...(deps.phaseTiming ? [phaseTimingPlugin<ApiContext>()] : []),
    ],
    // Parsed-and-validated documents, keyed by the query text's SHA-256 (Apollo hashes it): a repeated query
    // skips parsing and validation, the cost rule included; a refused document is never stored. Never null.
    documentStore: documentStore(deps.config.GRAPHQL_DOCUMENT_CACHE_MB * 1024 * 1024),
    // Apollo's own SIGTERM handler re-raises the signal after stopping, which would cut our graceful close short.
    stopOnTerminationSignals: false,
    logger: deps.logger,
  });
}

/**
 * Apollo's document store as an LRU bounded by an estimate of the documents' memory (as Apollo's default is:
 * a count alone would let a client fill memory with large distinct documents, e.g. long string literals).
 * Estimate: 8 bytes of syntax tree per character of query text, plus 512.
 */
export function documentStore(maxBytes: number): DocumentStore {
  const lru = new Lru<string, DocumentNode>(maxBytes, (doc) => (doc.loc?.end ?? 4096) * 8 + 512);
  return {
    get: async (key) => lru.get(key),
    set: async (key, value) => lru.set(key, value),
    delete: async (key) => lru.delete(key),
  };
}

/** Builds a request context outside HTTP (tests with executeOperation, scripts). */
export function createApiContext(deps: ApiDeps, authorization?: string): ApiContext {
  return createContext(contextDeps(deps), authorization);
}

export interface HttpAppOptions extends ApiDeps {
  /** Further routers (e.g. the timeline page) mounted before the 404 handler. */
  routes?: Array<{ path: string; router: Router }>;
  /** Per-request phase timing of /graphql (src/api/timing.ts): the bench passes one; off otherwise. */
  phaseRecorder?: PhaseRecorder;
  /** Receives the response cache (when RESPONSE_CACHE_MB > 0): its stats for tests and the bench. */
  onResponseCache?: (cache: ResponseCache) => void;
  /** `X-Response-Cache: HIT | MISS` on cached-path responses (tests, the bench). */
  exposeCacheStatus?: boolean;
}

interface AppState {
  draining: boolean;
  shutdown: () => Promise<void>;
}
const appStates = new WeakMap<Express, AppState>();

export const READY_QUERY = 'RETURN 1 AS ok';

/** GraphQL answers are live data: never cached (what Apollo's cache-control plugin sent, without its per-field cost). */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** The express app: /graphql (POST → Apollo; GET from a browser → playground), /health, /ready. Starts Apollo. */
export async function createHttpApp(opts: HttpAppOptions): Promise<Express> {
  const deps = contextDeps(opts);
  // The response cache (src/api/responseCache.ts): off with RESPONSE_CACHE_MB=0.
  const responseCache =
    opts.config.RESPONSE_CACHE_MB > 0
      ? new ResponseCache(bookmarkGeneration(opts.driver, deps.database, opts.config.READY_TIMEOUT_MS), {
          maxBytes: Math.round(opts.config.RESPONSE_CACHE_MB * 1024 * 1024),
          maxStaleMs: opts.config.RESPONSE_CACHE_MAX_STALE_MS,
          checkPatienceMs: opts.config.RESPONSE_CACHE_CHECK_MS,
          operationsBytes: opts.config.GRAPHQL_DOCUMENT_CACHE_MB * 1024 * 1024,
          exposeStatus: opts.exposeCacheStatus ?? false,
        })
      : undefined;
  if (responseCache) {
    // An ingest through this server invalidates at once, whatever it reports (a failed one wrote nothing,
    // but dropping the cache is cheap); the generation check catches every other writer.
    const ingest = deps.ingest;
    deps.ingest = async (input) => {
      try {
        return await ingest(input);
      } finally {
        responseCache.invalidate();
      }
    };
    opts.onResponseCache?.(responseCache);
  }
  const apollo = createApolloServer({ ...opts, phaseTiming: opts.phaseRecorder !== undefined });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  const state: AppState = {
    draining: false,
    shutdown: async () => {
      await apollo.stop();
      await opts.driver.close();
    },
  };
  appStates.set(app, state);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // A probe wants an answer within READY_TIMEOUT_MS, also from a frozen Neo4j (the executor's deadline).
  // Probes arriving while one is pending share it, so a database that does not answer ties up one connection,
  // not one per probe.
  const db = dbExecutor(opts.driver, deps.database, { logger: opts.logger });
  let pendingProbe: Promise<void> | undefined;
  app.get('/ready', async (_req, res) => {
    if (state.draining) return void res.status(503).json({ status: 'shutting down' });
    try {
      pendingProbe ??= db
        .run('ready', READY_QUERY, {}, { budget: opts.config.READY_TIMEOUT_MS })
        .then(() => undefined)
        .finally(() => {
          pendingProbe = undefined;
        });
      await pendingProbe;
      res.json({ status: 'ready' });
    } catch (err) {
      opts.logger.warn({ err }, 'readiness check: Neo4j not reachable');
      res.status(503).json({ status: 'unavailable', reason: 'Neo4j is not reachable' });
    }
  });

  app.use(PLAYGROUND_ASSET_PATH, playgroundAssets());
  const page = playgroundHtml();
  app.get('/graphql', (req, res, next) => {
    // Browsers get the playground; GET queries from tools (Accept: JSON) go on to Apollo.
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    res.type('html').send(page);
  });
  // /graphql is its own express app so its responses skip express's ETag (a SHA-1 of every response body
  // and a freshness check, useless for `no-store` answers) while the other routes keep theirs.
  const graphqlApp = express();
  graphqlApp.disable('x-powered-by');
  graphqlApp.set('etag', false);
  if (opts.phaseRecorder) graphqlApp.use(timingMiddleware(opts.phaseRecorder));
  graphqlApp.use(
    noStore,
    // Room for an article of MAX_ARTICLE_BYTES plus JSON escaping; bigger bodies get a 413.
    express.json({ limit: opts.config.MAX_ARTICLE_BYTES * 2 + 256 * 1024 }),
    ...(responseCache ? [responseCache.middleware()] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const timing = requestTiming(req);
        if (!timing) return createContext(deps, req.headers.authorization);
        timing.contextStart = performance.now();
        const ctx = createContext(deps, req.headers.authorization, timing);
        timing.contextEnd = performance.now();
        return ctx;
      },
    }),
  );
  app.use('/graphql', graphqlApp);
  for (const r of opts.routes ?? []) app.use(r.path, r.router);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found: the API is at /graphql' });
  });
  // Body-parser and other middleware errors: JSON, never an HTML page with a stack trace.
  app.use((err: { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large') {
      return void res.status(413).json({ errors: [{ message: 'request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    }
    if (err.type === 'entity.parse.failed') {
      return void res.status(400).json({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
    opts.logger.error({ err }, 'HTTP request failed');
    res.status(err.status && err.status < 500 ? err.status : 500).json({ errors: [{ message: 'Internal server error' }] });
  });
  return app;
}

export interface HttpHandle {
  url: string;
  port: number;
  server: http.Server;
  /** Stops accepting, lets in-flight requests finish (forcing after `graceMs`), stops Apollo, closes the driver. */
  close(graceMs?: number): Promise<void>;
}

export async function startHttpServer(app: Express, port: number, host: string): Promise<HttpHandle> {
  const server = http.createServer(app);
  // Responses in progress, so closing can ask their keep-alive connections to end after the response.
  const active = new Set<http.ServerResponse>();
  let draining = false;
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    active.add(res);
    res.on('close', () => active.delete(res));
    if (draining) res.setHeader('Connection', 'close');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostPart}:${addr.port}`,
    port: addr.port,
    server,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        const state = appStates.get(app);
        if (state) state.draining = true;
        draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // In-flight requests finish, then their connections close instead of idling in keep-alive.
        for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        await closed;
        clearTimeout(force);
        await state?.shutdown();
      })();
      return closing;
    },
  };
}
