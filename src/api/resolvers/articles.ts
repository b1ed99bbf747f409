/** Article fields (text, annotations, statements) and the unions over annotation targets and timeline items. */
import type {
  AnnotationTargetResolvers,
  ArticleResolvers,
  TimelineEdgeResolvers,
  TimelineItemResolvers,
} from '../generated/resolvers-types.js';
import { annotationTargetType, fuzzyDate, timelineItemType } from './shared.js';

export const Article: ArticleResolvers = {
  text: async (a, _, ctx) => (await ctx.loaders.articleText.load(a.id)) ?? '',
  annotations: async (a, _, ctx) => (await ctx.loaders.articleAnnotations.load(a.id)) ?? [],
  statements: (a, _, ctx) => ctx.loaders.articleStatements.load(a.id),
};

export const AnnotationTarget: AnnotationTargetResolvers = {
  __resolveType: (row) => annotationTargetType(row),
};

export const TimelineItem: TimelineItemResolvers = {
  __resolveType: (row) => timelineItemType(row),
};

export const TimelineEdge: TimelineEdgeResolvers = {
  node: (e) => e.node.node,
  kind: (e) => e.node.kind,
  sortDate: (e) => e.node.sortDate,
  date: ({ node: { node } }) =>
    node.entity === 'statement' ? fuzzyDate(node.saidOnStart, node.saidOnEnd, node.datePrecision) : fuzzyDate(node.start, node.end, node.precision),
};
