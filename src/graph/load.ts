/**
 * Writes one resolved article in one write transaction: batched `UNWIND $rows … MERGE` per node and
 * relationship family, MERGE on stable ids, so loading the same article again changes no count and no
 * property. When nodes are shared across articles, properties combine by order-independent rules
 * (documented in docs/graph-model.md, "Loading") rather than last-writer-wins.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { ResolvedArticle } from '../extract/types.js';
import { toLoadRows, type LoadRows } from './loadRows.js';

export { fetchKnownGraph } from './knownGraph.js';

export const MERGE_ARTICLE = `
MERGE (a:Article {id: $row.id})
  ON CREATE SET a.ingestedAt = datetime()
WITH a, a.sha256 AS previousSha256
SET a.outlet = $row.outlet, a.title = $row.title, a.publishedAt = date($row.publishedAt), a.url = $row.url,
    a.sha256 = $row.sha256, a.text = $row.text
RETURN previousSha256`;

// Name: the longest form wins (ties: alphabetical), every other form seen becomes an alias.
export const MERGE_ACTORS = `
UNWIND $rows AS row
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
SET a.name = name, a.aliases = aliases, a.role = coalesce(a.role, row.role)`;

export const MERGE_ACTOR_MENTIONS = `
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId}), (art:Article {id: $articleId})
MERGE (a)-[m:MENTIONED_IN {start: row.start}]->(art)
SET m.end = row.end, m.exact = row.exact`;

export const MERGE_AFFILIATIONS = `
UNWIND $rows AS row
MATCH (a:Actor {id: row.fromId}), (b:Actor {id: row.toId})
MERGE (a)-[r:AFFILIATED_WITH]->(b)
SET r.role = coalesce(r.role, row.role)`;

// Text: the fullest wording wins; DIRECT beats INDIRECT; the narrowest said-date wins (ties: earliest).
export const MERGE_STATEMENTS = `
UNWIND $rows AS row
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
    s.dateSource = CASE WHEN takeDate THEN row.dateSource ELSE s.dateSource END`;

export const MERGE_SAID = `
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId}), (s:Statement {id: row.statementId})
MERGE (a)-[:SAID]->(s)`;

export const MERGE_REPORTED_IN = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statementId}), (art:Article {id: $articleId})
MERGE (s)-[r:REPORTED_IN]->(art)
SET r.start = row.start, r.end = row.end, r.exact = row.exact, r.verb = row.verb,
    r.quoteStarts = row.quoteStarts, r.quoteEnds = row.quoteEnds`;

export const MERGE_VIA = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statementId}), (a:Actor {id: row.actorId})
MERGE (s)-[:VIA {articleId: $articleId, position: row.position}]->(a)`;

export const MERGE_TO = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statementId}), (a:Actor {id: row.actorId})
MERGE (s)-[:TO {articleId: $articleId}]->(a)`;

export const MERGE_ABOUT_EVENT = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statementId}), (e:Event {id: row.eventId})
MERGE (s)-[:ABOUT]->(e)`;

export const MERGE_ABOUT_ACTOR = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statementId}), (a:Actor {id: row.actorId})
MERGE (s)-[:ABOUT]->(a)`;

// Name, ordinal, status: first stored wins; the narrowest date wins; implied only while no article describes it.
export const MERGE_EVENTS = `
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e.kind = row.kind, e.name = row.name, e.implied = row.implied
SET e:$(row.label)
WITH e, row, date(row.start) AS rs, date(coalesce(row.end, row.start)) AS re
WITH e, row, rs, re, rs IS NOT NULL AND (
  e.start IS NULL
  OR duration.inDays(rs, re).days < duration.inDays(e.start, e.end).days
  OR (duration.inDays(rs, re).days = duration.inDays(e.start, e.end).days AND rs < e.start)
) AS takeDate
SET e.implied = coalesce(e.implied, row.implied) AND row.implied,
    e.ordinal = coalesce(e.ordinal, row.ordinal),
    e.status = coalesce(e.status, row.status),
    e.start = CASE WHEN takeDate THEN rs ELSE e.start END,
    e.end = CASE WHEN takeDate THEN re ELSE e.end END,
    e.precision = CASE WHEN takeDate THEN row.precision ELSE e.precision END,
    e.dateSource = CASE WHEN takeDate THEN row.dateSource ELSE e.dateSource END`;

export const MERGE_EVENT_MENTIONS = `
UNWIND $rows AS row
MATCH (e:Event {id: row.eventId}), (art:Article {id: $articleId})
MERGE (e)-[m:MENTIONED_IN {start: row.start}]->(art)
SET m.end = row.end, m.exact = row.exact`;

export const MERGE_PARTICIPANTS = `
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId}), (e:Event {id: row.eventId})
MERGE (a)-[:PARTICIPATED_IN]->(e)`;

export const MERGE_SERIES = `
UNWIND $rows AS row
MATCH (e:Event {id: row.eventId})
MERGE (ms:MeetingSeries {id: row.seriesId})
  ON CREATE SET ms.name = row.seriesName
MERGE (e)-[p:PART_OF]->(ms)
SET p.ordinal = coalesce(p.ordinal, row.ordinal)`;

export const MERGE_MILESTONES = `
UNWIND $rows AS row
MATCH (m:Event {id: row.milestoneId}), (a:Event {id: row.agreementId})
MERGE (m)-[:MILESTONE_OF]->(a)`;

// A claim id hashes its content and article, so the first write is the only one.
export const MERGE_CLAIMS = `
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
  ON CREATE SET c.attribute = row.attribute, c.value = row.value, c.normalized = row.normalized, c.curated = false`;

export const MERGE_CLAIM_ON = `
UNWIND $rows AS row
MATCH (c:Claim {id: row.claimId}), (e:Event {id: row.eventId})
MERGE (c)-[:ON]->(e)`;

export const MERGE_STATED_IN = `
UNWIND $rows AS row
MATCH (c:Claim {id: row.claimId}), (art:Article {id: $articleId})
MERGE (c)-[r:STATED_IN]->(art)
SET r.start = row.start, r.end = row.end, r.exact = row.exact`;

export const MERGE_CLAIMED_BY = `
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId}), (c:Claim {id: row.claimId})
MERGE (a)-[:CLAIMS]->(c)`;

export const MERGE_ASSERTS = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statementId}), (c:Claim {id: row.claimId})
MERGE (s)-[:ASSERTS]->(c)`;

// Timeline key: when it was said, else when it was first reported.
export const SET_STATEMENT_SORT_DATES = `
UNWIND $ids AS id
MATCH (s:Statement {id: id})-[:REPORTED_IN]->(art:Article)
WITH s, min(art.publishedAt) AS earliest
SET s.sortDate = coalesce(s.saidOnStart, earliest)`;

// Timeline key: the event's start, else its first mention (an unmentioned, undated event keeps what it has).
export const SET_EVENT_SORT_DATES = `
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(art:Article)
WITH e, min(art.publishedAt) AS earliest
SET e.sortDate = coalesce(e.start, earliest, e.sortDate, date($publishedAt))`;

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

/** Relationship and node families in write order: endpoints always exist before the edges that need them. */
const STEPS: ReadonlyArray<readonly [string, (r: LoadRows) => unknown[]]> = [
  [MERGE_ACTORS, (r) => r.actors],
  [MERGE_ACTOR_MENTIONS, (r) => r.actorMentions],
  [MERGE_AFFILIATIONS, (r) => r.affiliations],
  [MERGE_EVENTS, (r) => r.events],
  [MERGE_EVENT_MENTIONS, (r) => r.eventMentions],
  [MERGE_PARTICIPANTS, (r) => r.participants],
  [MERGE_SERIES, (r) => r.series],
  [MERGE_MILESTONES, (r) => r.milestones],
  [MERGE_STATEMENTS, (r) => r.statements],
  [MERGE_SAID, (r) => r.said],
  [MERGE_REPORTED_IN, (r) => r.reportedIn],
  [MERGE_VIA, (r) => r.via],
  [MERGE_TO, (r) => r.to],
  [MERGE_ABOUT_EVENT, (r) => r.aboutEvent],
  [MERGE_ABOUT_ACTOR, (r) => r.aboutActor],
  [MERGE_CLAIMS, (r) => r.claims],
  [MERGE_CLAIM_ON, (r) => r.claimOn],
  [MERGE_STATED_IN, (r) => r.statedIn],
  [MERGE_CLAIMED_BY, (r) => r.claimedBy],
  [MERGE_ASSERTS, (r) => r.asserts],
];

