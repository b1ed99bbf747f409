/** Writes: bearer token required; disabled outright when the server has no API_TOKEN. */
import type { ApiContext } from '../context.js';
import { mutationsDisabled, unauthenticated } from '../errors.js';
import type { IngestResultResolvers, MutationResolvers } from '../generated/resolvers-types.js';
import { ingestViaApi } from '../ingest.js';
import { exposeDetails } from './shared.js';

function requireWriter(ctx: ApiContext): void {
  if (!ctx.config.API_TOKEN) throw mutationsDisabled();
  if (!ctx.authenticated) throw unauthenticated();
}

export const Mutation: MutationResolvers = {
  ingestArticle: async (_, { input }, ctx) => {
    requireWriter(ctx);
    return ingestViaApi(ctx.ingest, input, exposeDetails(ctx));
  },
};

export const IngestResult: IngestResultResolvers = {
  article: (r, _, ctx) => (r.status === 'FAILED' || !r.id ? null : ctx.loaders.article.load(r.id)),
};
