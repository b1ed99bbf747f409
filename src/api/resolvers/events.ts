/** Event fields (shared by every event type), meetings, agreements, series and claims. */
import { groupClaims } from '../../graph/repositories/claims.js';
import { latestStatus } from '../../graph/repositories/events.js';
import type { EventRow } from '../../graph/repositories/types.js';
import type { ApiContext } from '../context.js';
import type {
  AgreementMilestoneResolvers,
  AgreementResolvers,
  CampaignResolvers,
  ClaimResolvers,
  EventResolvers,
  IncidentResolvers,
  MeetingResolvers,
  MeetingSeriesResolvers,
  OtherEventResolvers,
} from '../generated/resolvers-types.js';
import { eventTypeName } from './shared.js';

/** Fields of the Event interface, resolved the same way for every event type. */
const eventFields = {
  sources: (e: EventRow, _: unknown, ctx: ApiContext) => ctx.loaders.eventMentions.load(e.id),
  statements: (e: EventRow, _: unknown, ctx: ApiContext) => ctx.loaders.eventStatements.load(e.id),
  claims: (e: EventRow, _: unknown, ctx: ApiContext) => ctx.loaders.eventClaims.load(e.id),
  claimsByAttribute: async (e: EventRow, _: unknown, ctx: ApiContext) => groupClaims(await ctx.loaders.eventClaims.load(e.id)),
};

export const Event: EventResolvers = { __resolveType: (e) => eventTypeName(e) };

export const Meeting: MeetingResolvers = {
  ...eventFields,
  participants: (e, _, ctx) => ctx.loaders.meetingParticipants.load(e.id),
};

export const Incident: IncidentResolvers = { ...eventFields };
export const Campaign: CampaignResolvers = { ...eventFields };
export const OtherEvent: OtherEventResolvers = { ...eventFields };

export const Agreement: AgreementResolvers = {
  ...eventFields,
  status: async (e, _, ctx) => latestStatus(e, await ctx.loaders.agreementMilestones.load(e.id)),
  statusHistory: (e, _, ctx) => ctx.loaders.agreementMilestones.load(e.id),
};

export const AgreementMilestone: AgreementMilestoneResolvers = {
  ...eventFields,
  agreement: (e, _, ctx) => ctx.loaders.milestoneAgreement.load(e.id),
};

export const MeetingSeries: MeetingSeriesResolvers = {
  meetings: (s, _, ctx) => ctx.loaders.seriesMeetings.load(s.id),
};

export const Claim: ClaimResolvers = {
  source: async (c, _, ctx) =>
    (await ctx.loaders.claimProvenance.load(c.id))?.source ?? { speaker: null, article: null, statement: null, curationSource: c.curationSource },
  sources: async (c, _, ctx) => (await ctx.loaders.claimProvenance.load(c.id))?.sources ?? [],
  event: async (c, _, ctx) => {
    const event = await ctx.loaders.event.load(c.eventId);
    if (!event) throw new Error(`claim ${c.id} is on no stored event`);
    return event;
  },
};
