/**
 * Response cache for GraphQL reads: the exact JSON body of a successful query, keyed by (query text,
 * operation name, variables, Accept), replayed without parsing, executing or touching Neo4j's data.
 *
 * Correctness rests on the **graph generation**: Neo4j's bookmark after a read-only auto-commit `RETURN 1`
 * names the last transaction the database committed, so it changes after *every* committed write, from any
 * process — an ingest through the API, `chronicle ingest` in another process, curation, migrations, a
 * Cypher shell — and stays the same while nothing is written (checked in tests/api/responseCache.int.test.ts).
 * No writer has to cooperate. We only compare bookmarks for equality: a change we do not understand can only
 * cost a miss.
 *
 * - An entry is labelled with a generation read by a check that *completed before the request that computed it
 *   arrived* (so before its reads started): everything committed up to that generation is in the body.
 * - A hit is served only if a check that *started after the request arrived* returns the same generation
 *   (RESPONSE_CACHE_MAX_STALE_MS=0, the default): nothing was committed since the entry was computed, so the
 *   body is what executing the query now would return. Concurrent requests share one check, so under load
 *   the price is one tiny round trip per batch of requests, not per request.
 * - RESPONSE_CACHE_MAX_STALE_MS=N>0 lets a hit rely on a check that started up to N ms before the request:
 *   a write by *another process* may then be missed for up to N ms. Writes through this server's API never
 *   are: ingestArticle invalidates at once (`invalidate()`), and no check started before that counts.
 * - Only `query` operations, only HTTP 200 bodies without `errors`, only POSTs with a JSON body (GET queries
 *   keep Apollo's CSRF check; APQ requests carry `extensions` and pass through). If the check fails (Neo4j
 *   unreachable) the request goes to Apollo as if there were no cache.
 * - Query answers must not depend on who asks (today only mutations read the token). If that changes, the
 *   key must include the caller.
 * On a cluster the check goes to a reader like any read, so a cached answer is as fresh as an uncached read
 * routed to some reader would be (readers that disagree only cost misses).
 */
import type { NextFunction, Request, Response } from 'express';
import { Kind, parse, type OperationTypeNode } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { Lru } from './lru.js';

/** Where the generation comes from (a test may count or fake it). */
export interface GenerationSource {
  read(): Promise<string>;
}

export const GENERATION_QUERY = 'RETURN 1';

