/**
 * Every setting, read from the environment once at start-up and validated, so a typo fails fast with a
 * message naming the variable. Documented in .env.example.
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Default heap of the local embedded Neo4j: 1g gave a 716.8 MiB transaction limit that large loads hit. */
export const DEFAULT_LOCAL_HEAP = '2g';
const MIN_LOCAL_HEAP_MB = 512; // above the launcher's -Xms256m, and the least Neo4j starts comfortably with

/** A JVM memory size as -Xmx takes it ("2g", "1536m", "1048576k"), in MiB; undefined when malformed. */
export function heapMegabytes(size: string): number | undefined {
  const m = /^(\d+)([kKmMgG])$/.exec(size.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return unit === 'g' ? n * 1024 : unit === 'm' ? n : n / 1024;
}

const HeapSize = z
  .string()
  .trim()
  .refine((v) => heapMegabytes(v) !== undefined, 'must be a JVM size such as 2g or 1536m')
  .refine((v) => (heapMegabytes(v) ?? 0) >= MIN_LOCAL_HEAP_MB, `must be at least ${MIN_LOCAL_HEAP_MB}m`)
  .transform((v) => v.toLowerCase());

/** NEO4J_LOCAL_HEAP from an environment, validated like the rest of the config (for callers without a Config). */
export function localHeapFrom(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.NEO4J_LOCAL_HEAP;
  if (raw === undefined || raw === '') return DEFAULT_LOCAL_HEAP;
  const parsed = HeapSize.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`invalid configuration — NEO4J_LOCAL_HEAP: ${parsed.error.issues[0]?.message} (see .env.example)`);
  return parsed.data;
}

/** "true"/"false" (or 1/0) from the environment. */
const Flag = z
  .enum(['true', 'false', '1', '0', 'TRUE', 'FALSE'])
  .transform((v) => v === 'true' || v === '1' || v === 'TRUE');

