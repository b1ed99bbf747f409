/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON, checked by the assertions */
/** Helpers for the API integration tests: a real HTTP server on port 0, a GraphQL client, a query-counting driver. */
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { createHttpApp, startHttpServer, type HttpHandle } from '../../src/api/server.js';
import type { IngestFn } from '../../src/api/ingest.js';
import type { PhaseRecorder } from '../../src/api/timing.js';
import type { ResponseCache } from '../../src/api/responseCache.js';
import { testDriver } from '../support/neo4j.js';
import { testNlp } from '../support/nlp.js';

export const silentLogger = pino({ level: 'silent' });

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}

/** Wraps a driver so every executeQuery is counted (and its config recorded); everything else passes through. */
export function countingDriver(driver: Driver) {
  const stats = { queries: 0, configs: [] as unknown[], closed: 0 };
  const proxy = new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'executeQuery') {
        return (query: string, params: unknown, config: unknown) => {
          stats.queries += 1;
          stats.configs.push(config);
          return target.executeQuery(query, params as never, config as never);
        };
      }
      if (prop === 'close') {
        return () => {
          stats.closed += 1;
          return target.close();
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { driver: proxy as Driver, stats };
}

/** A driver whose queries all fail with the given error (after an optional delay). */
export function failingDriver(error: Error, delayMs = 0): Driver {
  const real = testDriver();
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'executeQuery') {
        return async () => {
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          throw error;
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

export interface TestServer extends HttpHandle {
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, any>; path?: unknown[] }> };
}

export async function startTestServer(opts: {
  driver: Driver;
  config?: Record<string, string>;
  ingest?: IngestFn;
  /** The configuration a user gets with no variables set (not NODE_ENV=test). */
  defaults?: boolean;
  /** Per-request phase timing (src/api/timing.ts), as the bench uses it. */
  phaseRecorder?: PhaseRecorder;
  /** The response cache's handle and `X-Response-Cache` headers (src/api/responseCache.ts). */
  onResponseCache?: (cache: ResponseCache) => void;
  exposeCacheStatus?: boolean;
}): Promise<TestServer> {
  const config = opts.defaults ? loadConfig({ LOG_LEVEL: 'silent', ...opts.config }) : testConfig(opts.config);
  // The test run's NLP engine parses what ingestArticle receives, as the real server's engine would.
  const app = await createHttpApp({ driver: opts.driver, config, logger: silentLogger, ingest: opts.ingest, nlp: await testNlp(), phaseRecorder: opts.phaseRecorder,
    onResponseCache: opts.onResponseCache, exposeCacheStatus: opts.exposeCacheStatus });
  const handle = await startHttpServer(app, 0, '127.0.0.1');
  return {
    ...handle,
    async gql(query, variables = {}, headers = {}) {
      const res = await fetch(`${handle.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlResponse<any>['body'] };
    },
  };
}

/** Throws with the GraphQL errors when a response has any, so failures show the server's message. */
export function ok<T>(res: GqlResponse<T>): T {
  if (res.body.errors?.length || !res.body.data) throw new Error(`GraphQL errors (HTTP ${res.status}): ${JSON.stringify(res.body.errors)}`);
  return res.body.data;
}
