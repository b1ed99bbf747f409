/** Actor fields: a page of their statements, affiliations, meetings, events, outlets and mentions — all batched. */
import type { ActorResolvers } from '../generated/resolvers-types.js';
import { toConnection } from '../paging.js';
import { page } from './shared.js';

export const Actor: ActorResolvers = {
  statements: async (a, args, ctx) =>
    toConnection(await ctx.loaders.actorStatements.load({ speakerId: a.id, ...page(ctx, 'Actor.statements', args) })),
  affiliations: (a, _, ctx) => ctx.loaders.actorAffiliations.load(a.id),
  affiliates: (a, _, ctx) => ctx.loaders.actorAffiliates.load(a.id),
  meetings: (a, _, ctx) => ctx.loaders.actorMeetings.load(a.id),
  events: (a, _, ctx) => ctx.loaders.actorEvents.load(a.id),
  outlets: (a, _, ctx) => ctx.loaders.actorOutlets.load(a.id),
  sources: (a, _, ctx) => ctx.loaders.actorMentions.load(a.id),
};