/** The database's last committed transaction, as the bookmark of a read-only auto-commit query. */
export function bookmarkGeneration(driver: Driver, database: string, timeoutMs: number): GenerationSource {
  return {
    async read() {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      let timer: NodeJS.Timeout | undefined;
      try {
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Neo4j did not answer the generation check within ${timeoutMs} ms`)), timeoutMs);
        });
        await Promise.race([session.run(GENERATION_QUERY, {}, { timeout: timeoutMs }).summary(), deadline]);
        const bookmarks = session.lastBookmarks();
        if (bookmarks.length === 0) throw new Error('Neo4j returned no bookmark');
        return [...bookmarks].sort().join(' ');
      } finally {
        clearTimeout(timer);
        void session.close().catch(() => undefined);
      }
    },
  };
}

export interface Check {
  value: string;
  startedAt: number;
  completedAt: number;
}

const noop = () => undefined;

/** Reads of the generation, shared between concurrent requests (see the module comment for the rules). */
export class GenerationClock {
  private last: Check | undefined;
  private pending: { startedAt: number; promise: Promise<Check> } | undefined;
  private queued: Promise<Check> | undefined;
  private invalidatedAt = -Infinity;
  /** Checks sent to Neo4j (tests, the bench). */
  checks = 0;
  /** The last check failed (Neo4j unreachable or slow): hits go to Apollo at once until one succeeds. */
  failing = false;

  constructor(
    private readonly source: GenerationSource,
    private readonly maxStaleMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A generation read by a check started no earlier than `arrival − maxStaleMs` and after the last invalidate(). */
  fresh(arrival: number): Promise<Check> {
    const minStart = Math.max(arrival - this.maxStaleMs, this.invalidatedAt);
    const last = this.last;
    if (last && last.startedAt >= minStart) {
      // Within the allowed staleness: answer now, refresh in the background once half of it has passed.
      if (this.maxStaleMs > 0 && this.now() - last.startedAt > this.maxStaleMs / 2) this.kick();
      return Promise.resolve(last);
    }
    if (this.pending && this.pending.startedAt >= minStart) return this.pending.promise;
    if (!this.pending) return this.start();
    // The running check started too early for this request: the next one, started as it ends, serves all waiting.
    this.queued ??= this.pending.promise.then(noop, noop).then(() => {
      this.queued = undefined;
      return this.pending && this.pending.startedAt >= minStart ? this.pending.promise : this.start();
    });
    return this.queued;
  }

  /** The newest check that had completed by `t` (a label for what a request arriving at `t` computes). */
  completedBy(t: number): Check | undefined {
    return this.last && this.last.completedAt <= t ? this.last : undefined;
  }

  /** Starts a check unless one is running; failures are ignored (the next request checks again). */
  kick(): void {
    if (!this.pending) this.start().catch(noop);
  }

  /** A write went through this process: no check started before now may serve a hit. */
  invalidate(): void {
    this.invalidatedAt = this.now();
  }

  private start(): Promise<Check> {
    const startedAt = this.now();
    this.checks += 1;
    const promise = this.source.read().then(
      (value) => {
        const check = { value, startedAt, completedAt: this.now() };
        if (!this.last || this.last.startedAt <= startedAt) this.last = check;
        this.failing = false;
        return check;
      },
      (err: unknown) => {
        this.failing = true;
        throw err;
      },
    );
    const entry = { startedAt, promise };
    this.pending = entry;
    promise.then(noop, noop).then(() => {
      if (this.pending === entry) this.pending = undefined;
    });
    return promise;
  }
}

interface Entry {
  body: Buffer;
  contentType: string;
  generation: string;
}

export interface ResponseCacheOptions {
  /** Total bytes of bodies (and keys) held; a body over an eighth of it is not stored. */
  maxBytes: number;
  maxStaleMs: number;
  /** Bytes of query text (the keys) whose operation types are remembered. */
  operationsBytes?: number;
  /**
   * The longest a hit waits for Neo4j's confirmation; then the request is executed as a miss, so a frozen
   * Neo4j adds at most this to the API's own deadline (QUERY_TIMEOUT_MS). Default 250.
   */
  checkPatienceMs?: number;
  /** Adds `X-Response-Cache: HIT | MISS` (tests, the bench). */
  exposeStatus?: boolean;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  stores: number;
  checks: number;
  entries: number;
  bytes: number;
}

export class ResponseCache {
  private readonly entries: Lru<string, Entry>;
  private readonly operations: Lru<string, Map<string, OperationTypeNode> | null>;
  readonly clock: GenerationClock;
  private readonly maxEntryBytes: number;
  private hits = 0;
  private misses = 0;
  private stores = 0;

  constructor(
    source: GenerationSource,
    private readonly opts: ResponseCacheOptions,
  ) {
    this.entries = new Lru(opts.maxBytes, (e, key) => e.body.length + key.length * 2 + 200);
    this.operations = new Lru(opts.operationsBytes ?? 8 * 1024 * 1024, (ops, query) => query.length * 2 + 200 + (ops?.size ?? 0) * 100);
    this.clock = new GenerationClock(source, opts.maxStaleMs);
    this.maxEntryBytes = Math.floor(opts.maxBytes / 8);
  }

  /** After a write through this process (ingestArticle): drop everything and trust no earlier check. */
  invalidate(): void {
    this.clock.invalidate();
    this.entries.clear();
  }

  stats(): ResponseCacheStats {
    return { hits: this.hits, misses: this.misses, stores: this.stores, checks: this.clock.checks, entries: this.entries.size, bytes: this.entries.weight };
  }

  /** The operation's type, or undefined when the text does not parse or names no single operation. */
  private operationType(query: string, operationName: string | undefined): OperationTypeNode | undefined {
    let ops = this.operations.get(query);
    if (ops === undefined) {
      try {
        const doc = parse(query);
        ops = new Map();
        for (const d of doc.definitions) if (d.kind === Kind.OPERATION_DEFINITION) ops.set(d.name?.value ?? '', d.operation);
      } catch {
        ops = null;
      }
      this.operations.set(query, ops);
    }
    if (!ops) return undefined;
    if (operationName) return ops.get(operationName);
    return ops.size === 1 ? ops.values().next().value : undefined;
  }

  /** Express middleware for /graphql, after the JSON body parser and before Apollo. */
  middleware() {
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const body = req.body as Record<string, unknown> | undefined;
      if (req.method !== 'POST' || !body || typeof body !== 'object' || Array.isArray(body)) return next();
      const { query, operationName, variables, extensions } = body;
      if (typeof query !== 'string' || extensions != null) return next();
      if (operationName != null && typeof operationName !== 'string') return next();
      const arrival = performance.now();
      const key = JSON.stringify([query, operationName ?? null, variables ?? null, req.headers.accept ?? '']);
      const entry = this.entries.get(key);
      let label: Check | undefined;
      if (entry) {
        // Neo4j not answering the check (or slowly): Apollo answers, or reports, as without a cache; while
        // checks fail, hits do not wait for one at all (a background check finds out when it is back).
        const unconfirmed = () => {
          this.misses += 1;
          if (this.opts.exposeStatus) res.setHeader('x-response-cache', 'MISS');
          next();
        };
        if (this.clock.failing) {
          this.clock.kick();
          return unconfirmed();
        }
        let timer: NodeJS.Timeout | undefined;
        const patience = new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), this.opts.checkPatienceMs ?? 250);
        });
        const check = await Promise.race([this.clock.fresh(arrival), patience]).catch(() => undefined);
        clearTimeout(timer);
        if (!check) return unconfirmed();
        if (check.value === entry.generation && this.entries.get(key) === entry) {
          this.hits += 1;
          res.statusCode = 200;
          res.setHeader('content-type', entry.contentType);
          res.setHeader('content-length', entry.body.length);
          if (this.opts.exposeStatus) res.setHeader('x-response-cache', 'HIT');
          res.end(entry.body);
          return;
        }
        this.entries.delete(key);
        label = check;
      } else {
        if (this.operationType(query, operationName ?? undefined) !== 'query') return next();
        label = this.clock.completedBy(arrival);
        // A label for the next request with this key, read while this one executes.
        this.clock.kick();
      }
      this.misses += 1;
      if (this.opts.exposeStatus) res.setHeader('x-response-cache', 'MISS');
      if (label) {
        const generation = label.value;
        const send = res.send.bind(res);
        res.send = (out?: unknown) => {
          if (res.statusCode === 200 && typeof out === 'string' && !out.includes('"errors":')) {
            const buf = Buffer.from(out);
            const contentType = res.getHeader('content-type');
            if (buf.length <= this.maxEntryBytes && typeof contentType === 'string') {
              this.entries.set(key, { body: buf, contentType, generation });
              this.stores += 1;
            }
          }
          return send(out);
        };
      }
      next();
    };
  }
}
