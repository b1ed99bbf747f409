/**
 * A query prefix: use the cached plan even when Neo4j thinks it stale. Neo4j plans a statement again whenever the
 * graph's statistics have moved enough since it was planned (`dbms.cypher.statistics_divergence_threshold`):
 * while a corpus loads into a young graph that is every few batches, and LOAD_ARTICLES (some 30 subqueries) took
 * 3–11 s to plan on this machine each time (with the derived facts it then held) — measured with `bench/load-profile.ts --explain-timing`: the larger
 * part of the write time. The load's plans do not depend on the statistics: every node is found through its
 * unique id (NodeUniqueIndexSeek) and every relationship by expanding from a node so found, whatever the counts
 * (tests/graph/load.int.test.ts checks the operators of LOAD_ARTICLES). So a cached plan is kept (`replan=skip`); a new one is still made when none is cached. Used by LOAD_ARTICLES
 * (not by the derived facts: see DERIVE_FACTS) and the candidate-actor read (a full-text procedure call).
 */
export const KEEP_PLAN = 'CYPHER replan=skip';