/** Writes the article and everything extracted from it atomically; a failure anywhere rolls all of it back. */
export async function loadArticle(driver: Driver, database: string, resolved: ResolvedArticle): Promise<LoadCounts> {
  const rows = toLoadRows(resolved);
  const articleId = rows.article.id;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(async (tx) => {
      // Counted per attempt: executeWrite may retry the whole function on a transient error.
      const counts: LoadCounts = {
        nodesCreated: 0,
        relationshipsCreated: 0,
        propertiesSet: 0,
        actors: rows.actors.length,
        statements: rows.statements.length,
        events: rows.events.length,
        claims: rows.claims.length,
      };
      const add = (res: QueryResult) => {
        const u = res.summary.counters.updates();
        counts.nodesCreated += u.nodesCreated;
        counts.relationshipsCreated += u.relationshipsCreated;
        counts.propertiesSet += u.propertiesSet;
      };
      const article = await tx.run(MERGE_ARTICLE, { row: rows.article });
      add(article);
      const previous = article.records[0]?.get('previousSha256') as string | null | undefined;
      if (previous && previous !== rows.article.sha256) throw new ArticleConflictError(articleId, previous);
      for (const [cypher, pick] of STEPS) {
        const batch = pick(rows);
        if (batch.length > 0) add(await tx.run(cypher, { rows: batch, articleId }));
      }
      await runSortDates(tx, rows, add);
      return counts;
    });
  } finally {
    await session.close();
  }
}

async function runSortDates(tx: ManagedTransaction, rows: LoadRows, add: (r: QueryResult) => void): Promise<void> {
  const statementIds = rows.statements.map((s) => s.id);
  const eventIds = rows.events.map((e) => e.id);
  if (statementIds.length > 0) add(await tx.run(SET_STATEMENT_SORT_DATES, { ids: statementIds }));
  if (eventIds.length > 0) add(await tx.run(SET_EVENT_SORT_DATES, { ids: eventIds, publishedAt: rows.article.publishedAt }));
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
  const { summary } = await driver.executeQuery(MERGE_CURATED_CLAIMS, { rows }, { database });
  return summary.counters.updates().nodesCreated;
}
