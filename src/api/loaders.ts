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
  return {
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
