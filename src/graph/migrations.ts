/**
 * Schema migrations: uniqueness constraints on every node id, full-text and range indexes. Every
 * statement is `IF NOT EXISTS` (or `IF EXISTS` for a replaced index), so applying them again (each start-up, `chronicle migrate`) is a no-op.
 * Only what Neo4j Community supports embedded: no existence or node-key constraints.
 */
import type { Driver } from 'neo4j-driver';
import { dbExecutor } from './executor.js';

export const CREATE_ARTICLE_ID = 'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE';
export const CREATE_ACTOR_ID = 'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE';
export const CREATE_STATEMENT_ID = 'CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE';
export const CREATE_EVENT_ID = 'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE';
export const CREATE_MEETING_SERIES_ID =
  'CREATE CONSTRAINT meeting_series_id IF NOT EXISTS FOR (n:MeetingSeries) REQUIRE n.id IS UNIQUE';
export const CREATE_CLAIM_ID = 'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE';

/** Who-said-what text search over quotes. */
export const CREATE_STATEMENT_TEXT =
  'CREATE FULLTEXT INDEX statementText IF NOT EXISTS FOR (n:Statement) ON EACH [n.text]';
/**
 * Actor search by any surface form; Neo4j 5 full-text indexes take string lists (aliases). Folding (accents,
 * curly apostrophes) because resolution compares folded names: "Munoz" must find a stored "Muñoz".
 */
export const CREATE_ACTOR_NAMES =
  "CREATE FULLTEXT INDEX actorNamesFolded IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}";
/** Its predecessor without folding; an index's analyzer cannot be changed, so it is replaced. */
export const DROP_UNFOLDED_ACTOR_NAMES = 'DROP INDEX actorNames IF EXISTS';

// Timeline: keyset pagination seeks on sortDate (ties broken by id, which the id constraint indexes).
export const CREATE_STATEMENT_SORT_DATE =
  'CREATE INDEX statement_sort_date IF NOT EXISTS FOR (n:Statement) ON (n.sortDate)';
export const CREATE_EVENT_SORT_DATE = 'CREATE INDEX event_sort_date IF NOT EXISTS FOR (n:Event) ON (n.sortDate)';
export const CREATE_EVENT_START = 'CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.start)';
export const CREATE_ARTICLE_PUBLISHED_AT =
  'CREATE INDEX article_published_at IF NOT EXISTS FOR (n:Article) ON (n.publishedAt)';

export const CREATE_ACTOR_KIND = 'CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)';
export const CREATE_STATEMENT_KIND = 'CREATE INDEX statement_kind IF NOT EXISTS FOR (n:Statement) ON (n.kind)';
export const CREATE_EVENT_KIND = 'CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind)';
export const CREATE_CLAIM_ATTRIBUTE = 'CREATE INDEX claim_attribute IF NOT EXISTS FOR (n:Claim) ON (n.attribute)';

// Known-graph read (src/graph/knownGraph.ts): events of a kind by date window, wide-dated events of a kind,
// and meetings of a series by its name — seeks instead of reading every event of the kind.
export const CREATE_EVENT_KIND_START = 'CREATE INDEX event_kind_start IF NOT EXISTS FOR (n:Event) ON (n.kind, n.start)';
export const CREATE_EVENT_KIND_PRECISION =
  'CREATE INDEX event_kind_precision IF NOT EXISTS FOR (n:Event) ON (n.kind, n.precision)';
export const CREATE_MEETING_SERIES_NAME =
  'CREATE INDEX meeting_series_name IF NOT EXISTS FOR (n:MeetingSeries) ON (n.name)';

/** In order: constraints first (they bring their own index on id), then indexes. */
export const MIGRATIONS: readonly string[] = [
  CREATE_ARTICLE_ID,
  CREATE_ACTOR_ID,
  CREATE_STATEMENT_ID,
  CREATE_EVENT_ID,
  CREATE_MEETING_SERIES_ID,
  CREATE_CLAIM_ID,
  CREATE_STATEMENT_TEXT,
  CREATE_ACTOR_NAMES,
  DROP_UNFOLDED_ACTOR_NAMES,
  CREATE_STATEMENT_SORT_DATE,
  CREATE_EVENT_SORT_DATE,
  CREATE_EVENT_START,
  CREATE_ARTICLE_PUBLISHED_AT,
  CREATE_ACTOR_KIND,
  CREATE_STATEMENT_KIND,
  CREATE_EVENT_KIND,
  CREATE_CLAIM_ATTRIBUTE,
  CREATE_EVENT_KIND_START,
  CREATE_EVENT_KIND_PRECISION,
  CREATE_MEETING_SERIES_NAME,
];

export const AWAIT_INDEXES = 'CALL db.awaitIndexes($timeoutSeconds)';

/** Deadline of one schema statement (and the slack past db.awaitIndexes' own timeout). */
const MIGRATION_TIMEOUT_MS = 120_000;

export interface MigrationResult {
  /** Constraints and indexes this run created (empty when the schema was already in place). */
  created: number;
}

/** Applies every migration (one schema statement per transaction, as Neo4j requires) and waits until indexes are online. */
export async function applyMigrations(driver: Driver, database: string, timeoutSeconds = 300): Promise<MigrationResult> {
  const db = dbExecutor(driver, database);
  let created = 0;
  for (const [i, cypher] of MIGRATIONS.entries()) {
    // Schema statements are quick, but wait behind running transactions' locks: a generous deadline.
    const { summary } = await db.run(`migration ${i + 1}`, cypher, {}, { mode: 'WRITE', budget: MIGRATION_TIMEOUT_MS });
    const u = summary.counters.updates();
    created += u.constraintsAdded + u.indexesAdded;
  }
  // Populating indexes are not used by the planner; later reads must not silently scan.
  await db.run('awaitIndexes', AWAIT_INDEXES, { timeoutSeconds }, { mode: 'WRITE', budget: timeoutSeconds * 1000 + MIGRATION_TIMEOUT_MS });
  return { created };
}
