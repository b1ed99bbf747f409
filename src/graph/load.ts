/**
 * Writes one resolved article in one write transaction and one statement: batched `UNWIND … MERGE` per
 * node and relationship family in unit subqueries, MERGE on stable ids, so loading the same article again changes no count and no
 * property. When nodes are shared across articles, properties combine by order-independent rules
 * (documented in docs/graph-model.md, "Loading") rather than last-writer-wins.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ResolvedArticle } from '../domain/types.js';
import { dbExecutor } from './executor.js';
import { KEEP_PLAN } from './keepPlan.js';
import { toLoadRows, type LoadRows, type RekeyLabel } from './loadRows.js';

export { fetchKnownGraph } from './knownGraph.js';


/**
 * What LOAD_ARTICLE derives once an article's rows are in (docs/graph-model.md, "Loading"): each listed event's
 * name, place, ordinal, status, implied flag, date and sort date, and each listed statement's verb and sort date.
 * Each is a function of what is stored (descriptions, date and place claims, mentions, reports), never of the order articles came
 * in, so deriving it once after several articles gives what deriving it after each of them gives.
 * `events` rows need `id` (and `publishedAt` where `publishedAt` names `row.publishedAt`); `statements` rows `id`.
 */
function derivedFacts(events: string, statements: string, publishedAt: string): string {
  return `  // Derived event facts (docs/graph-model.md, "Loading"): functions of the set of stored descriptions, date and
  // place claims, never of the order articles arrived in.
  CALL () {
    UNWIND ${events} AS row
    MATCH (e:Event {id: row.id})
    // Name: the most articles' (names given with an ordinal first), ties alphabetical; ordinal and status: the most articles'.
    CALL (e) {
      OPTIONAL MATCH (e)-[d:DESCRIBED_IN]->(art:Article)
      WITH d.name AS name, d.ordinal IS NOT NULL AS numbered, count(DISTINCT art) AS n
      ORDER BY numbered DESC, n DESC, name
      RETURN collect(name)[0] AS name
    }
    CALL (e) {
      OPTIONAL MATCH (e)-[d:DESCRIBED_IN]->(art:Article) WHERE d.ordinal IS NOT NULL
      WITH d.ordinal AS ordinal, count(DISTINCT art) AS n
      ORDER BY n DESC, ordinal
      RETURN collect(ordinal)[0] AS ordinal
    }
    CALL (e) {
      OPTIONAL MATCH (e)-[d:DESCRIBED_IN]->(art:Article) WHERE d.status IS NOT NULL
      WITH d.status AS status, count(DISTINCT art) AS n
      ORDER BY n DESC, status
      RETURN collect(status)[0] AS status
    }
    // Date: the best candidate among the article date claims: a DAY first (else the narrowest range), then the
    // most outlets and articles supporting it (a claim whose range contains the candidate supports it), then a
    // day read from text over a publication or inferred one, then the earliest.
    CALL (e) {
      WITH COLLECT {
        MATCH (c:Claim {attribute: 'date'})-[:ON]->(e)
        WHERE c.curated = false AND c.start IS NOT NULL
        OPTIONAL MATCH (art:Article {id: c.articleId})
        RETURN {start: c.start, end: c.end, precision: c.precision, source: c.dateSource, article: c.articleId, outlet: art.outlet}
      } AS claims
      UNWIND claims AS cand
      WITH cand, [x IN claims WHERE x.start <= cand.start AND cand.end <= x.end] AS support
      WITH cand,
        size(reduce(seen = [], x IN support | CASE WHEN x.outlet IN seen THEN seen ELSE seen + x.outlet END)) AS outlets,
        size(reduce(seen = [], x IN support | CASE WHEN x.article IN seen THEN seen ELSE seen + x.article END)) AS articles
      ORDER BY CASE WHEN cand.precision = 'DAY' THEN 0 ELSE 1 END, duration.inDays(cand.start, cand.end).days,
        outlets DESC, articles DESC, CASE WHEN cand.source = 'TEXT' THEN 0 ELSE 1 END, cand.start, cand.end
      RETURN collect(cand)[0] AS best
    }
    // Place: the one the most articles give (ties: alphabetical); none while no article places it.
    CALL (e) {
      OPTIONAL MATCH (e)<-[:ON]-(c:Claim {attribute: 'place'})
      WHERE c.curated = false AND c.articleId IS NOT NULL
      WITH c.normalized AS place, count(DISTINCT c.articleId) AS n
      ORDER BY n DESC, place
      RETURN collect(place)[0] AS place
    }
    // Vehicle modes: every mode any article names (a set, so the same in any order); none while no article names one.
    CALL (e) {
      RETURN COLLECT { MATCH (e)-[d:DESCRIBED_IN]->(:Article) UNWIND coalesce(d.vehicles, []) AS v RETURN DISTINCT v ORDER BY v } AS vehicles
    }
    SET e.name = coalesce(name, e.name),
        e.place = place,
        e.vehicles = CASE WHEN size(vehicles) > 0 THEN vehicles END,
        e.ordinal = coalesce(ordinal, e.ordinal),
        e.status = coalesce(status, e.status),
        // Implied only while no article describes it.
        e.implied = coalesce(e.implied, true) AND NOT EXISTS { (e)-[d:DESCRIBED_IN]->(:Article) WHERE d.implied = false },
        e.start = best.start, e.end = best.end, e.precision = best.precision, e.dateSource = best.source
    WITH e
    MATCH (e)-[p:PART_OF]->(:MeetingSeries)
    SET p.ordinal = e.ordinal
  }

  // Statement verb: the most reports' (ties: alphabetical); each report keeps its own on REPORTED_IN.verb.
  CALL () {
    UNWIND ${statements} AS row
    MATCH (s:Statement {id: row.id})
    CALL (s) {
      MATCH (s)-[r:REPORTED_IN]->(:Article)
      WITH r.verb AS verb, count(*) AS n
      ORDER BY n DESC, verb
      RETURN collect(verb)[0] AS verb
    }
    SET s.verb = coalesce(verb, s.verb)
  }

  // Timeline keys. Statements: when said, else when first reported.
  CALL () {
    UNWIND ${statements} AS row
    MATCH (s:Statement {id: row.id})-[:REPORTED_IN]->(art:Article)
    WITH s, min(art.publishedAt) AS earliest
    SET s.sortDate = coalesce(s.saidOnStart, earliest)
  }
  // Events: the start, else the first mention (an unmentioned, undated event keeps what it has).
  CALL () {
    UNWIND ${events} AS row
    MATCH (e:Event {id: row.id})
    CALL (e) {
      OPTIONAL MATCH (e)-[:MENTIONED_IN]->(art:Article)
      WHERE e.start IS NULL
      RETURN min(art.publishedAt) AS earliest
    }
    SET e.sortDate = coalesce(e.start, earliest, e.sortDate, date(${publishedAt}))
  }
`;
}

