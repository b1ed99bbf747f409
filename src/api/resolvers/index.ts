/** Every resolver map, merged for Apollo. Resolvers stay thin: the work is in src/graph/repositories. */
import type { Resolvers } from '../generated/resolvers-types.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';
import { Actor } from './actors.js';
import { AnnotationTarget, Article, TimelineEdge, TimelineItem } from './articles.js';
import { Agreement, AgreementMilestone, Campaign, Claim, Event, Incident, Meeting, MeetingSeries, OtherEvent } from './events.js';
import { IngestResult, Mutation } from './mutation.js';
import { Query } from './query.js';
import { Report, Statement, Topic } from './statements.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  IngestResult,
  Actor,
  Statement,
  Report,
  Topic,
  Event,
  Meeting,
  Incident,
  Agreement,
  AgreementMilestone,
  Campaign,
  OtherEvent,
  MeetingSeries,
  Claim,
  Article,
  AnnotationTarget,
  TimelineItem,
  TimelineEdge,
  Node: { __resolveType: () => null },
};
