/**
 * Per-request phase timing for the GraphQL endpoint: where a request's time goes between the HTTP request
 * arriving and its response being written. Off unless a `PhaseRecorder` is passed to createHttpApp (the bench
 * does; the server never does), so production requests pay nothing for it.
 *
 * Phases (milliseconds, performance.now()):
 * - http:      express receiving the request (body parser, routing) until the context function runs
 * - context:   createContext (runner, batchers, token check)
 * - parse / validate: Apollo's parse and validation, only on a document-store miss (0 on a hit)
 * - prepare:   the rest before execution: query hash, document-store lookup, operation resolution, plugins
 * - execute:   graphql-js execute (resolvers), of which `neo4j` is spent waiting for the runner's reads
 *              (summed over reads; batched reads of one level may overlap, so it can exceed wall time only
 *              when they run in parallel)
 * - respond:   execution end until Apollo's willSendResponse (error formatting, result shaping)
 * - serialise: willSendResponse until express's res.send is called (Apollo's JSON.stringify of the result,
 *              the async hops back through Apollo and the express integration)
 * - write:     res.send until the response has been handed to the socket ('finish')
 * - total:     first byte of the request handled by express until the response finished
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Runner } from '../graph/repositories/runner.js';

export const PHASES = ['http', 'context', 'parse', 'validate', 'prepare', 'execute', 'neo4j', 'respond', 'serialise', 'write', 'total'] as const;
export type Phase = (typeof PHASES)[number];
export type PhaseTimes = Record<Phase, number>;

/** One request's marks while it is in flight. */
export interface RequestTiming {
  start: number;
  contextStart?: number;
  contextEnd?: number;
  parse: number;
  validate: number;
  executeStart?: number;
  executeEnd?: number;
  responded?: number;
  sent?: number;
  neo4j: number;
}

/** Receives one finished request's phases. */
export type PhaseRecorder = (times: PhaseTimes) => void;

const TIMING = Symbol('chronicle.requestTiming');
type TimedRequest = Request & { [TIMING]?: RequestTiming };

/** Express middleware: starts a request's timing and reports its phases when the response has been written. */
export function timingMiddleware(record: PhaseRecorder) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const t: RequestTiming = { start: performance.now(), parse: 0, validate: 0, neo4j: 0 };
    (req as TimedRequest)[TIMING] = t;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      t.sent ??= performance.now();
      return send(body);
    };
    res.on('finish', () => {
      const end = performance.now();
      // Requests refused before Apollo (body parser errors) have no context: not recorded.
      if (t.contextStart === undefined || t.contextEnd === undefined || t.responded === undefined) return;
      const execute = t.executeStart !== undefined && t.executeEnd !== undefined ? t.executeEnd - t.executeStart : 0;
      const afterExec = t.executeEnd ?? t.contextEnd;
      record({
        http: t.contextStart - t.start,
        context: t.contextEnd - t.contextStart,
        parse: t.parse,
        validate: t.validate,
        prepare: (t.executeStart ?? t.responded) - t.contextEnd - t.parse - t.validate,
        execute,
        neo4j: t.neo4j,
        respond: t.responded - afterExec,
        serialise: (t.sent ?? end) - t.responded,
        write: end - (t.sent ?? end),
        total: end - t.start,
      });
    });
    next();
  };
}

/** The timing of this request, when timing is on. */
export function requestTiming(req: Request): RequestTiming | undefined {
  return (req as TimedRequest)[TIMING];
}

/** A runner that adds the time spent waiting for each read to the request's `neo4j` phase. */
export function timedRunner(run: Runner, t: RequestTiming): Runner {
  return {
    read: async (query, params) => {
      const t0 = performance.now();
      try {
        return await run.read(query, params);
      } finally {
        t.neo4j += performance.now() - t0;
      }
    },
  };
}

/** Apollo plugin marking parse, validation, execution and willSendResponse on the context's timing. */
export function phaseTimingPlugin<C extends { timing?: RequestTiming }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const t = contextValue.timing;
      if (!t) return;
      return {
        async parsingDidStart() {
          const t0 = performance.now();
          return async () => void (t.parse += performance.now() - t0);
        },
        async validationDidStart() {
          const t0 = performance.now();
          return async () => void (t.validate += performance.now() - t0);
        },
        async executionDidStart() {
          t.executeStart = performance.now();
          return {
            async executionDidEnd() {
              t.executeEnd = performance.now();
            },
          };
        },
        async willSendResponse() {
          t.responded = performance.now();
        },
      };
    },
  };
}

/** Collects phases over many requests; `summary` gives the median and 99th percentile of each. */
export function phaseCollector() {
  let rows: PhaseTimes[] = [];
  const pct = (xs: number[], p: number) => {
    if (xs.length === 0) return NaN;
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  };
  const r3 = (n: number) => Math.round(n * 1000) / 1000;
  return {
    record: ((times) => void rows.push(times)) as PhaseRecorder,
    reset() {
      rows = [];
    },
    summary(): { n: number; p50: PhaseTimes; p99: PhaseTimes; mean: PhaseTimes } {
      const of = (f: (xs: number[]) => number) =>
        Object.fromEntries(PHASES.map((p) => [p, r3(f(rows.map((r) => r[p])))])) as PhaseTimes;
      return {
        n: rows.length,
        p50: of((xs) => pct(xs, 50)),
        p99: of((xs) => pct(xs, 99)),
        mean: of((xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)),
      };
    },
  };
}
