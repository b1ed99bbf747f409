/** Root reads: each a one-liner into a repository (lists) or a batcher (lookups by id). */
import { listActors } from '../../graph/repositories/actors.js';
import { listArticles } from '../../graph/repositories/articles.js';
import { listEvents } from '../../graph/repositories/events.js';
import { listStatements } from '../../graph/repositories/statements.js';
import { timeline } from '../../graph/repositories/timeline.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { toConnection } from '../paging.js';
import { CLAIM_FIELDS, REPORT_FIELDS, checkFilterText, page, selects } from './shared.js';

export const API_VERSION = '1.0';

export const Query: QueryResolvers = {
  apiVersion: () => API_VERSION,
  timeline: async (_, a, ctx) => {
    checkFilterText(ctx, 'timeline', a.filter);
    return toConnection(await timeline(ctx.run, a.filter ?? {}, page(ctx, 'timeline', a), a.order ?? 'ASC'));
  },
  statements: async (_, a, ctx, info) => {
    checkFilterText(ctx, 'statements', a.filter);
    // Who said what usually asks for each statement's sources: fetch them with the page, not in a second query.
    const withReports = selects(info, ['edges', 'node'], REPORT_FIELDS);
    const result = await listStatements(ctx.run, a.filter ?? {}, page(ctx, 'statements', a), a.order ?? 'ASC', { withReports });
    for (const [id, reports] of result.reports ?? []) ctx.loaders.statementReports.prime(id, reports);
    return toConnection(result);
  },
  statement: (_, { id }, ctx, info) =>
    selects(info, [], REPORT_FIELDS) ? ctx.loaders.statementWithReports.load(id) : ctx.loaders.statement.load(id),
  actors: async (_, a, ctx) => {
    checkFilterText(ctx, 'actors', a.filter);
    return toConnection(await listActors(ctx.run, a.filter ?? {}, page(ctx, 'actors', a, false)));
  },
  actor: (_, { id }, ctx) => ctx.loaders.actor.load(id),
  events: async (_, a, ctx) => {
    checkFilterText(ctx, 'events', a.filter);
    return toConnection(await listEvents(ctx.run, a.filter ?? {}, page(ctx, 'events', a)));
  },
  event: (_, { id }, ctx, info) => (selects(info, [], CLAIM_FIELDS) ? ctx.loaders.eventWithClaims.load(id) : ctx.loaders.event.load(id)),
  articles: async (_, a, ctx) => toConnection(await listArticles(ctx.run, a.filter ?? {}, page(ctx, 'articles', a))),
  article: (_, { id }, ctx) => ctx.loaders.article.load(id),
};
