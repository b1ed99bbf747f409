/** Statement fields: the chain (reports, earliest, wordings) and what the statement is about, all batched. */
import { otherWordings } from '../../graph/repositories/statements.js';
import type { ReportResolvers, StatementResolvers, TopicResolvers } from '../generated/resolvers-types.js';
import { fuzzyDate, topicType } from './shared.js';

export const Statement: StatementResolvers = {
  saidOn: (s) => fuzzyDate(s.saidOnStart, s.saidOnEnd, s.datePrecision),
  audience: (s, _, ctx) => ctx.loaders.statementAudience.load(s.id),
  about: (s, _, ctx) => ctx.loaders.statementAbout.load(s.id),
  sources: (s, _, ctx) => ctx.loaders.statementReports.load(s.id),
  reports: (s, _, ctx) => ctx.loaders.statementReports.load(s.id),
  earliestReport: async (s, _, ctx) => (await ctx.loaders.statementReports.load(s.id))[0] ?? null,
  otherWordings: async (s, _, ctx) => otherWordings(s.text, await ctx.loaders.statementReports.load(s.id)),
  claims: (s, _, ctx) => ctx.loaders.statementClaims.load(s.id),
};

export const Report: ReportResolvers = {};

export const Topic: TopicResolvers = {
  __resolveType: (row) => topicType(row),
};