/**
 * The article's own writes, left open inside the guard's subquery: a guard on the stored article's sha256, then
 * one unit subquery per node and relationship family in write order (endpoints before the edges that need them;
 * a unit subquery keeps the outer row when its list is empty). LOAD_ARTICLE and LOAD_ARTICLES close it.
 */
const ARTICLE_WRITES = `
MERGE (article:Article {id: $rows.article.id})
  ON CREATE SET article.ingestedAt = datetime(), article.sha256 = $rows.article.sha256
// MERGE before the check, not a read before it: a concurrent load of the same id waits on the id's lock
// and then sees the other text's sha256 here, instead of overwriting it.
WITH article, article.sha256 AS previousSha256
CALL (article, previousSha256) {
  WITH article WHERE previousSha256 = $rows.article.sha256
  SET article.outlet = $rows.article.outlet, article.title = $rows.article.title,
      article.publishedAt = date($rows.article.publishedAt), article.url = $rows.article.url, article.text = $rows.article.text
  WITH *

  // Actors. Name: the longest form wins (ties: alphabetical), every other form seen becomes an alias.
  CALL () {
    UNWIND $rows.actors AS row
    MERGE (a:Actor {id: row.id})
      ON CREATE SET a.kind = row.kind, a.name = row.name, a.aliases = [], a.curated = false
    SET a:$(row.label)
    WITH a, row, CASE
      WHEN size(row.name) > size(a.name) OR (size(row.name) = size(a.name) AND row.name < a.name) THEN row.name
      ELSE a.name END AS name
    CALL (a, row, name) {
      UNWIND a.aliases + row.aliases + [a.name, row.name] AS alias
      WITH DISTINCT alias WHERE alias <> name
      ORDER BY alias
      RETURN collect(alias) AS aliases
    }
    // Role: the longest seen (ties: alphabetical), like the name: the same whatever order the articles come in.
    SET a.name = name, a.aliases = aliases, a.role = CASE
      WHEN a.role IS NULL OR size(row.role) > size(a.role) OR (size(row.role) = size(a.role) AND row.role < a.role) THEN coalesce(row.role, a.role)
      ELSE a.role END
  }
  CALL () {
    UNWIND $rows.actorMentions AS row
    MATCH (a:Actor {id: row.actorId}), (art:Article {id: $rows.article.id})
    MERGE (a)-[m:MENTIONED_IN {start: row.start}]->(art)
    SET m.end = row.end, m.exact = row.exact
  }
  CALL () {
    UNWIND $rows.affiliations AS row
    MATCH (a:Actor {id: row.fromId}), (b:Actor {id: row.toId})
    MERGE (a)-[r:AFFILIATED_WITH]->(b)
    SET r.role = CASE
      WHEN r.role IS NULL OR size(row.role) > size(r.role) OR (size(row.role) = size(r.role) AND row.role < r.role) THEN coalesce(row.role, r.role)
      ELSE r.role END
  }

  // Events. Every property but kind is derived below, once the article's descriptions, date and place claims are in.
  CALL () {
    UNWIND $rows.events AS row
    MERGE (e:Event {id: row.id})
      ON CREATE SET e.kind = row.kind, e.name = row.name, e.implied = row.implied
    SET e:$(row.label)
  }
  CALL () {
    UNWIND $rows.describedIn AS row
    MATCH (e:Event {id: row.eventId}), (art:Article {id: $rows.article.id})
    MERGE (e)-[d:DESCRIBED_IN]->(art)
    SET d.name = row.name, d.ordinal = row.ordinal, d.status = row.status, d.implied = row.implied,
        d.vehicles = CASE WHEN size(row.vehicles) > 0 THEN row.vehicles END
  }
  CALL () {
    UNWIND $rows.eventMentions AS row
    MATCH (e:Event {id: row.eventId}), (art:Article {id: $rows.article.id})
    MERGE (e)-[m:MENTIONED_IN {start: row.start}]->(art)
    SET m.end = row.end, m.exact = row.exact
  }
  CALL () {
    UNWIND $rows.participants AS row
    MATCH (a:Actor {id: row.actorId}), (e:Event {id: row.eventId})
    MERGE (a)-[:PARTICIPATED_IN]->(e)
  }
  CALL () {
    UNWIND $rows.series AS row
    MATCH (e:Event {id: row.eventId})
    MERGE (ms:MeetingSeries {id: row.seriesId})
      ON CREATE SET ms.name = row.seriesName
    // Names with one id differ in case or punctuation only: the smallest, whatever the order.
    SET ms.name = CASE WHEN row.seriesName < ms.name THEN row.seriesName ELSE ms.name END, ms.rank = CASE WHEN ms.rank IS NULL OR row.rank < ms.rank THEN row.rank ELSE ms.rank END
    MERGE (e)-[p:PART_OF]->(ms)
    SET p.ordinal = coalesce(p.ordinal, row.ordinal)
  }
  CALL () {
    UNWIND $rows.milestones AS row
    MATCH (m:Event {id: row.milestoneId}), (a:Event {id: row.agreementId})
    MERGE (m)-[:MILESTONE_OF]->(a)
  }

  // Statements. Text: the fullest wording wins; DIRECT beats INDIRECT; the narrowest said-date wins (ties: earliest).
  CALL () {
    UNWIND $rows.statements AS row
    MERGE (s:Statement {id: row.id})
      ON CREATE SET s.text = row.text, s.kind = row.kind, s.verb = row.verb
    WITH s, row, date(row.start) AS rs, date(coalesce(row.end, row.start)) AS re
    WITH s, row, rs, re, rs IS NOT NULL AND (
      s.saidOnStart IS NULL
      OR duration.inDays(rs, re).days < duration.inDays(s.saidOnStart, s.saidOnEnd).days
      OR (duration.inDays(rs, re).days = duration.inDays(s.saidOnStart, s.saidOnEnd).days AND rs < s.saidOnStart)
    ) AS takeDate
    SET s.text = CASE
          WHEN size(row.text) > size(s.text) OR (size(row.text) = size(s.text) AND row.text < s.text) THEN row.text
          ELSE s.text END,
        s.kind = CASE WHEN s.kind = 'DIRECT' OR row.kind = 'DIRECT' THEN 'DIRECT' ELSE 'INDIRECT' END,
        s.saidOnStart = CASE WHEN takeDate THEN rs ELSE s.saidOnStart END,
        s.saidOnEnd = CASE WHEN takeDate THEN re ELSE s.saidOnEnd END,
        s.datePrecision = CASE WHEN takeDate THEN row.precision ELSE s.datePrecision END,
        s.dateSource = CASE WHEN takeDate THEN row.dateSource ELSE s.dateSource END
  }
  CALL () {
    UNWIND $rows.said AS row
    MATCH (a:Actor {id: row.actorId}), (s:Statement {id: row.statementId})
    MERGE (a)-[:SAID]->(s)
  }
  CALL () {
    UNWIND $rows.reportedIn AS row
    MATCH (s:Statement {id: row.statementId}), (art:Article {id: $rows.article.id})
    MERGE (s)-[r:REPORTED_IN]->(art)
    SET r.start = row.start, r.end = row.end, r.exact = row.exact, r.verb = row.verb,
        r.quoteStarts = row.quoteStarts, r.quoteEnds = row.quoteEnds
  }
  CALL () {
    UNWIND $rows.via AS row
    MATCH (s:Statement {id: row.statementId}), (a:Actor {id: row.actorId})
    MERGE (s)-[:VIA {articleId: $rows.article.id, position: row.position}]->(a)
  }
  CALL () {
    UNWIND $rows.to AS row
    MATCH (s:Statement {id: row.statementId}), (a:Actor {id: row.actorId})
    MERGE (s)-[:TO {articleId: $rows.article.id}]->(a)
  }
  CALL () {
    UNWIND $rows.aboutEvent AS row
    MATCH (s:Statement {id: row.statementId}), (e:Event {id: row.eventId})
    MERGE (s)-[:ABOUT]->(e)
  }
  CALL () {
    UNWIND $rows.aboutActor AS row
    MATCH (s:Statement {id: row.statementId}), (a:Actor {id: row.actorId})
    MERGE (s)-[:ABOUT]->(a)
  }

  // Claims. A claim id hashes its content and article, so the first write is the only one.
  CALL () {
    UNWIND $rows.claims AS row
    MERGE (c:Claim {id: row.id})
      ON CREATE SET c.attribute = row.attribute, c.value = row.value, c.normalized = row.normalized, c.curated = false,
                    c.eventDate = row.eventDate
    // Date claims: the range, precision and source they give, and the article asserting them.
    SET c.start = date(row.start), c.end = date(row.end), c.precision = row.precision, c.dateSource = row.dateSource,
        c.articleId = row.articleId
  }
  CALL () {
    UNWIND $rows.claimOn AS row
    MATCH (c:Claim {id: row.claimId}), (e:Event {id: row.eventId})
    MERGE (c)-[:ON]->(e)
  }
  CALL () {
    UNWIND $rows.statedIn AS row
    MATCH (c:Claim {id: row.claimId}), (art:Article {id: $rows.article.id})
    MERGE (c)-[r:STATED_IN]->(art)
    SET r.start = row.start, r.end = row.end, r.exact = row.exact
  }
  CALL () {
    UNWIND $rows.claimedBy AS row
    MATCH (a:Actor {id: row.actorId}), (c:Claim {id: row.claimId})
    MERGE (a)-[:CLAIMS]->(c)
  }
  CALL () {
    UNWIND $rows.asserts AS row
    MATCH (s:Statement {id: row.statementId}), (c:Claim {id: row.claimId})
    MERGE (s)-[:ASSERTS]->(c)
  }

`;

