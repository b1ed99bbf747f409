/** Articles: lists, full text, and annotations (every span the graph was built from). */
import type { Runner } from './runner.js';
import {
  ARTICLE_FIELDS,
  actorMap,
  actorRow,
  articleMap,
  articleRow,
  asObj,
  claimMap,
  claimRow,
  eventMap,
  eventRow,
  keysetParams,
  spans,
  statementMap,
  statementRow,
  toInt,
  toList,
  toNumList,
  toPage,
  toStr,
} from './common.js';
import { groupRows, keyed } from './group.js';
import type { AnnotationRow, AnnotationType, ArticleRow, Page, PageRequest } from './types.js';

export const FIND_ARTICLES = `UNWIND $ids AS aid
MATCH (art:Article {id: aid})
RETURN aid AS key, art {${ARTICLE_FIELDS}} AS article`;

export async function articlesByIds(run: Runner, ids: readonly string[]): Promise<Map<string, ArticleRow[]>> {
  return groupRows(await run.read(FIND_ARTICLES, { ids }), (r) => articleRow(r.article));
}

export interface ArticleFilter {
  outlet?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Articles by (publishedAt, id). */
export const LIST_ARTICLES = `MATCH (art:Article)
WITH art, art.publishedAt AS key
WHERE ($outlet IS NULL OR art.outlet = $outlet)
  AND ($from IS NULL OR key >= date($from))
  AND ($to IS NULL OR key <= date($to))
  AND ($afterId IS NULL OR key > date($afterKey) OR (key = date($afterKey) AND art.id > $afterId))
RETURN ${articleMap('art')} AS node, toString(key) AS key
ORDER BY key, art.id
LIMIT $limit`;

export async function listArticles(run: Runner, filter: ArticleFilter, page: PageRequest): Promise<Page<ArticleRow>> {
  const rows = await run.read(LIST_ARTICLES, {
    outlet: filter.outlet ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    ...keysetParams(page.limit, page.after),
  });
  return toPage(keyed(rows, articleRow), page.limit);
}

export const ARTICLE_TEXTS = `UNWIND $ids AS aid
MATCH (art:Article {id: aid})
RETURN aid AS key, art.text AS text`;

export async function textsOfArticles(run: Runner, ids: readonly string[]): Promise<Map<string, string[]>> {
  return groupRows(await run.read(ARTICLE_TEXTS, { ids }), (r) => toStr(r.text) ?? '');
}

/** Every annotated span of each article: mentions, statements (with their quote fragments) and claims. */
export const ANNOTATIONS_OF_ARTICLES = `UNWIND $ids AS aid
MATCH (art:Article {id: aid})
RETURN aid AS key, art.text AS text,
  [(x:Actor)-[m:MENTIONED_IN]->(art) | {start: m.start, end: m.end, exact: m.exact, target: ${actorMap('x')}}] AS actors,
  [(e:Event)-[m:MENTIONED_IN]->(art) | {start: m.start, end: m.end, exact: m.exact, target: ${eventMap('e')}}] AS events,
  [(s:Statement)-[r:REPORTED_IN]->(art) | {start: r.start, end: r.end, exact: r.exact,
     quoteStarts: r.quoteStarts, quoteEnds: r.quoteEnds, target: ${statementMap('s')}}] AS statements,
  [(c:Claim)-[st:STATED_IN]->(art) | {start: st.start, end: st.end, exact: st.exact, target: ${claimMap('c')}}] AS claims`;

export async function annotationsOfArticles(run: Runner, ids: readonly string[]): Promise<Map<string, AnnotationRow[][]>> {
  return groupRows(await run.read(ANNOTATIONS_OF_ARTICLES, { ids }), (r) => {
    const text = toStr(r.text);
    const out: AnnotationRow[] = [];
    const span = (v: unknown) => {
      const m = asObj(v);
      return { start: toInt(m.start), end: toInt(m.end), exact: toStr(m.exact) ?? '' };
    };
    const add = (type: AnnotationType, list: unknown, toTarget: (v: unknown) => AnnotationRow['target']) => {
      for (const v of toList(list)) {
        const target = toTarget(asObj(v).target);
        out.push({ type, ...span(v), targetId: target.id, target });
      }
    };
    add('ACTOR_MENTION', r.actors, actorRow);
    add('EVENT_MENTION', r.events, eventRow);
    add('STATEMENT', r.statements, statementRow);
    add('CLAIM', r.claims, claimRow);
    for (const v of toList(r.statements)) {
      const m = asObj(v);
      const target = statementRow(m.target);
      for (const q of spans(text, toNumList(m.quoteStarts), toNumList(m.quoteEnds))) {
        out.push({ type: 'QUOTE', ...q, targetId: target.id, target });
      }
    }
    // Reading order; an enclosing span (a whole attribution) before the spans inside it.
    return out.sort((p, q) => p.start - q.start || q.end - p.end || p.type.localeCompare(q.type) || p.targetId.localeCompare(q.targetId));
  });
}
