/**
 * The per-request batchers behind every nested field: one repository batch query per field per level of
 * the response, whatever the page size. Created fresh for each request (the cache must not outlive it).
 */
import type { Runner } from '../graph/repositories/runner.js';
import * as actors from '../graph/repositories/actors.js';
import * as articles from '../graph/repositories/articles.js';
import * as claims from '../graph/repositories/claims.js';
import * as events from '../graph/repositories/events.js';
import * as statements from '../graph/repositories/statements.js';
import type { Page, StatementRow } from '../graph/repositories/types.js';
import { Batcher, listBatcher, oneBatcher } from './batcher.js';

export function createLoaders(run: Runner) {
  const ids =
    <V>(fn: (run: Runner, ids: readonly string[]) => Promise<Map<string, V[]>>) =>
    (keys: readonly string[]) =>
      fn(run, keys);
  const loaders = {
    actor: oneBatcher(ids(actors.actorsByIds)),
    actorAffiliations: listBatcher(ids(actors.affiliationsByActors)),
    actorAffiliates: listBatcher(ids(actors.affiliatesByActors)),
    actorMeetings: listBatcher(ids(actors.meetingsByActors)),
    actorEvents: listBatcher(ids(actors.eventsByActors)),
    actorOutlets: listBatcher(ids(actors.outletsByActors)),
    actorMentions: listBatcher(ids(actors.mentionsOfActors)),
    actorStatements: new Batcher<statements.SpeakerPageRequest, Page<StatementRow>>(
      (reqs) => statements.statementsBySpeakers(run, reqs),
      statements.speakerPageKey,
      () => ({ items: [], hasNextPage: false }),
    ),

    statement: oneBatcher(ids(statements.statementsByIds)),
    statementReports: listBatcher(ids(statements.reportsByStatements)),
    statementAbout: listBatcher(ids(statements.aboutByStatements)),
    statementAudience: listBatcher(ids(statements.audienceByStatements)),
    statementClaims: listBatcher(ids(statements.claimsByStatements)),

    event: oneBatcher(ids(events.eventsByIds)),
    eventMentions: listBatcher(ids(events.mentionsOfEvents)),
    eventStatements: listBatcher(ids(statements.statementsAboutEvents)),
    eventClaims: listBatcher(ids(events.claimsByEvents)),
    meetingParticipants: listBatcher(ids(events.participantsByMeetings)),
    seriesMeetings: listBatcher(ids(events.meetingsBySeries)),
    agreementMilestones: listBatcher(ids(events.milestonesByAgreements)),
    milestoneAgreement: oneBatcher(ids(events.agreementsOfMilestones)),

    claimProvenance: oneBatcher(ids(claims.provenanceOfClaims)),

    article: oneBatcher(ids(articles.articlesByIds)),
    articleText: oneBatcher(ids(articles.textsOfArticles)),
    articleAnnotations: oneBatcher(ids(articles.annotationsOfArticles)),
    articleStatements: listBatcher(ids(statements.statementsByArticles)),

    // Lookups that also fetch their common child fields in the same query, priming the child batchers:
    // `statement(id) { reports … }` and `event(id) { claims { source … } }` are one round trip each.
    statementWithReports: oneBatcher(async (keys: readonly string[]) => {
      const found = await statements.statementsWithReports(run, keys);
      for (const key of keys) {
        loaders.statement.prime(key, found.statements.get(key)?.[0] ?? null);
        loaders.statementReports.prime(key, found.reports.get(key) ?? []);
      }
      return found.statements;
    }),
    eventWithClaims: oneBatcher(async (keys: readonly string[]) => {
      const found = await events.eventsWithClaims(run, keys);
      for (const key of keys) {
        loaders.event.prime(key, found.events.get(key)?.[0] ?? null);
        loaders.eventClaims.prime(key, found.claims.get(key) ?? []);
      }
      for (const [claimId, provenance] of found.provenance) loaders.claimProvenance.prime(claimId, provenance);
      return found.events;
    }),
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;
