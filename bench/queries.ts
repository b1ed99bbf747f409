/**
 * The benchmarked use cases, each three ways over the same graph:
 *   - ours: a GraphQL operation against Chronicle's API (schema/),
 *   - raw: the repository calls our resolvers make for it (src/graph/repositories), through neo4j-driver
 *     with no GraphQL and no HTTP — the floor,
 *   - peer: the equivalent operation against the API @neo4j/graphql generates (bench/neo4j-graphql).
 * Selections ask for the same facts in each (ids, texts, dates, speaker, sources with offsets). The raw
 * path makes the same queries in the same order as our resolvers (a child field waits for its parent).
 */
import { otherWordings, listStatements, statementsWithReports } from '../src/graph/repositories/statements.js';
import { timeline } from '../src/graph/repositories/timeline.js';
import { eventsWithClaims } from '../src/graph/repositories/events.js';
import type { Runner } from '../src/graph/repositories/runner.js';
import type { KeysetKey } from '../src/graph/repositories/types.js';

export const PAGE_SIZE = 20;

/** A GraphQL response's `data`: read by shape, and only to list the ids it returned. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes differ per API and query
export type Json = any;

/** What the queries are about, found in the loaded graph before the run. */
export interface Targets {
  busyActorId: string;
  chainStatementId: string;
  incidentId: string;
  /** Cursors of the 10th timeline page: ours (opaque), the repository's keyset, and the peer's (offset). */
  ourPage10After: string;
  rawPage10After: KeysetKey;
  peerPage10After: string;
  /** Why the peer could not page to the 10th page, when it could not. */
  peerError?: string;
}

export interface BenchQuery {
  name: string;
  ours: { query: string; variables: (t: Targets) => Record<string, unknown> };
  peer: { query: string; variables: (t: Targets) => Record<string, unknown> };
  raw: (run: Runner, t: Targets) => Promise<unknown>;
  /** Ids of the result, to check that ours and the peer answer with the same items. */
  oursIds: (data: Json) => string[];
  peerIds: (data: Json) => string[];
}