/**
 * The whole article in one statement (one round trip): ARTICLE_WRITES, then the facts derived from what is
 * stored (derivedFacts over the article's events and statements), then the timeline sort dates.
 * A stored article with other text writes nothing and returns its sha256 (the caller refuses it).
 */
export const LOAD_ARTICLE = `${ARTICLE_WRITES}${derivedFacts('$rows.events', '$rows.statements', '$rows.article.publishedAt')}}
RETURN previousSha256`;

/**
 * Re-keys a stored person, event or statement to its canonical id (docs/graph-model.md, "Ids"), run in the article's
 * transaction before LOAD_ARTICLE: renamed when no node has that id yet, else merged into it — every
 * relationship moved, duplicates of one kind between the same nodes dropped, the old node deleted. An event's
 * properties are then derived again by LOAD_ARTICLE from its descriptions and claims.
 *
 * Relationships are moved one type at a time with the type written into the statement (checked against
 * RELATIONSHIP_TYPE): Neo4j 5.26 evaluates a dynamic type `CREATE ()-[:$(type(r))]->()` once for all rows, so
 * moving several types in one statement gave them all the first row's type.
 */
export async function rekey(tx: ManagedTransaction, label: RekeyLabel, from: string, to: string): Promise<void> {
  const found = await tx.run(`OPTIONAL MATCH (old:${label} {id: $from}) OPTIONAL MATCH (target:${label} {id: $to}) RETURN old IS NOT NULL AS hasOld, target IS NOT NULL AS hasTarget`, { from, to });
  const rec = found.records[0];
  if (!rec?.get('hasOld')) return;
  if (!rec.get('hasTarget')) {
    await tx.run(`MATCH (old:${label} {id: $from}) SET old.id = $to`, { from, to });
    return;
  }
  const types = await tx.run(
    `MATCH (old:${label} {id: $from})
     CALL (old) { MATCH (old)-[r]->(x) WHERE x <> old RETURN collect(DISTINCT type(r)) AS outgoing }
     CALL (old) { MATCH (x)-[r]->(old) WHERE x <> old RETURN collect(DISTINCT type(r)) AS incoming }
     RETURN outgoing, incoming`,
    { from },
  );
  const checked = (t: string) => {
    if (!RELATIONSHIP_TYPE.test(t)) throw new Error(`re-keying ${from}: unexpected relationship type ${JSON.stringify(t)}`);
    return t;
  };
  for (const t of (types.records[0]?.get('outgoing') as string[] | undefined) ?? []) {
    await tx.run(
      `MATCH (old:${label} {id: $from}), (target:${label} {id: $to}) MATCH (old)-[r:${checked(t)}]->(x) WHERE x <> old
       CREATE (target)-[moved:${t}]->(x) SET moved = properties(r) DELETE r`,
      { from, to },
    );
  }
  for (const t of (types.records[0]?.get('incoming') as string[] | undefined) ?? []) {
    await tx.run(
      `MATCH (old:${label} {id: $from}), (target:${label} {id: $to}) MATCH (x)-[r:${checked(t)}]->(old) WHERE x <> old
       CREATE (x)-[moved:${t}]->(target) SET moved = properties(r) DELETE r`,
      { from, to },
    );
  }
  await tx.run(
    `MATCH (old:${label} {id: $from}), (target:${label} {id: $to})
     SET target.implied = CASE WHEN target.implied IS NULL THEN null ELSE target.implied AND coalesce(old.implied, true) END
     ${label === 'Actor' ? MERGED_ACTOR : ''}
     DETACH DELETE old
     WITH target
     CALL (target) {
       MATCH (target)-[r]-()
       WITH startNode(r) AS a, endNode(r) AS b, type(r) AS t, CASE type(r) WHEN 'PART_OF' THEN {} ELSE properties(r) END AS key, collect(r) AS rs
       WHERE size(rs) > 1
       UNWIND tail(rs) AS extra
       DELETE extra
     }`,
    { from, to },
  );
}

