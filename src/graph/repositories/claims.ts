/** Claims: who asserts them and where; grouping side by side per attribute (conflicts are kept, never merged). */
import type { Runner } from './runner.js';
import { ARTICLE_FIELDS, actorMap, actorRow, asObj, sourceRow, statementMap, statementRow, toList } from './common.js';
import { groupRows } from './group.js';
import type { ClaimGroupRow, ClaimRow, ClaimSourceRow, SourceRow } from './types.js';

/** Map fields of claim `c`'s provenance: the actor claiming it, the statement asserting it, the text it was read from. */
export const CLAIM_PROVENANCE_FIELDS = `claimant: [(x:Actor)-[:CLAIMS]->(c) | ${actorMap('x')}][0],
  statement: [(s:Statement)-[:ASSERTS]->(c) | ${statementMap('s')}][0],
  sources: [(c)-[st:STATED_IN]->(art:Article) | {article: art {${ARTICLE_FIELDS}}, start: st.start, end: st.end, exact: st.exact}],
  curationSource: c.curationSource`;

/** Per claim: the actor claiming it (or the speaker of the statement asserting it) and the text it was read from. */
export const CLAIM_SOURCES = `UNWIND $ids AS cid
MATCH (c:Claim {id: cid})
RETURN cid AS key, {${CLAIM_PROVENANCE_FIELDS}} AS provenance`;

export interface ClaimProvenance {
  source: ClaimSourceRow;
  sources: SourceRow[];
}

export async function provenanceOfClaims(run: Runner, ids: readonly string[]): Promise<Map<string, ClaimProvenance[]>> {
  return groupRows(await run.read(CLAIM_SOURCES, { ids }), (r) => provenanceRow(r.provenance));
}

/** A CLAIM_PROVENANCE_FIELDS map → who claims it and where, sources oldest first. */
export function provenanceRow(v: unknown): ClaimProvenance {
  const r = asObj(v);
  const statement = r.statement ? statementRow(r.statement) : null;
  const sources = toList(r.sources)
    .map(sourceRow)
    .sort((p, q) => p.article.publishedAt.localeCompare(q.article.publishedAt) || p.start - q.start);
  return {
    source: {
      speaker: r.claimant ? actorRow(r.claimant) : (statement?.speaker ?? null),
      article: sources[0]?.article ?? null,
      statement,
      curationSource: typeof r.curationSource === 'string' ? r.curationSource : null,
    },
    sources,
  };
}

/** Claims (already ordered by attribute) → one group per attribute with its distinct values. */
export function groupClaims(claims: readonly ClaimRow[]): ClaimGroupRow[] {
  const groups = new Map<string, ClaimRow[]>();
  for (const c of claims) groups.set(c.attribute, [...(groups.get(c.attribute) ?? []), c]);
  return [...groups.entries()].map(([attribute, list]) => {
    const values = [...new Set(list.map((c) => c.normalized))].sort();
    return { attribute, values, conflicting: values.length > 1, claims: list };
  });
}