const ConfigSchema = z.object({
  /** Unset: `npm start` launches a local embedded Neo4j (scripts/neo4j) and points here at it. */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must look like bolt://host:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]*$/).default('neo4j'),
  /** Port the local embedded Neo4j listens on when NEO4J_URI is unset. 0 = any free port. */
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(0).max(65535).default(7687),
  /** Data directory of the local embedded Neo4j. */
  NEO4J_LOCAL_HOME: z.string().default('.neo4j'),
  /**
   * Maximum JVM heap of the local embedded Neo4j (-Xmx): "2g", "1536m". Neo4j caps the memory of all running
   * transactions at 70% of it, so this bounds the largest load and read.
   */
  NEO4J_LOCAL_HEAP: HeapSize.default(DEFAULT_LOCAL_HEAP),
  /**
   * A running NLP engine (docker compose's `nlp` service). Unset: commands that ingest start the local worker
   * from .nlp/venv (prepared by `npm install`).
   */
  NLP_URL: z.string().regex(/^https?:\/\/[^/\s]+\/?$/, 'must look like http://host:5005').optional(),
  /** Parse cache directory (parses keyed by text sha256 and engine/model version); reused across runs. */
  NLP_CACHE_DIR: z.string().default('.nlp/cache'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /**
   * production (the default) keeps stack traces, driver messages and file paths out of API responses;
   * development shows them (see EXPOSE_ERROR_DETAILS). The playground is served either way.
   */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Error details (stack traces, driver messages) in API responses. Unset: only when NODE_ENV=development. */
  EXPOSE_ERROR_DETAILS: Flag.optional(),
  /** Bearer token that mutations (ingestArticle) require. Empty: mutations are disabled. */
  API_TOKEN: z.string().default(''),
  /** Largest page a connection field returns. */
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  /** Deepest selection set a query may have. */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  /** Most field selections (aliases included) in one operation. */
  MAX_QUERY_FIELDS: z.coerce.number().int().min(10).default(400),
  /**
   * The longest an API read waits for Neo4j. Neo4j itself is asked to stop the query a little earlier
   * (serverTimeoutMs), so a slow query is QUERY_TIMEOUT and a database that does not answer at all is
   * SERVICE_UNAVAILABLE, both within this time.
   */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** The longest /ready waits for Neo4j before answering 503. */
  READY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_500),
  /** The longest one ingest step (a known-graph read, an article's write, curation) waits for Neo4j. */
  WRITE_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** TCP connect + Bolt handshake with Neo4j (a frozen server accepts the connection but never answers). */
  NEO4J_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  /** Waiting for a free connection from the driver's pool (connecting included). */
  NEO4J_ACQUISITION_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** How long the driver keeps retrying a transaction after transient errors (lost connection, deadlock). 0: no retry. */
  NEO4J_MAX_RETRY_MS: z.coerce.number().int().min(0).default(2_000),
  /** The ingest (CLI and seed) stops after this many articles in a row failed because Neo4j was unavailable. */
  INGEST_MAX_DB_FAILURES: z.coerce.number().int().min(1).default(3),
  /**
   * Articles resolved against one known-graph read and written in one transaction (docs/performance.md,
   * "Batched loading"). A batch that fails is loaded again one article per transaction, so every article stays
   * all-or-nothing. 1: one article per read and transaction, as before.
   */
  INGEST_BATCH_ARTICLES: z.coerce.number().int().min(1).max(1_000).default(50),
  /**
   * Longest `filter: { text }` accepted, in characters. At most 1,000: Lucene cannot build the prefix query
   * (actor type-ahead) of a longer word ("input automaton too large").
   */
  MAX_FILTER_TEXT_CHARS: z.coerce.number().int().min(1).max(1_000).default(500),
  /**
   * Most search terms in `filter: { text }` (src/graph/repositories/common.ts, searchTermCount). At most 200:
   * each term is a clause of the full-text query, twice in the two-field actor index, and Lucene refuses
   * more than 1,024 clauses.
   */
  MAX_FILTER_TEXT_TERMS: z.coerce.number().int().min(1).max(200).default(32),
  /**
   * Parsed-and-validated GraphQL documents kept, in MiB (estimated): an LRU keyed by the query text's hash, so a
   * repeated query skips parsing and validation. Refused documents are never kept.
   */
  GRAPHQL_DOCUMENT_CACHE_MB: z.coerce.number().min(1).max(16_384).default(30),
  /**
   * Response cache for GraphQL queries (src/api/responseCache.ts), in MiB of response bodies; 0 turns it off.
   * Invalidated by every committed write to the database, from any process (Neo4j's bookmark).
   */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(16_384).default(64),
  /**
   * 0: a cached answer is served only after Neo4j confirmed nothing was committed since the request arrived
   * (one tiny query, shared by concurrent requests): never stale. N: a confirmation up to N ms old is enough,
   * so a write by *another process* (CLI ingest) may be missed for up to N ms; ingestArticle through this
   * server invalidates at once either way.
   */
  RESPONSE_CACHE_MAX_STALE_MS: z.coerce.number().int().min(0).max(3_600_000).default(0),
  /**
   * The longest a cached answer waits for Neo4j's confirmation (RESPONSE_CACHE_MAX_STALE_MS); past it the
   * request is executed as if not cached, so a frozen Neo4j delays an answer by at most this much.
   */
  RESPONSE_CACHE_CHECK_MS: z.coerce.number().int().min(1).max(60_000).default(250),
  /** Largest article text accepted, in bytes. */
  MAX_ARTICLE_BYTES: z.coerce.number().int().min(1_000).default(500_000),
  /** Seed folder (articles + manifest.json) loaded by `npm start` and `chronicle seed`. */
  SEED_DIR: z.string().default('seed'),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; throws one readable line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration — ${lines.join('; ')} (see .env.example)`);
  }
  return parsed.data;
}

/** Stack traces and driver messages in API responses: asked for explicitly, or NODE_ENV=development. */
export function exposeErrorDetails(config: Pick<Config, 'NODE_ENV' | 'EXPOSE_ERROR_DETAILS'>): boolean {
  return config.EXPOSE_ERROR_DETAILS ?? config.NODE_ENV === 'development';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