/**
 * Two actors made one: the name, aliases and role by the rules of LOAD_ARTICLE's actors (longest name and role, ties
 * alphabetical; every other form an alias), so the node is the same whichever of the two was stored first.
 */
const MERGED_ACTOR = `
     WITH old, target, CASE WHEN size(old.name) > size(target.name) OR (size(old.name) = size(target.name) AND old.name < target.name)
       THEN old.name ELSE target.name END AS name
     CALL (old, target, name) {
       UNWIND coalesce(target.aliases, []) + coalesce(old.aliases, []) + [target.name, old.name] AS alias
       WITH DISTINCT alias WHERE alias <> name
       ORDER BY alias
       RETURN collect(alias) AS aliases
     }
     SET target.name = name, target.aliases = aliases, target.curated = coalesce(target.curated, false) OR coalesce(old.curated, false),
         target.role = CASE
           WHEN target.role IS NULL OR (old.role IS NOT NULL AND (size(old.role) > size(target.role) OR (size(old.role) = size(target.role) AND old.role < target.role)))
           THEN old.role ELSE target.role END
     WITH old, target`;

/** Our relationship types: upper-case words joined by underscores (nothing else is written into a statement). */
const RELATIONSHIP_TYPE = /^[A-Z][A-Z_]*$/;

