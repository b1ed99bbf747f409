/**
 * The event stage: meetings in series, incidents with their claims, agreements with their status over
 * time, and dated campaigns. Runs after actors and statements (it attributes claims to the statements
 * they sit in and dates reports by them), then events of any story from the parse's open vocabulary (event nouns
 * from WordNet, event verbs), and where each event happened. Pure and deterministic; every lexicon is a data file.
 */
import type { ActorIndex } from './actorIndex.js';
import type { Doc } from './doc.js';
import type { ExtractedClaim, ExtractedEvent, ExtractedStatement } from '../domain/types.js';
import { extractAgreements } from './events/agreements.js';
import { extractCampaigns } from './events/campaigns.js';
import { EventContext } from './events/context.js';
import { extractIncidents } from './events/incidents.js';
import { extractMeetings } from './events/meetings.js';
import { extractParsedEvents, joinLexical } from './events/parsed.js';
import { placeEvents } from './events/place.js';
import { countClaims } from './events/tolls.js';
import type { Syntax } from './syntax.js';

export function extractEvents(
  doc: Doc,
  actorIndex: ActorIndex,
  statements: ExtractedStatement[],
  syntax: Syntax,
): { events: ExtractedEvent[]; claims: ExtractedClaim[] } {
  const ctx = new EventContext(doc, actorIndex, statements);
  const meetings = extractMeetings(ctx);
  const incidents = extractIncidents(ctx);
  const agreements = extractAgreements(ctx);
  const campaigns = extractCampaigns(ctx);
  const lexical = [...meetings, ...incidents.events, ...agreements.events, ...campaigns];
  // The open vocabulary of the parse adds what the lexical extractors (tuned, with claims) do not cover.
  const parsed = joinLexical(lexical, extractParsedEvents(ctx, syntax, lexical));
  const events = [...lexical, ...parsed];
  placeEvents(ctx, syntax, events);
  const claims = [...incidents.claims, ...agreements.claims, ...countClaims(ctx, syntax, events)];
  linkStatements(ctx, events, claims);
  return { events, claims };
}

/**
 * The statement stage runs before events exist, so it cannot say what a statement is about: a statement
 * is about every event mentioned inside its span or carrying a claim it asserts. Added in place, once.
 */
function linkStatements(ctx: EventContext, events: ExtractedEvent[], claims: ExtractedClaim[]): void {
  const add = (statement: ExtractedStatement | undefined, eventKey: string) => {
    if (statement && !statement.aboutKeys.includes(eventKey)) statement.aboutKeys.push(eventKey);
  };
  const byKey = new Map(ctx.statements.map((s) => [s.key, s]));
  for (const c of claims) if (c.statementKey) add(byKey.get(c.statementKey), c.eventKey);
  for (const e of events) for (const m of e.mentions) add(ctx.statementAt(m.start, m.end), e.key);
}