const OUR_TIMELINE = `query Timeline($after: String) {
  timeline(first: ${PAGE_SIZE}, after: $after) {
    edges {
      cursor kind sortDate
      node {
        __typename
        ... on Statement { id text kind saidOn { start end precision } speaker { id name } }
        ... on Meeting { id name start end precision ordinal series { name } }
        ... on Incident { id name start end precision }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PEER_TIMELINE = `query Timeline($after: String) {
  timelineItemsConnection(first: ${PAGE_SIZE}, after: $after, sort: [{ sortDate: ASC }, { id: ASC }]) {
    edges {
      cursor
      node {
        __typename id sortDate
        ... on Statement { text kind saidOnStart saidOnEnd datePrecision speaker { id name } }
        ... on Meeting { name start end precision ordinal series { name } }
        ... on Incident { name start end precision }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const timelineIds = (data: Json) => (data?.timeline?.edges ?? []).map((e: Json) => e.node.id);
const peerTimelineIds = (data: Json) => (data?.timelineItemsConnection?.edges ?? []).map((e: Json) => e.node.id);

export const QUERIES: BenchQuery[] = [
  {
    name: 'timeline page 1',
    ours: { query: OUR_TIMELINE, variables: () => ({ after: null }) },
    peer: { query: PEER_TIMELINE, variables: () => ({ after: null }) },
    raw: (run) => timeline(run, {}, { limit: PAGE_SIZE, after: null }),
    oursIds: timelineIds,
    peerIds: peerTimelineIds,
  },
  {
    name: 'timeline page 10',
    ours: { query: OUR_TIMELINE, variables: (t) => ({ after: t.ourPage10After }) },
    peer: { query: PEER_TIMELINE, variables: (t) => ({ after: t.peerPage10After }) },
    raw: (run, t) => timeline(run, {}, { limit: PAGE_SIZE, after: t.rawPage10After }),
    oursIds: timelineIds,
    peerIds: peerTimelineIds,
  },
  {
    name: 'who said what',
    ours: {
      query: `query WhoSaidWhat($id: ID!) {
  statements(filter: { speakerId: $id }, first: ${PAGE_SIZE}) {
    edges {
      node {
        id text kind verb saidOn { start end precision }
        sources { article { id outlet publishedAt } via { name } start end exact }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
      variables: (t) => ({ id: t.busyActorId }),
    },
    peer: {
      query: `query WhoSaidWhat($id: ID!) {
  statementsConnection(first: ${PAGE_SIZE}, where: { speaker: { some: { id: { eq: $id } } } }, sort: [{ sortDate: ASC }, { id: ASC }]) {
    edges {
      node {
        id text kind verb saidOnStart saidOnEnd datePrecision
        reportedInConnection { edges { properties { start end exact } node { id outlet publishedAt } } }
        viaConnection { edges { properties { articleId position } node { name } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
      variables: (t) => ({ id: t.busyActorId }),
    },
    raw: async (run, t) => {
      // One query, as our resolver makes it when the selection asks for sources: the page with its reports.
      const page = await listStatements(run, { speakerId: t.busyActorId }, { limit: PAGE_SIZE, after: null }, 'ASC', { withReports: true });
      return page.reports;
    },
    oursIds: (d) => (d?.statements?.edges ?? []).map((e: Json) => e.node.id),
    peerIds: (d) => (d?.statementsConnection?.edges ?? []).map((e: Json) => e.node.id),
  },
  {
    name: 'statement chain',
    ours: {
      query: `query Chain($id: ID!) {
  statement(id: $id) {
    id text kind speaker { id name }
    reports { article { id outlet publishedAt } via { name } path start end exact wording }
    earliestReport { article { id publishedAt } }
    otherWordings { text articles { id } }
  }
}`,
      variables: (t) => ({ id: t.chainStatementId }),
    },
    peer: {
      query: `query Chain($id: ID!) {
  statements(where: { id: { eq: $id } }) {
    id text kind speaker { id name }
    reportedInConnection(sort: [{ node: { publishedAt: ASC } }]) {
      edges { properties { start end exact verb quoteStarts quoteEnds } node { id outlet publishedAt } }
    }
    viaConnection { edges { properties { articleId position } node { name } } }
  }
}`,
      variables: (t) => ({ id: t.chainStatementId }),
    },
    raw: async (run, t) => {
      // The statement with its reports in one query (our resolver's look-ahead), then the wordings in JS.
      const { statements, reports } = await statementsWithReports(run, [t.chainStatementId]);
      const s = statements.get(t.chainStatementId)?.[0];
      return s ? otherWordings(s.text, reports.get(t.chainStatementId) ?? []) : null;
    },
    oursIds: (d) => (d?.statement?.reports ?? []).map((r: Json) => r.article.id),
    peerIds: (d) => (d?.statements?.[0]?.reportedInConnection?.edges ?? []).map((e: Json) => e.node.id),
  },
  {
    name: 'incident claims',
    ours: {
      query: `query IncidentClaims($id: ID!) {
  event(id: $id) {
    id name kind start end precision
    ... on Incident {
      claims { id attribute value normalized source { speaker { name } article { id outlet publishedAt } } }
    }
  }
}`,
      variables: (t) => ({ id: t.incidentId }),
    },
    peer: {
      query: `query IncidentClaims($id: ID!) {
  incidents(where: { id: { eq: $id } }) {
    id name kind start end precision
    claims(sort: [{ attribute: ASC }, { normalized: ASC }, { id: ASC }]) {
      id attribute value normalized
      claimedBy { name }
      assertedBy { speaker { name } }
      statedInConnection { edges { properties { start end exact } node { id outlet publishedAt } } }
    }
  }
}`,
      variables: (t) => ({ id: t.incidentId }),
    },
    raw: async (run, t) => {
      // The event, its claims and each claim's source in one query, as our resolver fetches them.
      const { events, provenance } = await eventsWithClaims(run, [t.incidentId]);
      return { event: events.get(t.incidentId), provenance };
    },
    oursIds: (d) => (d?.event?.claims ?? []).map((c: Json) => c.id),
    peerIds: (d) => (d?.incidents?.[0]?.claims ?? []).map((c: Json) => c.id),
  },
];