/**
 * A per-article statement's body made to run once per article over `UNWIND $batch AS rows`: its `$rows`
 * parameter becomes the `rows` variable, which every subquery imports (`CALL () {` → `CALL (rows) {`,
 * `CALL (a, b) {` → `CALL (rows, a, b) {`) and every projection keeps (`WITH article WHERE …` →
 * `WITH rows, article WHERE …`): it is one value per article, so it changes no DISTINCT and no grouping.
 */
function perArticleBody(cypher: string): string {
  return cypher
    .replace(/\$rows\b/g, 'rows')
    .replace(/CALL \(\s*\)\s*\{/g, 'CALL (rows) {')
    .replace(/CALL \((?!rows\b)([\w\s,]+)\)\s*\{/g, 'CALL (rows, $1) {')
    .replace(/\bWITH (?!\*)(DISTINCT )?/g, 'WITH $1rows, ')
    .trim();
}

/**
 * Several articles in one statement and one transaction: a per-article statement's body, unchanged, run once per
 * article in a subquery over `UNWIND $batch AS rows` (perArticleBody). Later articles see what earlier ones wrote
 * (each row's subquery runs after the previous row's). One row per article, in input order: its id and the
 * stored sha256 its guard saw.
 */
export function perArticleInBatch(cypher: string): string {
  return `
UNWIND $batch AS rows
CALL (rows) {
${perArticleBody(cypher)}
}
RETURN rows.article.id AS articleId, rows.article.sha256 AS sha256, previousSha256`;
}


/**
 * A segment of a batch in one statement: each article's own writes (ARTICLE_WRITES, in input order, as in
 * LOAD_ARTICLE), without the derived facts: DERIVE_FACTS follows it in the same transaction, once for the
 * segment. Every node it touches is found by its unique id and every relationship from such a node, so its plan
 * does not depend on the graph's statistics: KEEP_PLAN (tests/graph/load.int.test.ts checks the operators).
 */
export const LOAD_ARTICLES = `${KEEP_PLAN}
UNWIND $batch AS rows
CALL (rows) {
${perArticleBody(`${ARTICLE_WRITES}}\nRETURN previousSha256`)}
}
RETURN rows.article.id AS articleId, rows.article.sha256 AS sha256, previousSha256`;

/**
 * The derived facts of a segment's events and statements (`$events`, `$statements`: derivedOfSegment), once, after
 * LOAD_ARTICLES wrote the segment's articles, instead of after every article as LOAD_ARTICLE does. They are
 * functions of what is stored and no article's writes read them, so the graph is the one LOAD_ARTICLE per article
 * gives (tests/graph/batchLoad.int.test.ts compares full dumps); an event or statement several articles of the
 * segment share is derived once. Planned as usual (no KEEP_PLAN): on a small graph Neo4j may start the date
 * claims of an event from the claim_attribute index, which a larger graph must not keep.
 */
export const DERIVE_FACTS = derivedFacts('$events', '$statements', 'row.publishedAt');

/**
 * DERIVE_FACTS' parameters: the segment's events (each once, with the publication date of the first article of the
 * segment that has it: the sort-date fallback LOAD_ARTICLE would have set first and then kept) and statements.
 */
export function derivedOfSegment(segment: ReadonlyArray<Pick<LoadRows, 'article' | 'events' | 'statements'>>): {
  events: Array<{ id: string; publishedAt: string }>;
  statements: Array<{ id: string }>;
} {
  const events = new Map<string, { id: string; publishedAt: string }>();
  const statements = new Map<string, { id: string }>();
  for (const rows of segment) {
    for (const e of rows.events) if (!events.has(e.id)) events.set(e.id, { id: e.id, publishedAt: rows.article.publishedAt });
    for (const s of rows.statements) if (!statements.has(s.id)) statements.set(s.id, { id: s.id });
  }
  return { events: [...events.values()], statements: [...statements.values()] };
}

// Curated facts have no text: no STATED_IN, CLAIMS or ASSERTS (docs/graph-model.md, "Curation").
export const MERGE_CURATED_CLAIMS = `
UNWIND $rows AS row
MATCH (e:Event {id: row.eventId})
MERGE (c:Claim {id: row.id})
  ON CREATE SET c.attribute = row.attribute, c.value = row.value, c.normalized = row.normalized,
                c.curated = true, c.curationSource = row.curationSource
MERGE (c)-[:ON]->(e)`;

export interface LoadCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  actors: number;
  statements: number;
  events: number;
  claims: number;
  /**
   * Loaded in a batch: on the batch's first article, the number of articles whose counters (nodes, relationships,
   * properties) are given here together; 0 on the batch's other articles. Absent: loaded on its own.
   */
  batchArticles?: number;
}

/** The stored article with this id has different text: loading would silently rewrite its offsets. */
export class ArticleConflictError extends Error {
  override name = 'ArticleConflictError';
  constructor(
    readonly articleId: string,
    readonly storedSha256: string,
  ) {
    super(`an article with id "${articleId}" is already stored with different text (sha256 ${storedSha256.slice(0, 12)}…)`);
  }
}

/** Writes the article and everything extracted from it atomically; a failure anywhere rolls all of it back. */
export async function loadArticle(driver: Driver, database: string, resolved: ResolvedArticle): Promise<LoadCounts> {
  const rows = toLoadRows(resolved);
  // Through the executor: WRITE_TIMEOUT_MS deadline, retried on transient errors, rolled back if abandoned.
  return dbExecutor(driver, database).writeTransaction('loadArticle', async (tx) => {
    // Stored statements and events this article shows to have a better (canonical) id, or to be one: re-keyed first.
    for (const { label, from, to } of rows.rekeys) await rekey(tx, label, from, to);
    const res = await tx.run(LOAD_ARTICLE, { rows });
    // One row always (the MERGE); a stored article without a sha256 was written by something else: refuse it too.
    const previous = res.records[0]?.get('previousSha256') as string | null | undefined;
    if (previous !== rows.article.sha256) throw new ArticleConflictError(rows.article.id, previous ?? 'none');
    // Counted per attempt: executeWrite may retry the whole function on a transient error.
    const u = res.summary.counters.updates();
    return {
      nodesCreated: u.nodesCreated,
      relationshipsCreated: u.relationshipsCreated,
      propertiesSet: u.propertiesSet,
      actors: rows.actors.length,
      statements: rows.statements.length,
      events: rows.events.length,
      claims: rows.claims.length,
    };
  });
}

/**
 * Writes several resolved articles in one write transaction and one statement (LOAD_ARTICLES): all of them or
 * none. Any failure — one article's id stored with other text, a query error, a timeout — rolls the whole batch
 * back and throws; the caller then loads the articles one by one (src/ingest/pipeline.ts), so each article is
 * still all-or-nothing on its own and a bad article costs the others nothing.
 * Neo4j counts created nodes and relationships per statement, not per article: the batch's totals are given
 * on its first article (`batchArticles` = the batch's size) and 0 on the others.
 */
export async function loadArticles(driver: Driver, database: string, resolved: readonly ResolvedArticle[]): Promise<LoadCounts[]> {
  const batch = resolved.map(toLoadRows);
  // An article that re-keys stored nodes needs them re-keyed before it loads and after the articles before it
  // have: the batch is written in segments, each starting at such an article, all in the one transaction.
  const segments: Array<typeof batch> = [];
  for (const rows of batch) {
    if (segments.length === 0 || rows.rekeys.length > 0) segments.push([rows]);
    else segments[segments.length - 1]!.push(rows);
  }
  return dbExecutor(driver, database).writeTransaction('loadArticles', async (tx) => {
    const u = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
    for (const segment of segments) {
      for (const { label, from, to } of segment[0]!.rekeys) await rekey(tx, label, from, to);
      const res = await tx.run(LOAD_ARTICLES, { batch: segment });
      for (const [j, rows] of segment.entries()) {
        const previous = res.records[j]?.get('previousSha256') as string | null | undefined;
        if (previous !== rows.article.sha256) throw new ArticleConflictError(rows.article.id, previous ?? 'none');
      }
      const derived = await tx.run(DERIVE_FACTS, derivedOfSegment(segment));
      for (const c of [res.summary.counters.updates(), derived.summary.counters.updates()]) {
        u.nodesCreated += c.nodesCreated;
        u.relationshipsCreated += c.relationshipsCreated;
        u.propertiesSet += c.propertiesSet;
      }
    }
    return batch.map((rows, i) => ({
      nodesCreated: i === 0 ? u.nodesCreated : 0,
      relationshipsCreated: i === 0 ? u.relationshipsCreated : 0,
      propertiesSet: i === 0 ? u.propertiesSet : 0,
      actors: rows.actors.length,
      statements: rows.statements.length,
      events: rows.events.length,
      claims: rows.claims.length,
      batchArticles: i === 0 ? batch.length : 0,
    }));
  });
}

export interface CuratedClaimRow {
  id: string;
  eventId: string;
  attribute: string;
  value: string;
  normalized: string;
  curationSource: string;
}

/** Writes curated claims (one transaction); their ids hash the fact, so applying them again changes nothing. */
export async function loadCuratedClaims(driver: Driver, database: string, claims: readonly CuratedClaimRow[]): Promise<number> {
  if (claims.length === 0) return 0;
  const rows = claims.map(({ id, eventId, attribute, value, normalized, curationSource }) => ({ id, eventId, attribute, value, normalized, curationSource }));
  const { summary } = await dbExecutor(driver, database).run('mergeCuratedClaims', MERGE_CURATED_CLAIMS, { rows }, { mode: 'WRITE', budget: 'write' });
  return summary.counters.updates().nodesCreated;
}
